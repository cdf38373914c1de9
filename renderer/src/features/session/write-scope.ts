import { writableSubsystems, type UserScope, type WritableSubsystems } from '@core/auth';
import type { RecordType } from '@core/records';
import type { SessionUser } from '@core/sync/protocol';
import { useMemo } from 'react';
import { useSession, type Session } from './session-context';

/** A server account's role and scope as the scope rules take them. */
export function scopeOfSessionUser(user: SessionUser): UserScope {
  switch (user.role) {
    case 'engineer':
      return { role: 'engineer', subsystemIds: user.subsystemIds };
    case 'service_manager':
      return { role: 'service_manager', unitIds: user.unitIds };
    case 'project_lead':
    case 'auditor':
      return { role: user.role };
  }
}

/** The signed-in server account's scope; null for a name on this PC, which answers to no server. */
export function sessionScope(session: Session | null): UserScope | null {
  return session?.kind === 'server' ? scopeOfSessionUser(session.account.user) : null;
}

/**
 * The contract's subsystems the signed-in user may write records of this type in, for forms to
 * offer, with why none when none: what sync would refuse is never offered.
 */
export function useWritableSubsystems(
  recordType: RecordType,
  contractSubsystemIds: readonly number[],
): WritableSubsystems {
  const session = useSession();
  return useMemo(() => {
    const scope = sessionScope(session);
    return scope === null
      ? { subsystemIds: contractSubsystemIds, reason: null }
      : writableSubsystems(scope, recordType, contractSubsystemIds);
  }, [session, recordType, contractSubsystemIds]);
}
