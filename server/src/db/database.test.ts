import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suiteTitle, testBackends, openTestDatabase, type TestTarget } from '../test-support/test-databases';
import type { Database } from './database';

/** One contract, two engines: code written against Database behaves the same on both. */
for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(`Database on ${suiteTitle(backend)}`, () => {
    let testTarget: TestTarget;
    let db: Database;

    beforeAll(async () => {
      testTarget = await backend.createTarget();
      db = await openTestDatabase(testTarget.target);
      await db.exec('create table items (id int primary key, label text not null)');
    });

    afterAll(async () => {
      await db.close();
      await testTarget.dispose();
    });

    it('reports which engine it is', () => {
      expect(db.kind).toBe(backend.name === 'PGlite' ? 'pglite' : 'postgresql');
    });

    it('returns each column type as the same JS value on both engines', async () => {
      const { rows } = await db.query(`
        select 9007199254740993::int8 as big,
               array[1, 2]::int8[] as bigs,
               12.50::numeric as amount,
               '2026-02-14'::date as day,
               array['2026-02-14'::date, null] as days,
               '2026-02-14 08:30'::timestamp as local_time,
               '2026-02-14T08:30:00.123+08:00'::timestamptz as instant,
               7::int4 as small,
               true as flag,
               array['a', 'b,c'] as labels,
               '{"a": [1, "x"]}'::jsonb as doc,
               '\\x0102'::bytea as bytes,
               'd0f1c4b6-8f2e-4c63-9b0f-1f3f7a2e5c10'::uuid as id,
               null::text as nothing`);
      const row = rows[0] as Record<string, unknown>;
      expect(row).toEqual({
        big: '9007199254740993',
        bigs: ['1', '2'],
        amount: '12.50',
        day: '2026-02-14',
        days: ['2026-02-14', null],
        local_time: '2026-02-14 08:30:00',
        instant: new Date('2026-02-14T00:30:00.123Z'),
        small: 7,
        flag: true,
        labels: ['a', 'b,c'],
        doc: { a: [1, 'x'] },
        bytes: expect.any(Uint8Array),
        id: 'd0f1c4b6-8f2e-4c63-9b0f-1f3f7a2e5c10',
        nothing: null,
      });
      expect([...(row.bytes as Uint8Array)]).toEqual([1, 2]);
    });

    it('sends parameters the same way on both engines', async () => {
      const instant = new Date('2026-02-14T00:30:00.123Z');
      const { rows } = await db.query<{
        instant: Date;
        tags: string[];
        doc: unknown;
        n: number;
        flag: boolean;
      }>(
        'select $1::timestamptz as instant, $2::text[] as tags, $3::jsonb as doc, $4::int as n, $5::boolean as flag',
        [instant, ['x', 'y'], JSON.stringify({ k: 'v' }), 42, false],
      );
      expect(rows).toEqual([{ instant, tags: ['x', 'y'], doc: { k: 'v' }, n: 42, flag: false }]);
    });

    it('counts rows returned and rows changed', async () => {
      const inserted = await db.query('insert into items (id, label) values (1, $1), (2, $2)', ['一', '二']);
      expect(inserted).toEqual({ rows: [], rowCount: 2 });
      const updated = await db.query('update items set label = label || $1', ['!']);
      expect(updated.rowCount).toBe(2);
      const selected = await db.query<{ id: number; label: string }>(
        'select id, label from items order by id',
      );
      expect(selected).toEqual({
        rows: [
          { id: 1, label: '一!' },
          { id: 2, label: '二!' },
        ],
        rowCount: 2,
      });
      await db.query('delete from items');
    });

    it('runs a script of several statements', async () => {
      await db.exec(`insert into items values (10, 'a'); insert into items values (11, 'b');`);
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from items where id >= 10');
      expect(rows).toEqual([{ n: 2 }]);
      await db.query('delete from items');
    });

    it('commits a transaction whose work resolves and returns its result', async () => {
      const result = await db.transaction(async (tx) => {
        await tx.query("insert into items values (20, 'kept')");
        return (await tx.query<{ n: number }>('select count(*)::int as n from items')).rows[0]?.n;
      });
      expect(result).toBe(1);
      expect((await db.query('select id from items')).rows).toEqual([{ id: 20 }]);
      await db.query('delete from items');
    });

    it('rolls back a transaction whose work throws, and rethrows that error', async () => {
      const failure = new Error('stop here');
      await expect(
        db.transaction(async (tx) => {
          await tx.query("insert into items values (30, 'discarded')");
          throw failure;
        }),
      ).rejects.toBe(failure);
      await expect(
        db.transaction(async (tx) => {
          await tx.query("insert into items values (31, 'discarded')");
          await tx.query("insert into items values (31, 'duplicate')");
        }),
      ).rejects.toThrow(/duplicate key/);
      expect((await db.query('select id from items')).rows).toEqual([]);
    });

    it('keeps working after a failed transaction', async () => {
      await expect(db.transaction((tx) => tx.query('select * from missing_table'))).rejects.toThrow(
        /missing_table/,
      );
      expect((await db.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
    });

    it("reports SQL errors with PostgreSQL's reason", async () => {
      await expect(db.query('select * from missing_table')).rejects.toThrow(
        /relation "missing_table" does not exist/,
      );
    });
  });
}
