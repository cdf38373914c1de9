import { encodeHlc } from '@core/sync';
import type { ServerHistoryEntry } from '@core/sync/protocol';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { groupServerHistory } from './server-history';

const RECORD = '0b6f2c1e-8d4a-4c3b-9e2f-1a2b3c4d5e6f';
const op = (n: number) => `3e8c9f25-0000-4000-8000-00000000000${n}`;
const hlc = (time: string, nodeId: string) =>
  encodeHlc({ wallMs: parseInstant(`2026-03-10 ${time}`), counter: 0, nodeId });

function entry(
  opN: number,
  user: string,
  time: string,
  nodeId: string,
  field: string,
  value: ServerHistoryEntry['value'],
  outcome: ServerHistoryEntry['outcome'] = 'applied',
): ServerHistoryEntry {
  return {
    field,
    value,
    hlc: hlc(time, nodeId),
    rank: 0,
    outcome,
    user,
    clientId: nodeId,
    opId: op(opN),
    receivedAt: parseInstant('2026-03-10 12:00'),
  };
}

describe('groupServerHistory', () => {
  it('reads each op as a save, newest first, old → new, with the conflict loser marked', () => {
    const entries = [
      entry(1, 'zhangsan', '09:00', 'k3j9x2m1qa', 'id', RECORD),
      entry(1, 'zhangsan', '09:00', 'k3j9x2m1qa', 'title', '网站首页打不开'),
      entry(1, 'zhangsan', '09:00', 'k3j9x2m1qa', 'updatedAt', 1),
      // Same wall time: node id k3j… sorts after bbb…, so zhangsan's title wins and lisi's loses.
      entry(3, 'lisi', '09:01', 'bbbbbbbbbb', 'title', '首页 502', 'superseded'),
      entry(2, 'zhangsan', '09:01', 'k3j9x2m1qa', 'title', '门户网站首页打不开'),
      entry(2, 'zhangsan', '09:01', 'k3j9x2m1qa', 'severity', 'major'),
    ];
    const saves = groupServerHistory(entries, 'ticket');
    expect(saves.map((save) => [save.opId, save.user, save.created])).toEqual([
      [op(2), 'zhangsan', false],
      [op(3), 'lisi', false],
      [op(1), 'zhangsan', true],
    ]);
    expect(saves[0]?.at).toBe(parseInstant('2026-03-10 09:01'));
    expect(
      saves[0]?.changes.map((change) => [change.field, change.before, change.after, change.superseded]),
    ).toEqual([
      ['title', '网站首页打不开', '门户网站首页打不开', false],
      ['severity', undefined, 'major', false],
    ]);
    expect(saves[1]?.changes).toEqual([
      {
        key: `${op(3)}:title`,
        field: 'title',
        before: '网站首页打不开',
        after: '首页 502',
        superseded: true,
        merged: false,
      },
    ]);
    expect(saves[2]?.changes.map((change) => change.field)).toEqual(['title', 'id']);
  });

  it('takes a merged list as the union, so the next change starts from everything both sides added', () => {
    const a = { id: 'a', kind: 'comment' };
    const b = { id: 'b', kind: 'comment' };
    const c = { id: 'c', kind: 'comment' };
    const saves = groupServerHistory(
      [
        entry(1, 'zhangsan', '09:00', 'k3j9x2m1qa', 'events', [a]),
        entry(2, 'lisi', '09:01', 'bbbbbbbbbb', 'events', [a, b], 'merged'),
        entry(3, 'zhangsan', '09:02', 'k3j9x2m1qa', 'events', [a, c], 'merged'),
      ],
      'ticket',
    );
    expect(saves[0]?.changes[0]).toMatchObject({ before: [a, b], after: [a, c], merged: true });
  });

  it('leaves out a write that gives a field the value it already had, and a save left with none', () => {
    const saves = groupServerHistory(
      [
        entry(1, 'zhangsan', '09:00', 'k3j9x2m1qa', 'id', RECORD),
        entry(1, 'zhangsan', '09:00', 'k3j9x2m1qa', 'subsystemId', 5),
        entry(2, 'zhangsan', '09:01', 'k3j9x2m1qa', 'subsystemId', 5),
        entry(2, 'zhangsan', '09:01', 'k3j9x2m1qa', 'title', '门户首页打不开'),
        entry(3, 'zhangsan', '09:02', 'k3j9x2m1qa', 'subsystemId', 5),
        entry(3, 'zhangsan', '09:02', 'k3j9x2m1qa', 'updatedAt', 2),
      ],
      'ticket',
    );
    expect(saves.map((save) => [save.opId, save.changes.map((change) => change.field)])).toEqual([
      [op(2), ['title']],
      [op(1), ['subsystemId', 'id']],
    ]);
  });
});
