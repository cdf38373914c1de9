import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { safeParseInChinese } from '../records/validation';
import { describeInvalidMerge, describeIssuesPlainly } from './rejection-reason';

const schema = z.strictObject({
  id: z.string(),
  channel: z.enum(['phone', 'wechat']),
  title: z.string().trim().min(1, { error: '请填写标题' }),
});

function errorOf(value: unknown): z.ZodError {
  const parsed = safeParseInChinese(schema, value);
  if (parsed.success) throw new Error('expected the value to break the schema');
  return parsed.error;
}

describe('describeInvalidMerge', () => {
  it('says a change to a record the server never accepted waits for its creation to be re-sent', () => {
    const reason = describeInvalidMerge('工单', false, errorOf({ title: '' }));
    expect(reason).toBe(
      '服务器上还没有这条工单（新建它的修改未被接受），这条修改不能单独保存：请在“同步状态”中重新发送，会连同工单的全部内容一起发送',
    );
  });

  it('keeps the schema’s own sentences and never shows field names, types or enum values', () => {
    const reason = describeInvalidMerge('工单', true, errorOf({ channel: 'fax', title: '' }));
    expect(reason).toBe('合并后的工单不符合要求：请填写标题；还有内容不完整或格式不对');
    expect(reason).not.toMatch(/id|channel|string|undefined|phone|wechat|期望/);
  });

  it('says only that something is malformed when the schema has no sentence of its own for it', () => {
    expect(describeIssuesPlainly(errorOf({ id: 1, channel: 'phone', title: '首页' }))).toBe(
      '内容不完整或格式不对',
    );
  });
});
