import { CLOCK_KINDS, type ClockKind } from '@core/profile';
import { TICKET_CATEGORIES } from '@core/records';
import type { ClockDigest, TicketDigest } from '@core/reports';
import { TICKET_CLOCK_STATES, type TicketClockState } from '@core/sla';
import { type Instant, dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';
import type { RowCodec } from '../../store/kinds/row-writes';
import type { TicketDigestBucketRow, TicketDigestRow } from '../../store/rows/row-types';

/** The key of the row that says the buckets are complete (sorts after every `YYYY-MM#SS`). */
export const DIGESTS_BUILT_KEY = 'built';

/** `YYYY-MM#SS`: a Shanghai month of receipt, then the subsystem, so a year is one key range. */
export function digestBucketKey(ticket: {
  readonly receivedAt: Instant;
  readonly subsystemId: number;
}): string {
  const month = dayNumberToIsoDate(dayNumberOf(ticket.receivedAt)).slice(0, 7);
  return `${month}#${String(ticket.subsystemId).padStart(2, '0')}`;
}

export function subsystemOfBucket(key: string): number {
  return Number(key.slice(8));
}

/*
 * A settled digest as numbers: NaN stands for null. Each clock is a code (-1 when the contract sets
 * none; else the state's index plus flags) and four instants or amounts.
 */
const HEAD = ['receivedAt', 'resolvedAt', 'asOf', 'category'] as const;
const CLOCK_FIELDS = 5;
export const DIGEST_WIDTH = HEAD.length + CLOCK_KINDS.length * CLOCK_FIELDS;
const BREACHED = 8;
const WARNING = 16;
const PROVISIONAL = 32;
const STATE_MASK = 7;

const orNaN = (value: number | null) => (value === null ? Number.NaN : value);
const orNull = (value: number) => (Number.isNaN(value) ? null : value);

function encodeClock(clock: ClockDigest | null, into: Float64Array, at: number): void {
  if (clock === null) {
    into.set([-1, Number.NaN, Number.NaN, Number.NaN, Number.NaN], at);
    return;
  }
  const code =
    TICKET_CLOCK_STATES.indexOf(clock.state) |
    (clock.breached ? BREACHED : 0) |
    (clock.warning ? WARNING : 0) |
    (clock.provisional ? PROVISIONAL : 0);
  into.set([code, orNaN(clock.deadline), orNaN(clock.stoppedAt), clock.fraction, clock.remainingMs], at);
}

function decodeClock(from: Float64Array, at: number): ClockDigest | null {
  const code = from[at] as number;
  if (code < 0) return null;
  return {
    state: TICKET_CLOCK_STATES[code & STATE_MASK] as TicketClockState,
    breached: (code & BREACHED) !== 0,
    warning: (code & WARNING) !== 0,
    provisional: (code & PROVISIONAL) !== 0,
    deadline: orNull(from[at + 1] as number),
    stoppedAt: orNull(from[at + 2] as number),
    fraction: from[at + 3] as number,
    remainingMs: from[at + 4] as number,
  };
}

/** A bucket being changed: its settled digests by ticket id, and the tickets whose clocks run. */
export interface DigestBucket {
  readonly key: string;
  readonly settled: Map<string, TicketDigest>;
  readonly live: Set<string>;
}

export function decodeBucket(key: string, row: TicketDigestBucketRow | undefined): DigestBucket {
  const bucket: DigestBucket = { key, settled: new Map(), live: new Set(row?.liveIds ?? []) };
  if (row === undefined) return bucket;
  for (const digest of settledDigestsOf(row)) bucket.settled.set(digest.id, digest);
  return bucket;
}

/** The settled digests a bucket row holds, decoded. */
export function settledDigestsOf(row: TicketDigestBucketRow): TicketDigest[] {
  const subsystemId = subsystemOfBucket(row.key);
  const { numbers, lengths, text } = row;
  const count = lengths.length / 2;
  const digests: TicketDigest[] = new Array<TicketDigest>(count);
  let offset = 0;
  for (let index = 0; index < count; index += 1) {
    const idEnd = offset + (lengths[index * 2] as number);
    const titleEnd = idEnd + (lengths[index * 2 + 1] as number);
    digests[index] = decodeDigest(
      text.slice(offset, idEnd),
      text.slice(idEnd, titleEnd),
      subsystemId,
      numbers,
      index,
    );
    offset = titleEnd;
  }
  return digests;
}

function decodeDigest(
  id: string,
  title: string,
  subsystemId: number,
  numbers: Float64Array,
  index: number,
): TicketDigest {
  const at = index * DIGEST_WIDTH;
  const clocks = {} as Record<ClockKind, ClockDigest | null>;
  CLOCK_KINDS.forEach((kind, clockIndex) => {
    clocks[kind] = decodeClock(numbers, at + HEAD.length + clockIndex * CLOCK_FIELDS);
  });
  return {
    id,
    title,
    subsystemId,
    category: TICKET_CATEGORIES[numbers[at + 3] as number] ?? 'fault',
    deleted: false,
    receivedAt: numbers[at] as number,
    resolvedAt: orNull(numbers[at + 1] as number),
    asOf: numbers[at + 2] as number,
    clocks,
    settled: true,
  };
}

export function encodeBucket(bucket: DigestBucket): TicketDigestBucketRow {
  const digests = [...bucket.settled.values()];
  const numbers = new Float64Array(digests.length * DIGEST_WIDTH);
  digests.forEach((digest, index) => {
    const at = index * DIGEST_WIDTH;
    numbers.set(
      [digest.receivedAt, orNaN(digest.resolvedAt), digest.asOf, TICKET_CATEGORIES.indexOf(digest.category)],
      at,
    );
    CLOCK_KINDS.forEach((kind, clockIndex) => {
      encodeClock(digest.clocks[kind], numbers, at + HEAD.length + clockIndex * CLOCK_FIELDS);
    });
  });
  const lengths = new Uint32Array(digests.length * 2);
  digests.forEach((digest, index) => {
    lengths[index * 2] = digest.id.length;
    lengths[index * 2 + 1] = digest.title.length;
  });
  return {
    key: bucket.key,
    text: digests.map((digest) => digest.id + digest.title).join(''),
    lengths,
    numbers,
    liveIds: [...bucket.live],
  };
}

export const digestBucketCodec: RowCodec<TicketDigestRow, DigestBucket> = {
  decode: (key, row) => decodeBucket(key, row === undefined || !('text' in row) ? undefined : row),
  encode: encodeBucket,
};

/** Puts a ticket's digest in its bucket: stored when settled, else named as live. */
export function placeDigest(bucket: DigestBucket, digest: TicketDigest): void {
  if (digest.settled) {
    bucket.settled.set(digest.id, digest);
    bucket.live.delete(digest.id);
  } else {
    bucket.settled.delete(digest.id);
    bucket.live.add(digest.id);
  }
}

export function dropTicket(bucket: DigestBucket, ticketId: string): void {
  bucket.settled.delete(ticketId);
  bucket.live.delete(ticketId);
}
