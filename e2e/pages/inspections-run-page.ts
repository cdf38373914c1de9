import { expect, type Locator, type Page } from '@playwright/test';

/** One run (/#/inspections/run/:runId): its facts, its items, their tickets. */
export class InspectionRunPage {
  readonly root: Locator;
  readonly title: Locator;
  readonly templateVersion: Locator;
  readonly status: Locator;
  readonly summary: Locator;
  readonly inspector: Locator;
  readonly startedAt: Locator;
  readonly finishedAt: Locator;
  readonly finishButton: Locator;
  readonly ticketDialog: Locator;
  /** 修改历史: every save of the run, who and when, field by field. */
  readonly history: Locator;
  /** The saves in 修改历史, newest first. */
  readonly historySaves: Locator;
  /** The error messages refused saves show. */
  readonly refusals: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('run-page');
    this.title = page.getByTestId('run-title');
    this.templateVersion = page.getByTestId('run-template-version');
    this.status = page.getByTestId('run-status');
    this.summary = page.getByTestId('run-summary');
    this.inspector = page.getByTestId('run-inspector');
    this.startedAt = page.getByTestId('run-started');
    this.finishedAt = page.getByTestId('run-finished');
    this.finishButton = page.getByTestId('run-finish');
    this.ticketDialog = page.getByRole('dialog', { name: '已生成工单' });
    this.history = page.getByTestId('run-history');
    this.historySaves = this.history.getByTestId('history-save');
    this.refusals = page.locator('.ant-message-error');
  }

  /** The run's id, from the URL. */
  runId(): string {
    const match = /#\/inspections\/run\/([0-9a-f-]+)$/.exec(this.page.url());
    if (match?.[1] === undefined) throw new Error(`不在巡检记录页面：${this.page.url()}`);
    return match[1];
  }

  item(itemId: string): Locator {
    return this.root.locator(`[data-testid="run-item"][data-item-id="${itemId}"]`);
  }

  items(): Locator {
    return this.root.getByTestId('run-item');
  }

  /** Waits until the item's save has gone through. */
  async settled(itemId: string): Promise<void> {
    await expect(this.item(itemId)).not.toHaveAttribute('data-busy', 'true');
  }

  async pass(itemId: string): Promise<void> {
    await this.item(itemId).getByText('正常', { exact: true }).click();
    await this.settled(itemId);
  }

  async fail(itemId: string): Promise<void> {
    await this.item(itemId).getByText('异常', { exact: true }).click();
    await this.settled(itemId);
  }

  /** Types a number without leaving the field (the flag must show before anything is saved). */
  async typeNumber(itemId: string, value: string): Promise<void> {
    await this.item(itemId).getByRole('spinbutton').fill(value);
  }

  /** Types a number and presses Enter, which saves it (or has it refused), and waits for the save. */
  async enterNumber(itemId: string, value: string): Promise<void> {
    const input = this.item(itemId).getByRole('spinbutton');
    await input.fill(value);
    await input.press('Enter');
    await this.settled(itemId);
  }

  /** The value shown in the item's input (empty when nothing is stored). */
  numberInput(itemId: string): Locator {
    return this.item(itemId).getByRole('spinbutton');
  }

  async note(itemId: string, text: string): Promise<void> {
    const input = this.item(itemId).getByRole('textbox', { name: /的备注$/ });
    await input.fill(text);
    await input.press('Enter');
    await this.settled(itemId);
  }

  /** The reason an item is flagged abnormal (or a value refused). */
  flag(itemId: string): Locator {
    return this.item(itemId).getByTestId('item-flag');
  }

  /** “生成工单” on the item; resolves when the dialog offering to open it is up. */
  async openTicket(itemId: string): Promise<void> {
    await this.item(itemId).getByTestId('item-open-ticket').click();
    await this.ticketDialog.waitFor();
  }

  async stayAfterTicket(): Promise<void> {
    await this.ticketDialog.getByRole('button', { name: '留在巡检' }).click();
    await this.ticketDialog.waitFor({ state: 'hidden' });
  }

  async goToTicket(): Promise<void> {
    await this.ticketDialog.getByRole('button', { name: '打开工单' }).click();
  }

  ticketLink(itemId: string): Locator {
    return this.item(itemId).getByTestId('item-ticket-link');
  }

  /** The id of the ticket the item opened, from its link. */
  async ticketId(itemId: string): Promise<string> {
    const href = await this.ticketLink(itemId).getAttribute('href');
    const match = /#\/tickets\/([0-9a-f-]+)$/.exec(href ?? '');
    if (match?.[1] === undefined) throw new Error(`检查项 ${itemId} 的工单链接无效：${href ?? '无'}`);
    return match[1];
  }

  /** Ctrl+Enter, the keyboard's “完成巡检”. */
  async finishWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
    await expect(this.status).toHaveText('已完成');
  }

  async finish(): Promise<void> {
    await this.finishButton.click();
    await expect(this.status).toHaveText('已完成');
  }
}
