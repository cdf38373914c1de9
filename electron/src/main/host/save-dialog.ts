import path from 'node:path';
import { app, BrowserWindow, dialog, type SaveDialogOptions, type WebContents } from 'electron';

const FILE_KINDS: Readonly<Record<string, string>> = {
  pdf: 'PDF 文档',
  docx: 'Word 文档',
  xlsx: 'Excel 工作簿',
  csv: 'CSV 表格',
  json: 'JSON 数据',
  png: 'PNG 图片',
  zip: '压缩包',
};

/** Asks the user where to save, starting in Documents with the suggested name; undefined if cancelled. */
export async function askWhereToSave(
  sender: WebContents,
  suggestedName: string,
): Promise<string | undefined> {
  const extension = path.extname(suggestedName).slice(1).toLowerCase();
  const options: SaveDialogOptions = {
    title: '保存文件',
    buttonLabel: '保存',
    defaultPath: path.join(app.getPath('documents'), suggestedName),
    filters: [{ name: FILE_KINDS[extension] ?? `${extension.toUpperCase()} 文件`, extensions: [extension] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
  const owner = BrowserWindow.fromWebContents(sender);
  const result =
    owner === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(owner, options);
  return result.canceled || result.filePath === '' ? undefined : result.filePath;
}
