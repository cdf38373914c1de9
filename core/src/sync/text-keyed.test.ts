import { describe, expect, it } from 'vitest';
import { mergeStates, mergeWrites, recordValues } from './merge';
import { packStates, unpackStates } from './packed-states';

const HLC = '019cd5420680-0000-k3j9x2m1qa';
const LATER = '019cd5420681-0000-k3j9x2m1qa';
const MEMBER_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('fields named like object members', () => {
  it('are merged as fields of their own, never as what an object inherits', () => {
    const writes = MEMBER_NAMES.map((field) => ({ field, value: `${field} 的值`, hlc: HLC }));
    const { states, outcomes } = mergeWrites('inspection_template', {}, writes, 'change');
    expect(outcomes).toEqual(MEMBER_NAMES.map(() => 'applied'));
    expect(Object.getPrototypeOf(states)).toBe(Object.prototype);
    const values = recordValues(states);
    for (const field of MEMBER_NAMES)
      expect(Object.getOwnPropertyDescriptor(values, field)?.value).toBe(`${field} 的值`);
  });

  it('survive packing, unpacking and merging a pulled state', () => {
    const { states } = mergeWrites(
      'inspection_template',
      {},
      MEMBER_NAMES.map((field) => ({ field, value: 1, hlc: HLC })),
      'change',
    );
    const unpacked = unpackStates(packStates(states));
    expect(Object.keys(unpacked).sort()).toEqual([...MEMBER_NAMES, 'updatedAt'].sort());
    const merged = mergeStates('inspection_template', unpacked, {
      ['__proto__']: { value: 2, hlc: LATER, rank: 0 },
    });
    expect(Object.getOwnPropertyDescriptor(merged, '__proto__')?.value).toEqual({
      value: 2,
      hlc: LATER,
      rank: 0,
    });
    expect(Object.getOwnPropertyDescriptor(merged, 'constructor')?.value).toEqual({
      value: 1,
      hlc: HLC,
      rank: 0,
    });
  });
});
