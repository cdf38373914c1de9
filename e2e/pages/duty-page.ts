import { expect, type Locator, type Page } from '@playwright/test';

/** 值班: the roster, my duty days, the sensitive periods, and one duty log with its hand-over. */
export class DutyPage {
  readonly heading: Locator;
  readonly scope: Locator;
  readonly roster: Locator;
  readonly gaps: Locator;
  readonly saveMessage: Locator;
  readonly awaiting: Locator;
  readonly myDuties: Locator;
  readonly periodAdd: Locator;
  readonly periodName: Locator;
  readonly periodScope: Locator;
  readonly periodSubsystems: Locator;
  readonly periodSave: Locator;
  readonly periods: Locator;
  readonly log: Locator;
  readonly logMissing: Locator;
  readonly calls: Locator;
  readonly eventAdd: Locator;
  readonly eventFromTicket: Locator;
  readonly events: Locator;
  readonly notes: Locator;
  readonly logSave: Locator;
  readonly handOverTo: Locator;
  readonly handOverNote: Locator;
  readonly handOverSubmit: Locator;
  readonly signOff: Locator;
  readonly signState: Locator;
  readonly swapPerson: Locator;
  readonly swapReason: Locator;
  readonly swapSave: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '值班', exact: true });
    this.scope = page.getByTestId('duty-scope');
    this.roster = page.getByTestId('duty-roster');
    this.gaps = page.getByTestId('duty-gaps');
    this.saveMessage = page.getByTestId('duty-save-message');
    this.awaiting = page.getByTestId('duty-awaiting');
    this.myDuties = page.getByTestId('my-duty');
    this.periodAdd = page.getByTestId('period-add');
    this.periodName = page.getByTestId('period-name');
    this.periodScope = page.getByTestId('period-scope');
    this.periodSubsystems = page.getByTestId('period-subsystems');
    this.periodSave = page.getByTestId('period-save');
    this.periods = page.getByTestId('duty-periods');
    this.log = page.getByTestId('duty-log');
    this.logMissing = page.getByTestId('duty-log-missing');
    this.calls = page.getByTestId('duty-calls');
    this.eventAdd = page.getByTestId('duty-event-add');
    this.eventFromTicket = page.getByTestId('duty-event-from-ticket');
    this.events = page.getByTestId('duty-event');
    this.notes = page.getByTestId('duty-notes');
    this.logSave = page.getByTestId('duty-log-save');
    this.handOverTo = page.getByTestId('duty-hand-over-to');
    this.handOverNote = page.getByTestId('duty-hand-over-note');
    this.handOverSubmit = page.getByTestId('duty-hand-over-submit');
    this.signOff = page.getByTestId('duty-sign-off');
    this.signState = page.getByTestId('duty-sign-state');
    this.swapPerson = page.getByTestId('swap-person').locator('input');
    this.swapReason = page.getByTestId('swap-reason');
    this.swapSave = page.getByTestId('swap-save');
  }

  /** The duty page over a period, for a scope (`all` or a subsystem id) and a tab. */
  async open(query: string): Promise<void> {
    await this.page.goto(`/#/duty?${query}`);
    await this.heading.waitFor();
  }

  /** A day's row of the roster table. */
  day(date: string): Locator {
    return this.roster.locator(`tr[data-date="${date}"]`);
  }

  /** The project lead types a login name into a day's people and confirms it; waits for the save. */
  async assign(date: string, person: string): Promise<void> {
    const select = this.day(date).getByTestId('roster-people');
    await select.click();
    await this.page.keyboard.type(person);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
    await expect(this.saveMessage).toContainText(`已安排 ${person} 于 ${date} 值班`);
  }

  /** Adds a sensitive period for some subsystems (their labels as the select shows them). */
  async addPeriod(name: string, from: string, to: string, subsystems: readonly string[]): Promise<void> {
    await this.periodAdd.click();
    await this.periodName.fill(name);
    // Picked from the calendar panel (days carry their date as a title): typing into a range picker
    // commits the first date only once focus moves on, which races with the second date.
    const dialog = this.page.getByRole('dialog');
    const panel = this.page.locator('.ant-picker-dropdown:visible');
    const startField = dialog.getByPlaceholder('开始日期');
    const endField = dialog.getByPlaceholder('结束日期');
    // The picker takes the end date once it has moved to the end field; a click before then is read
    // as a new start. On a busy machine a click while the panel still opens or closes is lost, or
    // closes the panel with nothing chosen: picked again until both fields hold their dates.
    await expect(async () => {
      if (!(await panel.isVisible())) await startField.click();
      if (!(await endField.evaluate((field) => field === document.activeElement))) {
        await panel.locator(`td[title="${from}"]`).first().click({ timeout: 2_000 });
        await expect(endField).toBeFocused({ timeout: 2_000 });
      }
      await panel.locator(`td[title="${to}"]`).first().click({ timeout: 2_000 });
      await expect(panel).toBeHidden({ timeout: 2_000 });
      await expect(startField).toHaveValue(from, { timeout: 1_000 });
      await expect(endField).toHaveValue(to, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await this.periodScope.getByText('指定运维子项').click();
    for (const subsystem of subsystems) {
      await this.periodSubsystems.click();
      await this.page.keyboard.type(subsystem);
      await this.page.keyboard.press('Enter');
    }
    await this.page.getByRole('dialog').getByText('名称').click();
    await this.periodSave.click();
    await expect(this.saveMessage).toContainText(`已保存重要时期“${name}”`);
  }
}
