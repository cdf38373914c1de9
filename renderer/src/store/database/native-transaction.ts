import { Dexie, RangeSet } from 'dexie';
import type { YunweiDatabase } from './yunwei-database';

/**
 * A read-write transaction on the database's own IndexedDB connection, without Dexie: for the save,
 * the one write an engineer waits on. Dexie's promise zones and table wrappers cost about a
 * millisecond a transaction in the local bench, a tenth of the save's budget; everything else keeps
 * Dexie. The rows written are the same plain objects Dexie writes (same stores, same key paths).
 *
 * `body` issues its requests through `request` and resolves when it is done. If it rejects (a failed
 * check, a failed request), the transaction is aborted and nothing it wrote is kept; the promise
 * rejects with the body's error, or with IndexedDB's own when the commit itself fails (a full disk).
 * Strict durability, as for every write of this store: a save survives a power cut once acknowledged.
 * Once it commits, Dexie's observers hear of it as of any Dexie write (`announceWrites`).
 */
export function nativeReadWrite<T>(
  db: YunweiDatabase,
  storeNames: readonly string[],
  body: (transaction: IDBTransaction) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const transaction = db.backendDB().transaction([...storeNames], 'readwrite', { durability: 'strict' });
    let result: { readonly value: T } | undefined;
    let failure: { readonly error: unknown } | undefined;
    let finished = false;
    transaction.oncomplete = () => {
      finished = true;
      // A body that awaited anything but its requests would let the transaction commit under it.
      if (result === undefined) {
        reject(new Error('事务在写完之前就提交了'));
        return;
      }
      announceWrites(db, storeNames);
      resolve(result.value);
    };
    transaction.onabort = () => {
      finished = true;
      reject(failure?.error ?? transaction.error ?? new DOMException('事务被中止', 'AbortError'));
    };
    body(transaction).then(
      (value) => {
        result = { value };
      },
      (error: unknown) => {
        failure = { error };
        // Request errors are kept from aborting on their own (see `request`), so unless the commit
        // already failed, the transaction is still live here and this abort is the only one.
        if (finished) reject(error);
        else transaction.abort();
      },
    );
  });
}

/**
 * Tells Dexie's live queries, in this window and the others (Dexie relays it), that these stores
 * changed: the sync status counts the outbox that way, and a save must start a push. Dexie does this
 * for its own writes; the whole of each store is named, as the save's rows are few.
 */
function announceWrites(db: YunweiDatabase, storeNames: readonly string[]): void {
  const parts = Object.fromEntries(
    storeNames.map((store) => [`idb://${db.name}/${store}/`, new RangeSet(Dexie.minKey, Dexie.maxKey)]),
  );
  Dexie.on.storagemutated.fire(parts);
}

/**
 * The result of one request, started by `start`. Its error does not abort the transaction by itself:
 * it rejects, the body rejects, and `nativeReadWrite` aborts with the body's error. A request that
 * IndexedDB refuses outright (it throws: a value it cannot store) rejects the same way, so a body's
 * `Promise.all` still sees, and handles, every request it started.
 */
export function request<T>(start: () => IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const operation = start();
    operation.onsuccess = () => resolve(operation.result);
    operation.onerror = (event) => {
      event.preventDefault();
      event.stopPropagation();
      reject(operation.error ?? new DOMException('请求失败', 'UnknownError'));
    };
  });
}
