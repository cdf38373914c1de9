import type { Locator, Page } from '@playwright/test';

/** 驻场: today's one-keystroke record, the month's days, and each subsystem's presence. */
export class OnSitePage {
  readonly heading: Locator;
  readonly today: Locator;
  readonly todayState: Locator;
  readonly otherDay: Locator;
  readonly days: Locator;
  readonly savedMessage: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '驻场', exact: true });
    this.today = page.getByTestId('onsite-today');
    this.todayState = page.getByTestId('onsite-today-state');
    this.otherDay = page.getByTestId('onsite-other-day');
    this.days = page.getByTestId('onsite-days').locator('tbody tr.ant-table-row');
    this.savedMessage = page.getByTestId('onsite-save-message');
    this.dialog = page.getByRole('dialog');
  }

  async openFromMenu(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '驻场' }).click();
    await this.heading.waitFor();
  }

  /** A subsystem's presence card (working days on site, headcount). */
  subsystemCard(subsystemId: number): Locator {
    return this.page.locator(`[data-testid="onsite-subsystem-card"][data-subsystem="${subsystemId}"]`);
  }

  /** Records a day other than an ordinary one through the dialog: date, presence, hours, summary. */
  async recordDay(day: {
    readonly date: string;
    readonly presence: '驻场' | '远程' | '请假';
    readonly hours?: number;
    readonly summary: string;
  }): Promise<void> {
    await this.otherDay.click();
    await this.dialog.waitFor();
    await this.page.getByTestId('onsite-date').fill(day.date);
    await this.dialog
      .locator('label')
      .filter({ hasText: new RegExp(`^${day.presence}$`) })
      .click();
    if (day.hours !== undefined) {
      await this.page
        .locator('[data-testid="onsite-hours"] input, input[data-testid="onsite-hours"]')
        .fill(String(day.hours));
    }
    await this.page.getByTestId('onsite-summary').fill(day.summary);
    await this.page.keyboard.press('Control+Enter');
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
