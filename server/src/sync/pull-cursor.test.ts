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

  it('names the units of a scope, so a service manager given other units starts over', () => {
    const manager = { all: false, subsystemIds: [3], unitIds: [2, 1] } as const;
    const cursor = encodeCursor(INSTANCE, manager, 42);
    expect(cursor).toBe('c1.95c765f8.3u1-2.42');
    expect(decodeCursor(cursor, INSTANCE, manager)).toEqual({ seq: 42, reset: false });
    expect(decodeCursor(cursor, INSTANCE, { ...manager, unitIds: [1] })).toEqual({ seq: 0, reset: true });
    // A cursor made before units were named (the document system only) starts over, not a 400.
    expect(decodeCursor('c1.95c765f8.3.42', INSTANCE, manager)).toEqual({ seq: 0, reset: true });
  });

  it('keeps the key of a scope without units, so an engineer’s cursor does not start over for nothing', () => {
    const engineer = { all: false, subsystemIds: [5, 1], unitIds: [] } as const;
    expect(decodeCursor('c1.95c765f8.1-5.7', INSTANCE, engineer)).toEqual({ seq: 7, reset: false });
    expect(encodeCursor(INSTANCE, { all: false, subsystemIds: [], unitIds: [4] }, 1)).toBe(
      'c1.95c765f8.noneu4.1',
    );
  });
});
