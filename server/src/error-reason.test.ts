import { describe, expect, it } from 'vitest';
import { errorReason } from './error-reason';

describe('errorReason', () => {
  it("gives an error's message, or its name when the message is empty", () => {
    expect(errorReason(new Error('磁盘已满'))).toBe('磁盘已满');
    expect(errorReason(new TypeError(''))).toBe('TypeError');
  });

  it('joins the reasons inside an AggregateError', () => {
    const refused = new AggregateError(
      [new Error('connect ECONNREFUSED ::1:5432'), new Error('connect ECONNREFUSED 127.0.0.1:5432')],
      '',
    );
    expect(errorReason(refused)).toBe('connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432');
  });

  it('turns anything else thrown into text', () => {
    expect(errorReason('timeout')).toBe('timeout');
    expect(errorReason(42)).toBe('42');
  });
});
