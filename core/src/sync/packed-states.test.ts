import type { FieldState, FieldStates } from './merge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packStates, packedStatesSchema, unpackStates } from './packed-states';

const HLCS = ['01a20f7e3237-0000-y5crzdm3gp', '01a20f7e3300-0002-abcdefghjk', '000000000000-0000-0000000000'];

const jsonValue = fc.jsonValue() as fc.Arbitrary<FieldState['value']>;
const birth = fc.record({ hlc: fc.constantFrom(...HLCS), index: fc.nat(20) });
const fieldState: fc.Arbitrary<FieldState> = fc.record(
  {
    value: jsonValue,
    hlc: fc.constantFrom(...HLCS),
    rank: fc.constantFrom(0 as const, 1 as const),
    births: fc.dictionary(fc.uuid(), birth, { maxKeys: 4 }),
  },
  { requiredKeys: ['value', 'hlc', 'rank'] },
);
const fieldStates: fc.Arbitrary<FieldStates> = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }).filter((key) => key !== '__proto__'),
  fieldState,
  { maxKeys: 24 },
);

describe('packed server states', () => {
  it('unpack gives back exactly the states that were packed, whatever their clocks and births', () => {
    fc.assert(
      fc.property(fieldStates, (states) => {
        expect(unpackStates(packStates(states))).toEqual(states);
      }),
    );
  });

  it('keeps the clock shared by most fields once and lists only the fields that differ', () => {
    const [shared, other] = HLCS as [string, string];
    const states: FieldStates = {
      id: { value: 't1', hlc: shared, rank: 1 },
      title: { value: '门户网站首页打不开', hlc: other, rank: 1 },
      deleted: { value: false, hlc: shared, rank: 1 },
      events: {
        value: [{ id: 'e1' }, { id: 'e2' }],
        hlc: shared,
        rank: 1,
        births: { e1: { hlc: shared, index: 0 }, e2: { hlc: other, index: 1 } },
      },
    };
    expect(packStates(states)).toEqual({
      hlc: shared,
      rank: 1,
      values: { id: 't1', title: '门户网站首页打不开', deleted: false, events: [{ id: 'e1' }, { id: 'e2' }] },
      clocks: { title: { hlc: other, rank: 1 } },
      births: { events: { e1: 0, e2: { hlc: other, index: 1 } } },
    });
  });

  it('passes its own wire schema, and the schema names the field of a clock that is not an HLC', () => {
    const valid = fieldStates.filter((states) =>
      Object.values(states).every((state) => state.hlc !== '' && state.value !== undefined),
    );
    fc.assert(
      fc.property(valid, (states) => {
        const packed = packStates(states);
        if (Object.keys(states).length === 0) return;
        expect(packedStatesSchema.safeParse(JSON.parse(JSON.stringify(packed))).success).toBe(true);
      }),
    );
    const bad = packedStatesSchema.safeParse({
      hlc: HLCS[0],
      rank: 0,
      values: { title: '标题' },
      clocks: { title: { hlc: '昨天', rank: 0 } },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['clocks', 'title', 'hlc']);
  });
});
