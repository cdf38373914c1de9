import type { Download, Locator, Page } from '@playwright/test';

/** 报表: the document, period and scope, the preview and the save buttons. */
export class ReportsPage {
  readonly heading: Locator;
  readonly document: Locator;
  readonly scope: Locator;
  readonly preview: Locator;
  readonly charts: Locator;
  readonly saveDocxButton: Locator;
  readonly saveXlsxButton: Locator;
  readonly savePdfButton: Locator;
  readonly savePackageButton: Locator;
  readonly busy: Locator;
  readonly remarkProblems: Locator;
  readonly remarkPlan: Locator;
  readonly remarkSaveButton: Locator;
  readonly remarkSaved: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '报表', exact: true });
    this.document = page.getByTestId('report-document');
    this.scope = page.getByTestId('report-scope');
    this.preview = page.getByTestId('report-preview');
    this.charts = this.preview.getByTestId('report-chart');
    this.saveDocxButton = page.getByTestId('report-save-docx');
    this.saveXlsxButton = page.getByTestId('report-save-xlsx');
    this.savePdfButton = page.getByTestId('report-save-pdf');
    this.savePackageButton = page.getByTestId('report-save-zip');
    this.busy = page.getByTestId('report-busy');
    this.remarkProblems = page.getByTestId('report-remark-problems');
    this.remarkPlan = page.getByTestId('report-remark-plan');
    this.remarkSaveButton = page.getByTestId('report-remark-save');
    this.remarkSaved = page.getByTestId('report-remark-save-message');
  }

  async openFromMenu(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '报表' }).click();
    await this.heading.waitFor();
  }

  /** Picks a document by its name in the 文件 list. */
  async chooseDocument(name: string): Promise<void> {
    await this.document.click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(name, { exact: true }).click();
  }

  /** Writes the month's 本月说明 (存在问题与建议, 下月工作计划) and saves them on this PC. */
  async writeRemarks(problems: string, plan: string): Promise<void> {
    await this.remarkProblems.fill(problems);
    await this.remarkPlan.fill(plan);
    await this.remarkSaveButton.click();
    await this.remarkSaved.waitFor();
  }

  /** Clicks a save button and gives the file the browser downloads. */
  async save(button: Locator): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await button.click();
    return download;
  }

  /**
   * Saves the document as PDF: the first time the worker fetches and opens some 70 MB of fonts, which
   * on a busy machine takes longer than a download's usual wait.
   */
  async savePdf(): Promise<Download> {
    const download = this.page.waitForEvent('download', { timeout: 180_000 });
    // A PDF the page could not make fails at once with the page's message, not at the wait's end.
    const error = this.page.locator('.ant-message-error').first();
    const failed = error.waitFor({ timeout: 180_000 }).then(async () => {
      throw new Error(`页面提示：${await error.innerText()}`);
    });
    await this.savePdfButton.click();
    return Promise.race([download, failed]);
  }
}
