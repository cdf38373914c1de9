import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TICKET_ACTIONS, type Ticket, editTicket, transition } from '@core/records';
import { type TicketDigest, ticketDigests } from '@core/reports';
import { DAY_MS, MINUTE_MS } from '@core/time/shanghai-time';
import type { YunweiDatabase } from '../../store/database/yunwei-database';
import { slaRulesWithNotices } from '../../store/rows/sla-rules';
import { saveRecord } from '../../store/save/save-record';
import { applyPulledPage } from '../../store/sync/apply-pull';
import { readSyncMeta } from '../../store/sync/sync-meta';
import { pulledPage, pulledRecord } from '../../store/testing/pulled-records';
import { at, createdTicket } from '../../store/testing/record-fixtures';
import { testDatabases } from '../../store/testing/test-databases';
import { digestBucketKey } from './ticket-digest-buckets';
import { type DigestQuery, digestsAt, monthsFrom, readDigestSource } from './ticket-digest-store';

const databases = testDatabases('ticket-digests');
const YEAR: DigestQuery = { fromMonth: '2026-01', toMonth: '2026-12', subsystemIds: null };
const START = at('2026-03-01T08:00');

/** What a figure reads of a digest: everything but the instant it was taken at. */
function judged(digests: readonly TicketDigest[]) {
  return [...digests].map(({ asOf: _taken, ...rest }) => rest).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The digests the figures would get by judging every stored ticket now (the slow way). */
async function fromScratch(db: YunweiDatabase, now: number): Promise<TicketDigest[]> {
  const tickets = (await db.tickets.toArray()).map((row) => row.record).filter((ticket) => !ticket.deleted);
  const { profile, calendar } = db.slaRules;
  return ticketDigests(tickets, { profile, calendar, asOf: now });
}

async function save(db: YunweiDatabase, before: Ticket | null, after: Ticket, when: number): Promise<Ticket> {
  return (await saveRecord(db, { recordType: 'ticket', before, after, actor: 'zhangsan', at: when })).record;
}

function resolvedOn(ticket: Ticket, when: number): Ticket {
  return (['respond', 'resolve'] as const).reduce((current, action) => {
    const result = transition(current, action, { actor: 'lisi', at: when, note: '已处理' });
    if (!result.ok) throw new Error(result.reason);
    return result.ticket;
  }, ticket);
}

type Step =
  | { kind: 'new'; subsystemId: number; minutes: number }
  | { kind: 'act'; pick: number; action: (typeof TICKET_ACTIONS)[number] }
  | { kind: 'move'; pick: number; subsystemId: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'pull'; subsystemId: number; minutes: number; resolved: boolean }
  | { kind: 'gone'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('new' as const),
    subsystemId: fc.constantFrom(1, 5, 10),
    minutes: fc.integer({ min: 0, max: 40 * 24 * 60 }),
  }),
  fc.record({
    kind: fc.constant('act' as const),
    pick: fc.nat(),
    action: fc.constantFrom(...TICKET_ACTIONS),
  }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), subsystemId: fc.constantFrom(1, 5, 10) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('pull' as const),
    subsystemId: fc.constantFrom(1, 5, 10),
    minutes: fc.integer({ min: 0, max: 40 * 24 * 60 }),
    resolved: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('gone' as const), pick: fc.nat() }),
);

describe('the tickets’ digest buckets', () => {
  it('are kept by saves and pulls to what judging every ticket again gives (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const db = await databases.fresh();
        await readSyncMeta(db);
        // The first read builds the (empty) buckets; every later change must keep them.
        expect((await readDigestSource(db, YEAR, START)).rebuilt).toBe(true);
        let now = START;
        let cursor = 0;
        // A local save waits in the outbox, and a pull keeps a record with pending writes: only
        // pulled tickets can be taken away by one.
        const pulledIds: string[] = [];
        const live = async () => (await db.tickets.toArray()).map((row) => row.record);
        for (const next of steps) {
          now += 17 * MINUTE_MS;
          const tickets = (await live()).filter((ticket) => !ticket.deleted);
          const picked =
            tickets.length === 0 ? undefined : tickets[('pick' in next ? next.pick : 0) % tickets.length];
          switch (next.kind) {
            case 'new':
              await save(
                db,
                null,
                createdTicket(
                  { subsystemId: next.subsystemId, receivedAt: START - next.minutes * MINUTE_MS },
                  now,
                ),
                now,
              );
              break;
            case 'act': {
              if (picked === undefined) break;
              const result = transition(picked, next.action, {
                actor: 'zhangsan',
                at: now,
                reason: '原因',
                note: '说明',
              });
              if (result.ok) await save(db, picked, result.ticket, now);
              break;
            }
            case 'move': {
              if (picked === undefined) break;
              const result = editTicket(picked, { subsystemId: next.subsystemId });
              if (result.ok) await save(db, picked, result.ticket, now);
              break;
            }
            case 'delete':
              if (picked !== undefined) await save(db, picked, { ...picked, deleted: true }, now);
              break;
            case 'pull': {
              const created = createdTicket(
                {
                  subsystemId: next.subsystemId,
                  receivedAt: START - next.minutes * MINUTE_MS,
                  resolution: '已重启服务',
                },
                now,
              );
              // Resolved on another PC: settled, so it is stored in its bucket, not judged anew.
              const ticket = next.resolved ? resolvedOn(created, now) : created;
              pulledIds.push(ticket.id);
              cursor += 1;
              await applyPulledPage(
                db,
                pulledPage(
                  [pulledRecord('ticket', ticket, { wallMs: now, nodeId: 'bbbbbbbbbb' })],
                  `c${cursor}`,
                ),
                { at: now, visibleSubsystemIds: null },
              );
              break;
            }
            case 'gone': {
              const recordId = pulledIds.splice(next.pick % Math.max(1, pulledIds.length), 1)[0];
              if (recordId === undefined) break;
              cursor += 1;
              await applyPulledPage(
                db,
                pulledPage([{ kind: 'gone', recordType: 'ticket', recordId }], `c${cursor}`),
                { at: now, visibleSubsystemIds: null },
              );
              break;
            }
          }
        }
        const later = now + 3 * DAY_MS;
        const source = await readDigestSource(db, YEAR, later);
        expect(source.rebuilt).toBe(false);
        expect(judged(digestsAt(source, db.slaRules, later))).toEqual(judged(await fromScratch(db, later)));
        await databases.deleteAll();
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('reads only the months and subsystems asked for', async () => {
    const db = await databases.fresh();
    const march = await save(
      db,
      null,
      createdTicket({ subsystemId: 5, receivedAt: at('2026-03-02T10:00') }),
      START,
    );
    await save(db, null, createdTicket({ subsystemId: 1, receivedAt: at('2026-03-02T10:00') }), START);
    await save(db, null, createdTicket({ subsystemId: 5, receivedAt: at('2025-12-31T10:00') }), START);
    const source = await readDigestSource(db, { ...YEAR, subsystemIds: [5] }, START);
    expect(digestsAt(source, db.slaRules, START).map((digest) => digest.id)).toEqual([march.id]);
    expect(digestBucketKey(march)).toBe('2026-03#05');
  });

  it('are built again when a holiday notice changes the rules', async () => {
    const db = await databases.fresh();
    await save(db, null, createdTicket({ receivedAt: at('2026-03-02T10:00') }), START);
    expect((await readDigestSource(db, YEAR, START)).rebuilt).toBe(true);
    expect((await readDigestSource(db, YEAR, START)).rebuilt).toBe(false);
    db.slaRules = slaRulesWithNotices(db.slaRules, [
      { year: 2030, notice: '测试通知', source: '测试', holidays: [] },
    ]);
    expect((await readDigestSource(db, YEAR, START)).rebuilt).toBe(true);
  });
});

describe('monthsFrom', () => {
  it('lists every month of a range, across a year’s end', () => {
    expect(monthsFrom('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsFrom('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(monthsFrom('2026-04', '2026-03')).toEqual([]);
  });
});
