import { placementOf } from '@core/records';
import type { RecordType } from '@core/records';
import { encodeHlc } from '@core/sync';
import type { JsonValue } from '@core/sync/json-value';
import { packStates } from '@core/sync/packed-states';
import type { PullResponse, PulledRecord } from '@core/sync/protocol';

/**
 * A pulled record as the server sends it (every field with its state, packed), for tests: every field
 * written at `wallMs` by node `nodeId`, a delete with rank 1.
 */
export function pulledRecord(
  recordType: RecordType,
  record: object,
  write: { readonly wallMs: number; readonly nodeId: string; readonly counter?: number },
): PulledRecord & { readonly kind: 'record' } {
  const hlc = encodeHlc({ wallMs: write.wallMs, counter: write.counter ?? 0, nodeId: write.nodeId });
  const values = JSON.parse(JSON.stringify(record)) as Record<string, JsonValue>;
  return {
    kind: 'record',
    recordType,
    recordId: values.id as string,
    subsystemId: placementOf(recordType, values).subsystemId,
    ...packStates(
      Object.fromEntries(
        Object.entries(values).map(([field, value]) => [
          field,
          { value, hlc, rank: field === 'deleted' && value === true ? 1 : 0 },
        ]),
      ),
    ),
  };
}

export function pulledPage(changes: PulledRecord[], cursor: string): PullResponse {
  return { changes, cursor, hasMore: false, reset: false };
}
