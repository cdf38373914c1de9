import type { StoreKind } from '../../store/kinds/store-kind';

/** Template versions in the store, keyed by `<templateId>@<version>`; the record id is an index. */
export const inspectionTemplateStoreKind: StoreKind = {
  tables: (db) => [db.inspectionTemplates],
  ids: async (db) => (await db.inspectionTemplates.orderBy('id').keys()).map(String),
  idsInSubsystems: async (db, subsystemIds) =>
    (await db.inspectionTemplates.where('subsystemId').anyOf(subsystemIds).toArray()).map((row) => row.id),
};

export const inspectionRunStoreKind: StoreKind = {
  tables: (db) => [db.inspectionRuns],
  ids: async (db) => db.inspectionRuns.toCollection().primaryKeys(),
  idsInSubsystems: async (db, subsystemIds) =>
    db.inspectionRuns.where('subsystemId').anyOf(subsystemIds).primaryKeys(),
};
