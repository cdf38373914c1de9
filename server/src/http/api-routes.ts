import type { ScopeContext } from '@core/auth';
import { loadDefaultProfile } from '@core/profile';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../auth/auth-deps';
import { registerAuthRoutes } from '../auth/auth-routes';
import { type SecurityPolicy, resolveSecurityPolicy } from '../auth/security-policy';
import { registerBlobRoutes } from '../blobs/blob-routes';
import { registerCalendarRoutes } from '../calendar/calendar-routes';
import type { Database } from '../db/database';
import { scheduleDailyMaintenance } from '../maintenance/daily-maintenance';
import { registerEventsRoute } from '../sync/events-route';
import { registerSyncRoutes } from '../sync/sync-routes';
import { SyncNotifier } from '../sync/sync-notifier';
import { requireSchemaVersion } from './schema-version';

export interface ApiOptions {
  readonly db: Database;
  readonly now: () => number;
  readonly security?: Partial<SecurityPolicy>;
  readonly scopeContext?: ScopeContext;
}

/**
 * The authenticated API (auth, sync, blobs) in its own plugin scope, so the schema-version check
 * applies to these routes only (health stays a plain public probe).
 */
export function registerApiRoutes(app: FastifyInstance, options: ApiOptions): void {
  const deps: ApiDeps = {
    db: options.db,
    now: options.now,
    policy: resolveSecurityPolicy(options.security),
    scopeContext: options.scopeContext ?? defaultScopeContext(),
  };
  const notifier = new SyncNotifier((error) => app.log.error({ err: error }, 'sync notice ignored'));
  app.register(async (api) => {
    requireSchemaVersion(api);
    registerAuthRoutes(api, deps);
    registerSyncRoutes(api, deps);
    registerEventsRoute(api, deps, notifier);
    registerBlobRoutes(api, deps);
    registerCalendarRoutes(api, deps);
  });
  let stopListening: (() => Promise<void>) | undefined;
  app.addHook('onReady', async () => {
    try {
      stopListening = await notifier.listen(options.db);
    } catch (error) {
      // Pokes are a hint (clients also sync on their timer); a database that cannot be listened to
      // is reported by /health and by every request, so the server still starts and answers.
      app.log.error({ err: error }, 'sync pokes unavailable: cannot listen for commit notices');
    }
  });
  app.addHook('preClose', async () => notifier.closeAll());
  app.addHook('onClose', async () => stopListening?.());
  scheduleDailyMaintenance(app, deps);
}

/** Until profiles sync from HQ, the shipped profile says which subsystem is the document system. */
function defaultScopeContext(): ScopeContext {
  return { documentSystemSubsystemId: loadDefaultProfile().documentSystem?.subsystemId ?? null };
}
