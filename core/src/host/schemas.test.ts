import { describe, expect, it } from 'vitest';
import { HOST_CHANNELS } from './channels';
import { HOST_CONTRACT, HOST_METHODS } from './contract';
import { describeSchemaIssues } from './schema-issues';
import {
  MAX_SAVE_BYTES,
  notifyRequestSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
  secureTokenWriteRequestSchema,
} from './schemas';

describe('host channels', () => {
  it('gives every method its own channel and a schema in the contract', () => {
    const channels = HOST_METHODS.map((method) => HOST_CHANNELS[method]);
    expect(new Set(channels).size).toBe(HOST_METHODS.length);
    for (const method of HOST_METHODS) {
      expect(HOST_CONTRACT[method].channel).toBe(HOST_CHANNELS[method]);
    }
  });
});

describe('saveFileRequestSchema', () => {
  const valid = {
    suggestedName: '运维月报-2026-02.docx',
    mimeType: 'application/pdf',
    data: new Uint8Array([1, 2]),
  };

  it('accepts a Chinese file name with bytes or text', () => {
    expect(saveFileRequestSchema.safeParse(valid).success).toBe(true);
    expect(saveFileRequestSchema.safeParse({ ...valid, data: '序号,名称\n1,巡检' }).success).toBe(true);
  });

  it.each([
    ['../../etc/passwd.txt', '路径分隔符'],
    ['C:\\Windows\\a.txt', '路径分隔符'],
    ['报告', '扩展名'],
    ['报告.pdf.', '句点结尾'],
    [' 报告.pdf', '空格'],
    ['CON.txt', '保留名称'],
    ['a\u0000b.pdf', '控制字符'],
    ['', '不能为空'],
  ])('rejects the file name %j', (suggestedName, reason) => {
    const result = saveFileRequestSchema.safeParse({ ...valid, suggestedName });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeSchemaIssues(result.error)).toContain(reason);
  });

  it('rejects unknown keys, so a payload cannot smuggle extra options', () => {
    const result = saveFileRequestSchema.safeParse({ ...valid, defaultPath: '/etc/x.txt' });
    expect(result.success).toBe(false);
  });

  it('rejects data that is neither bytes nor text, and oversized bytes', () => {
    expect(saveFileRequestSchema.safeParse({ ...valid, data: [1, 2] }).success).toBe(false);
    const huge = new Uint8Array(MAX_SAVE_BYTES + 1);
    const result = saveFileRequestSchema.safeParse({ ...valid, data: huge });
    expect(result.success).toBe(false);
  });
});

describe('other payloads', () => {
  it('requires a .pdf name to print', () => {
    expect(
      printToPdfRequestSchema.safeParse({ suggestedName: '巡检记录.pdf', landscape: false }).success,
    ).toBe(true);
    const result = printToPdfRequestSchema.safeParse({ suggestedName: '巡检记录.docx', landscape: false });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(describeSchemaIssues(result.error)).toBe('suggestedName: PDF 文件名须以 .pdf 结尾');
  });

  it('names the path of each problem', () => {
    const result = notifyRequestSchema.safeParse({ title: '', body: 3 });
    expect(result.success).toBe(false);
    if (!result.success) {
      const text = describeSchemaIssues(result.error);
      expect(text).toContain('title: 通知标题不能为空');
      expect(text).toContain('body: ');
    }
  });

  it('limits token keys to a safe alphabet', () => {
    expect(secureTokenWriteRequestSchema.safeParse({ key: 'session.hq-1', value: 't' }).success).toBe(true);
    expect(secureTokenWriteRequestSchema.safeParse({ key: '../x', value: 't' }).success).toBe(false);
    expect(secureTokenWriteRequestSchema.safeParse({ key: 'Session', value: 't' }).success).toBe(false);
    expect(secureTokenWriteRequestSchema.safeParse({ key: 'session', value: '' }).success).toBe(false);
  });
});
