import type { Locator, Page } from '@playwright/test';

/** A desktop notification as the page asked the browser to show it. */
export interface ShownNotification {
  readonly title: string;
  readonly body: string;
}

declare global {
  interface Window {
    /** What the stubbed Notification was asked to show since the page loaded. */
    __shownNotifications?: ShownNotification[];
  }
}

/**
 * 提醒: the header's bell, the reminder page, and the desktop notifications the page showed. The
 * browser's Notification is replaced before the app loads by one that grants permission and records
 * each notification, so a test reads exactly what a user would have seen pop up.
 */
export class RemindersPage {
  readonly bell: Locator;
  readonly count: Locator;
  readonly list: Locator;
  readonly items: Locator;

  constructor(readonly page: Page) {
    this.bell = page.getByTestId('reminder-bell');
    this.count = page.getByTestId('reminder-count');
    this.list = page.getByTestId('reminder-list');
    this.items = page.getByTestId('reminder-item');
  }

  /** Call before the first navigation: every page load starts with an empty record of notifications. */
  static async captureNotifications(page: Page): Promise<void> {
    await page.addInitScript(() => {
      const shown: { title: string; body: string }[] = [];
      window.__shownNotifications = shown;
      const RecordedNotification = Object.assign(
        function RecordedNotification(title: string, options?: { body?: string }) {
          shown.push({ title, body: options?.body ?? '' });
        },
        { permission: 'granted', requestPermission: () => Promise.resolve('granted') },
      );
      Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true });
    });
  }

  /** The notifications shown since this page load whose title starts with `prefix`. */
  async shown(prefix = ''): Promise<ShownNotification[]> {
    const all = await this.page.evaluate(() => window.__shownNotifications ?? []);
    return all.filter((one) => one.title.startsWith(prefix));
  }

  async open(): Promise<void> {
    await this.bell.click();
    await this.list.waitFor();
  }

  item(causePrefix: string): Locator {
    return this.page.locator(`[data-testid="reminder-item"][data-cause^="${causePrefix}"]`);
  }

  itemsOfKind(kind: string): Locator {
    return this.page.locator(`[data-testid="reminder-item"][data-kind="${kind}"]`);
  }
}
