import type { UserScope } from '../auth/roles';
import type { ContractProfile } from '../profile/contract-profile';
import { formatClockDuration } from '../profile/clock';
import type { Subsystem } from '../profile/subsystem';
import { dutyObligations } from './duty';
import { inspectionObligations, untrackedInspectionPlans } from './inspections';
import {
  type NotTracked,
  type Obligation,
  type ObligationContext,
  type ObligationRecords,
  type ObligationScope,
  compareObligations,
  subsystemInScope,
} from './obligation';
import { onSiteWorkdayObligations, stationedObligations } from './onsite';
import { acceptanceObligations, reportObligations, untrackedReports } from './reports';
import { targetObligations, untrackedTargets } from './targets';
import { type TicketClockListing, ticketClockObligations } from './ticket-clocks';
import { trainingObligations, untrackedTrainings } from './trainings';
import { visitObligations } from './visits';

export interface ContractObligations {
  /** Most pressing first (see `compareObligations`). */
  readonly obligations: readonly Obligation[];
  /** Ticket clocks left out of `obligations` by `ticketClocks: 'attention'`, by state (history: kept, or stopped late). */
  readonly unlistedTicketClocks: { readonly met: number; readonly broken: number };
  readonly notTracked: readonly NotTracked[];
}

/**
 * Every obligation of the contract for the scope at `context.now`, with its state and the records that
 * prove it, and every duty of the profile the app does not check, with why. Driven by the profile: a
 * new report, training, target or inspection plan of a kind listed here is checked without new code.
 */
export function contractObligations(
  records: ObligationRecords,
  context: ObligationContext,
  options: { readonly ticketClocks: TicketClockListing } = { ticketClocks: 'all' },
): ContractObligations {
  const { profile, scope } = context;
  const clocks = ticketClockObligations(records.tickets, context, options.ticketClocks);
  const subsystems = profile.subsystems.filter((subsystem) => subsystemInScope(scope, subsystem.id));
  const documentSystem = profile.documentSystem;
  const obligations: Obligation[] = [
    ...clocks.obligations,
    ...inspectionObligations(records.inspectionTemplates, records.inspectionRuns, context),
    ...reportObligations(subsystems, context, records.reportSubmissions),
    ...(scope.subsystemIds === null ? acceptanceObligations(context, records.reportSubmissions) : []),
    ...trainingObligations(subsystems, documentSystem, records.trainings, context),
    ...(documentSystem !== undefined && subsystemInScope(scope, documentSystem.subsystemId)
      ? visitObligations(documentSystem, records.visits, context)
      : []),
    ...onSiteWorkdayObligations(subsystems, records.onSiteDays, context),
    ...stationedObligations(subsystems, records.onSiteDays, context),
    ...dutyObligations(
      {
        assignments: records.dutyAssignments,
        swaps: records.dutySwaps,
        logs: records.dutyLogs,
        sensitivePeriods: records.sensitivePeriods,
      },
      context,
    ),
    ...targetObligations(records.tickets, subsystems, context),
  ];
  const notTracked: NotTracked[] = [
    ...(scope.subsystemIds === null ? untrackedContractDuties(profile) : []),
    ...subsystems.flatMap((subsystem) => untrackedSubsystemDuties(subsystem, records)),
  ];
  return {
    obligations: obligations.sort(compareObligations),
    unlistedTicketClocks: clocks.unlisted,
    notTracked,
  };
}

const WORDED_ONLY = '文字约定，没有可核对的日期或数字';

function untrackedContractDuties(profile: ContractProfile): NotTracked[] {
  const { commitments } = profile;
  const source = '全合同';
  return [
    ...(commitments.faultDiagnosis === undefined
      ? []
      : [
          {
            source: `${source} · 时限`,
            subsystemId: null,
            text: `${formatClockDuration(commitments.faultDiagnosis)}内查明故障原因、提交解决方案`,
            reason: '工单没有记录查明原因的时间，无法核对该时限',
          },
        ]),
    ...(commitments.team === undefined
      ? []
      : [
          {
            source: `${source} · 服务团队`,
            subsystemId: null,
            text: `服务团队不少于 ${commitments.team.serviceStaffMin} 人`,
            reason: '人员配备不在应用中核对',
          },
        ]),
    ...untrackedTargets(null, commitments.targets),
    ...commitments.obligations.map((text) => ({
      source: `${source} · 约定`,
      subsystemId: null,
      text,
      reason: WORDED_ONLY,
    })),
  ];
}

function untrackedSubsystemDuties(subsystem: Subsystem, records: ObligationRecords): NotTracked[] {
  const source = `运维子项 ${subsystem.id}`;
  return [
    ...(subsystem.emergencyOnSite === undefined
      ? []
      : [
          {
            source: `${source} · 时限`,
            subsystemId: subsystem.id,
            text: `紧急情况下 ${formatClockDuration(subsystem.emergencyOnSite)}内到达现场`,
            reason: '工单没有记录到场时间，无法核对该时限',
          },
        ]),
    ...untrackedInspectionPlans(subsystem, records.inspectionTemplates),
    ...untrackedTrainings(subsystem),
    ...untrackedReports(subsystem),
    ...subsystem.quotas.map((quota) => ({
      source: `${source} · 用量`,
      subsystemId: subsystem.id,
      text: `${quota.label} ${quota.amount} ${quota.unit}`,
      reason: '用量由服务平台统计，不在应用中记录',
    })),
    ...untrackedTargets(subsystem, subsystem.targets),
    ...subsystem.obligations.map((text) => ({
      source: `${source} · 约定`,
      subsystemId: subsystem.id,
      text,
      reason: WORDED_ONLY,
    })),
  ];
}

/**
 * The obligations a user answers for: the project lead and the auditor all of them, an engineer their
 * subsystems', a service manager the document system's for their units.
 */
export function obligationScopeOf(scope: UserScope, profile: ContractProfile): ObligationScope {
  switch (scope.role) {
    case 'project_lead':
    case 'auditor':
      return { subsystemIds: null, unitIds: null };
    case 'engineer':
      return { subsystemIds: scope.subsystemIds, unitIds: null };
    case 'service_manager':
      return {
        subsystemIds: profile.documentSystem === undefined ? [] : [profile.documentSystem.subsystemId],
        unitIds: scope.unitIds,
      };
  }
}
