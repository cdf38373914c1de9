import type { FieldStates } from '@core/sync/merge';
import { describe, expect, it } from 'vitest';
import { rowClocks, syncStateRow, unpackClocks } from './packed-states';
import { serverStatesOf } from './read-server-states';
import type { AnyRecord } from './record-rows';

const HLCS = ['01a20f7e3237-0000-y5crzdm3gp', '01a20f7e3300-0002-abcdefghjk'];

describe('server states in the store', () => {
  describe('clocks kept in the record row (the values are the record’s own)', () => {
    const [shared, other] = HLCS as [string, string];
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

    it('are kept for a record with nothing pending that is exactly the server’s, and read back with it', () => {
      const clocks = rowClocks(states, { ...record, reporter: { phone: '', unit: '就业局' } }, 0);
      expect(clocks).toBeDefined();
      expect(clocks).not.toHaveProperty('values');
      expect(unpackClocks(clocks ?? { hlc: '', rank: 0 }, record)).toEqual(states);
    });

    it('are not kept when something is pending or the record differs from the server’s states', () => {
      expect(rowClocks(states, record, 1)).toBeUndefined();
      expect(rowClocks(states, { ...record, title: '本机' }, 0)).toBeUndefined();
      expect(rowClocks(states, { ...record, extra: 1 }, 0)).toBeUndefined();
      const { assignee: _missing, ...fewer } = record;
      expect(rowClocks(states, fewer, 0)).toBeUndefined();
    });

    it('are read only when the record has no states row: that row is newer', () => {
      const clocks = rowClocks(states, record, 0);
      // The states read only the record's fields: any record shape will do.
      const stored = record as unknown as AnyRecord;
      const local = {
        id: 't1',
        record: stored,
        key: null,
        ...(clocks === undefined ? {} : { serverClocks: clocks }),
      };
      expect(serverStatesOf(undefined, local)).toEqual(states);
      const newer = { ...states, title: { value: '服务器上的新标题', hlc: other, rank: 1 as const } };
      expect(serverStatesOf(syncStateRow(ref, newer), local)).toEqual(newer);
    });
  });

  it('reads neither a states row nor clocks as no states: the server knows nothing of the record', () => {
    expect(serverStatesOf(undefined, undefined)).toEqual({});
    expect(
      serverStatesOf(undefined, { id: 't1', record: { id: 't1' } as unknown as AnyRecord, key: null }),
    ).toEqual({});
    expect(serverStatesOf(syncStateRow({ recordId: 't1', recordType: 'ticket' }, {}), undefined)).toEqual({});
  });
});
