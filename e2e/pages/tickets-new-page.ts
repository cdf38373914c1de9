import type { Locator, Page } from '@playwright/test';

/** 新建工单: the form, the chat paste box and the attachments. */
export class TicketsNewPage {
  readonly heading: Locator;
  readonly title: Locator;
  readonly description: Locator;
  readonly reporterUnit: Locator;
  readonly reporterPerson: Locator;
  readonly reporterPhone: Locator;
  readonly subsystem: Locator;
  readonly channel: Locator;
  readonly chatText: Locator;
  readonly evidenceSender: Locator;
  readonly evidenceGroup: Locator;
  readonly attachments: Locator;
  readonly thumbnails: Locator;
  readonly saveButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '新建工单' });
    this.title = page.getByTestId('field-title');
    this.description = page.getByTestId('field-description');
    this.reporterUnit = page.getByTestId('field-reporter-unit');
    this.reporterPerson = page.getByTestId('field-reporter-person');
    this.reporterPhone = page.getByTestId('field-reporter-phone');
    this.subsystem = page.getByTestId('field-subsystem');
    this.channel = page.getByTestId('field-channel');
    this.chatText = page.getByTestId('chat-text');
    this.evidenceSender = page.getByTestId('evidence-sender');
    this.evidenceGroup = page.getByTestId('evidence-group');
    this.attachments = page.getByTestId('attachment-item');
    this.thumbnails = page.getByTestId('attachment-thumbnail');
    this.saveButton = page.getByTestId('save-ticket');
  }

  /** Types a Beijing time ("2026-03-11 03:30") into 接报时间 and commits it, as a user does. */
  async setReceivedAt(text: string): Promise<void> {
    const input = this.page.locator(
      '[data-testid="field-received-at"] input, input[data-testid="field-received-at"]',
    );
    await input.click();
    await input.fill(text);
    await input.press('Enter');
  }

  /** The box of a Select: its `title` is the option shown as selected. */
  selected(select: Locator): Locator {
    return select.locator('.ant-select-content');
  }

  /**
   * Dispatches a real paste event, as Ctrl+V does, carrying `png` as an image file (and `text`, if
   * given) on the element that has the focus. Playwright cannot write the OS clipboard headless.
   */
  async paste(options: { readonly png?: Buffer; readonly text?: string }): Promise<void> {
    await this.page.evaluate(
      ({ base64, text }) => {
        const data = new DataTransfer();
        if (base64 !== null) {
          const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
          data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
        }
        if (text !== null) data.setData('text/plain', text);
        const target = document.activeElement ?? document.body;
        const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
        // What a browser does for a plain-text paste nobody prevented: insert the text.
        if (target.dispatchEvent(event) && text !== null) document.execCommand('insertText', false, text);
      },
      { base64: options.png?.toString('base64') ?? null, text: options.text ?? null },
    );
  }
}
