import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '@core/records';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import {
  attachmentName,
  attachmentProblem,
  filesOf,
  formatBytes,
  isImage,
  takePastedFiles,
} from './attachment-files';

describe('attachment files', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(350 * 1024)).toBe('350 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(formatBytes(MAX_ATTACHMENT_BYTES)).toBe('20 MB');
    expect(() => formatBytes(-1)).toThrow('文件大小无效');
  });

  it('refuses a file over the size limit, past the count limit, or empty, saying which', () => {
    expect(attachmentProblem({ name: '录像.mp4', size: MAX_ATTACHMENT_BYTES + 1 }, 0)).toBe(
      '“录像.mp4”有 20 MB，超过单个附件 20 MB 的上限：请压缩、截取或分成几个文件后再添加',
    );
    expect(attachmentProblem({ name: 'a.png', size: MAX_ATTACHMENT_BYTES }, 0)).toBeNull();
    expect(attachmentProblem({ name: 'a.png', size: 10 }, MAX_ATTACHMENTS)).toBe(
      `每张工单最多 ${MAX_ATTACHMENTS} 个附件，“a.png”未添加`,
    );
    expect(attachmentProblem({ name: 'a.txt', size: 0 }, 0)).toBe('“a.txt”是空文件，未添加');
  });

  it('names pasted screenshots after the moment, in Beijing time, and keeps real names', () => {
    const at = parseInstant('2026-03-10 09:30:15');
    expect(attachmentName({ name: 'image.png', type: 'image/png' }, at)).toBe('截图-20260310-093015.png');
    expect(attachmentName({ name: '', type: 'image/jpeg' }, at)).toBe('截图-20260310-093015.jpg');
    expect(attachmentName({ name: '报错页面.png', type: 'image/png' }, at)).toBe('报错页面.png');
  });

  it('knows which attachments can be shown as pictures', () => {
    expect(isImage('image/png')).toBe(true);
    expect(isImage('image/svg+xml')).toBe(true);
    expect(isImage('application/pdf')).toBe(false);
  });

  it('takes files from a transfer, or from its file items', () => {
    const file = new File(['x'], 'a.png', { type: 'image/png' });
    const asFiles = { files: [file] as unknown as FileList, items: [] as unknown as DataTransferItemList };
    expect(filesOf(asFiles)).toEqual([file]);
    const asItems = {
      files: [] as unknown as FileList,
      items: [
        { kind: 'string', getAsFile: () => null },
        { kind: 'file', getAsFile: () => file },
      ] as unknown as DataTransferItemList,
    };
    expect(filesOf(asItems)).toEqual([file]);
    expect(filesOf(null)).toEqual([]);
  });

  it('takes a paste’s files once: a paste an inner handler already took gives none to the outer ones', () => {
    const file = new File(['x'], 'image.png', { type: 'image/png' });
    const paste = () => {
      const event = {
        clipboardData: { files: [file] as unknown as FileList, items: [] as unknown as DataTransferItemList },
        defaultPrevented: false,
        preventDefault: () => {
          event.defaultPrevented = true;
        },
      };
      return event;
    };
    const event = paste();
    // The chat box (inner) takes the paste; the form around it (outer) then sees the same event.
    expect(takePastedFiles(event)).toEqual([file]);
    expect(takePastedFiles(event)).toEqual([]);
    const plainText = { ...paste(), clipboardData: null };
    expect(takePastedFiles(plainText)).toEqual([]);
    expect(plainText.defaultPrevented).toBe(false);
  });
});
