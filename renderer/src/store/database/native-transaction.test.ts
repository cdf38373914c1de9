import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { nativeReadWrite, request } from './native-transaction';
import { testDatabases } from '../testing/test-databases';

const databases = testDatabases('native');
const freshDatabase = databases.fresh;

const row = (key: string, value: string) => ({ key, value }) as never;

describe('nativeReadWrite', () => {
  it('commits every write of a body that resolves, and gives its result', async () => {
    const db = await freshDatabase();
    const result = await nativeReadWrite(db, ['meta'], async (transaction) => {
      const meta = transaction.objectStore('meta');
      await Promise.all([request(() => meta.put(row('a', '一'))), request(() => meta.put(row('b', '二')))]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await db.meta.count()).toBe(2);
  });

  it('keeps nothing when a request fails in IndexedDB, rejecting with its error', async () => {
    const db = await freshDatabase();
    await db.meta.put(row('taken', '已有'));
    const attempt = nativeReadWrite(db, ['meta'], async (transaction) => {
      const meta = transaction.objectStore('meta');
      await Promise.all([
        request(() => meta.put(row('new', '新'))),
        request(() => meta.add(row('taken', '重复'))),
      ]);
    });
    await expect(attempt).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.meta.toArray()).toEqual([row('taken', '已有')]);
  });

  it('keeps nothing when the body refuses after writing, rejecting with the body’s reason', async () => {
    const db = await freshDatabase();
    const refusal = new Error('检查未通过');
    const attempt = nativeReadWrite(db, ['meta'], async (transaction) => {
      const meta = transaction.objectStore('meta');
      const written = request(() => meta.put(row('new', '新')));
      const stored = await request(() => meta.get('missing'));
      if (stored === undefined) throw refusal;
      await written;
    });
    await expect(attempt).rejects.toBe(refusal);
    expect(await db.meta.count()).toBe(0);
  });

  it('wakes Dexie’s live queries on the stores it wrote, as a Dexie write would', async () => {
    const db = await freshDatabase();
    const counts: number[] = [];
    let heard = (): void => undefined;
    const subscription = liveQuery(() => db.meta.count()).subscribe({
      next: (count) => {
        counts.push(count);
        heard();
      },
    });
    await new Promise<void>((resolve) => {
      heard = resolve;
    });
    const woken = new Promise<void>((resolve) => {
      heard = resolve;
    });
    await nativeReadWrite(db, ['meta'], (transaction) =>
      request(() => transaction.objectStore('meta').put(row('a', '一'))),
    );
    await woken;
    subscription.unsubscribe();
    expect(counts).toEqual([0, 1]);
  });
});
