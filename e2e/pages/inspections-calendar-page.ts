import type { Locator, Page } from '@playwright/test';

/** 巡检 (/#/inspections): today's due list, the month calendar and the list of runs. */
export class InspectionsCalendarPage {
  readonly todayTasks: Locator;
  readonly calendar: Locator;
  readonly runList: Locator;

  constructor(readonly page: Page) {
    this.todayTasks = page.getByTestId('today-tasks');
    this.calendar = page.getByTestId('slot-calendar');
    this.runList = page.getByTestId('run-list');
  }

  /** Navigates there; the page shows once a local user is signed in. */
  async visit(): Promise<void> {
    await this.page.goto('/#/inspections');
  }

  async open(): Promise<void> {
    await this.visit();
    await this.todayTasks.waitFor();
  }

  todayTask(templateId: string): Locator {
    return this.todayTasks.locator(`[data-testid="today-task"][data-template-id="${templateId}"]`);
  }

  /** The state tag of today's slot, e.g. “待巡检”, “已完成”. */
  todayTaskState(templateId: string): Locator {
    return this.todayTask(templateId).getByTestId('today-task-state');
  }

  /** Clicks “开始巡检” (or “继续巡检”) and waits for the run page. */
  async start(templateId: string): Promise<void> {
    await this.todayTask(templateId).getByTestId('today-task-start').click();
    await this.page.getByTestId('run-page').waitFor();
  }

  /** The slot of a template on a day of the calendar (`YYYY-MM-DD`). */
  slotChip(date: string, templateId: string): Locator {
    return this.calendar.locator(
      `[data-testid="calendar-day"][data-date="${date}"] [data-testid="slot-chip"][data-template-id="${templateId}"]`,
    );
  }

  monthlySlot(templateId: string): Locator {
    return this.page.locator(
      `[data-testid="monthly-slots"] [data-testid="slot-chip"][data-template-id="${templateId}"]`,
    );
  }

  async showRuns(): Promise<void> {
    await this.page.getByRole('tab', { name: '巡检记录' }).click();
    await this.runList.waitFor();
  }

  runRow(runId: string): Locator {
    return this.runList.locator(`tr[data-run-id="${runId}"]`);
  }
}
