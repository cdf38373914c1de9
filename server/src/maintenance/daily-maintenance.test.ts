import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDeps } from '../auth/auth-deps';
import { resolveSecurityPolicy } from '../auth/security-policy';
import type { Database } from '../db/database';
import { createMigratedDatabase, postgresBackend, suiteTitle } from '../test-support/test-databases';
import { runDailyMaintenance } from './daily-maintenance';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 1);

// Only PostgreSQL has several connections, hence several server processes, on one database.
describe.skipIf(postgresBackend.skipReason !== undefined)(
  `daily maintenance with several server processes, on ${suiteTitle(postgresBackend)}`,
  () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let deps: ApiDeps;

    beforeAll(async () => {
      ({ db, dispose } = await createMigratedDatabase(postgresBackend));
      deps = {
        db,
        now: () => NOW,
        policy: resolveSecurityPolicy({}),
        scopeContext: { documentSystemSubsystemId: 3 },
      };
    }, 60_000);

    afterAll(async () => {
      await dispose();
    });

    const addOldAuditRow = () =>
      db.query(
        `insert into audit_log (at, actor, ip, action, target, result, detail)
         values ($1, 'cli:test', '', 'login', 'zhangsan', 'success', '{}'::jsonb)`,
        [new Date(NOW - 400 * DAY_MS)],
      );

    it('is skipped by a process that finds another one running it, and done by the next run', async () => {
      await addOldAuditRow();
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked: () => void = () => undefined;
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      const other = db.transaction(async (tx) => {
        await tx.query('select pg_advisory_xact_lock(2037871475)');
        locked();
        await held;
      });
      await lockTaken;
      expect(await runDailyMaintenance(deps)).toBeUndefined();
      release();
      await other;
      expect(await runDailyMaintenance(deps)).toEqual({ auditRows: 1, sessions: 0 });
    });

    it('purges each row once when several processes run it at the same moment', async () => {
      for (let row = 0; row < 50; row += 1) await addOldAuditRow();
      const outcomes = await Promise.all([1, 2, 3, 4].map(() => runDailyMaintenance(deps)));
      const done = outcomes.filter((outcome) => outcome !== undefined);
      expect(done.reduce((sum, outcome) => sum + outcome.auditRows, 0)).toBe(50);
    });
  },
);
