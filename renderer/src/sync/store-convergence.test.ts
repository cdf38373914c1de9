import 'fake-indexeddb/auto';
import {
  deleteTicket,
  editTicket,
  restoreTicket,
  type Ticket,
  type TicketResult,
  type TicketSeverity,
} from '@core/records';
import { recordValues } from '@core/sync/merge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readServerStates, type YunweiDatabase } from '../store';
import { at, createdTicket } from '../store/testing/record-fixtures';
import { saveRecord } from '../store/save/save-record';
import { testDatabases } from '../store/testing/test-databases';
import { SyncEngine, type Timers } from './sync-engine';
import { FakeSyncServer, type Fault } from './testing/fake-sync-server';

/*
 * The client store's side of convergence: whatever PCs save, in whatever order they sync, through lost
 * requests and replies, each PC ends with the server's records and knows the server's states exactly,
 * whether it keeps them in a `syncStates` row or as clocks in the record row (rows/row-types.ts). A
 * state lost or left stale there shows up as a PC whose known states differ from the server's.
 * (The server's side, against the real server code: server/src/sync/convergence.test.ts.)
 */

const databases = testDatabases('store-convergence');
const PCS = 3;
const SEVERITIES: readonly TicketSeverity[] = ['ordinary', 'major', 'emergency'];

const noTimers: Timers = { set: () => undefined, clear: () => undefined };

type Command =
  | { readonly kind: 'create'; readonly pc: number }
  | { readonly kind: 'edit'; readonly pc: number; readonly ticket: number; readonly edit: Edit }
  | { readonly kind: 'sync'; readonly pc: number; readonly faults: readonly LostMessage[] };

/** A request of the round that never arrives, or whose reply is lost; `pass` goes through. */
type LostMessage = Extract<Fault['kind'], 'pass' | 'drop-request' | 'drop-reply'>;

type Edit =
  | { readonly field: 'title' | 'description'; readonly text: string }
  | { readonly field: 'severity'; readonly severity: TicketSeverity }
  | { readonly field: 'delete-or-restore' };

const pc = fc.nat(PCS - 1);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    field: fc.constantFrom('title' as const, 'description' as const),
    text: fc.constantFrom('甲', '乙', '丙'),
  }),
  fc.record({ field: fc.constant('severity' as const), severity: fc.constantFrom(...SEVERITIES) }),
  fc.record({ field: fc.constant('delete-or-restore' as const) }),
);
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), pc }),
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), pc, ticket: fc.nat(5), edit }), weight: 4 },
  {
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      pc,
      faults: fc.array(fc.constantFrom<LostMessage>('pass', 'pass', 'drop-request', 'drop-reply'), {
        maxLength: 3,
      }),
    }),
    weight: 3,
  },
);

function applyEdit(ticket: Ticket, change: Edit, when: number): TicketResult {
  const context = { actor: 'zhangsan', at: when, reason: '测试' };
  switch (change.field) {
    case 'title':
      return editTicket(ticket, { title: `${ticket.title.slice(0, 20)}${change.text}` });
    case 'description':
      return editTicket(ticket, { description: change.text });
    case 'severity':
      return editTicket(ticket, { severity: change.severity });
    case 'delete-or-restore':
      return ticket.deleted ? restoreTicket(ticket, context) : deleteTicket(ticket, context);
  }
}

/**
 * A record with nothing pending (queued or rejected) shows exactly the server's states as this PC
 * knows them: known states lost or left stale by any step show up here, before a later pull repairs
 * them (a pull brings a changed record whole).
 */
async function expectShownIsKnownWhenNothingPending(db: YunweiDatabase): Promise<void> {
  const pending = new Set([
    ...(await db.outbox.orderBy('recordId').keys()),
    ...(await db.rejections.orderBy('recordId').keys()),
  ]);
  for (const row of await db.tickets.toArray()) {
    if (pending.has(row.id)) continue;
    // `updatedAt` is derived (core merge.ts): the server's is its latest write's clock, the PC's the save's.
    const { updatedAt: _known, ...known } = recordValues(await readServerStates(db, row.id));
    const { updatedAt: _shown, ...shown } = row.record;
    expect(known, `工单 ${row.id}`).toEqual(shown);
  }
}

async function run(commands: readonly Command[]): Promise<void> {
  const server = new FakeSyncServer();
  const pcs: { readonly db: YunweiDatabase; readonly engine: SyncEngine }[] = [];
  for (let index = 0; index < PCS; index += 1) {
    const db = await databases.fresh();
    pcs.push({
      db,
      engine: new SyncEngine({
        db,
        transport: server,
        user: {
          name: `pc${index}`,
          role: 'engineer',
          subsystemIds: [5],
          unitIds: [],
          visibleSubsystemIds: [5],
        },
        onStatus: () => undefined,
        onApplied: () => undefined,
        now: () => at('2026-03-10T12:00'),
        random: () => 0.5,
        timers: noTimers,
      }),
    });
  }
  let when = at('2026-03-10T10:00');
  for (const step of commands) {
    const pc = pcs[step.pc];
    if (pc === undefined) throw new Error(`没有第 ${step.pc} 台电脑`);
    const { db, engine } = pc;
    when += 60_000;
    if (step.kind === 'sync') {
      server.fail(...step.faults.map((kind) => ({ kind })));
      await engine.runRound();
      server.clearFaults();
      await expectShownIsKnownWhenNothingPending(db);
      continue;
    }
    const rows = await db.tickets.orderBy(':id').toArray();
    const before = step.kind === 'edit' ? rows[step.ticket % Math.max(rows.length, 1)]?.record : undefined;
    const after =
      step.kind === 'create'
        ? { ok: true as const, ticket: createdTicket({ title: `第 ${step.pc} 台的工单` }, when) }
        : before === undefined
          ? undefined
          : applyEdit(before, step.edit, when);
    // An edit the domain refuses (a deleted ticket's title) is not a save: the engineer sees why.
    if (after === undefined || !after.ok) continue;
    await saveRecord(db, {
      recordType: 'ticket',
      before: before ?? null,
      after: after.ticket,
      actor: 'zhangsan',
      at: when,
    });
  }

  // Quiescence: every PC pushes everything, then every PC pulls everything.
  for (let round = 0; round < 2; round += 1) {
    for (const { engine } of pcs) expect(await engine.runRound()).toEqual({ ok: true });
  }
  for (const { db } of pcs) {
    expect(await db.outbox.count()).toBe(0);
    expect(await db.rejections.count()).toBe(0);
    expect(await db.syncProblems.count()).toBe(0);
    const rows = await db.tickets.toArray();
    expect(rows.map((row) => row.id).sort()).toEqual([...server.records.keys()].sort());
    for (const row of rows) {
      const held = server.records.get(row.id);
      expect(row.record).toEqual(server.recordOf(row.id));
      expect(await readServerStates(db, row.id)).toEqual(held?.states);
      // Nothing pending: every record is the server's, so its states are clocks in its row.
      expect(row.serverClocks).toBeDefined();
    }
    expect(await db.syncStates.count()).toBe(0);
  }
}

describe('client store convergence (fast-check, in-memory server)', () => {
  it('leaves every PC with the server’s records and exactly its states, through lost requests and replies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 30 }), async (commands) => {
        try {
          await run(commands);
        } finally {
          await databases.deleteAll();
        }
      }),
      {
        numRuns: 100,
        examples: [
          [
            [
              // A PC edits a ticket it pulled; its push is applied but the pull after it never arrives.
              { kind: 'create', pc: 0 },
              { kind: 'sync', pc: 0, faults: [] },
              { kind: 'sync', pc: 1, faults: [] },
              { kind: 'edit', pc: 1, ticket: 0, edit: { field: 'title', text: '乙' } },
              { kind: 'sync', pc: 1, faults: ['pass', 'drop-request'] },
            ],
          ],
        ],
      },
    );
  });
});
