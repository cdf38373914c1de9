import type { ScopeContext } from '@core/auth';
import type { Database } from '../db/database';
import type { SecurityPolicy } from './security-policy';

/** What the authenticated API's handlers share. */
export interface ApiDeps {
  readonly db: Database;
  readonly policy: SecurityPolicy;
  /** Epoch ms; replaceable so tests can move the clock (lockouts, token expiry). */
  readonly now: () => number;
  readonly scopeContext: ScopeContext;
}
