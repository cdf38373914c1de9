import { newRecordId, type Ticket } from '@core/records';
import { request } from '../../store/database/native-transaction';
import { hiddenSubsystems } from '../../store/kinds/hidden-subsystems';
import type { StoreKind } from '../../store/kinds/store-kind';
import type { TicketRow } from '../../store/rows/row-types';
import { ticketRow } from '../../store/rows/ticket-row';
import { searchRowsToWrite, ticketSearchKeyRange } from '../../store/rows/ticket-search-rows';
import { addPulledDigest, removePulledDigest, writeDigestOnSave } from './ticket-digest-store';

/** Tickets in the store: their rows and, beside them, their search rows and their clock digests. */
export const ticketStoreKind: StoreKind<Ticket> = {
  pathOf: (ticketId) => `/tickets/${ticketId}`,
  tables: (db) => [db.tickets, db.ticketSearch, db.ticketDigests],
  ids: async (db) => db.tickets.toCollection().primaryKeys(),
  idsOutside: async (db, visibility) => {
    const lists = await Promise.all(
      hiddenSubsystems(visibility).map((subsystemId) =>
        db.tickets
          .where('[subsystemId+status+deadlineAt]')
          // [s] sorts before every [s, status, deadline]; [s, []] after them (arrays sort after strings).
          .between([subsystemId], [subsystemId, []])
          .primaryKeys(),
      ),
    );
    return lists.flat();
  },
  readLocal: async (db, ids) =>
    (await db.tickets.bulkGet([...ids]))
      .filter((row) => row !== undefined)
      .map((row) => ({ id: row.id, key: null, record: row.record, serverClocks: row.serverClocks })),
  readStored: async (db, transaction, ticket) =>
    (await request<TicketRow | undefined>(() => transaction.objectStore(db.tickets.name).get(ticket.id))) ??
    null,
  // Only the search rows whose tokens changed since `stored`: a status change or a comment rewrites
  // none, a new title only the head.
  writeStored: async (db, transaction, ticket, now, stored) => {
    const search = transaction.objectStore(db.ticketSearch.name);
    await Promise.all([
      request(() => transaction.objectStore(db.tickets.name).put(ticketRow(ticket, db.slaRules, now))),
      ...searchRowsToWrite(stored, ticket, newRecordId).map((row) => request(() => search.put(row))),
      writeDigestOnSave(db, transaction, ticket, stored, now),
    ]);
  },
  putPulled: (db, writes, { record, stored, serverClocks, now, deferCompanions }) => {
    writes.put(db.tickets, ticketRow(record, db.slaRules, now, serverClocks));
    addPulledDigest(db, writes, record, stored?.record ?? null, now);
    if (deferCompanions) return;
    for (const row of searchRowsToWrite(stored?.record ?? null, record, newRecordId)) {
      writes.put(db.ticketSearch, row);
    }
  },
  // A removed ticket's search rows go with it: its base rows and every addition.
  removePulled: (db, writes, ticketId, stored) => {
    writes.delete(db.tickets, ticketId);
    if (stored !== undefined) removePulledDigest(db, writes, stored.record);
    const [from, to] = ticketSearchKeyRange(ticketId);
    writes.deleteWith(() => db.ticketSearch.where(':id').between(from, to).delete());
  },
};
