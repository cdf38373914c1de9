import { expect, type Locator, type Page } from '@playwright/test';

/** The header's sync badge and the 同步状态 page with its rejected changes. */
export class SyncStatusPage {
  readonly badge: Locator;
  readonly syncNowButton: Locator;
  readonly rejectedChanges: Locator;
  readonly popover: Locator;

  constructor(readonly page: Page) {
    this.badge = page.getByTestId('sync-status');
    this.syncNowButton = page.getByTestId('sync-now');
    this.popover = page.getByTestId('sync-popover');
    this.rejectedChanges = page.getByTestId('rejected-change');
  }

  /** Waits until nothing is pending and the last round succeeded (the badge says 已同步). */
  async waitUntilSynced(): Promise<void> {
    await expect(this.badge).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
    await expect(this.badge).toHaveAttribute('data-phase', 'idle', { timeout: 30_000 });
  }

  /** Asks for a sync now, from the badge's popover, and waits until that round has succeeded. */
  async syncNow(): Promise<void> {
    const before = (await this.badge.getAttribute('data-last-success')) ?? '';
    await this.badge.click();
    await expect(this.popover).toBeVisible();
    await this.syncNowButton.click();
    await this.page.keyboard.press('Escape');
    try {
      await expect(this.badge).not.toHaveAttribute('data-last-success', before, { timeout: 30_000 });
    } catch (error) {
      const badge = await this.badge.evaluate((element) =>
        Object.entries((element as HTMLElement).dataset)
          .map(([key, value]) => `${key}=${value ?? ''}`)
          .join(' '),
      );
      throw new Error(`立即同步之后 30 秒内没有一轮同步成功（同步徽标：${badge}）`, { cause: error });
    }
  }

  async open(): Promise<void> {
    await this.page.goto('/#/sync');
    await this.page.getByTestId('sync-page').waitFor();
  }
}
