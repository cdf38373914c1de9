import type { CalendarNotice, CalendarPutResponse } from '@core/calendar';
import { describeSchemaIssues } from '@core/host/schema-issues';
import { RECORD_KINDS, type RecordType, safeParseInChinese } from '@core/records';
import { blobReferences } from '@core/sync/blob-references';
import { canonicalJson, type JsonValue } from '@core/sync/json-value';
import { type FieldStates, mergeWrites, recordValues } from '@core/sync/merge';
import { packStates } from '@core/sync/packed-states';
import { describeInvalidMerge } from '@core/sync/rejection-reason';
import {
  type HistoryResponse,
  type OpResult,
  type PullRequestInput,
  type PullResponse,
  type PushOp,
  type PushRequest,
  type PushResponse,
  pullRequestSchema,
  pushRequestSchema,
} from '@core/sync/protocol';
import {
  type CalendarFetch,
  type EventHandlers,
  type SyncTransport,
  SyncHttpError,
  SyncNetworkError,
} from '../transport';

/**
 * What goes wrong with the next request: it never arrives, its reply is lost, or the server refuses;
 * `pass`: nothing (so that a later request of the same round fails).
 */
export type Fault =
  | { readonly kind: 'pass' }
  | { readonly kind: 'drop-request' }
  | { readonly kind: 'drop-reply' }
  | { readonly kind: 'http'; readonly status: number; readonly code: string; readonly message: string };

interface ServerRecord {
  readonly recordType: RecordType;
  readonly subsystemId: number;
  readonly states: FieldStates;
  readonly changeSeq: number;
}

interface ClientLedger {
  lastSeq: number;
  readonly results: Map<number, OpResult>;
}

/**
 * An in-memory server with the protocol's semantics (docs/sync-protocol.md §4–§8), for the engine's
 * tests: per-client seq ledger with stored results replayed for seq ≤ lastSeq, scope checks on
 * subsystems, blobs required before the ops that refer to them, the core merge rule and record
 * schemas, pull by change sequence with pages. Faults are queued per request.
 */
export class FakeSyncServer implements SyncTransport {
  readonly records = new Map<string, ServerRecord>();
  readonly blobs = new Map<string, Blob>();
  readonly requests: string[] = [];
  /** Subsystems the user may write and read; null: all. */
  subsystems: readonly number[] | null = null;
  private readonly ledgers = new Map<string, ClientLedger>();
  private readonly faults: Fault[] = [];
  private readonly listeners = new Set<EventHandlers>();
  private changeSeq = 0;

  /** The next requests fail this way, one fault per request, in order. */
  fail(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  /** Faults queued for requests that were never made. */
  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Every listening client hears a poke. */
  poke(): void {
    for (const listener of this.listeners) listener.onPoke();
  }

  async push(request: PushRequest): Promise<PushResponse> {
    this.requests.push('push');
    const fault = this.faults.shift();
    this.before(fault);
    const parsed = pushRequestSchema.safeParse(request);
    if (!parsed.success) throw new SyncHttpError(400, 'invalid_body', describeSchemaIssues(parsed.error));
    const ledger = this.ledgers.get(request.clientId) ?? { lastSeq: 0, results: new Map() };
    this.ledgers.set(request.clientId, ledger);
    const results = parsed.data.ops.map((op) => {
      if (op.seq <= ledger.lastSeq) {
        const stored = ledger.results.get(op.seq);
        if (stored !== undefined && stored.opId === op.opId) return stored;
        return rejected(op, 'seq_reused', `seq ${op.seq} 已用过`);
      }
      const result = this.apply(op);
      ledger.results.set(op.seq, result);
      return result;
    });
    ledger.lastSeq = Math.max(ledger.lastSeq, ...parsed.data.ops.map((op) => op.seq));
    const response = { results, lastSeq: ledger.lastSeq };
    if (fault?.kind === 'drop-reply') throw new SyncNetworkError('连接在回复前断开（测试）');
    return response;
  }

  async pull(request: PullRequestInput): Promise<PullResponse> {
    this.requests.push('pull');
    const fault = this.faults.shift();
    this.before(fault);
    const body = pullRequestSchema.parse(request);
    const after = body.cursor === null ? 0 : Number(body.cursor.replace(/^fake\./, ''));
    const visible = [...this.records.entries()]
      .filter(([, record]) => record.changeSeq > after && this.mayAccess(record.subsystemId))
      .sort(([, a], [, b]) => a.changeSeq - b.changeSeq);
    const page = visible.slice(0, body.limit);
    const last = page.at(-1)?.[1].changeSeq ?? Math.max(after, this.changeSeq);
    const response: PullResponse = {
      changes: page.map(([recordId, record]) => ({
        kind: 'record',
        recordType: record.recordType,
        recordId,
        subsystemId: record.subsystemId,
        ...packStates(record.states),
      })),
      cursor: `fake.${page.length < visible.length ? last : Math.max(last, this.changeSeq)}`,
      hasMore: page.length < visible.length,
      reset: false,
    };
    if (fault?.kind === 'drop-reply') throw new SyncNetworkError('连接在回复前断开（测试）');
    return response;
  }

  async hasBlob(sha256: string): Promise<boolean> {
    this.requests.push('head-blob');
    this.before(this.faults.shift());
    return this.blobs.has(sha256);
  }

  async putBlob(sha256: string, data: Blob): Promise<void> {
    this.requests.push('put-blob');
    this.before(this.faults.shift());
    const digest = await crypto.subtle.digest('SHA-256', await data.arrayBuffer());
    const actual = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    if (actual !== sha256) throw new SyncHttpError(400, 'hash_mismatch', `内容的 SHA-256 为 ${actual}`);
    this.blobs.set(sha256, data);
  }

  events(handlers: EventHandlers, signal: AbortSignal): Promise<void> {
    this.listeners.add(handlers);
    handlers.onReady();
    return new Promise((resolve) => {
      signal.addEventListener('abort', () => {
        this.listeners.delete(handlers);
        resolve();
      });
    });
  }

  /**
   * The added calendar notices, by year. Fetching them is not counted in `requests` nor given a fault:
   * the engine's tests of push and pull see the rounds they always saw.
   */
  readonly calendarNotices = new Map<number, CalendarNotice>();

  async calendars(etag: string | null): Promise<CalendarFetch> {
    const notices = [...this.calendarNotices.values()].sort((a, b) => a.year - b.year);
    const current = `"${canonicalJson(notices as unknown as JsonValue).length}-${notices.length}"`;
    return etag === current ? { kind: 'unchanged' } : { kind: 'notices', notices, etag: current };
  }

  async putCalendar(notice: CalendarNotice): Promise<CalendarPutResponse> {
    const outcome = this.calendarNotices.has(notice.year) ? 'replaced' : 'added';
    this.calendarNotices.set(notice.year, notice);
    return { notice, outcome };
  }

  history(recordId: string): Promise<HistoryResponse> {
    return Promise.reject(new SyncHttpError(404, 'not_found', `测试服务器不提供历史：${recordId}`));
  }

  /** The record as the server holds it: field → value. */
  recordOf(recordId: string): Record<string, JsonValue> | undefined {
    const record = this.records.get(recordId);
    return record === undefined ? undefined : recordValues(record.states);
  }

  private before(fault: Fault | undefined): void {
    if (fault?.kind === 'drop-request') throw new SyncNetworkError('无法连接（测试）');
    if (fault?.kind === 'http') throw new SyncHttpError(fault.status, fault.code, fault.message);
  }

  private mayAccess(subsystemId: number): boolean {
    return this.subsystems === null || this.subsystems.includes(subsystemId);
  }

  private apply(op: PushOp): OpResult {
    const stored = this.records.get(op.recordId);
    for (const subsystemId of [stored?.subsystemId, op.subsystemId]) {
      if (subsystemId !== undefined && !this.mayAccess(subsystemId)) {
        return rejected(op, 'forbidden', `您不能修改运维子项 ${subsystemId} 的记录`);
      }
    }
    const missing = op.fields
      .flatMap((write) => blobReferences(op.recordType, write.field, write.value))
      .filter((sha256) => !this.blobs.has(sha256));
    if (missing.length > 0) return rejected(op, 'blob_missing', `附件尚未上传：${missing.join('、')}`);
    const merged = mergeWrites(op.recordType, stored?.states ?? {}, op.fields, op.kind).states;
    const parsed = safeParseInChinese(RECORD_KINDS[op.recordType].schema, recordValues(merged));
    if (!parsed.success) {
      return rejected(
        op,
        'invalid',
        describeInvalidMerge(RECORD_KINDS[op.recordType].label, stored !== undefined, parsed.error),
      );
    }
    const changed =
      stored === undefined || canonicalJson(toJson(stored.states)) !== canonicalJson(toJson(merged));
    if (changed) this.changeSeq += 1;
    this.records.set(op.recordId, {
      recordType: op.recordType,
      subsystemId: merged.subsystemId?.value as number,
      states: merged,
      changeSeq: changed ? this.changeSeq : (stored?.changeSeq ?? this.changeSeq),
    });
    return { seq: op.seq, opId: op.opId, status: 'applied' };
  }
}

function rejected(
  op: PushOp,
  code: Extract<OpResult, { status: 'rejected' }>['code'],
  reason: string,
): OpResult {
  return { seq: op.seq, opId: op.opId, status: 'rejected', code, reason };
}

function toJson(states: FieldStates): JsonValue {
  return JSON.parse(JSON.stringify(states)) as JsonValue;
}
