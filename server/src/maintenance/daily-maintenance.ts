import type { FastifyInstance } from 'fastify';
import { purgeAudit } from '../audit/audit-log';
import type { ApiDeps } from '../auth/auth-deps';
import { purgeEndedSessions } from '../auth/session-store';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Held while the daily maintenance runs: this app's key for it, apart from the migrations' and the change seqs'. */
const MAINTENANCE_LOCK_KEY = 2037871475;

export interface MaintenanceOutcome {
  readonly auditRows: number;
  readonly sessions: number;
}

/**
 * Audit rows past their retention (≥ 180 days) and sessions ended more than a day ago are deleted,
 * in one transaction under an advisory lock. Several server processes on one database start (and
 * come round each day) at about the same time: the first takes the lock and does the work, the
 * others find it taken and skip (undefined), instead of deleting the same rows side by side, which
 * two scans starting at different places in a table can turn into a deadlock.
 */
export async function runDailyMaintenance(deps: ApiDeps): Promise<MaintenanceOutcome | undefined> {
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ locked: boolean }>(
      `select pg_try_advisory_xact_lock(${MAINTENANCE_LOCK_KEY}) as locked`,
    );
    if (rows[0]?.locked !== true) return undefined;
    const now = deps.now();
    const auditRows = await purgeAudit(tx, now, deps.policy.auditRetentionDays);
    const sessions = await purgeEndedSessions(tx, now);
    return { auditRows, sessions };
  });
}

/** Once when the server is ready and then daily. A failure is logged and tried again the next day. */
export function scheduleDailyMaintenance(app: FastifyInstance, deps: ApiDeps): void {
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      const outcome = await runDailyMaintenance(deps);
      if (outcome === undefined) app.log.info('daily maintenance: another server process is running it');
      else app.log.info(outcome, 'daily maintenance: purged old audit rows and ended sessions');
    } catch (error) {
      app.log.error({ err: error }, 'daily maintenance failed');
    }
  };
  app.addHook('onReady', async () => {
    await run();
    timer = setInterval(() => void run(), DAY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
