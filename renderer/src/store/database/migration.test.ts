import 'fake-indexeddb/auto';
import { newTemplate, startRun } from '@core/records';
import { buildChangeSet, initialHlc } from '@core/sync';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { NO_RUNNING_DEADLINE } from '../rows/row-types';
import { defaultSlaRules } from '../rows/sla-rules';
import { ticketRow } from '../rows/ticket-row';
import { ticketSearchRows } from '../rows/ticket-search-rows';
import { at, createdTicket, respondedTicket } from '../testing/record-fixtures';
import { unpackStates } from '@core/sync/packed-states';
import { syncStateRow } from '../sync/packed-states';
import { readServerStates } from '../sync/read-server-states';
import { inspectionRunRow, inspectionTemplateRow } from '../rows/inspection-rows';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V1, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } from './schema';
import { YunweiDatabase } from './yunwei-database';

/** A row as version 1 wrote it: every field but `breached`. */
function v1TicketRow(ticket: ReturnType<typeof createdTicket>, savedAt: number) {
  const { breached: _dropped, ...row } = ticketRow(ticket, defaultSlaRules(), savedAt);
  return row;
}

/** Subsystem 5's daily check, version 1, and a run of it started at `startedAt`. */
function dailyCheck(startedAt: number) {
  const template = newTemplate(
    {
      subsystemId: 5,
      templateId: 's5-daily',
      name: '门户网站每日功能检查',
      schedule: null,
      items: [{ id: 'home', kind: 'pass-fail', label: '首页可打开', required: true }],
    },
    { actor: 'admin', at: at('2026-03-01T09:00') },
  );
  if (!template.ok) throw new Error(template.reason);
  const run = startRun(template.template, { actor: 'zhangsan', at: startedAt, scheduledFor: '2026-03-10' });
  if (!run.ok) throw new Error(run.reason);
  return { template: template.template, run: run.run };
}

describe('schema migration', () => {
  it('opens a database filled by version 1 with every record, history row, op, blob and the clock', async () => {
    const name = `yunwei-test-migrate-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();

    // 30 tickets over several subsystems; one responded 10 days late (breached), one still open.
    const tickets = Array.from({ length: 30 }, (_, index) =>
      createdTicket({
        subsystemId: (index % 3) + 4,
        title: `工单 ${index}`,
        receivedAt: at('2026-03-10T09:02'),
      }),
    );
    const late = respondedTicket(tickets[0] ?? createdTicket(), at('2026-03-20T10:00'));
    const stored = [late, ...tickets.slice(1)];
    const nodeClock = initialHlc('abcdefghjk');
    const changeSets = stored.map((ticket) =>
      buildChangeSet({
        recordType: 'ticket',
        recordId: ticket.id,
        before: undefined,
        after: ticket,
        actor: 'zhangsan',
        at: ticket.updatedAt,
        clock: nodeClock,
      }),
    );
    const { template, run } = dailyCheck(at('2026-03-10T08:00'));

    await v1.table('tickets').bulkAdd(stored.map((ticket) => v1TicketRow(ticket, at('2026-03-20T10:00'))));
    await v1.table('history').bulkAdd(changeSets.flatMap((set) => set.history));
    await v1.table('outbox').bulkAdd(changeSets.map((set) => set.op));
    await v1.table('inspectionTemplates').add({
      key: 's5-daily@1',
      id: template.id,
      templateId: 's5-daily',
      version: 1,
      subsystemId: 5,
      record: template,
    });
    await v1.table('inspectionRuns').add({
      id: run.id,
      record: run,
      subsystemId: 5,
      templateId: 's5-daily',
      slotKey: '2026-03-10',
      startedAt: run.startedAt,
    });
    await v1.table('blobs').add({
      sha256: 'a'.repeat(64),
      name: '截图.png',
      mime: 'image/png',
      size: 3,
      data: new Blob(['abc']),
      createdAt: 1,
    });
    await v1.table('meta').put({ key: 'hlc', value: changeSets[0]?.clock });
    const historyCount = await v1.table('history').count();
    v1.close();

    const db = new YunweiDatabase(name, { now: () => at('2026-03-20T12:00') });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.tickets.count()).toBe(30);
    expect(await db.history.count()).toBe(historyCount);
    expect(await db.outbox.count()).toBe(30);
    expect(await db.inspectionTemplates.count()).toBe(1);
    expect((await db.inspectionRuns.get(run.id))?.record).toEqual(run);
    expect(await db.blobs.count()).toBe(1);
    expect((await db.meta.get('hlc'))?.value).toEqual(changeSets[0]?.clock);
    for (const ticket of stored) expect((await db.tickets.get(ticket.id))?.record).toEqual(ticket);

    // The upgrade filled the new field from each ticket's clocks...
    const rows = await db.tickets.toArray();
    expect((await db.tickets.get(late.id))?.breached).toBe(1);
    expect(rows.filter((row) => row.breached === 1)).toHaveLength(30);
    // ...moved every ticket's tokens into the search table...
    expect(await db.ticketSearch.count()).toBe(60);
    expect(await db.ticketSearch.where('tokens').equals('工单').primaryKeys()).toHaveLength(30);
    expect(await db.ticketSearch.where('tokens').equals('12').primaryKeys()).toEqual([
      `${stored[12]?.id}#head`,
    ]);
    // ...and the new compound index answers the list query.
    const page = await db.tickets
      .where('[subsystemId+status+deadlineAt]')
      .between([5, 'new', Dexie.minKey], [5, 'new', Dexie.maxKey])
      .limit(50)
      .toArray();
    expect(page).toHaveLength(10);
    expect(
      page.every(
        (row) => row.subsystemId === 5 && row.status === 'new' && row.deadlineAt < NO_RUNNING_DEADLINE,
      ),
    ).toBe(true);
    await db.delete();
  });

  it('opens a database filled by version 3 with every row, answering the list query without the dropped indexes', async () => {
    const name = `yunwei-test-migrate-v3-${Date.now()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    const tickets = Array.from({ length: 12 }, (_, index) =>
      createdTicket({
        subsystemId: (index % 2) + 4,
        title: `工单 ${index}`,
        receivedAt: at('2026-03-10T09:02'),
      }),
    );
    const rows = tickets.map((ticket) => ticketRow(ticket, defaultSlaRules(), at('2026-03-10T10:00')));
    await v3.table('tickets').bulkAdd(rows);
    await v3.table('ticketSearch').bulkAdd(tickets.flatMap((ticket) => ticketSearchRows(ticket)));
    await v3.table('syncMeta').put({ key: 'sync', clientId: 'abcdefghjk', cursor: 'c-12', lastAckedSeq: 3 });
    v3.close();

    const db = new YunweiDatabase(name, { now: () => at('2026-03-10T10:00') });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.tickets.toArray()).toEqual([...rows].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await db.ticketSearch.count()).toBe(24);
    expect(await db.syncMeta.get('sync')).toMatchObject({ cursor: 'c-12' });
    const indexes = db.tickets.schema.indexes.map((index) => index.name);
    expect(indexes).not.toContain('updatedAt');
    expect(indexes).not.toContain('receivedAt');
    const page = await db.tickets
      .where('[subsystemId+status+deadlineAt]')
      .between([5, 'new', Dexie.minKey], [5, 'new', Dexie.maxKey])
      .toArray();
    expect(page.map((row) => row.id).sort()).toEqual(
      tickets
        .filter((ticket) => ticket.subsystemId === 5)
        .map((ticket) => ticket.id)
        .sort(),
    );
    await db.delete();
  });

  it("opens a database filled by version 4 with every record's server states, packed", async () => {
    const name = `yunwei-test-migrate-v4-${Date.now()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    const shared = '01a20f7e3237-0000-y5crzdm3gp';
    const later = '01a20f7e3300-0002-abcdefghjk';
    const edited = {
      id: { value: 't-edited', hlc: shared, rank: 1 },
      title: { value: '门户网站首页打不开（已核实）', hlc: later, rank: 1 },
      events: {
        value: [{ id: 'e1' }, { id: 'e2' }],
        hlc: later,
        rank: 1,
        births: { e1: { hlc: shared, index: 0 }, e2: { hlc: later, index: 1 } },
      },
    };
    const unpacked = [
      { recordId: 't-edited', recordType: 'ticket', server: edited },
      { recordId: 't-queued', recordType: 'ticket', server: {} },
      // More rows than one upgrade step (2,000) packs at a time.
      ...Array.from({ length: 2_500 }, (_, index) => ({
        recordId: `run-${String(index).padStart(5, '0')}`,
        recordType: 'inspection_run',
        server: { id: { value: `run-${index}`, hlc: shared, rank: 1 } },
      })),
    ];
    await v4.table('syncStates').bulkAdd(unpacked);
    v4.close();

    const db = new YunweiDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const rows = await db.syncStates.toArray();
    expect(rows).toHaveLength(unpacked.length);
    const byId = new Map(rows.map((row) => [row.recordId, row]));
    for (const row of unpacked) {
      expect(byId.get(row.recordId)).not.toHaveProperty('server');
      const stored = byId.get(row.recordId);
      expect(stored && unpackStates(stored.packed)).toEqual(row.server);
    }
    await db.delete();
  });

  it('opens a database filled by version 5 with each lean states row moved into its record row', async () => {
    const name = `yunwei-test-migrate-v5-${Date.now()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(SCHEMA_V5);
    await v5.open();
    const rules = defaultSlaRules();
    const hlc = '01a20f7e3237-0000-y5crzdm3gp';
    const later = '01a20f7e3300-0002-abcdefghjk';
    // More lean tickets than one upgrade step (2,000) moves at a time.
    const tickets = Array.from({ length: 2_100 }, (_, index) => createdTicket({ title: `工单 ${index}` }));
    const edited = createdTicket({ title: '本机改过的工单' });
    const { template, run } = dailyCheck(at('2026-03-10T08:10'));
    const lean = (recordId: string, recordType: string) => ({
      recordId,
      recordType,
      packed: { hlc, rank: 0 },
    });
    await v5.table('tickets').bulkPut([...tickets, edited].map((ticket) => ticketRow(ticket, rules, 1)));
    await v5.table('inspectionRuns').put(inspectionRunRow(run));
    await v5.table('inspectionTemplates').put(inspectionTemplateRow(template));
    const editedStates = {
      id: { value: edited.id, hlc, rank: 0 },
      title: { value: '服务器上的标题', hlc: later, rank: 0 },
    };
    await v5
      .table('syncStates')
      .bulkAdd([
        ...tickets.map((ticket) => lean(ticket.id, 'ticket')),
        lean(run.id, 'inspection_run'),
        lean(template.id, 'inspection_template'),
        lean('t-gone', 'ticket'),
        syncStateRow({ recordId: edited.id, recordType: 'ticket' }, editedStates as never),
      ]);
    v5.close();

    const db = new YunweiDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    // Only the full row stays; the lean row of a record that is gone held nothing readable.
    expect(await db.syncStates.toCollection().primaryKeys()).toEqual([edited.id]);
    expect(await db.tickets.count()).toBe(tickets.length + 1);
    const clocked = await db.tickets.filter((row) => row.serverClocks !== undefined).count();
    expect(clocked).toBe(tickets.length);
    for (const ticket of [tickets[0], tickets[2_099]]) {
      const states = await readServerStates(db, ticket?.id ?? '');
      expect(states.title).toEqual({ value: ticket?.title, hlc, rank: 0 });
    }
    expect((await readServerStates(db, run.id)).id).toEqual({ value: run.id, hlc, rank: 0 });
    expect((await readServerStates(db, template.id)).name).toMatchObject({
      value: '门户网站每日功能检查',
    });
    expect(await readServerStates(db, edited.id)).toEqual(editedStates);
    await db.delete();
  });
});
