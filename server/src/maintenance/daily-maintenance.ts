import type { FastifyInstance } from 'fastify';
import { purgeAudit } from '../audit/audit-log';
import type { ApiDeps } from '../auth/auth-deps';
import { purgeEndedSessions } from '../auth/session-store';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Once when the server is ready and then daily: audit rows past their retention (≥ 180 days) and
 * sessions ended more than a day ago are deleted. A failure is logged and tried again the next day.
 */
export function scheduleDailyMaintenance(app: FastifyInstance, deps: ApiDeps): void {
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      const now = deps.now();
      const auditRows = await purgeAudit(deps.db, now, deps.policy.auditRetentionDays);
      const sessions = await purgeEndedSessions(deps.db, now);
      app.log.info({ auditRows, sessions }, 'daily maintenance: purged old audit rows and ended sessions');
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
