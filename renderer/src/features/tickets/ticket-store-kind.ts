import type { StoreKind } from '../../store/kinds/store-kind';

/** Tickets in the store: their rows and, beside them, their search rows. */
export const ticketStoreKind: StoreKind = {
  tables: (db) => [db.tickets, db.ticketSearch],
  ids: async (db) => db.tickets.toCollection().primaryKeys(),
  idsInSubsystems: async (db, subsystemIds) => {
    const lists = await Promise.all(
      subsystemIds.map((subsystemId) =>
        db.tickets
          .where('[subsystemId+status+deadlineAt]')
          // [s] sorts before every [s, status, deadline]; [s, []] after them (arrays sort after strings).
          .between([subsystemId], [subsystemId, []])
          .primaryKeys(),
      ),
    );
    return lists.flat();
  },
};
