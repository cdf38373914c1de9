import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { openDatabase } from './open-database';
import { type TestTarget, postgresBackend, suiteTitle } from '../test-support/test-databases';

describe.skipIf(postgresBackend.skipReason !== undefined)(
  `listening for notifications on ${suiteTitle(postgresBackend)}`,
  () => {
    let target: TestTarget;
    let db: Database;
    const backgroundErrors: Error[] = [];

    beforeAll(async () => {
      target = await postgresBackend.createTarget();
      db = await openDatabase(target.target, { onBackgroundError: (error) => backgroundErrors.push(error) });
    }, 60_000);

    afterAll(async () => {
      await db.close();
      await target.dispose();
    });

    it('hears notifications committed on other connections, and again after its connection was cut', async () => {
      const heard: string[] = [];
      const stop = await db.listen('yunwei_test', (payload) => heard.push(payload));
      const until = async (condition: () => boolean, what: string, notify?: string) => {
        const deadline = Date.now() + 15_000;
        while (!condition()) {
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
          if (notify !== undefined) await db.query('select pg_notify($1, $2)', ['yunwei_test', notify]);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      try {
        await db.query('select pg_notify($1, $2)', ['yunwei_test', 'before']);
        await until(() => heard.includes('before'), 'the first notification');

        await db.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
           where datname = current_database() and application_name = 'yunwei-desk-listen'`,
        );
        await until(() => backgroundErrors.length > 0, 'the report of the lost connection');
        expect(backgroundErrors[0]?.message).toMatch(/^接收数据库通知的连接中断，稍后重连/);
        await until(() => heard.includes('after'), 'a notification after reconnecting', 'after');
      } finally {
        await stop();
      }
      const count = heard.length;
      await db.query('select pg_notify($1, $2)', ['yunwei_test', 'stopped']);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard).toHaveLength(count);
    }, 30_000);
  },
);
