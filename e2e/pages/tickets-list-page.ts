import type { Locator, Page } from '@playwright/test';

/** 工单列表 as a user sees it: filters, search and the rows in deadline order. */
export class TicketsListPage {
  readonly search: Locator;
  readonly rows: Locator;
  readonly list: Locator;
  readonly empty: Locator;
  readonly newTicketButton: Locator;
  readonly clearFilters: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('ticket-search');
    this.rows = page.getByTestId('ticket-row');
    this.list = page.getByTestId('ticket-list');
    this.empty = page.getByTestId('tickets-empty');
    this.newTicketButton = page.getByTestId('new-ticket');
    this.clearFilters = page.getByTestId('clear-filters');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/tickets');
  }

  /** Waits for the list or its empty state, whichever the store has. */
  async loaded(): Promise<void> {
    await this.list.or(this.empty).first().waitFor();
  }

  /** Types a query the way a user does: "/" to focus the box, then the words. */
  async searchFor(text: string): Promise<void> {
    await this.page.locator('body').press('/');
    await this.page.keyboard.type(text);
  }

  row(title: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('ticket-row-title').filter({ hasText: title }) });
  }

  status(row: Locator): Locator {
    return row.getByTestId('ticket-row-status');
  }

  clock(row: Locator): Locator {
    return row.getByTestId('row-clock');
  }
}
