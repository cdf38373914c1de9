import { expect, type Locator, type Page } from '@playwright/test';

/** 回访: the coverage of units × months, its drill-down and the year's visits. */
export class VisitsPage {
  readonly heading: Locator;
  readonly newVisit: Locator;
  readonly coverage: Locator;
  readonly drawer: Locator;
  readonly rows: Locator;
  readonly notVisible: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '回访', exact: true });
    this.newVisit = page.getByTestId('new-visit');
    this.coverage = page.getByTestId('visit-coverage');
    this.drawer = page.getByRole('dialog');
    this.rows = page.getByTestId('visit-row');
    this.notVisible = page.getByTestId('visits-not-visible');
  }

  async openFromMenu(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '回访' }).click();
    await this.heading.waitFor();
  }

  /** The coverage cell of a unit (by id) in a month (`YYYY-MM`). */
  cell(unitId: number, month: string): Locator {
    return this.coverage.locator(
      `[data-testid="coverage-cell"][data-unit="${unitId}"][data-month="${month}"]`,
    );
  }

  /** The units (by name) the coverage view has rows for. */
  async coverageUnits(): Promise<string[]> {
    await this.coverage.waitFor();
    return this.coverage.locator('tbody tr.ant-table-row td:first-child').allTextContents();
  }
}

/** 登记回访 and a visit's page: the form, its ratings and photos. */
export class VisitFormPage {
  readonly heading: Locator;
  readonly date: Locator;
  readonly units: Locator;
  readonly addPerson: Locator;
  readonly tickets: Locator;
  readonly suggestions: Locator;
  readonly photos: Locator;
  readonly save: Locator;
  readonly savedMessage: Locator;
  readonly missing: Locator;

  constructor(readonly page: Page) {
    this.heading = page.locator('#visit-edit-title');
    this.date = page.getByTestId('visit-date');
    this.units = page.getByTestId('visit-units');
    this.addPerson = page.getByTestId('add-person');
    this.tickets = page.getByTestId('visit-tickets');
    this.suggestions = page.getByTestId('visit-suggestions');
    this.photos = page.getByTestId('attachment-item');
    this.save = page.getByTestId('save-visit');
    this.savedMessage = page.getByTestId('visit-save-message');
    this.missing = page.getByTestId('visit-missing');
  }

  /** Picks units by typing part of each name into the units box, as a user does with the keyboard. */
  async pickUnits(names: readonly string[]): Promise<void> {
    await this.units.click();
    for (const name of names) {
      await this.page.keyboard.type(name);
      await this.page.keyboard.press('Enter');
      await expect(this.units).toContainText(name);
    }
    await this.suggestions.click();
  }

  /** Fills the last person row: name, unit (by name) and post. */
  async addPersonMet(name: string, unit: string, title: string): Promise<void> {
    await this.addPerson.click();
    await this.page.getByTestId('person-name').last().fill(name);
    await this.page.getByTestId('person-unit').last().click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(unit, { exact: true }).click();
    await this.page.getByTestId('person-title').last().fill(title);
  }

  /** Rates a visited unit: 满意, 基本满意 or 不满意, with a comment. */
  async rate(unitId: number, level: '满意' | '基本满意' | '不满意', comment = ''): Promise<void> {
    const row = this.page.locator(`[data-testid="visit-rating"][data-unit="${unitId}"]`);
    await row
      .locator('label')
      .filter({ hasText: new RegExp(`^${level}$`) })
      .click();
    if (comment !== '') await row.getByTestId('rating-comment').fill(comment);
  }

  async addPhoto(photo: { readonly name: string; readonly buffer: Buffer }): Promise<void> {
    const before = await this.photos.count();
    await this.page.getByTestId('attachment-input').setInputFiles({ ...photo, mimeType: 'image/png' });
    await expect(this.photos).toHaveCount(before + 1);
  }

  /** The id of the visit on screen, from the address, once the saved visit's page has opened. */
  async visitId(): Promise<string> {
    await this.page.waitForURL(/#\/visits\/[0-9a-f-]{36}$/);
    const match = /#\/visits\/([0-9a-f-]{36})$/.exec(this.page.url());
    if (match?.[1] === undefined) throw new Error(`不是回访记录的页面：${this.page.url()}`);
    return match[1];
  }
}
