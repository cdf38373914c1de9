import { Dexie } from 'dexie';
import { canSee } from '@core/auth';
import { placementOf, type RecordType } from '@core/records';
import { request } from '../database/native-transaction';
import type { YunweiDatabase } from '../database/yunwei-database';
import type { PlainRecordRow, ServerClocks } from '../rows/row-types';
import type { LocalRow, StoreKind } from './store-kind';

/** What every record has; a plain kind's record is stored whole under `record`. */
interface PlainRecord {
  readonly id: string;
}

/**
 * A record type kept in the shared `records` table, one row per record indexed by type and day: the
 * kinds of which a contract year has hundreds, not hundreds of thousands (trainings, duty, visits,
 * on-site days), so a feature adds one without a table or a store schema version of its own.
 * `dayOf` is the Shanghai day a list sorts and filters the record by (a training's start, a duty day);
 * `pathOf` the route that opens one.
 */
export function plainStoreKind<Record extends PlainRecord>(
  type: RecordType,
  {
    dayOf,
    pathOf,
  }: { readonly dayOf: (record: Record) => string; readonly pathOf: (recordId: string) => string },
): StoreKind<Record> {
  const rowOf = (record: Record, serverClocks?: ServerClocks): PlainRecordRow => {
    const placement = placementOf(type, record as unknown as Readonly<globalThis.Record<string, unknown>>);
    return {
      id: record.id,
      type,
      day: dayOf(record),
      subsystemId: placement.subsystemId,
      unitIds: [...placement.unitIds],
      record,
      ...(serverClocks === undefined ? {} : { serverClocks }),
    };
  };
  const local = (row: PlainRecordRow): LocalRow<Record> => ({
    id: row.id,
    key: null,
    record: row.record as Record,
    ...(row.serverClocks === undefined ? {} : { serverClocks: row.serverClocks }),
  });
  return {
    pathOf,
    tables: (db) => [db.records],
    ids: async (db) => plainRowsOfType(db, type).primaryKeys(),
    idsOutside: async (db, visibility) =>
      plainRowsOfType(db, type)
        .filter((row) => !canSee(visibility, row))
        .primaryKeys(),
    readLocal: async (db, ids) =>
      (await db.records.bulkGet([...ids]))
        .filter((row): row is PlainRecordRow => row !== undefined && row.type === type)
        .map(local),
    readStored: async (db, transaction, record) => {
      const row = await request<PlainRecordRow | undefined>(() =>
        transaction.objectStore(db.records.name).get(record.id),
      );
      return row === undefined || row.type !== type ? null : local(row);
    },
    writeStored: async (db, transaction, record) => {
      await request(() => transaction.objectStore(db.records.name).put(rowOf(record)));
    },
    putPulled: (db, writes, pulled) => writes.put(db.records, rowOf(pulled.record, pulled.serverClocks)),
    removePulled: (db, writes, recordId) => writes.delete(db.records, recordId),
  };
}

/** Every row of one plain type, by day (the `[type+day]` index). */
export function plainRowsOfType(db: YunweiDatabase, type: RecordType) {
  return db.records.where('[type+day]').between([type, Dexie.minKey], [type, Dexie.maxKey]);
}
