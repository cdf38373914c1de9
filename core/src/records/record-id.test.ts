import { describe, expect, it } from 'vitest';
import { isRecordId, newRecordId, recordIdSchema } from './record-id';

describe('record ids', () => {
  it('are random lower-case version-4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 500 }, () => newRecordId()));
    expect(ids.size).toBe(500);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('come from the random source given, with the version and variant bits set', () => {
    expect(newRecordId((length) => new Uint8Array(length).fill(0xff))).toBe(
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
    );
    expect(() => newRecordId(() => new Uint8Array(8))).toThrow('随机数来源只给出了 8 个字节，需要 16 个');
  });

  it('are validated with a Chinese reason', () => {
    expect(isRecordId('3f2b8c1e-8d4a-4c3b-9e2f-1a2b3c4d5e6f')).toBe(true);
    expect(isRecordId('3F2B8C1E-8D4A-4C3B-9E2F-1A2B3C4D5E6F')).toBe(false);
    expect(recordIdSchema.safeParse('ticket-1').error?.issues[0]?.message).toBe(
      '编号应为小写 UUID（如 0b6f…-…）',
    );
  });
});
