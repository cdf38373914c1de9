import type { Locator, Page } from '@playwright/test';

export type ClockKind = 'response' | 'resolution';

/** 工单详情: status actions, clocks, timeline, attachments and history. */
export class TicketsDetailPage {
  readonly root: Locator;
  readonly title: Locator;
  readonly status: Locator;
  readonly dialog: Locator;
  readonly refusal: Locator;
  readonly events: Locator;
  readonly thumbnails: Locator;
  readonly attachments: Locator;
  readonly reporter: Locator;
  readonly resolution: Locator;
  readonly chatEvidence: Locator;
  readonly historyTab: Locator;
  readonly historySaves: Locator;
  readonly saveMessage: Locator;
  /** 处理人 in 处理信息. */
  readonly assignee: Locator;
  readonly description: Locator;
  /** 关联巡检: the inspection a ticket came from. */
  readonly inspectionOrigin: Locator;
  /** 删除工单 and its dialog. */
  readonly deleteButton: Locator;
  readonly tombstoneDialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('ticket-detail');
    this.title = page.getByTestId('ticket-title');
    this.status = page.getByTestId('ticket-status');
    this.dialog = page.getByRole('dialog');
    this.refusal = page.getByTestId('action-refusal');
    this.events = page.getByTestId('ticket-event');
    this.thumbnails = page.getByTestId('ticket-attachments').getByTestId('attachment-thumbnail');
    this.attachments = page.getByTestId('ticket-attachments').getByTestId('attachment-item');
    this.reporter = page.getByTestId('ticket-reporter');
    this.resolution = page.getByTestId('work-resolution');
    this.chatEvidence = page.getByTestId('chat-evidence');
    this.historyTab = page.getByRole('tab', { name: '修改历史' });
    this.historySaves = page.getByTestId('history-save');
    this.saveMessage = page.getByTestId('save-message');
    this.assignee = page.getByTestId('work-assignee');
    this.description = page.getByTestId('ticket-description');
    this.inspectionOrigin = page.getByTestId('inspection-link');
    this.deleteButton = page.getByTestId('ticket-delete');
    this.tombstoneDialog = page.getByTestId('tombstone-dialog');
  }

  ticketId(): string {
    const match = /#\/tickets\/([0-9a-f-]{36})/.exec(this.page.url());
    if (match === null) throw new Error(`不在工单详情页：${this.page.url()}`);
    return match[1] as string;
  }

  action(name: string): Locator {
    return this.page.getByTestId('ticket-actions').getByRole('button', { name, exact: true });
  }

  /** Opens the action's dialog, fills what it asks for and confirms with Ctrl+Enter. */
  async perform(
    name: string,
    fields: { readonly reason?: string; readonly resolution?: string } = {},
  ): Promise<void> {
    await this.action(name).click();
    await this.dialog.waitFor();
    if (fields.reason !== undefined) await this.page.getByTestId('action-reason').fill(fields.reason);
    if (fields.resolution !== undefined)
      await this.page.getByTestId('action-resolution').fill(fields.resolution);
    await this.page.keyboard.press('Control+Enter');
  }

  /** Picks an option of one of the page's Selects, by its label. */
  async choose(testId: string, label: string): Promise<void> {
    await this.page.getByTestId(testId).click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: label })
      .click();
  }

  clock(kind: ClockKind): Locator {
    return this.page.getByTestId(`clock-${kind}`);
  }

  clockTimeline(kind: ClockKind): Locator {
    return this.page.getByTestId(`clock-${kind}-timeline`).locator('li');
  }

  event(kind: string): Locator {
    return this.page.locator(`[data-testid="ticket-event"][data-kind="${kind}"]`);
  }
}
