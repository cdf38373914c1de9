import { describe, expect, it } from 'vitest';
import { buildChangeSet, historyEntrySchema, outboxOpSchema } from './changes';
import { decodeHlc, encodeHlc, initialHlc } from './hlc';

const RECORD_ID = '3f2b8c1e-8d4a-4c3b-9e2f-1a2b3c4d5e6f';
const AT = Date.UTC(2026, 2, 10, 2, 0, 0);

function counterIds(): () => string {
  let next = 0;
  return () => `00000000-0000-4000-8000-${String((next += 1)).padStart(12, '0')}`;
}

describe('buildChangeSet', () => {
  it('writes one history row per changed field and one op, all with the same new HLC', () => {
    const clock = initialHlc('aaaaaaaaaa');
    const result = buildChangeSet({
      recordType: 'ticket',
      recordId: RECORD_ID,
      before: { subsystemId: 4, title: '网站打不开', severity: 'ordinary', updatedAt: 1 },
      after: { subsystemId: 4, title: '网站首页打不开', severity: 'major', updatedAt: 2 },
      actor: 'zhangsan',
      at: AT,
      clock,
      ignore: ['updatedAt'],
      newId: counterIds(),
    });
    expect(result.clock).toEqual({ wallMs: AT, counter: 0, nodeId: 'aaaaaaaaaa' });
    const hlc = encodeHlc(result.clock);
    expect(result.history).toEqual([
      {
        id: '00000000-0000-4000-8000-000000000001',
        recordType: 'ticket',
        recordId: RECORD_ID,
        field: 'severity',
        oldValue: 'ordinary',
        newValue: 'major',
        actor: 'zhangsan',
        at: AT,
        hlc,
      },
      expect.objectContaining({ field: 'title', oldValue: '网站打不开', newValue: '网站首页打不开', hlc }),
    ]);
    expect(result.op).toEqual({
      opId: '00000000-0000-4000-8000-000000000003',
      kind: 'change',
      recordType: 'ticket',
      recordId: RECORD_ID,
      subsystemId: 4,
      fields: [
        { field: 'severity', value: 'major', hlc },
        { field: 'title', value: '网站首页打不开', hlc },
      ],
      createdAt: AT,
    });
    for (const row of result.history) expect(historyEntrySchema.parse(row)).toEqual(row);
    expect(outboxOpSchema.parse(result.op)).toEqual(result.op);
  });

  it('files a record of no one subsystem as contract-wide, so the push can carry it', () => {
    const result = buildChangeSet({
      recordType: 'duty_log',
      recordId: RECORD_ID,
      before: undefined,
      after: { subsystemId: null, date: '2026-10-01', onDuty: 'zhangsan' },
      actor: 'zhangsan',
      at: AT,
      clock: initialHlc('aaaaaaaaaa'),
    });
    expect(result.op?.subsystemId).toBe(0);
  });

  it('writes nothing and keeps the clock for a save that changes nothing', () => {
    const clock = { wallMs: AT, counter: 3, nodeId: 'aaaaaaaaaa' };
    const result = buildChangeSet({
      recordType: 'ticket',
      recordId: RECORD_ID,
      before: { title: 'a', updatedAt: 1 },
      after: { title: 'a', updatedAt: 2 },
      actor: 'zhangsan',
      at: AT,
      clock,
      ignore: ['updatedAt'],
    });
    expect(result).toEqual({ clock, history: [], op: undefined });
  });

  it('ticks past the stored clock even when the wall clock is behind it', () => {
    const clock = { wallMs: AT + 1000, counter: 0, nodeId: 'aaaaaaaaaa' };
    const result = buildChangeSet({
      recordType: 'inspection_run',
      recordId: RECORD_ID,
      before: undefined,
      after: { results: [] },
      actor: 'lisi',
      at: AT,
      clock,
    });
    expect(decodeHlc(result.op?.fields[0]?.hlc ?? '')).toEqual({
      wallMs: AT + 1000,
      counter: 1,
      nodeId: 'aaaaaaaaaa',
    });
    expect(result.history).toHaveLength(1);
    expect(result.history[0]?.oldValue).toBeUndefined();
  });

  it('marks a save that un-deletes a record as a restore and carries the subsystem after the save', () => {
    const result = buildChangeSet({
      recordType: 'ticket',
      recordId: RECORD_ID,
      before: { deleted: true, subsystemId: 3, updatedAt: 1 },
      after: { deleted: false, subsystemId: 5, updatedAt: 2 },
      actor: 'zhangsan',
      at: AT,
      clock: initialHlc('aaaaaaaaaa'),
      ignore: ['updatedAt'],
    });
    expect(result.op).toMatchObject({ kind: 'restore', subsystemId: 5 });
    const deleting = buildChangeSet({
      recordType: 'ticket',
      recordId: RECORD_ID,
      before: { deleted: false, subsystemId: 5 },
      after: { deleted: true, subsystemId: 5 },
      actor: 'zhangsan',
      at: AT,
      clock: initialHlc('aaaaaaaaaa'),
    });
    expect(deleting.op?.kind).toBe('change');
  });

  it('rejects an op with no field writes or a malformed HLC', () => {
    const op = { opId: RECORD_ID, recordType: 'ticket', recordId: RECORD_ID, fields: [], createdAt: AT };
    expect(outboxOpSchema.safeParse(op).success).toBe(false);
    expect(
      outboxOpSchema.safeParse({ ...op, fields: [{ field: 'title', value: 'x', hlc: 'yesterday' }] }).error
        ?.issues[0]?.message,
    ).toBe('时间戳格式无效');
  });

  it('keeps only the added and removed items of a ticket timeline in history, the whole list in the op', () => {
    const created = { id: 'e1', kind: 'created', at: AT, author: 'zhangsan' };
    const notes = Array.from({ length: 30 }, (_, index) => ({
      id: `n${index}`,
      kind: 'comment',
      at: AT + index,
      author: 'zhangsan',
      note: `第 ${index} 次电话回访`,
    }));
    const before = { title: '网站打不开', events: [created, ...notes], attachments: [] };
    const added = { id: 'n30', kind: 'comment', at: AT + 99, author: 'lisi', note: '已恢复' };
    const result = buildChangeSet({
      recordType: 'ticket',
      recordId: RECORD_ID,
      before,
      after: { ...before, events: [...before.events, added] },
      actor: 'lisi',
      at: AT + 99,
      clock: initialHlc('aaaaaaaaaa'),
    });
    expect(result.history.map((row) => [row.field, row.oldValue, row.newValue])).toEqual([
      ['events', [], [added]],
    ]);
    expect(result.op?.fields[0]?.value).toEqual([created, ...notes, added]);

    const creation = buildChangeSet({
      recordType: 'ticket',
      recordId: RECORD_ID,
      before: undefined,
      after: { events: [created] },
      actor: 'zhangsan',
      at: AT,
      clock: initialHlc('aaaaaaaaaa'),
    });
    expect(creation.history.map((row) => [row.oldValue, row.newValue])).toEqual([[undefined, [created]]]);

    const template = buildChangeSet({
      recordType: 'inspection_template',
      recordId: RECORD_ID,
      before: { items: [{ id: 'a' }, { id: 'b' }] },
      after: { items: [{ id: 'b' }, { id: 'a' }] },
      actor: 'admin',
      at: AT,
      clock: initialHlc('aaaaaaaaaa'),
    });
    expect(template.history[0]).toMatchObject({
      oldValue: [{ id: 'a' }, { id: 'b' }],
      newValue: [{ id: 'b' }, { id: 'a' }],
    });
  });
});
