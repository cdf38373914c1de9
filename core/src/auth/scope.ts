import type { RecordType } from '../records/record-envelope';
import { RECORD_TYPE_LABELS, recordKind } from '../records/record-kinds';
import { type Refusal, refuse } from '../records/validation';
import type { Role, UserScope } from './roles';

/**
 * Scope rules, shared by the server (which enforces them on every pull and push) and the client
 * (which uses them to explain, before a push, what the server will refuse).
 */
export interface ScopeContext {
  /** The contract profile's document system (`documentSystem.subsystemId`), whose units a service manager covers. */
  readonly documentSystemSubsystemId: number | null;
}

export type Visibility =
  { readonly all: true } | { readonly all: false; readonly subsystemIds: readonly number[] };

export type ScopeDecision = { readonly ok: true } | Refusal;

const ALLOWED: ScopeDecision = { ok: true };

/**
 * The subsystems whose records a user reads. No current record type carries a unit, so a service
 * manager reads the document system's records; visits (a later record type) will add the unit.
 */
export function visibleSubsystems(scope: UserScope, context: ScopeContext): Visibility {
  switch (scope.role) {
    case 'project_lead':
    case 'auditor':
      return { all: true };
    case 'engineer':
      return { all: false, subsystemIds: [...scope.subsystemIds].sort((a, b) => a - b) };
    case 'service_manager':
      return {
        all: false,
        subsystemIds: context.documentSystemSubsystemId === null ? [] : [context.documentSystemSubsystemId],
      };
  }
}

export function canReadSubsystem(scope: UserScope, subsystemId: number, context: ScopeContext): boolean {
  const visibility = visibleSubsystems(scope, context);
  return visibility.all || visibility.subsystemIds.includes(subsystemId);
}

/** Whether the user may read records of a subsystem, with the reason when not. */
export function checkRead(scope: UserScope, subsystemId: number, context: ScopeContext): ScopeDecision {
  if (canReadSubsystem(scope, subsystemId, context)) return ALLOWED;
  if (scope.role === 'engineer') {
    return refuse(`您负责运维子项 ${scope.subsystemIds.join('、')}，无权查看运维子项 ${subsystemId} 的记录`);
  }
  const own = context.documentSystemSubsystemId;
  return refuse(
    own === null
      ? '合同档案没有公文系统，服务经理没有可查看的记录'
      : `服务经理只能查看所负责单位所在的运维子项 ${own} 的记录，无权查看运维子项 ${subsystemId} 的记录`,
  );
}

/**
 * Whether the user may write a record of this type that belongs (or is moved) to these subsystems:
 * the server passes the record's current subsystem and the one the op gives it, so a record can be
 * neither changed in nor moved into or out of a subsystem the user does not keep.
 */
export function checkWrite(
  scope: UserScope,
  recordType: RecordType,
  subsystemIds: readonly number[],
): ScopeDecision {
  const kind = recordKind(recordType);
  const label = kind.label;
  if (!kind.writers.includes(scope.role))
    return refuse(kind.refusals[scope.role] ?? notAWriter(scope.role, label));
  switch (scope.role) {
    case 'project_lead':
      return ALLOWED;
    // Neither writes by subsystem: a kind that lists them (visits, by unit) brings its own check with it.
    case 'auditor':
    case 'service_manager':
      return refuse(notAWriter(scope.role, label));
    case 'engineer': {
      const foreign = [...new Set(subsystemIds)].filter((id) => !scope.subsystemIds.includes(id));
      if (foreign.length === 0) return ALLOWED;
      return refuse(
        `您负责运维子项 ${scope.subsystemIds.join('、')}，不能修改运维子项 ${foreign.join('、')} 的${label}`,
      );
    }
  }
}

function notAWriter(role: Role, label: string): string {
  switch (role) {
    case 'auditor':
      return '审计员账户只读，不能修改任何记录';
    case 'service_manager':
      return `服务经理不能修改${label}（只能登记回访记录）`;
    case 'engineer':
      return `驻场工程师不能修改${label}`;
    case 'project_lead':
      return `项目负责人不能修改${label}`;
  }
}

/** The subsystems a form may offer for a new record, or why it offers none. */
export interface WritableSubsystems {
  readonly subsystemIds: readonly number[];
  /** Why nothing is offered, in the user's words; null when something is. */
  readonly reason: string | null;
}

/**
 * Of the contract's subsystems, those the user may write records of this type in: the same rule the
 * server applies to every push, so a form never offers what sync would refuse.
 */
export function writableSubsystems(
  scope: UserScope,
  recordType: RecordType,
  contractSubsystemIds: readonly number[],
): WritableSubsystems {
  const subsystemIds = contractSubsystemIds.filter((id) => checkWrite(scope, recordType, [id]).ok);
  if (subsystemIds.length > 0) return { subsystemIds, reason: null };
  const own = scope.role === 'engineer' ? scope.subsystemIds[0] : undefined;
  const refusal = checkWrite(scope, recordType, own === undefined ? [] : [own]);
  if (!refusal.ok) return { subsystemIds, reason: refusal.reason };
  if (scope.role === 'engineer') {
    return {
      subsystemIds,
      reason: `您负责的运维子项 ${scope.subsystemIds.join('、')} 不在合同档案中，无法登记${RECORD_TYPE_LABELS[recordType]}：请项目负责人核对您的账户`,
    };
  }
  return { subsystemIds, reason: null };
}
