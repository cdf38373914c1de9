import { expect, type Locator, type Page } from '@playwright/test';

/** 巡检模板 (/#/inspections/templates): the list and the editor of the selected template. */
export class InspectionTemplatesPage {
  readonly editor: Locator;
  readonly saveButton: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('template-editor');
    this.saveButton = page.getByTestId('template-save');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/inspections/templates');
    await this.editor.waitFor();
  }

  async select(templateId: string): Promise<void> {
    await this.page.locator(`[data-testid="template-entry"][data-template-id="${templateId}"]`).click();
    await expect(this.editor).toHaveAttribute('data-template-id', templateId);
  }

  items(): Locator {
    return this.editor.getByTestId('template-item');
  }

  /** Adds an item of a kind (正常/异常, 数值, 文字, 选项, 照片) and names it; it becomes the last one. */
  async addItem(kindLabel: string, label: string): Promise<void> {
    await this.editor.getByTestId('template-add-item').hover();
    await this.page.getByRole('menuitem', { name: kindLabel, exact: true }).click();
    const count = await this.items().count();
    await this.editor.getByLabel(`第 ${count} 项名称`).fill(label);
  }

  async setNumberBounds(
    position: number,
    bounds: { unit?: string; min?: number; max?: number },
  ): Promise<void> {
    if (bounds.unit !== undefined) await this.editor.getByLabel(`第 ${position} 项单位`).fill(bounds.unit);
    if (bounds.min !== undefined)
      await this.editor.getByLabel(`第 ${position} 项下限`).fill(String(bounds.min));
    if (bounds.max !== undefined)
      await this.editor.getByLabel(`第 ${position} 项上限`).fill(String(bounds.max));
  }

  /** 撤销 in the message of the last save. */
  async undoLastSave(): Promise<void> {
    await this.page.getByTestId('inspection-undo').click();
  }

  /** Saves as the next version and waits until it is the one in force. */
  async saveAs(version: number): Promise<void> {
    await expect(this.saveButton).toHaveText(`保存为第 ${version} 版`);
    await this.saveButton.click();
    await expect(this.version(version)).toHaveText(`第 ${version} 版（现行）`);
  }

  version(version: number): Locator {
    return this.editor.getByTestId('template-version').filter({ hasText: `第 ${version} 版` });
  }
}
