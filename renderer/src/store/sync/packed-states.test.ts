import type { FieldState, FieldStates } from '@core/sync/merge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packStates, pulledStateRow, serverStatesOf, syncStateRow, unpackStates } from './packed-states';

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

  it('reads no row as no states: the server knows nothing of the record', () => {
    expect(serverStatesOf(undefined)).toEqual({});
    expect(serverStatesOf(syncStateRow({ recordId: 't1', recordType: 'ticket' }, {}))).toEqual({});
  });

  describe('lean rows (the values are the record’s own)', () => {
    const [shared] = HLCS as [string];
    const record = {
      id: 't1',
      title: '门户网站首页打不开',
      assignee: null,
      reporter: { unit: '就业局', phone: '' },
    };
    const states: FieldStates = Object.fromEntries(
      Object.entries(record).map(([field, value]) => [field, { value, hlc: shared, rank: 1 as const }]),
    );
    const ref = { recordId: 't1', recordType: 'ticket' as const };

    it('are written for a record with nothing pending that is exactly the server’s, and read back with it', () => {
      const row = pulledStateRow(ref, states, { ...record, reporter: { phone: '', unit: '就业局' } }, 0);
      expect(row.packed.values).toBeUndefined();
      expect(serverStatesOf(row, record)).toEqual(states);
    });

    it('are not written when something is pending or the record differs from the server’s states', () => {
      expect(pulledStateRow(ref, states, record, 1).packed.values).toEqual(record);
      expect(pulledStateRow(ref, states, { ...record, title: '本机' }, 0).packed.values).toEqual(record);
      expect(pulledStateRow(ref, states, { ...record, extra: 1 }, 0).packed.values).toEqual(record);
      const { assignee: _missing, ...fewer } = record;
      expect(pulledStateRow(ref, states, fewer, 0).packed.values).toEqual(record);
    });

    it('cannot be read without the record', () => {
      const row = pulledStateRow(ref, states, record, 0);
      expect(() => serverStatesOf(row)).toThrow('没有对应的本机记录');
    });
  });
});
