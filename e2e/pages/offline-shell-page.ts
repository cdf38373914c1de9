import type { Page } from '@playwright/test';

/** The browser build's service worker as the page sees it. */
export class OfflineShellPage {
  constructor(readonly page: Page) {}

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
