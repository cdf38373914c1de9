import {
  TICKET_CATEGORY_LABELS,
  TICKET_SEVERITY_LABELS,
  type TicketCategory,
  type TicketSeverity,
} from '../records/classification';
import type { Clock } from './clock';
import { isMinutesClock } from './clock';
import type { ContractProfile } from './contract-profile';
import type { Schedules } from './schedules';
import { CLOCK_KIND_LABELS, type ClockKind, type SlaPolicy } from './sla-policy';
import type { Subsystem } from './subsystem';

export type SlaClockSource = 'subsystem' | 'contract';

export interface FoundSlaClock {
  readonly clock: Clock;
  /** The schedule text (e.g. `workday:09:00-17:30`) of a minutes clock; undefined for working days. */
  readonly schedule: string | undefined;
  /** Which level set the clock: the subsystem's own `sla`, or the contract-wide `commitments.sla`. */
  readonly source: SlaClockSource;
}

export class UnknownSubsystemError extends RangeError {
  constructor(
    readonly subsystemId: number,
    knownIds: readonly number[],
  ) {
    super(`合同中没有编号为 ${subsystemId} 的运维子项（现有编号：${knownIds.join('、')}）`);
    this.name = 'UnknownSubsystemError';
  }
}

export function findSubsystem(profile: ContractProfile, subsystemId: number): Subsystem {
  const subsystem = profile.subsystems.find((candidate) => candidate.id === subsystemId);
  if (subsystem === undefined) {
    throw new UnknownSubsystemError(
      subsystemId,
      profile.subsystems.map((candidate) => candidate.id),
    );
  }
  return subsystem;
}

/**
 * The clock the contract sets for a ticket of this category and severity on this subsystem. The rule,
 * per clock: the subsystem's own clock if it sets one, otherwise the contract-wide clock of
 * `commitments.sla`, otherwise none (undefined: the contract does not set it, and nothing is guessed).
 * A clock's schedule is looked up at the level that sets the clock. Throws UnknownSubsystemError for
 * a subsystem id the profile does not have.
 */
export function findSlaClock(
  profile: ContractProfile,
  subsystemId: number,
  category: TicketCategory,
  severity: TicketSeverity,
  kind: ClockKind,
): FoundSlaClock | undefined {
  const subsystem = findSubsystem(profile, subsystemId);
  return (
    clockAt(subsystem.sla, subsystem.schedules, 'subsystem', category, severity, kind) ??
    clockAt(profile.commitments.sla, profile.commitments.schedules, 'contract', category, severity, kind)
  );
}

/** A Chinese sentence for a combination the contract does not set, e.g. for the CLI's exit 2. */
export function describeMissingSlaClock(
  profile: ContractProfile,
  subsystemId: number,
  category: TicketCategory,
  severity: TicketSeverity,
  kind: ClockKind,
): string {
  const subsystem = findSubsystem(profile, subsystemId);
  return (
    `合同未规定子项 ${subsystem.id}（${subsystem.shortName}）${TICKET_SEVERITY_LABELS[severity]}` +
    `${TICKET_CATEGORY_LABELS[category]}工单的${CLOCK_KIND_LABELS[kind]}时限，子项与合同层面均未设定`
  );
}

function clockAt(
  policy: SlaPolicy,
  schedules: Schedules,
  source: SlaClockSource,
  category: TicketCategory,
  severity: TicketSeverity,
  kind: ClockKind,
): FoundSlaClock | undefined {
  const clock = policy[category]?.[severity]?.[kind];
  if (clock === undefined) return undefined;
  return { clock, schedule: isMinutesClock(clock) ? schedules[clock.schedule]?.hours : undefined, source };
}
