import type { InspectionRun, InspectionTemplate } from '@core/records';
import { request } from '../../store/database/native-transaction';
import type { YunweiDatabase } from '../../store/database/yunwei-database';
import { StoreError } from '../../store/errors/store-error';
import { hiddenSubsystems } from '../../store/kinds/hidden-subsystems';
import type { StoreKind } from '../../store/kinds/store-kind';
import {
  inspectionRunRow,
  inspectionTemplateKey,
  inspectionTemplateRow,
} from '../../store/rows/inspection-rows';
import type { InspectionRunRow, InspectionTemplateRow } from '../../store/rows/row-types';

/** Template versions in the store, keyed by `<templateId>@<version>`; the record id is an index. */
export const inspectionTemplateStoreKind: StoreKind<InspectionTemplate> = {
  pathOf: () => '/inspections/templates',
  tables: (db) => [db.inspectionTemplates],
  ids: async (db) => (await db.inspectionTemplates.orderBy('id').keys()).map(String),
  idsOutside: async (db, visibility) =>
    (await db.inspectionTemplates.where('subsystemId').anyOf(hiddenSubsystems(visibility)).toArray()).map(
      (row) => row.id,
    ),
  readLocal: async (db, ids) =>
    (
      await db.inspectionTemplates
        .where('id')
        .anyOf([...ids])
        .toArray()
    ).map((row) => ({
      id: row.id,
      key: row.key,
      record: row.record,
      serverClocks: row.serverClocks,
    })),
  readStored: readStoredTemplate,
  writeStored: async (db, transaction, template) => {
    await request(() =>
      transaction.objectStore(db.inspectionTemplates.name).put(inspectionTemplateRow(template)),
    );
  },
  // A pull that renumbered the version frees its old key.
  putPulled: (db, writes, { record, stored, serverClocks }) => {
    const row = inspectionTemplateRow(record, serverClocks);
    if (stored?.key !== undefined && stored.key !== null && stored.key !== row.key) {
      writes.delete(db.inspectionTemplates, stored.key);
    }
    writes.put(db.inspectionTemplates, row);
  },
  removePulled: (db, writes, _templateId, stored) => {
    if (stored?.key !== undefined && stored.key !== null) writes.delete(db.inspectionTemplates, stored.key);
  },
};

export const inspectionRunStoreKind: StoreKind<InspectionRun> = {
  pathOf: (runId) => `/inspections/run/${runId}`,
  tables: (db) => [db.inspectionRuns],
  ids: async (db) => db.inspectionRuns.toCollection().primaryKeys(),
  idsOutside: async (db, visibility) =>
    db.inspectionRuns.where('subsystemId').anyOf(hiddenSubsystems(visibility)).primaryKeys(),
  readLocal: async (db, ids) =>
    (await db.inspectionRuns.bulkGet([...ids]))
      .filter((row) => row !== undefined)
      .map((row) => ({ id: row.id, key: null, record: row.record, serverClocks: row.serverClocks })),
  readStored: async (db, transaction, run) =>
    (await request<InspectionRunRow | undefined>(() =>
      transaction.objectStore(db.inspectionRuns.name).get(run.id),
    )) ?? null,
  writeStored: async (db, transaction, run) => {
    await request(() => transaction.objectStore(db.inspectionRuns.name).put(inspectionRunRow(run)));
  },
  putPulled: (db, writes, { record, serverClocks }) =>
    writes.put(db.inspectionRuns, inspectionRunRow(record, serverClocks)),
  removePulled: (db, writes, runId) => writes.delete(db.inspectionRuns, runId),
};

/**
 * Template versions are keyed `<templateId>@<version>` and are immutable records: a version number
 * taken by another record, or an edit that renumbers a record, would overwrite or orphan a version a
 * run points at, so both are refused.
 */
async function readStoredTemplate(
  db: YunweiDatabase,
  transaction: IDBTransaction,
  template: InspectionTemplate,
): Promise<InspectionTemplateRow | null> {
  const templates = transaction.objectStore(db.inspectionTemplates.name);
  const key = inspectionTemplateKey(template.templateId, template.version);
  const [byId, byKey] = await Promise.all([
    request<InspectionTemplateRow | undefined>(() => templates.index('id').get(template.id)),
    request<InspectionTemplateRow | undefined>(() => templates.get(key)),
  ]);
  if (byKey !== undefined && byKey.id !== template.id) {
    throw new StoreError(
      'conflict',
      `巡检模板“${template.name}”的第 ${template.version} 版已经存在（可能在另一个窗口中保存）：请在最新版本上修改，另存为新版本。`,
    );
  }
  if (byId !== undefined && byId.key !== key) {
    throw new StoreError(
      'invalid',
      `巡检模板的编号和版本号保存后不能再改（原为 ${byId.key}，现为 ${key}）：修改模板请另存为新版本。`,
    );
  }
  return byId ?? null;
}
