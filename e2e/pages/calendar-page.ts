import type { Locator, Page } from '@playwright/test';

/** 节假日日历: the year grid, and the project lead's editor for a year's notice. */
export class CalendarPage {
  readonly addButton: Locator;
  readonly yearState: Locator;
  readonly summary: Locator;
  readonly grid: Locator;
  readonly pasteTab: Locator;
  readonly paste: Locator;
  readonly issues: Locator;
  readonly save: Locator;
  readonly saveError: Locator;

  constructor(readonly page: Page) {
    this.addButton = page.getByTestId('calendar-add');
    this.yearState = page.getByTestId('calendar-year-state');
    this.summary = page.getByTestId('calendar-summary');
    this.grid = page.getByTestId('year-grid');
    this.pasteTab = page.getByRole('tab', { name: '粘贴通知数据' });
    this.paste = page.getByTestId('calendar-paste');
    this.issues = page.getByTestId('calendar-issues');
    this.save = page.getByTestId('calendar-save');
    this.saveError = page.getByTestId('calendar-save-error');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/calendar');
    await this.grid.first().waitFor();
  }

  /** A day of the page's grid (the first grid: the drawer's preview comes after it). */
  day(date: string): Locator {
    return this.grid.first().locator(`[data-date="${date}"]`);
  }
}
