import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error';
import { decodeCursor, encodeCursor } from './pull-cursor';

const INSTANCE = '95c765f8-0000-4000-8000-000000000001';
const ALL = { all: true } as const;

describe('the pull cursor', () => {
  it('reads back every seq it can write, up to the largest exact one', () => {
    for (const seq of [0, 1, 1042, Number.MAX_SAFE_INTEGER]) {
      expect(decodeCursor(encodeCursor(INSTANCE, ALL, seq), INSTANCE, ALL)).toEqual({ seq, reset: false });
    }
  });

  it('refuses a forged seq too large to answer exactly, instead of answering a cursor it cannot read', () => {
    for (const seq of ['9007199254740992', '9999999999999999']) {
      const read = () => decodeCursor(`c1.95c765f8.all.${seq}`, INSTANCE, ALL);
      expect(read).toThrow(ApiError);
      expect(read).toThrow(/游标中的序号 \d+ 超出范围/);
    }
  });
});
