import type { InspectionRun, InspectionTemplate } from '@core/records';
import { request } from '../../store/database/native-transaction';
import type { YunweiDatabase } from '../../store/database/yunwei-database';
import { StoreError } from '../../store/errors/store-error';
import type { StoreKind } from '../../store/kinds/store-kind';
import {
  inspectionRunRow,
  inspectionTemplateKey,
  inspectionTemplateRow,
} from '../../store/rows/inspection-rows';
import type { InspectionRunRow, InspectionTemplateRow } from '../../store/rows/row-types';

/** Template versions in the store, keyed by `<templateId>@<version>`; the record id is an index. */
export const inspectionTemplateStoreKind: StoreKind<InspectionTemplate> = {
  tables: (db) => [db.inspectionTemplates],
  ids: async (db) => (await db.inspectionTemplates.orderBy('id').keys()).map(String),
  idsInSubsystems: async (db, subsystemIds) =>
    (await db.inspectionTemplates.where('subsystemId').anyOf(subsystemIds).toArray()).map((row) => row.id),
  readStored: readStoredTemplate,
  writeStored: async (db, transaction, template) => {
    await request(() =>
      transaction.objectStore(db.inspectionTemplates.name).put(inspectionTemplateRow(template)),
    );
  },
};

export const inspectionRunStoreKind: StoreKind<InspectionRun> = {
  tables: (db) => [db.inspectionRuns],
  ids: async (db) => db.inspectionRuns.toCollection().primaryKeys(),
  idsInSubsystems: async (db, subsystemIds) =>
    db.inspectionRuns.where('subsystemId').anyOf(subsystemIds).primaryKeys(),
  readStored: async (db, transaction, run) =>
    (await request<InspectionRunRow | undefined>(() =>
      transaction.objectStore(db.inspectionRuns.name).get(run.id),
    )) ?? null,
  writeStored: async (db, transaction, run) => {
    await request(() => transaction.objectStore(db.inspectionRuns.name).put(inspectionRunRow(run)));
  },
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
