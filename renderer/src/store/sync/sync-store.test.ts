import 'fake-indexeddb/auto';
import { editTicket, type RecordType, type Ticket } from '@core/records';
import { sampleRecord } from '@core/records/testing/sample-records';
import { buildChangeSet, decodeHlc, encodeHlc, initialHlc } from '@core/sync';
import { mergeWrites } from '@core/sync/merge';
import { packStates, unpackStates } from '@core/sync/packed-states';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V2 } from '../database/schema';
import type { SyncProblemRow } from '../rows/row-types';
import { YunweiDatabase } from '../database/yunwei-database';
import { defaultSlaRules } from '../rows/sla-rules';
import { ticketRow } from '../rows/ticket-row';
import { saveRecord } from '../save/save-record';
import { at, createdTicket } from '../testing/record-fixtures';
import { pulledPage, pulledRecord } from '../testing/pulled-records';
import { SYNC_ACTOR, applyPulledPage, localRecordIds } from './apply-pull';
import { BEGINNING_OF_TIME_HLC, opWrites } from './field-states';
import { readServerStates } from './read-server-states';
import { readPushBatch, recordPushResults, rejectLocally } from './push-queue';
import { discardRejectedChange, listRejectedChanges, resendRejectedChange } from './rejections';
import { indexSearchBacklog } from '../search/search-backlog';
import { searchTermTicketIds } from '../search/search-lookup';
import { readSyncMeta } from './sync-meta';
import { saveTicket } from '../testing/save-ticket';
import { testDatabases } from '../testing/test-databases';

const databases = testDatabases('sync');
const freshDatabase = databases.fresh;

function edited(ticket: Ticket, patch: Parameters<typeof editTicket>[1]): Ticket {
  const result = editTicket(ticket, patch);
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

const OPTIONS = { at: at('2026-03-10T12:00'), visibleSubsystemIds: null };

function savedTicket(db: YunweiDatabase, ticket: Ticket = createdTicket()): Promise<Ticket> {
  return saveTicket(db, null, ticket, '2026-03-10T09:05');
}

describe('schema v3 upgrade', () => {
  it('gives every record of a version-2 database its states from the queued ops, with kind and subsystem', async () => {
    const name = `yunwei-test-v3-${Date.now()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    const ticket = createdTicket();
    const deleted = { ...ticket, deleted: true };
    const restored = { ...edited(ticket, { title: '恢复后的标题' }), deleted: false };
    let clock = initialHlc('abcdefghjk');
    const sets = [
      [undefined, ticket, at('2026-03-10T09:05')],
      [ticket, deleted, at('2026-03-10T09:10')],
      [deleted, restored, at('2026-03-10T09:20')],
    ].map(([before, after, when]) => {
      const set = buildChangeSet({
        recordType: 'ticket',
        recordId: ticket.id,
        before: before as Ticket | undefined,
        after: after as Ticket,
        actor: 'zhangsan',
        at: when as number,
        clock,
        ignore: ['updatedAt'],
      });
      clock = set.clock;
      // As version 2 queued them: without kind or subsystem.
      const {
        kind: _kind,
        subsystemId: _subsystem,
        ...op
      } = set.op ?? { kind: undefined, subsystemId: undefined };
      return { set, op };
    });
    const untouched = createdTicket({ title: '没有排队操作的工单' });
    const rules = defaultSlaRules();
    await v2.table('tickets').bulkPut([ticketRow(restored, rules, 1), ticketRow(untouched, rules, 1)]);
    await v2.table('outbox').bulkAdd(sets.map(({ op }) => op));
    await v2.table('meta').put({ key: 'hlc', value: clock });
    v2.close();

    const db = new YunweiDatabase(name);
    await db.open();
    databases.keep(db);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const ops = await db.outbox.orderBy('seq').toArray();
    expect(ops.map((op) => op.kind)).toEqual(['change', 'change', 'restore']);
    expect(ops.every((op) => op.subsystemId === ticket.subsystemId)).toBe(true);
    const expected = ops.reduce(
      (states, op) => mergeWrites('ticket', states, opWrites(op), op.kind ?? 'change').states,
      {},
    );
    // The replay gives the restore its kind; the states the server will compute end undeleted.
    expect(expected).toMatchObject({ deleted: { value: false, rank: 1 }, title: { value: '恢复后的标题' } });
    const states = await db.syncStates.get(ticket.id);
    expect(states).toMatchObject({ recordId: ticket.id, recordType: 'ticket' });
    expect(await readServerStates(db, ticket.id)).toEqual({});
    expect((await readServerStates(db, untouched.id)).title).toEqual({
      value: '没有排队操作的工单',
      hlc: BEGINNING_OF_TIME_HLC,
      rank: 0,
    });
    expect(await db.outbox.where('recordId').equals(ticket.id).count()).toBe(3);
  });
});

describe('saving and field states', () => {
  it('writes no states: a save leaves them to the pull, which replays the queued ops', async () => {
    const db = await freshDatabase();
    const first = await saveRecord(db, {
      recordType: 'ticket',
      before: null,
      after: createdTicket(),
      actor: 'zhangsan',
      at: at('2026-03-10T09:05'),
    });
    await saveTicket(db, first.record, edited(first.record, { title: '门户网站 502' }), '2026-03-10T09:20');
    expect(await db.syncStates.count()).toBe(0);
    expect(await db.outbox.where('recordId').equals(first.record.id).count()).toBe(2);
  });
});

describe('applying pulled pages', () => {
  it('stores a new record with its states and the cursor, and moves the clock past it', async () => {
    const db = await freshDatabase();
    await readSyncMeta(db);
    const ticket = createdTicket();
    const wallMs = at('2026-03-10T11:00');
    const result = await applyPulledPage(
      db,
      pulledPage([pulledRecord('ticket', ticket, { wallMs, nodeId: 'bbbbbbbbbb' })], 'c1'),
      OPTIONS,
    );
    expect(result).toEqual({ changed: [{ recordType: 'ticket', recordId: ticket.id }], problems: 0 });
    expect((await db.tickets.get(ticket.id))?.record).toEqual({ ...ticket, updatedAt: wallMs });
    expect(await db.ticketSearch.get(`${ticket.id}#head`)).toBeDefined();
    expect((await readServerStates(db, ticket.id)).title?.value).toBe(ticket.title);
    expect((await db.syncMeta.get('sync'))?.cursor).toBe('c1');
    expect((await db.meta.get('hlc'))?.value.wallMs).toBeGreaterThanOrEqual(wallMs);
  });

  it('keeps a pulled record’s server clocks in its row, and a save moves them to a full states row before changing it', async () => {
    const db = await freshDatabase();
    await readSyncMeta(db);
    const ticket = createdTicket({ title: '服务器上的标题', severity: 'major' });
    const wallMs = at('2026-03-10T11:00');
    await applyPulledPage(
      db,
      pulledPage([pulledRecord('ticket', ticket, { wallMs, nodeId: 'bbbbbbbbbb' })], 'c1'),
      OPTIONS,
    );
    // Nothing pending and the record is the server's: its row holds the clocks, no states row.
    expect(await db.syncStates.get(ticket.id)).toBeUndefined();
    expect((await db.tickets.get(ticket.id))?.serverClocks).toBeDefined();
    const pulledStates = await readServerStates(db, ticket.id);
    expect(pulledStates.title).toMatchObject({ value: '服务器上的标题', rank: 0 });

    const stored = (await db.tickets.get(ticket.id))?.record as Ticket;
    await saveTicket(db, stored, edited(stored, { title: '本机改的标题' }), '2026-03-10T11:05');
    // The save wrote a full states row first: the server's values survive the record's change.
    expect((await db.syncStates.get(ticket.id))?.packed.values).toMatchObject({ title: '服务器上的标题' });
    expect((await db.tickets.get(ticket.id))?.serverClocks).toBeUndefined();
    expect(await readServerStates(db, ticket.id)).toEqual(pulledStates);

    // Another PC's change merges with the queued local edit, field by field, on those values.
    const later = at('2026-03-10T11:10');
    await applyPulledPage(
      db,
      pulledPage(
        [
          pulledRecord(
            'ticket',
            { ...ticket, severity: 'ordinary' },
            { wallMs: later, nodeId: 'cccccccccc' },
          ),
        ],
        'c2',
      ),
      OPTIONS,
    );
    expect((await db.tickets.get(ticket.id))?.record).toMatchObject({
      title: '本机改的标题',
      severity: 'ordinary',
    });
    expect(await readServerStates(db, ticket.id)).toMatchObject({
      title: { value: '服务器上的标题' },
      severity: { value: 'ordinary' },
    });
  });

  it('moves the server clocks of a saved record to a states row whether the save read first or trusted its clock', async () => {
    const db = await freshDatabase();
    await readSyncMeta(db);
    const wallMs = at('2026-03-10T11:00');
    const [a, b] = [createdTicket({ title: '服务器上的甲' }), createdTicket({ title: '服务器上的乙' })];
    await applyPulledPage(
      db,
      pulledPage(
        [a, b].map((ticket) => pulledRecord('ticket', ticket, { wallMs, nodeId: 'bbbbbbbbbb' })),
        'c1',
      ),
      OPTIONS,
    );
    const pulled = [await readServerStates(db, a.id), await readServerStates(db, b.id)];
    // The pull moved the clock: the first save reads it; the second trusts the one the first committed.
    for (const [index, ticket] of [a, b].entries()) {
      const stored = (await db.tickets.get(ticket.id))?.record as Ticket;
      await saveTicket(db, stored, edited(stored, { title: `本机改的标题${index}` }), '2026-03-10T11:05');
      expect((await db.tickets.get(ticket.id))?.serverClocks).toBeUndefined();
      expect(await readServerStates(db, ticket.id)).toEqual(pulled[index]);
    }
  });

  it('puts the server clocks back in the row once the server has every local write, dropping the states row', async () => {
    const db = await freshDatabase();
    await readSyncMeta(db);
    const ticket = createdTicket({ title: '服务器上的标题' });
    const page = (record: Ticket, wallMs: number, cursor: string) =>
      pulledPage([pulledRecord('ticket', record, { wallMs, nodeId: 'bbbbbbbbbb' })], cursor);
    await applyPulledPage(db, page(ticket, at('2026-03-10T11:00'), 'c1'), OPTIONS);
    const stored = (await db.tickets.get(ticket.id))?.record as Ticket;
    const mine = await saveTicket(db, stored, edited(stored, { title: '本机改的标题' }), '2026-03-10T11:05');
    const { ops } = await readPushBatch(db, { maxOps: 500, maxBytes: 6_000_000 });
    await recordPushResults(
      db,
      ops,
      { results: ops.map((op) => ({ seq: op.seq, opId: op.opId, status: 'applied' as const })), lastSeq: 1 },
      at('2026-03-10T11:06'),
    );
    expect((await db.syncStates.get(ticket.id))?.packed.values).toMatchObject({ title: '本机改的标题' });

    // The server's version, written later by another PC: nothing pending, shown exactly as it is.
    const theirs = { ...mine, severity: 'major' as const };
    await applyPulledPage(db, page(theirs, at('2026-03-10T11:10'), 'c2'), OPTIONS);
    expect(await db.syncStates.get(ticket.id)).toBeUndefined();
    expect((await db.tickets.get(ticket.id))?.serverClocks).toBeDefined();
    expect(await readServerStates(db, ticket.id)).toMatchObject({
      title: { value: '本机改的标题' },
      severity: { value: 'major' },
    });
  });

  it('leaves search rows of an initial sync to the backlog walk, which starts over after every such page', async () => {
    const db = await freshDatabase();
    await readSyncMeta(db);
    const wallMs = at('2026-03-10T11:00');
    const first = [
      createdTicket({ title: '门户网站首页打不开' }),
      createdTicket({ title: '统计报表导不出来' }),
    ];
    await applyPulledPage(
      db,
      pulledPage(
        first.map((ticket) => pulledRecord('ticket', ticket, { wallMs, nodeId: 'bbbbbbbbbb' })),
        'c1',
      ),
      { ...OPTIONS, deferSearch: true },
    );
    expect(await db.tickets.count()).toBe(2);
    expect(await db.ticketSearch.count()).toBe(0);
    expect((await db.syncMeta.get('sync'))?.searchBacklog).toEqual({ after: null, indexed: 0 });

    // The walk gets past the first ticket, then another deferred page arrives: it starts over.
    await db.syncMeta.update('sync', { searchBacklog: { after: first[0]?.id ?? '', indexed: 1 } });
    const second = createdTicket({ title: '账号登录失败' });
    await applyPulledPage(
      db,
      pulledPage([pulledRecord('ticket', second, { wallMs, nodeId: 'bbbbbbbbbb' })], 'c2'),
      { ...OPTIONS, deferSearch: true },
    );
    expect((await db.syncMeta.get('sync'))?.searchBacklog).toEqual({ after: null, indexed: 0 });

    expect(await indexSearchBacklog(db, { chunk: 2 })).toBe(true);
    for (const [token, ticket] of [
      ['门户', first[0]],
      ['报表', first[1]],
      ['登录', second],
    ] as const)
      expect(await searchTermTicketIds(db, { token, prefix: false }, 10)).toEqual([ticket?.id]);
    expect(await db.syncMeta.get('sync')).toMatchObject({ cursor: 'c2' });
    expect((await db.syncMeta.get('sync'))?.searchBacklog).toBeUndefined();
  });

  it.each([
    ['reading every pulled record', false],
    ['reading only the records this PC holds (an initial sync)', true],
  ])(
    'merges a pulled record with un-pushed local edits by the merge rule, field by field, %s',
    async (_mode, initial) => {
      const db = await freshDatabase();
      await readSyncMeta(db);
      const ticket = await savedTicket(db);
      // Offline, this PC changes the title at 09:30...
      await saveTicket(db, ticket, edited(ticket, { title: '本机的标题' }), '2026-03-10T09:30');
      // ...while another PC changed the title at 09:20 (older) and the severity at 09:40.
      const older = pulledRecord(
        'ticket',
        { ...ticket, title: '另一台电脑的标题' },
        {
          wallMs: at('2026-03-10T09:20'),
          nodeId: 'bbbbbbbbbb',
        },
      );
      const newer = pulledRecord(
        'ticket',
        { ...ticket, severity: 'ordinary' },
        {
          wallMs: at('2026-03-10T09:40'),
          nodeId: 'bbbbbbbbbb',
        },
      );
      const newerSeverity = unpackStates(newer).severity;
      if (newerSeverity === undefined) throw new Error('拉取的工单缺少 severity');
      const mixed = packStates({ ...unpackStates(older), severity: newerSeverity });
      const stranger = pulledRecord('ticket', createdTicket({ title: '别的电脑新建的工单' }), {
        wallMs: at('2026-03-10T09:40'),
        nodeId: 'bbbbbbbbbb',
      });
      const localIds = initial ? await localRecordIds(db) : undefined;
      if (localIds !== undefined) expect([...localIds]).toEqual([ticket.id]);
      const options = localIds === undefined ? OPTIONS : { ...OPTIONS, localIds };
      await applyPulledPage(db, pulledPage([{ ...older, ...mixed }, stranger], 'c2'), options);
      expect((await db.tickets.get(stranger.recordId))?.record.title).toBe('别的电脑新建的工单');

      const row = await db.tickets.get(ticket.id);
      expect(row?.record.title).toBe('本机的标题');
      expect(row?.record.severity).toBe('ordinary');
      const history = await db.history
        .where('[recordId+at]')
        .between([ticket.id, 0], [ticket.id, Infinity])
        .toArray();
      const synced = history.filter((entry) => entry.actor === SYNC_ACTOR);
      expect(synced.map((entry) => [entry.field, entry.oldValue, entry.newValue])).toEqual([
        ['severity', 'major', 'ordinary'],
      ]);
      expect((await readServerStates(db, ticket.id)).title?.value).toBe('另一台电脑的标题');
      // The local edit is still queued: the server merges it by the same rule when it arrives.
      expect(await db.outbox.count()).toBe(2);
    },
  );

  it('lets a pulled delete win over a later local edit', async () => {
    const db = await freshDatabase();
    await readSyncMeta(db);
    const ticket = await savedTicket(db);
    await saveTicket(db, ticket, edited(ticket, { title: '删除之后的修改' }), '2026-03-10T10:00');
    const deletedEarlier = pulledRecord(
      'ticket',
      { ...ticket, deleted: true },
      {
        wallMs: at('2026-03-10T09:10'),
        nodeId: 'bbbbbbbbbb',
      },
    );
    await applyPulledPage(db, pulledPage([deletedEarlier], 'c3'), OPTIONS);
    const row = await db.tickets.get(ticket.id);
    expect(row?.record.deleted).toBe(true);
    // The edit is merged into the tombstone's fields (a later restore shows it).
    expect(row?.record.title).toBe('删除之后的修改');
  });

  it('removes the local copy of a record that is gone from the user’s scope', async () => {
    const db = await freshDatabase();
    await readSyncMeta(db);
    const ticket = createdTicket();
    await applyPulledPage(
      db,
      pulledPage(
        [pulledRecord('ticket', ticket, { wallMs: at('2026-03-10T09:05'), nodeId: 'bbbbbbbbbb' })],
        'c1',
      ),
      OPTIONS,
    );
    const result = await applyPulledPage(
      db,
      pulledPage([{ kind: 'gone', recordType: 'ticket', recordId: ticket.id }], 'c2'),
      OPTIONS,
    );
    expect(result.changed).toEqual([{ recordType: 'ticket', recordId: ticket.id }]);
    expect(await db.tickets.get(ticket.id)).toBeUndefined();
    expect(await db.ticketSearch.bulkGet([`${ticket.id}#head`, `${ticket.id}#body`])).toEqual([
      undefined,
      undefined,
    ]);
    expect(await db.syncStates.get(ticket.id)).toBeUndefined();
    expect((await db.syncMeta.get('sync'))?.cursor).toBe('c2');
  });

  it('after a reset, drops records outside the subsystems the user may read', async () => {
    const db = await freshDatabase();
    await readSyncMeta(db);
    const kept = createdTicket({ subsystemId: 5 });
    const hidden = createdTicket({ subsystemId: 2 });
    const write = { wallMs: at('2026-03-10T09:05'), nodeId: 'bbbbbbbbbb' };
    await applyPulledPage(
      db,
      pulledPage([pulledRecord('ticket', kept, write), pulledRecord('ticket', hidden, write)], 'c1'),
      OPTIONS,
    );
    await applyPulledPage(
      db,
      { changes: [pulledRecord('ticket', kept, write)], cursor: 'r1', hasMore: false, reset: true },
      { ...OPTIONS, visibleSubsystemIds: [1, 5] },
    );
    expect(await db.tickets.get(kept.id)).toBeDefined();
    expect(await db.tickets.get(hidden.id)).toBeUndefined();
  });

  it('after a reset, drops visits to units the service manager no longer covers, keeping contract-wide duty', async () => {
    const db = await freshDatabase();
    await readSyncMeta(db);
    const sample = (recordType: RecordType, id: string, unitIds?: number[]) =>
      sampleRecord(recordType, {
        id,
        actor: 'wang',
        at: at('2026-03-10T09:05'),
        ...(unitIds ? { unitIds } : {}),
      });
    const ownVisit = sample('visit', '00000000-0000-4000-8000-00000000a001', [2]);
    const lostVisit = sample('visit', '00000000-0000-4000-8000-00000000a002', [7]);
    const duty = sample('duty_log', '00000000-0000-4000-8000-00000000a003');
    const write = { wallMs: at('2026-03-10T09:05'), nodeId: 'bbbbbbbbbb' };
    const pulled = [
      pulledRecord('visit', ownVisit, write),
      pulledRecord('visit', lostVisit, write),
      pulledRecord('duty_log', duty, write),
    ];
    await applyPulledPage(db, pulledPage(pulled, 'c1'), OPTIONS);
    expect(await db.records.count()).toBe(3);
    await applyPulledPage(
      db,
      { changes: [pulled[0] as (typeof pulled)[number]], cursor: 'r1', hasMore: false, reset: true },
      { ...OPTIONS, visibleSubsystemIds: [3], visibleUnitIds: [2] },
    );
    expect((await db.records.toCollection().primaryKeys()).sort()).toEqual([ownVisit.id, duty.id].sort());
  });

  it('applies a page whole or not at all: a failing write leaves rows, states and cursor as they were', async () => {
    const db = await freshDatabase();
    await readSyncMeta(db);
    const ticket = await savedTicket(db);
    const before = {
      row: await db.tickets.get(ticket.id),
      states: await db.syncStates.get(ticket.id),
      meta: await db.syncMeta.get('sync'),
    };
    db.history.hook('creating', () => {
      throw new Error('磁盘写入中断（测试）');
    });
    const changed = pulledRecord(
      'ticket',
      { ...ticket, description: '服务器上的描述' },
      {
        wallMs: at('2026-03-10T11:00'),
        nodeId: 'bbbbbbbbbb',
      },
    );
    const fresh = pulledRecord('ticket', createdTicket({ title: '新工单' }), {
      wallMs: at('2026-03-10T11:00'),
      nodeId: 'bbbbbbbbbb',
    });
    await expect(applyPulledPage(db, pulledPage([fresh, changed], 'c9'), OPTIONS)).rejects.toMatchObject({
      kind: 'unknown',
    });
    expect(await db.tickets.get(ticket.id)).toEqual(before.row);
    expect(await db.tickets.get(fresh.recordId)).toBeUndefined();
    expect(await db.syncStates.get(ticket.id)).toEqual(before.states);
    expect(await db.syncStates.get(fresh.recordId)).toBeUndefined();
    expect(await db.syncMeta.get('sync')).toEqual(before.meta);
  });

  it('does not write a record whose merge breaks its schema, and records the problem with the reason', async () => {
    const db = await freshDatabase();
    await readSyncMeta(db);
    const ticket = await savedTicket(db);
    // A pulled title the schema refuses stands for any merge that breaks the record (e.g. a rule
    // across two fields changed on two PCs): the record must be left as it was.
    const broken = pulledRecord(
      'ticket',
      { ...ticket, title: '' },
      {
        wallMs: at('2026-03-10T11:00'),
        nodeId: 'bbbbbbbbbb',
      },
    );
    const result = await applyPulledPage(db, pulledPage([broken], 'c4'), OPTIONS);
    expect(result).toEqual({ changed: [], problems: 1 });
    expect((await db.tickets.get(ticket.id))?.record.title).toBe(ticket.title);
    const problem = await db.syncProblems.get(ticket.id);
    expect(problem?.reason).toContain('title');
    expect((await db.syncMeta.get('sync'))?.cursor).toBe('c4');

    // A later page that shows the record settles its problem, and only that one.
    const other = await savedTicket(db);
    await db.syncProblems.put({ ...(problem as SyncProblemRow), recordId: other.id });
    const mended = pulledRecord(
      'ticket',
      { ...ticket, title: '服务器改好的标题' },
      { wallMs: at('2026-03-10T11:05'), nodeId: 'bbbbbbbbbb' },
    );
    await applyPulledPage(db, pulledPage([mended], 'c5'), OPTIONS);
    expect((await db.tickets.get(ticket.id))?.record.title).toBe('服务器改好的标题');
    expect(await db.syncProblems.toCollection().primaryKeys()).toEqual([other.id]);
  });

  it('moves a record row’s server clocks out when a pull cannot show the record, so a save keeps the newer states', async () => {
    const db = await freshDatabase();
    await readSyncMeta(db);
    const ticket = createdTicket({ title: '服务器上的标题' });
    const write = (minute: string) => ({ wallMs: at(`2026-03-10T11:${minute}`), nodeId: 'bbbbbbbbbb' });
    await applyPulledPage(db, pulledPage([pulledRecord('ticket', ticket, write('00'))], 'c1'), OPTIONS);
    expect((await db.tickets.get(ticket.id))?.serverClocks).toBeDefined();

    const broken = { ...ticket, title: '', severity: 'emergency' as const };
    const result = await applyPulledPage(
      db,
      pulledPage([pulledRecord('ticket', broken, write('05'))], 'c2'),
      OPTIONS,
    );
    expect(result.problems).toBe(1);
    const row = await db.tickets.get(ticket.id);
    expect(row?.record.title).toBe('服务器上的标题');
    expect(row?.serverClocks).toBeUndefined();
    expect(await readServerStates(db, ticket.id)).toMatchObject({
      title: { value: '' },
      severity: { value: 'emergency' },
    });

    // The engineer edits the version shown: the server's newer states stay what this PC knows.
    await saveTicket(
      db,
      row?.record as Ticket,
      edited(row?.record as Ticket, { description: '本机补充' }),
      '2026-03-10T11:10',
    );
    expect(await readServerStates(db, ticket.id)).toMatchObject({
      title: { value: '' },
      severity: { value: 'emergency' },
    });
  });
});

describe('push results, re-send and discard', () => {
  it('removes applied ops, keeps their writes as server states, and moves rejected ones to rejections', async () => {
    const db = await freshDatabase();
    await readSyncMeta(db);
    const ticket = await savedTicket(db);
    const edit = await saveRecord(db, {
      recordType: 'ticket',
      before: ticket,
      after: edited(ticket, { title: '被拒绝的标题' }),
      actor: 'zhangsan',
      at: at('2026-03-10T09:30'),
    });
    const batch = await readPushBatch(db, { maxOps: 500, maxBytes: 6_000_000 });
    expect(batch.ops.map((op) => [op.seq, op.kind, op.subsystemId])).toEqual([
      [1, 'change', 5],
      [2, 'change', 5],
    ]);
    const [first, second] = batch.ops;
    if (first === undefined || second === undefined) throw new Error('expected two ops');
    const counts = await recordPushResults(
      db,
      batch.ops,
      {
        results: [
          { seq: 1, opId: first.opId, status: 'applied' },
          { seq: 2, opId: second.opId, status: 'rejected', code: 'forbidden', reason: '不能修改' },
        ],
        lastSeq: 2,
      },
      at('2026-03-10T10:00'),
    );
    expect(counts).toEqual({ applied: 1, rejected: 1 });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.syncMeta.get('sync'))?.lastSeq).toBe(2);
    expect((await readServerStates(db, ticket.id)).title?.value).toBe(ticket.title);
    // The rejected edit still shows here until the user decides.
    expect((await db.tickets.get(ticket.id))?.record.title).toBe('被拒绝的标题');
    const [rejection] = await listRejectedChanges(db);
    expect(rejection).toMatchObject({
      id: edit.op?.opId,
      code: 'forbidden',
      reason: '不能修改',
      recordTitle: '被拒绝的标题',
      recordType: 'ticket',
    });

    await resendRejectedChange(db, rejection?.id ?? '', at('2026-03-10T10:05'));
    const [resent] = await db.outbox.toArray();
    expect(resent?.seq).toBe(3);
    expect(resent?.opId).not.toBe(edit.op?.opId);
    expect(resent?.fields.map((write) => [write.field, write.value])).toEqual([['title', '被拒绝的标题']]);
    expect(decodeHlc(resent?.fields[0]?.hlc ?? '').wallMs).toBe(at('2026-03-10T10:05'));
    expect(await db.rejections.count()).toBe(0);
  });

  it('discarding a rejected change shows the server’s value again and records it in history', async () => {
    const db = await freshDatabase();
    await readSyncMeta(db);
    const ticket = await savedTicket(db);
    const [created] = (await readPushBatch(db, { maxOps: 500, maxBytes: 6_000_000 })).ops;
    await recordPushResults(
      db,
      created === undefined ? [] : [created],
      {
        results: [{ seq: 1, opId: created?.opId ?? '', status: 'applied' }],
        lastSeq: 1,
      },
      at('2026-03-10T09:06'),
    );
    await saveTicket(db, ticket, edited(ticket, { title: '要放弃的标题' }), '2026-03-10T09:30');
    const [edit] = (await readPushBatch(db, { maxOps: 500, maxBytes: 6_000_000 })).ops;
    await recordPushResults(
      db,
      edit === undefined ? [] : [edit],
      {
        results: [{ seq: 2, opId: edit?.opId ?? '', status: 'rejected', code: 'invalid', reason: '无效' }],
        lastSeq: 2,
      },
      at('2026-03-10T09:31'),
    );

    await discardRejectedChange(db, edit?.opId ?? '', 'zhangsan', at('2026-03-10T09:40'));
    expect((await db.tickets.get(ticket.id))?.record.title).toBe(ticket.title);
    expect(await db.rejections.count()).toBe(0);
    const discarded = await db.history
      .where('[recordId+at]')
      .equals([ticket.id, at('2026-03-10T09:40')])
      .toArray();
    expect(discarded.map((entry) => [entry.field, entry.oldValue, entry.newValue, entry.actor])).toEqual([
      ['title', '要放弃的标题', ticket.title, 'zhangsan'],
    ]);
    expect(encodeHlc(decodeHlc(discarded[0]?.hlc ?? ''))).toBe(discarded[0]?.hlc);
  });

  async function refusedCreation(db: YunweiDatabase): Promise<{ ticket: Ticket; opId: string }> {
    await readSyncMeta(db);
    const ticket = await savedTicket(db, createdTicket({ subsystemId: 7 }));
    const [created] = (await readPushBatch(db, { maxOps: 500, maxBytes: 6_000_000 })).ops;
    if (created === undefined) throw new Error('expected the creation to be queued');
    await recordPushResults(
      db,
      [created],
      {
        results: [
          {
            seq: created.seq,
            opId: created.opId,
            status: 'rejected',
            code: 'forbidden',
            reason: '您负责运维子项 1、5，不能修改运维子项 7 的工单',
          },
        ],
        lastSeq: created.seq,
      },
      at('2026-03-10T09:06'),
    );
    return { ticket, opId: created.opId };
  }

  it('holds back a fix to a ticket whose creation was refused, and re-sends both as one whole change', async () => {
    const db = await freshDatabase();
    const { ticket, opId } = await refusedCreation(db);
    // The fix the sync page advises: move the ticket to a subsystem the engineer keeps.
    await saveTicket(db, ticket, { ...ticket, subsystemId: 5 }, '2026-03-10T09:10');
    // Alone, the fix cannot be taken (the server has no such ticket): it is not sent.
    expect((await readPushBatch(db, { maxOps: 500, maxBytes: 6_000_000 })).ops).toEqual([]);

    await resendRejectedChange(db, opId, at('2026-03-10T09:15'));
    const queued = await db.outbox.toArray();
    expect(queued).toHaveLength(1);
    const values = Object.fromEntries((queued[0]?.fields ?? []).map((write) => [write.field, write.value]));
    expect(values).toMatchObject({
      id: ticket.id,
      subsystemId: 5,
      title: ticket.title,
      channel: ticket.channel,
    });
    expect(queued[0]?.subsystemId).toBe(5);
    expect(await db.rejections.count()).toBe(0);
    const batch = await readPushBatch(db, { maxOps: 500, maxBytes: 6_000_000 });
    expect(batch.ops.map((op) => [op.kind, op.subsystemId])).toEqual([['change', 5]]);
  });

  it('discarding a refused creation removes the ticket with the changes held back behind it', async () => {
    const db = await freshDatabase();
    const { ticket, opId } = await refusedCreation(db);
    await saveTicket(db, ticket, { ...ticket, subsystemId: 5 }, '2026-03-10T09:10');
    await discardRejectedChange(db, opId, 'zhangsan', at('2026-03-10T09:15'));
    expect(await db.tickets.get(ticket.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.rejections.count()).toBe(0);
  });

  async function refusedMove(db: YunweiDatabase): Promise<{ ticket: Ticket; moveOpId: string }> {
    await readSyncMeta(db);
    const ticket = await savedTicket(db);
    const [created] = (await readPushBatch(db, { maxOps: 500, maxBytes: 6_000_000 })).ops;
    if (created === undefined) throw new Error('expected the creation to be queued');
    await recordPushResults(
      db,
      [created],
      { results: [{ seq: created.seq, opId: created.opId, status: 'applied' }], lastSeq: created.seq },
      at('2026-03-10T09:06'),
    );
    const moved = await saveTicket(db, ticket, { ...ticket, subsystemId: 7 }, '2026-03-10T09:20');
    const [move] = (await readPushBatch(db, { maxOps: 500, maxBytes: 6_000_000 })).ops;
    if (move === undefined) throw new Error('expected the move to be queued');
    await recordPushResults(
      db,
      [move],
      {
        results: [
          {
            seq: move.seq,
            opId: move.opId,
            status: 'rejected',
            code: 'forbidden',
            reason: '您负责运维子项 1、5，不能把工单移到运维子项 7',
          },
        ],
        lastSeq: move.seq,
      },
      at('2026-03-10T09:21'),
    );
    return { ticket: moved, moveOpId: move.opId };
  }

  it('holds back later edits behind a refused move, and sends them under the record’s subsystem once it is discarded', async () => {
    const db = await freshDatabase();
    const { ticket, moveOpId } = await refusedMove(db);
    // Built on the refused move, this edit names subsystem 7 too: sent now, it would be refused as well.
    await saveTicket(db, ticket, edited(ticket, { title: '首页恢复后仍偶发 502' }), '2026-03-10T09:30');
    expect((await readPushBatch(db, { maxOps: 500, maxBytes: 6_000_000 })).ops).toEqual([]);

    await discardRejectedChange(db, moveOpId, 'zhangsan', at('2026-03-10T09:40'));
    expect((await db.tickets.get(ticket.id))?.record).toMatchObject({
      subsystemId: 5,
      title: '首页恢复后仍偶发 502',
    });
    const batch = await readPushBatch(db, { maxOps: 500, maxBytes: 6_000_000 });
    expect(batch.ops.map((op) => [op.subsystemId, op.fields.map((write) => write.field)])).toEqual([
      [5, ['title']],
    ]);
  });

  it('sends the held edits under the subsystem a re-sent move was fixed to', async () => {
    const db = await freshDatabase();
    const { ticket, moveOpId } = await refusedMove(db);
    await saveTicket(db, ticket, edited(ticket, { title: '首页恢复后仍偶发 502' }), '2026-03-10T09:30');
    // The fix the sync page advises: a subsystem the engineer keeps, then 重新发送.
    const current = (await db.tickets.get(ticket.id))?.record as Ticket;
    await saveTicket(db, current, { ...current, subsystemId: 1 }, '2026-03-10T09:35');
    await resendRejectedChange(db, moveOpId, at('2026-03-10T09:40'));
    const batch = await readPushBatch(db, { maxOps: 500, maxBytes: 6_000_000 });
    expect(batch.ops.map((op) => op.subsystemId)).toEqual([1, 1, 1]);
  });

  it('sets aside an op that cannot be sent with a reason in the schema’s words, naming no field', async () => {
    const db = await freshDatabase();
    await readSyncMeta(db);
    // Queued by an older release for a record this PC no longer has: no subsystem to send it under.
    await db.outbox.add({
      opId: '0190a0b0-0000-7000-8000-000000000001',
      kind: 'change',
      recordType: 'ticket',
      recordId: '0190a0b0-0000-7000-8000-000000000002',
      fields: [{ field: 'title', value: '标题', hlc: encodeHlc(initialHlc('abcdefghjk')) }],
      createdAt: at('2026-03-10T09:00'),
    });
    const batch = await readPushBatch(db, { maxOps: 500, maxBytes: 6_000_000 });
    expect(batch.ops).toEqual([]);
    await rejectLocally(db, batch.invalid, at('2026-03-10T09:01'));
    const [rejection] = await listRejectedChanges(db);
    expect(rejection?.reason).toBe('本机检查未通过，未发送到服务器：运维子项编号应为数字');
  });
});
