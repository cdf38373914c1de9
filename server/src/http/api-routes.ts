import type { ScopeContext } from '@core/auth';
import { loadDefaultProfile } from '@core/profile';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../auth/auth-deps';
import { registerAuthRoutes } from '../auth/auth-routes';
import { type SecurityPolicy, resolveSecurityPolicy } from '../auth/security-policy';
import { registerBlobRoutes } from '../blobs/blob-routes';
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
  const notifier = new SyncNotifier();
  app.register(async (api) => {
    requireSchemaVersion(api);
    registerAuthRoutes(api, deps);
    registerSyncRoutes(api, deps, notifier);
    registerEventsRoute(api, deps, notifier);
    registerBlobRoutes(api, deps);
  });
  app.addHook('preClose', async () => notifier.closeAll());
  scheduleDailyMaintenance(app, deps);
}

/** Until profiles sync from HQ, the shipped profile says which subsystem is the document system. */
function defaultScopeContext(): ScopeContext {
  return { documentSystemSubsystemId: loadDefaultProfile().documentSystem?.subsystemId ?? null };
}
