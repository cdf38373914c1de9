import type { Ticket } from '@core/records';
import { type TicketDigest, ticketDigest } from '@core/reports';
import type { Instant } from '@core/time/shanghai-time';
import { request } from '../../store/database/native-transaction';
import type { YunweiDatabase } from '../../store/database/yunwei-database';
import type { RowWrites } from '../../store/kinds/row-writes';
import type { TicketDigestBucketRow, TicketDigestRow, TicketRow } from '../../store/rows/row-types';
import type { SlaRules } from '../../store/rows/sla-rules';
import {
  DIGESTS_BUILT_KEY,
  type DigestBucket,
  decodeBucket,
  digestBucketCodec,
  digestBucketKey,
  dropTicket,
  encodeBucket,
  placeDigest,
  settledDigestsOf,
  subsystemOfBucket,
} from './ticket-digest-buckets';

const fingerprints = new WeakMap<SlaRules, string>();

/** The bucket rows' layout (ticket-digest-buckets.ts): a new layout has every bucket built again. */
const BUCKET_FORMAT = 2;

/**
 * Names the SLA rules digests were taken under: the profile and the calendar's notices, and the
 * buckets' layout. Digests of other rules are stale (a new holiday notice moves deadlines), so the
 * buckets are built again.
 */
export function digestRulesFingerprint(rules: SlaRules): string {
  let known = fingerprints.get(rules);
  if (known === undefined) {
    known = fnv1a(JSON.stringify([BUCKET_FORMAT, rules.profile, rules.calendar.notices]));
    fingerprints.set(rules, known);
  }
  return known;
}

/** FNV-1a, 32 bits twice (two offsets): a change detector, not a security hash. */
function fnv1a(text: string): string {
  let first = 0x811c9dc5;
  let second = 0x01000193;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x811c9dc5);
  }
  return `${(first >>> 0).toString(16)}${(second >>> 0).toString(16)}`;
}

export function digestOf(ticket: Ticket, rules: SlaRules, now: Instant): TicketDigest {
  return ticketDigest(ticket, { profile: rules.profile, calendar: rules.calendar, asOf: now });
}

/**
 * The bucket changes a ticket's new version makes: out of the bucket it left (a new subsystem or
 * receipt time), into its own unless deleted.
 */
function bucketChanges(
  ticket: Ticket,
  stored: Ticket | null,
  rules: SlaRules,
  now: Instant,
): { key: string; change: (bucket: DigestBucket) => void }[] {
  const key = digestBucketKey(ticket);
  const changes: { key: string; change: (bucket: DigestBucket) => void }[] = [];
  if (stored !== null && digestBucketKey(stored) !== key) {
    changes.push({ key: digestBucketKey(stored), change: (bucket) => dropTicket(bucket, ticket.id) });
  }
  if (ticket.deleted) changes.push({ key, change: (bucket) => dropTicket(bucket, ticket.id) });
  else {
    const digest = digestOf(ticket, rules, now);
    changes.push({ key, change: (bucket) => placeDigest(bucket, digest) });
  }
  return changes;
}

/** A save's digest writes, on its native transaction (which includes `ticketDigests`). */
export async function writeDigestOnSave(
  db: YunweiDatabase,
  transaction: IDBTransaction,
  ticket: Ticket,
  stored: Ticket | null,
  now: Instant,
): Promise<void> {
  const store = transaction.objectStore(db.ticketDigests.name);
  for (const { key, change } of bucketChanges(ticket, stored, db.slaRules, now)) {
    const row = await request<TicketDigestRow | undefined>(() => store.get(key));
    const bucket = digestBucketCodec.decode(key, row);
    change(bucket);
    await request(() => store.put(encodeBucket(bucket)));
  }
}

/** A pulled ticket's digest writes, with the page's other rows. */
export function addPulledDigest(
  db: YunweiDatabase,
  writes: RowWrites,
  ticket: Ticket,
  stored: Ticket | null,
  now: Instant,
): void {
  for (const { key, change } of bucketChanges(ticket, stored, db.slaRules, now)) {
    writes.edit(db.ticketDigests, digestBucketCodec, key, change);
  }
}

/** A ticket the pull removes leaves its bucket. */
export function removePulledDigest(db: YunweiDatabase, writes: RowWrites, stored: Ticket): void {
  writes.edit(db.ticketDigests, digestBucketCodec, digestBucketKey(stored), (bucket) =>
    dropTicket(bucket, stored.id),
  );
}

const REBUILD_CHUNK = 5_000;

/**
 * Digests every stored ticket again, under the store's rules, and marks the buckets complete. One
 * transaction over the tickets and the buckets: a save waits for it rather than being lost by it.
 */
export async function rebuildTicketDigests(db: YunweiDatabase, now: Instant): Promise<void> {
  const rules = db.slaRules;
  await db.transaction('rw', db.tickets, db.ticketDigests, async () => {
    const buckets = new Map<string, DigestBucket>();
    let after: string | null = null;
    for (;;) {
      const chunk = after === null ? db.tickets.orderBy(':id') : db.tickets.where(':id').above(after);
      const rows: TicketRow[] = await chunk.limit(REBUILD_CHUNK).toArray();
      for (const { record } of rows) {
        if (record.deleted) continue;
        const key = digestBucketKey(record);
        let bucket = buckets.get(key);
        if (bucket === undefined) {
          bucket = decodeBucket(key, undefined);
          buckets.set(key, bucket);
        }
        placeDigest(bucket, digestOf(record, rules, now));
      }
      if (rows.length < REBUILD_CHUNK) break;
      after = rows[rows.length - 1]?.id ?? null;
    }
    await db.ticketDigests.clear();
    await db.ticketDigests.bulkPut([
      ...[...buckets.values()].map(encodeBucket),
      { key: DIGESTS_BUILT_KEY, rules: digestRulesFingerprint(rules) },
    ]);
  });
}

export interface DigestQuery {
  /** The first and last Shanghai month of receipt, `YYYY-MM`. */
  readonly fromMonth: string;
  readonly toMonth: string;
  /** Null: every subsystem. */
  readonly subsystemIds: readonly number[] | null;
}

/**
 * The tickets received in the months, as the figures read them: the settled digests as stored, and
 * the tickets whose clocks run, whose digests are taken at the moment they are shown (`digestsAt`).
 * `rebuilt`: the buckets were missing or of other rules and had to be built first.
 */
export interface DigestSource {
  readonly settled: readonly TicketDigest[];
  readonly live: readonly Ticket[];
  readonly rebuilt: boolean;
}

export async function readDigestSource(
  db: YunweiDatabase,
  query: DigestQuery,
  now: Instant,
): Promise<DigestSource> {
  const built = await db.ticketDigests.get(DIGESTS_BUILT_KEY);
  const rebuilt =
    built === undefined || !('rules' in built) || built.rules !== digestRulesFingerprint(db.slaRules);
  if (rebuilt) await rebuildTicketDigests(db, now);
  // A month a transaction, all at once: IndexedDB reads the months' large rows side by side (a year at
  // 200,000 tickets: ~0.25 s against ~1 s in one transaction). Each month's bucket and its live
  // tickets are read together.
  const months = await Promise.all(
    monthsFrom(query.fromMonth, query.toMonth).map((month) =>
      db.transaction('r', db.tickets, db.ticketDigests, async () => {
        const rows = (await db.ticketDigests
          .where(':id')
          .between(`${month}#`, `${month}#\uffff`, true, true)
          .toArray()) as TicketDigestBucketRow[];
        const inScope = rows.filter(
          (row) => query.subsystemIds === null || query.subsystemIds.includes(subsystemOfBucket(row.key)),
        );
        const live = await db.tickets.bulkGet(inScope.flatMap((row) => row.liveIds));
        return {
          settled: inScope.flatMap(settledDigestsOf),
          live: live.flatMap((row) => (row === undefined || row.record.deleted ? [] : [row.record])),
        };
      }),
    ),
  );
  return {
    settled: months.flatMap((month) => month.settled),
    live: months.flatMap((month) => month.live),
    rebuilt,
  };
}

/** `YYYY-MM` from `from` to `to`, both included. */
export function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > to) return months;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** Every digest of the source as of `now`: the settled ones hold; the others are taken now. */
export function digestsAt(source: DigestSource, rules: SlaRules, now: Instant): TicketDigest[] {
  return [...source.settled, ...source.live.map((ticket) => digestOf(ticket, rules, now))];
}
