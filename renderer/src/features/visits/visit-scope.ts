import { checkOwnership, checkWrite, type UserScope } from '@core/auth';
import type { DocumentSystem } from '@core/profile';
import { CONTRACT_WIDE } from '@core/records';
import type { Visit } from '@core/records/kinds';

/** Units a list or form offers, or why none. */
export interface UnitChoice {
  readonly unitIds: readonly number[];
  /** Why nothing is offered, in the user's words; null when something is. */
  readonly reason: string | null;
}

const NO_DOCUMENT_SYSTEM = '合同档案中没有公文系统单位，无法登记回访';

function writesVisitTo(scope: UserScope, unitId: number) {
  return checkWrite(scope, 'visit', [{ subsystemId: CONTRACT_WIDE, unitIds: [unitId] }]);
}

/**
 * The units the visit form offers: what sync would accept (a service manager's own units, every unit to
 * the project lead and to a name on this PC), with the server's own reason when none.
 */
export function offeredVisitUnits(
  scope: UserScope | null,
  documentSystem: DocumentSystem | undefined,
): UnitChoice {
  if (documentSystem === undefined) return { unitIds: [], reason: NO_DOCUMENT_SYSTEM };
  const all = documentSystem.units.map((unit) => unit.id);
  if (scope === null) return { unitIds: all, reason: null };
  const unitIds = all.filter((id) => writesVisitTo(scope, id).ok);
  if (unitIds.length > 0) return { unitIds, reason: null };
  const [first] = all;
  const refusal = first === undefined ? null : writesVisitTo(scope, first);
  return {
    unitIds,
    reason:
      refusal !== null && !refusal.ok ? refusal.reason : '您没有可以登记回访的单位：请项目负责人核对您的账户',
  };
}

/**
 * The units whose visits the user reads (the rows of the coverage view): a service manager's own, all
 * of them for the project lead, the auditor and a name on this PC. Engineers receive no visits at all.
 */
export function visibleVisitUnits(
  scope: UserScope | null,
  documentSystem: DocumentSystem | undefined,
): UnitChoice {
  if (documentSystem === undefined)
    return { unitIds: [], reason: '合同档案中没有公文系统单位，没有回访记录' };
  const all = documentSystem.units.map((unit) => unit.id);
  if (scope === null) return { unitIds: all, reason: null };
  switch (scope.role) {
    case 'project_lead':
    case 'auditor':
      return { unitIds: all, reason: null };
    case 'service_manager': {
      const unitIds = all.filter((id) => scope.unitIds.includes(id));
      return {
        unitIds,
        reason: unitIds.length > 0 ? null : '您的账户没有负责的公文系统单位：请项目负责人核对您的账户',
      };
    }
    case 'engineer':
      return {
        unitIds: [],
        reason: '回访记录由服务经理登记，只有负责该单位的服务经理、项目负责人和审计员可以查看',
      };
  }
}

/** Whether the user may change this visit (its units and its visitor, as sync checks), or why not. */
export function visitEditRefusal(scope: UserScope | null, userId: string, visit: Visit): string | null {
  if (scope === null) return null;
  const placement = { subsystemId: CONTRACT_WIDE, unitIds: [...visit.unitIds] };
  const write = checkWrite(scope, 'visit', [placement]);
  if (!write.ok) return write.reason;
  const owner = checkOwnership(scope, userId, 'visit', {
    before: visit,
    after: visit,
    fields: ['suggestions'],
  });
  return owner.ok ? null : owner.reason;
}
