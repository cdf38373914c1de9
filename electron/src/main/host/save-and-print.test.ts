import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SaveDialogOptions, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { printToPdf } from './print-to-pdf';
import { saveFile } from './save-file';

const dialogAnswer = vi.hoisted(() => ({ current: { canceled: true, filePath: '' } }));
const dialogOptions = vi.hoisted(() => [] as SaveDialogOptions[]);

vi.mock('electron', () => ({
  app: { getPath: (name: string) => `/home/engineer/${name}` },
  BrowserWindow: { fromWebContents: () => null },
  dialog: {
    showSaveDialog: async (options: SaveDialogOptions) => {
      dialogOptions.push(options);
      return dialogAnswer.current;
    },
  },
}));

let folder: string;
const printed = Buffer.from('%PDF-1.7 test');
const sender = { printToPDF: vi.fn(async () => printed) } as unknown as WebContents;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'yunwei-save-'));
  dialogOptions.length = 0;
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('saveFile', () => {
  it('offers Documents with the suggested name and a filter for its type', async () => {
    dialogAnswer.current = { canceled: true, filePath: '' };
    const outcome = await saveFile(
      { suggestedName: '运维月报-2026-02.docx', mimeType: 'application/octet-stream', data: 'x' },
      { sender },
    );
    expect(outcome).toBe('cancelled');
    expect(dialogOptions[0]).toMatchObject({
      defaultPath: path.join('/home/engineer/documents', '运维月报-2026-02.docx'),
      filters: [{ name: 'Word 文档', extensions: ['docx'] }],
    });
  });

  it('writes the bytes where the user chose', async () => {
    const target = path.join(folder, '巡检记录.csv');
    dialogAnswer.current = { canceled: false, filePath: target };
    const outcome = await saveFile(
      { suggestedName: '巡检记录.csv', mimeType: 'text/csv', data: new Uint8Array([0xef, 0xbb, 0xbf, 0x41]) },
      { sender },
    );
    expect(outcome).toBe('saved');
    expect([...(await readFile(target))]).toEqual([0xef, 0xbb, 0xbf, 0x41]);
  });

  it('says which file could not be written', async () => {
    const target = path.join(folder, 'missing-folder', '报告.pdf');
    dialogAnswer.current = { canceled: false, filePath: target };
    await expect(
      saveFile({ suggestedName: '报告.pdf', mimeType: 'application/pdf', data: 'x' }, { sender }),
    ).rejects.toThrow(`无法写入文件 ${target}`);
  });
});

describe('printToPdf', () => {
  it('prints the calling page on A4 and saves it', async () => {
    const target = path.join(folder, '值班记录.pdf');
    dialogAnswer.current = { canceled: false, filePath: target };
    expect(await printToPdf({ suggestedName: '值班记录.pdf', landscape: true }, { sender })).toBe('saved');
    expect(sender.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      landscape: true,
      printBackground: true,
    });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 test');
  });

  it('does not print when the user cancels', async () => {
    vi.mocked(sender.printToPDF).mockClear();
    dialogAnswer.current = { canceled: true, filePath: '' };
    expect(await printToPdf({ suggestedName: '值班记录.pdf', landscape: false }, { sender })).toBe(
      'cancelled',
    );
    expect(sender.printToPDF).not.toHaveBeenCalled();
  });
});
