import type { RecordType } from '../records/record-envelope';
import { RECORD_TYPE_LABELS, recordKind } from '../records/record-kinds';
import { CONTRACT_WIDE, type RecordPlacement } from '../records/record-placement';
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

/**
 * Which records a user reads: all, or those of these subsystems, the contract-wide ones (duty of the
 * whole contract, sensitive periods) and the unit-scoped ones (visits) of these units.
 */
export type Visibility =
  | { readonly all: true }
  | {
      readonly all: false;
      readonly subsystemIds: readonly number[];
      readonly unitIds: readonly number[];
    };

/** Whether a user with this visibility reads a record so placed: the rule every pull applies. */
export function canSee(visibility: Visibility, placement: RecordPlacement): boolean {
  if (visibility.all) return true;
  if (placement.unitIds.length > 0)
    return placement.unitIds.some((unit) => visibility.unitIds.includes(unit));
  return placement.subsystemId === CONTRACT_WIDE || visibility.subsystemIds.includes(placement.subsystemId);
}

export type ScopeDecision = { readonly ok: true } | Refusal;

const ALLOWED: ScopeDecision = { ok: true };

/**
 * The records a user reads: an engineer their subsystems', a service manager the document system's and
 * the visits of the units they cover; everyone the contract-wide ones (canSee).
 */
export function visibleSubsystems(scope: UserScope, context: ScopeContext): Visibility {
  const ascending = (ids: readonly number[]) => [...ids].sort((a, b) => a - b);
  switch (scope.role) {
    case 'project_lead':
    case 'auditor':
      return { all: true };
    case 'engineer':
      return { all: false, subsystemIds: ascending(scope.subsystemIds), unitIds: [] };
    case 'service_manager':
      return {
        all: false,
        subsystemIds: context.documentSystemSubsystemId === null ? [] : [context.documentSystemSubsystemId],
        unitIds: ascending(scope.unitIds),
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
 * Whether the user may write a record of this type placed (or moved) as these placements: the server
 * passes the record's current placement and the one the op gives it, so a record can be neither changed
 * in nor moved into or out of a subsystem or unit the user does not keep.
 */
export function checkWrite(
  scope: UserScope,
  recordType: RecordType,
  placements: readonly RecordPlacement[],
): ScopeDecision {
  const kind = recordKind(recordType);
  const label = kind.label;
  if (!kind.writers.includes(scope.role))
    return refuse(kind.refusals[scope.role] ?? notAWriter(scope.role, label));
  switch (scope.role) {
    case 'project_lead':
      return ALLOWED;
    case 'auditor':
      return refuse(notAWriter(scope.role, label));
    case 'service_manager': {
      if (kind.scope.by === 'contract') return ALLOWED;
      if (kind.scope.by !== 'unit') return refuse(notAWriter(scope.role, label));
      const units = placements.flatMap((placement) => placement.unitIds);
      const foreign = [...new Set(units)].filter((id) => !scope.unitIds.includes(id));
      if (foreign.length === 0) return ALLOWED;
      return refuse(
        `您负责单位 ${scope.unitIds.join('、')}，不能登记或修改单位 ${foreign.join('、')} 的${label}`,
      );
    }
    case 'engineer': {
      const contractWide = kind.scope.by === 'subsystem_or_contract' ? kind.scope.contractWide : undefined;
      const touchesContract = placements.some((placement) => placement.subsystemId === CONTRACT_WIDE);
      if (touchesContract && contractWide !== undefined && !contractWide.writers.includes(scope.role))
        return refuse(contractWide.refusal);
      // A contract-wide record of a kind that allows one (duty of the whole contract, a reminder
      // receipt) is every engineer's to write.
      const subsystems = placements
        .map((placement) => placement.subsystemId)
        .filter((id) => !(id === CONTRACT_WIDE && kind.scope.by !== 'subsystem'));
      const foreign = [...new Set(subsystems)].filter((id) => !scope.subsystemIds.includes(id));
      if (foreign.length === 0) return ALLOWED;
      if (foreign.includes(CONTRACT_WIDE)) return refuse(notAWriter(scope.role, label));
      return refuse(
        `您负责运维子项 ${scope.subsystemIds.join('、')}，不能修改运维子项 ${foreign.join('、')} 的${label}`,
      );
    }
  }
}

/**
 * Whether `userName` may make this write to a record that belongs to a person (records/record-kinds.ts
 * `owners`): they must be named by one of the owner fields both before and after it, and write only that
 * field's `onlyFields` when it has them. The project lead writes any record in scope.
 */
export function checkOwnership(
  scope: UserScope,
  userName: string,
  recordType: RecordType,
  change: {
    readonly before: Readonly<Record<string, unknown>> | undefined;
    readonly after: Readonly<Record<string, unknown>>;
    readonly fields: readonly string[];
  },
): ScopeDecision {
  const kind = recordKind(recordType);
  if (scope.role === 'project_lead' || kind.owners.length === 0) return ALLOWED;
  const written = change.fields.filter((field) => field !== 'updatedAt');
  const named = (record: Readonly<Record<string, unknown>> | undefined, field: string) =>
    record === undefined || record[field] === userName;
  const rules = kind.owners.filter(
    (rule) => change.after[rule.field] === userName && named(change.before, rule.field),
  );
  if (rules.some((rule) => rule.onlyFields === undefined)) return ALLOWED;
  // Only narrow rules name the user now; they never create a record, only change an existing one.
  const [narrow] = rules;
  if (narrow !== undefined && change.before !== undefined) {
    if (written.every((field) => narrow.onlyFields?.includes(field))) return ALLOWED;
    return refuse(`作为${narrow.who}，您只能${narrow.may ?? '查看'}这条${kind.label}，不能修改其他内容`);
  }
  const whos = kind.owners.filter((rule) => rule.onlyFields === undefined).map((rule) => rule.who);
  return refuse(`只有${whos.join('或')}本人或项目负责人可以登记和修改${kind.label}`);
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
  const subsystemIds = contractSubsystemIds.filter(
    (id) => checkWrite(scope, recordType, [{ subsystemId: id, unitIds: [] }]).ok,
  );
  if (subsystemIds.length > 0) return { subsystemIds, reason: null };
  const own = scope.role === 'engineer' ? scope.subsystemIds[0] : undefined;
  const refusal = checkWrite(scope, recordType, own === undefined ? [] : [{ subsystemId: own, unitIds: [] }]);
  if (!refusal.ok) return { subsystemIds, reason: refusal.reason };
  if (scope.role === 'engineer') {
    return {
      subsystemIds,
      reason: `您负责的运维子项 ${scope.subsystemIds.join('、')} 不在合同档案中，无法登记${RECORD_TYPE_LABELS[recordType]}：请项目负责人核对您的账户`,
    };
  }
  return { subsystemIds, reason: null };
}
