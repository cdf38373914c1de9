import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { plainRowsOfType } from '../kinds/plain-store-kind';
import { RECORD_KINDS, type StoreRecordType, type StoredRecords } from '../save/record-kinds';
import { useDatabase } from './store-context';

/**
 * The store types kept in the shared `records` table (kinds/plain-store-kind.ts): every type but the
 * large ones with tables of their own, so a new plain kind needs no line here.
 */
export type PlainStoreType = Exclude<StoreRecordType, 'ticket' | 'inspectionTemplate' | 'inspectionRun'>;

/** Days `YYYY-MM-DD`, both ends included; absent for every record of the type. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

/**
 * The undeleted records of a plain type, by day (a training's start, a duty day, a visit), read from
 * this PC's store: offline like every list. Cached under the type's query key, so every save or sync
 * of the type refreshes it (react/invalidate-after-save.ts).
 */
export function usePlainRecords<K extends PlainStoreType>(storeType: K, range?: DayRange) {
  const db = useDatabase();
  const kind = RECORD_KINDS[storeType];
  return useQuery({
    queryKey: [kind.queryKey, db.name, 'byDay', range?.from ?? null, range?.to ?? null],
    queryFn: async (): Promise<StoredRecords[K][]> => {
      const rows =
        range === undefined
          ? await plainRowsOfType(db, kind.coreType).toArray()
          : await db.records
              .where('[type+day]')
              .between([kind.coreType, range.from], [kind.coreType, range.to], true, true)
              .toArray();
      return rows
        .map((row) => row.record as StoredRecords[K])
        .filter((record) => !(record as { readonly deleted: boolean }).deleted);
    },
  });
}

/** One record of a plain type by id, deleted or not; null when this PC has none. */
export function usePlainRecord<K extends PlainStoreType>(storeType: K, id: string | undefined) {
  const db = useDatabase();
  const kind = RECORD_KINDS[storeType];
  return useQuery({
    queryKey: [kind.queryKey, db.name, 'one', id ?? null],
    queryFn: async (): Promise<StoredRecords[K] | null> => {
      const row = id === undefined ? undefined : await db.records.get(id);
      return row === undefined || row.type !== kind.coreType ? null : (row.record as StoredRecords[K]);
    },
  });
}

/** Every undeleted record of the kinds the documents and the dashboard count, once all are read. */
export interface PlainRecordLists {
  readonly trainings: StoredRecords['training'][];
  readonly visits: StoredRecords['visit'][];
  readonly onSiteDays: StoredRecords['onSiteDay'][];
  readonly dutyAssignments: StoredRecords['dutyAssignment'][];
  readonly dutySwaps: StoredRecords['dutySwap'][];
  readonly dutyLogs: StoredRecords['dutyLog'][];
  readonly sensitivePeriods: StoredRecords['sensitivePeriod'][];
}

/**
 * The lists of PlainRecordLists, undefined until every one is read (the dashboard, the 报表 page), and
 * the first read that failed.
 */
export function usePlainRecordLists(): {
  readonly lists: PlainRecordLists | undefined;
  readonly error: Error | null;
} {
  const queries = {
    trainings: usePlainRecords('training'),
    visits: usePlainRecords('visit'),
    onSiteDays: usePlainRecords('onSiteDay'),
    dutyAssignments: usePlainRecords('dutyAssignment'),
    dutySwaps: usePlainRecords('dutySwap'),
    dutyLogs: usePlainRecords('dutyLog'),
    sensitivePeriods: usePlainRecords('sensitivePeriod'),
  };
  const { trainings, visits, onSiteDays, dutyAssignments, dutySwaps, dutyLogs, sensitivePeriods } = {
    trainings: queries.trainings.data,
    visits: queries.visits.data,
    onSiteDays: queries.onSiteDays.data,
    dutyAssignments: queries.dutyAssignments.data,
    dutySwaps: queries.dutySwaps.data,
    dutyLogs: queries.dutyLogs.data,
    sensitivePeriods: queries.sensitivePeriods.data,
  };
  const lists = useMemo(
    () =>
      trainings === undefined ||
      visits === undefined ||
      onSiteDays === undefined ||
      dutyAssignments === undefined ||
      dutySwaps === undefined ||
      dutyLogs === undefined ||
      sensitivePeriods === undefined
        ? undefined
        : { trainings, visits, onSiteDays, dutyAssignments, dutySwaps, dutyLogs, sensitivePeriods },
    [trainings, visits, onSiteDays, dutyAssignments, dutySwaps, dutyLogs, sensitivePeriods],
  );
  const error = Object.values(queries).find((query) => query.error !== null)?.error ?? null;
  return { lists, error };
}
