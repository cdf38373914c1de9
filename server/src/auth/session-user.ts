import { type ScopeContext, type UserScope, visibleSubsystems } from '@core/auth';
import type { SessionUser } from '@core/sync/protocol';

/** The signed-in user as the client needs to know them: role, binding, and what they may read. */
export function sessionUserOf(name: string, scope: UserScope, context: ScopeContext): SessionUser {
  const visibility = visibleSubsystems(scope, context);
  return {
    name,
    role: scope.role,
    subsystemIds: scope.role === 'engineer' ? [...scope.subsystemIds] : [],
    unitIds: scope.role === 'service_manager' ? [...scope.unitIds] : [],
    visibleSubsystemIds: visibility.all ? null : [...visibility.subsystemIds],
  };
}
