import { describe, expect, it } from 'vitest';
import { newMoonNear } from './new-moon';

describe('newMoonNear', () => {
  it('dates new moons within a minute of the published instants', () => {
    const published = [
      '2024-02-09T22:59:00Z',
      '2027-02-06T15:56:00Z',
      '2030-02-02T16:07:00Z',
      '2026-02-17T12:01:00Z',
    ];
    for (const iso of published) {
      const instant = Date.parse(iso);
      expect(Math.abs(newMoonNear(instant + 5 * 86_400_000) - instant)).toBeLessThan(60_000);
    }
  });
});
