import type { Locator, Page } from '@playwright/test';

/** The browser build's service worker as the page sees it, and its 新版本可用 button. */
export class OfflineShellPage {
  readonly newVersion: Locator;

  constructor(readonly page: Page) {
    this.newVersion = page.getByTestId('new-version');
  }

  /** Resolves once a service worker is active for the page (the app shell is precached by then). */
  async waitUntilPrecached(): Promise<void> {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
  }

  /** Whether the browser granted persistent storage (the app asks on start). */
  persisted(): Promise<boolean> {
    return this.page.evaluate(() => navigator.storage.persisted());
  }
}
