import { expect, type Locator, type Page } from '@playwright/test';

/** The colours of core/src/charts/chart-model.ts CHART_COLORS a test clicks by. */
export const CHART_FILL = { response: '#5470c6', resolution: '#91cc75' } as const;

/** 项目总览: the obligation counts, the charts (SVG) and the lists beside them. */
export class DashboardPage {
  readonly heading: Locator;
  readonly scope: Locator;
  readonly counts: Locator;
  readonly slaMonth: Locator;
  readonly slaYear: Locator;
  readonly openTickets: Locator;
  readonly inspections: Locator;
  readonly trainings: Locator;
  readonly visits: Locator;
  readonly onSite: Locator;
  readonly duty: Locator;
  readonly comingDue: Locator;
  readonly pressing: Locator;
  readonly recordsDrawer: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '项目总览' });
    this.scope = page.getByTestId('dashboard-scope');
    this.counts = page.getByTestId('dashboard-counts');
    this.slaMonth = page.getByTestId('chart-sla-month');
    this.slaYear = page.getByTestId('chart-sla-year');
    this.openTickets = page.getByTestId('chart-open-tickets');
    this.inspections = page.getByTestId('chart-inspections');
    this.trainings = page.getByTestId('chart-trainings');
    this.visits = page.getByTestId('chart-visits');
    this.onSite = page.getByTestId('chart-onsite');
    this.duty = page.getByTestId('chart-duty');
    this.comingDue = page.getByTestId('dashboard-coming-due');
    this.pressing = page.getByTestId('dashboard-pressing');
    this.recordsDrawer = page.getByTestId('dashboard-records');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/dashboard');
    await this.heading.waitFor();
  }

  get charts(): readonly Locator[] {
    return [this.slaMonth, this.slaYear, this.openTickets, this.inspections];
  }

  /** Waits until every chart has drawn its SVG with marks in it. */
  async waitForCharts(): Promise<void> {
    for (const chart of this.charts) {
      await expect(chart.locator('svg')).toBeVisible();
      await expect(chart.locator('svg path').first()).toBeAttached();
    }
  }

  /**
   * Clicks 标记为已提交 on the first report or acceptance of 报表与验收 that offers it, confirms it
   * handed in now with `note`, waits for the saved message, and gives the item's title.
   */
  async markFirstSubmitted(note: string): Promise<string> {
    const item = this.comingDue
      .getByTestId('dashboard-obligation')
      .filter({ has: this.page.getByTestId('mark-submitted') })
      .first();
    const title = await item.locator('.dashboard__obligation-title').innerText();
    await item.getByTestId('mark-submitted').click();
    const dialog = this.page.getByRole('dialog', { name: '标记为已提交' });
    await dialog.getByTestId('submission-note').fill(note);
    await dialog.getByRole('button', { name: /确认已提交/ }).click();
    await this.page.getByTestId('report-submission-message').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    return title;
  }

  count(state: 'broken' | 'overdue' | 'at_risk' | 'due'): Locator {
    return this.page.getByTestId(`dashboard-count-${state}`);
  }

  /**
   * Clicks the tallest mark of a colour in a chart: a bar of that series (its legend icon is the same
   * colour but only 14 px high).
   */
  async clickBar(chart: Locator, fill: string): Promise<void> {
    const marks = chart.locator(`svg path[fill="${fill}"]`);
    await expect(marks.first()).toBeAttached();
    const boxes = await marks.evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2, height: box.height };
      }),
    );
    const tallest = boxes.reduce((best, box) => (box.height > best.height ? box : best));
    await this.page.mouse.click(tallest.x, tallest.y);
  }
}
