import { type Hlc, encodeHlc, initialHlc, newNodeId, tick } from '@core/sync/hlc';
import type { JsonValue } from '@core/sync/json-value';
import { type PushOpInput, type PushRequestInput, SYNC_SCHEMA_VERSION } from '@core/sync/protocol';

/**
 * One simulated client database as the server sees it: a client id, an HLC that ticks once per save
 * (every field of a save carries that HLC), and the per-client seq the outbox would give.
 */
export class BenchWriter {
  readonly clientId: string;
  private clock: Hlc;
  private seq = 0;

  /** `label`: lower-case letters, digits and hyphens, e.g. `seed` or `load-17`. */
  constructor(label: string) {
    const nodeId = newNodeId();
    this.clientId = `${label}-${nodeId}`;
    this.clock = initialHlc(nodeId);
  }

  op(
    record: { readonly id: string; readonly subsystemId: number },
    fields: Readonly<Record<string, JsonValue>>,
  ): PushOpInput {
    this.clock = tick(this.clock, Date.now());
    const hlc = encodeHlc(this.clock);
    this.seq += 1;
    return {
      seq: this.seq,
      opId: crypto.randomUUID(),
      kind: 'change',
      recordType: 'ticket',
      recordId: record.id,
      subsystemId: record.subsystemId,
      fields: Object.entries(fields).map(([field, value]) => ({ field, value, hlc })),
    };
  }

  batch(ops: readonly PushOpInput[]): PushRequestInput {
    return { clientId: this.clientId, schemaVersion: SYNC_SCHEMA_VERSION, ops: [...ops] };
  }
}
