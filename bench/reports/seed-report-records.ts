import { type RecordType, placementOf } from '@core/records';
import type { ReportRecords } from '@core/reports';
import { encodeHlc } from '@core/sync/hlc';
import type { JsonValue } from '@core/sync/json-value';
import type { FieldState } from '@core/sync/merge';
import type { DatabaseTarget } from '../../server/src/db/open-database';
import { withMigratedDatabase } from '../../server/src/db/with-database';
import { lockRecords, saveRecordChanges } from '../../server/src/sync/record-store';

const BATCH = 500;

interface Stored {
  readonly recordType: RecordType;
  readonly record: { readonly id: string } & object;
}

/**
 * Stores the records the way sync leaves them on the server: a row per record and a field state per
 * field, in batches as a push would. Returns the seconds it took.
 */
export async function seedReportRecords(target: DatabaseTarget, records: ReportRecords): Promise<number> {
  const started = performance.now();
  const all: Stored[] = [
    ...records.inspectionTemplates.map((record) => ({ recordType: 'inspection_template' as const, record })),
    ...records.inspectionRuns.map((record) => ({ recordType: 'inspection_run' as const, record })),
    ...records.tickets.map((record) => ({ recordType: 'ticket' as const, record })),
    ...(records.trainings ?? []).map((record) => ({ recordType: 'training' as const, record })),
    ...(records.dutyAssignments ?? []).map((record) => ({ recordType: 'duty_assignment' as const, record })),
    ...(records.dutyLogs ?? []).map((record) => ({ recordType: 'duty_log' as const, record })),
    ...(records.visits ?? []).map((record) => ({ recordType: 'visit' as const, record })),
  ];
  const hlc = encodeHlc({ wallMs: Date.parse('2026-07-01T00:00:00Z'), counter: 0, nodeId: 'benchrepor' });
  await withMigratedDatabase(target, async (db) => {
    for (let start = 0; start < all.length; start += BATCH) {
      const batch = all.slice(start, start + BATCH);
      await lockRecords(
        db,
        batch.map(({ recordType, record }) => ({
          recordId: record.id,
          recordType,
          subsystemId: placementOf(recordType, record).subsystemId,
        })),
      );
      await saveRecordChanges(
        db,
        batch.map(({ recordType, record }) => ({
          recordId: record.id,
          record: {
            recordType,
            placement: placementOf(recordType, record),
            pastSubsystemIds: [],
            pastUnitIds: [],
            states: {},
          },
          changed: new Map<string, FieldState>(
            Object.entries(record).map(([field, value]) => [
              field,
              { value: JSON.parse(JSON.stringify(value)) as JsonValue, hlc, rank: 0 },
            ]),
          ),
        })),
        [],
      );
    }
  });
  return (performance.now() - started) / 1000;
}
