import { vi } from 'vitest';

/*
 * Spies on IndexedDB's object stores themselves: the save runs on a native transaction, past Dexie's
 * hooks. Undone by `vi.restoreAllMocks()`.
 */

type WriteMethod = 'put' | 'add';

type Write = (this: IDBObjectStore, value: unknown, key?: IDBValidKey) => IDBRequest<IDBValidKey>;

function wrapWrites(wrapper: (store: IDBObjectStore, method: WriteMethod, value: unknown) => void): void {
  for (const method of ['put', 'add'] as const) {
    const original: Write = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      wrapper(this, method, value);
      return original.call(this, value, key);
    });
  }
}

/** The keys of the rows written to `storeName`, in order, each with whether it was there already. */
export function watchWrites(storeName: string): { readonly keys: string[] } {
  const keys: string[] = [];
  wrapWrites((store, _method, value) => {
    if (store.name !== storeName || typeof store.keyPath !== 'string') return;
    keys.push(String((value as Record<string, unknown>)[store.keyPath]));
  });
  return { keys };
}

/**
 * Writes to `storeName` throw `error`, as IndexedDB does when it refuses a value: every write, or
 * those of the values `when` picks.
 */
export function failWrites(
  storeName: string,
  error: Error,
  when: (value: unknown) => boolean = () => true,
): void {
  wrapWrites((store, _method, value) => {
    if (store.name === storeName && when(value)) throw error;
  });
}
