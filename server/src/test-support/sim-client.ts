import { newTicket, type Ticket } from '@core/records';
import { type Hlc, encodeHlc, initialHlc, tick } from '@core/sync/hlc';
import type { JsonValue } from '@core/sync/json-value';
import { type PushOpInput, type PushRequestInput, SYNC_SCHEMA_VERSION } from '@core/sync/protocol';
import { TEST_START } from './api-harness';

/**
 * A client database as the server sees it: a node id, an HLC, a per-client seq, and ops built from
 * field values. Tests drive it by hand or with fast-check.
 */
export class SimClient {
  private clock: Hlc;
  private seq = 0;

  constructor(
    readonly clientId: string,
    nodeId: string = clientId
      .replace(/[^0-9a-z]/g, '')
      .padStart(10, '0')
      .slice(-10),
  ) {
    this.clock = initialHlc(nodeId);
  }

  /** One save: the clock ticks once, every field carries that HLC. */
  op(
    record: {
      readonly recordType?: PushOpInput['recordType'];
      readonly id: string;
      readonly subsystemId: number;
    },
    fields: Readonly<Record<string, JsonValue>>,
    options: { readonly at?: number; readonly kind?: 'change' | 'restore'; readonly hlc?: string } = {},
  ): PushOpInput & { seq: number; opId: string } {
    this.clock = tick(this.clock, options.at ?? TEST_START);
    const hlc = options.hlc ?? encodeHlc(this.clock);
    this.seq += 1;
    return {
      seq: this.seq,
      opId: opIdFor(this.clientId, this.seq),
      kind: options.kind ?? 'change',
      recordType: record.recordType ?? 'ticket',
      recordId: record.id,
      subsystemId: record.subsystemId,
      fields: Object.entries(fields).map(([field, value]) => ({ field, value, hlc })),
    };
  }

  batch(ops: readonly PushOpInput[]): PushRequestInput {
    return { clientId: this.clientId, schemaVersion: SYNC_SCHEMA_VERSION, ops: [...ops] };
  }
}

/** A deterministic UUID v4 from a client and seq. */
export function opIdFor(clientId: string, seq: number): string {
  let hash = 0;
  for (const character of clientId) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return uuid(hash, seq);
}

export function uuid(a: number, b: number): string {
  const hex = (value: number, length: number) => value.toString(16).padStart(length, '0').slice(-length);
  return `${hex(a, 8)}-0000-4000-8000-${hex(b, 12)}`;
}

/** A valid new ticket (every field) in the given subsystem. */
export function ticketRecord(id: string, subsystemId: number, author = 'zhangsan', at = TEST_START): Ticket {
  const result = newTicket(
    {
      subsystemId,
      channel: 'phone',
      reporter: { unit: '省就业局', person: '王五', phone: '0851-86812345' },
      category: 'fault',
      severity: 'ordinary',
      title: '网站首页打不开',
      receivedAt: at - 60_000,
    },
    { actor: author, at, id, eventId: uuid(0xe0e0, Number.parseInt(id.slice(-6), 16)) },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

/** A record as field writes: every field except `updatedAt`, which the server derives. */
export function fieldsOf(record: object): Record<string, JsonValue> {
  const { updatedAt: _updatedAt, ...rest } = record as Record<string, JsonValue>;
  return rest;
}
