import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('draws from zero to a ceiling that doubles per attempt up to five minutes', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, () => 0.999999))).toEqual([
      1999, 3999, 7999, 15999,
    ]);
    expect(backoffDelay(40, () => 0.999999)).toBe(BACKOFF_MAX_MS - 1);
    expect(backoffDelay(5, () => 0)).toBe(0);
  });
});
