import type { Locator, Page } from '@playwright/test';
import { SessionPage } from './session-page';

export type ClockKind = 'response' | 'resolution';

/** The shell's subsystem list (运维子项与时限), as a user sees it. */
export class SubsystemsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly contractName: Locator;
  readonly contractSummary: Locator;
  readonly todayDate: Locator;
  readonly todayTime: Locator;
  readonly todayKind: Locator;
  readonly hostVersion: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('subsystem-table');
    this.rows = this.table.locator('tbody tr[data-row-key]');
    this.contractName = page.getByTestId('contract-name');
    this.contractSummary = page.getByTestId('contract-summary');
    this.todayDate = page.getByTestId('today-date');
    this.todayTime = page.getByTestId('today-time');
    this.todayKind = page.getByTestId('today-kind');
    this.hostVersion = page.getByTestId('host-version');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/subsystems');
    await new SessionPage(this.page).signIn();
    await this.rows.first().waitFor();
  }

  /** From the signed-in app's menu (it opens on 我的工作). */
  async openFromMenu(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '运维子项与时限' }).click();
    await this.rows.first().waitFor();
  }

  row(subsystemId: number): Locator {
    return this.table.locator(`tbody tr[data-row-key="${subsystemId}"]`);
  }

  shortName(subsystemId: number): Locator {
    return this.row(subsystemId).getByTestId('subsystem-short-name');
  }

  fullName(subsystemId: number): Locator {
    return this.row(subsystemId).getByTestId('subsystem-name');
  }

  budget(subsystemId: number): Locator {
    return this.row(subsystemId).getByTestId('subsystem-budget');
  }

  stationed(subsystemId: number): Locator {
    return this.row(subsystemId).getByTestId('subsystem-stationed');
  }

  serviceHours(subsystemId: number): Locator {
    return this.row(subsystemId).getByTestId('subsystem-hours');
  }

  /** The row of the SLA grid that covers this category and severity (rows merge identical clocks). */
  clockGroup(subsystemId: number, category: string, severity: string): Locator {
    return this.row(subsystemId).locator(
      `[data-testid="sla-group"][data-categories~="${category}"][data-severities~="${severity}"]`,
    );
  }

  /** The clock's visible text, e.g. "10 分钟（7×24 小时）". */
  clock(subsystemId: number, category: string, severity: string, kind: ClockKind): Locator {
    return this.clockGroup(subsystemId, category, severity)
      .locator(`[data-kind="${kind}"]`)
      .getByTestId('sla-clock-text');
  }

  clockCell(subsystemId: number, category: string, severity: string, kind: ClockKind): Locator {
    return this.clockGroup(subsystemId, category, severity).locator(`[data-kind="${kind}"]`);
  }
}
