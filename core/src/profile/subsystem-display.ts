import {
  TICKET_CATEGORIES,
  TICKET_CATEGORY_LABELS,
  TICKET_SEVERITIES,
  TICKET_SEVERITY_LABELS,
  type TicketCategory,
  type TicketSeverity,
} from '../records/classification';
import { describeSchedule, scheduleFromText } from '../sla/schedule';
import { type Clock, formatClockDuration } from './clock';
import type { ContractProfile } from './contract-profile';
import { findSlaClock, type SlaClockSource } from './find-sla-clock';
import { CLOCK_KIND_LABELS, CLOCK_KINDS, type ClockKind } from './sla-policy';
import { SERVICE_MODE_LABELS, type Subsystem } from './subsystem';

/** One clock as a screen shows it: "紧急 故障 响应 10 分钟（7×24 小时）". */
export interface SlaClockDisplay {
  readonly category: TicketCategory;
  readonly severity: TicketSeverity;
  readonly kind: ClockKind;
  readonly categoryLabel: string;
  readonly severityLabel: string;
  readonly kindLabel: string;
  readonly clock: Clock;
  /** e.g. "10 分钟", "15 个工作日". */
  readonly durationLabel: string;
  /** e.g. "7×24 小时", "工作日 09:00–17:30"; "工作日" for a working-day period. */
  readonly scheduleLabel: string;
  readonly source: SlaClockSource;
}

export interface ScheduleDisplay {
  readonly id: string;
  readonly hours: string;
  readonly label: string;
  readonly note: string | undefined;
}

export interface SubsystemDisplay {
  readonly id: number;
  readonly name: string;
  readonly shortName: string;
  readonly budget: number;
  readonly serviceModes: readonly string[];
  readonly stationedEngineers: number;
  /** The tender's words; undefined where the tender states no service hours. */
  readonly serviceHours: string | undefined;
  readonly schedules: readonly ScheduleDisplay[];
  /** Every clock in force for the subsystem: its own, and the contract-wide ones it does not override. */
  readonly clocks: readonly SlaClockDisplay[];
}

/** What a screen listing the subsystems needs, in Chinese, with the contract-wide clocks merged in. */
export function describeSubsystems(profile: ContractProfile): SubsystemDisplay[] {
  return profile.subsystems.map((subsystem) => describeSubsystem(profile, subsystem));
}

function describeSubsystem(profile: ContractProfile, subsystem: Subsystem): SubsystemDisplay {
  return {
    id: subsystem.id,
    name: subsystem.name,
    shortName: subsystem.shortName,
    budget: subsystem.budget,
    serviceModes: subsystem.serviceModes.map((mode) => SERVICE_MODE_LABELS[mode]),
    stationedEngineers: subsystem.stationedEngineers,
    serviceHours: subsystem.serviceHours,
    schedules: Object.entries(subsystem.schedules).map(([id, entry]) => ({
      id,
      hours: entry.hours,
      label: describeSchedule(scheduleFromText(entry.hours)),
      note: entry.note,
    })),
    clocks: effectiveClocks(profile, subsystem.id),
  };
}

function effectiveClocks(profile: ContractProfile, subsystemId: number): SlaClockDisplay[] {
  const clocks: SlaClockDisplay[] = [];
  for (const category of TICKET_CATEGORIES) {
    for (const severity of TICKET_SEVERITIES) {
      for (const kind of CLOCK_KINDS) {
        const found = findSlaClock(profile, subsystemId, category, severity, kind);
        if (found === undefined) continue;
        clocks.push({
          category,
          severity,
          kind,
          categoryLabel: TICKET_CATEGORY_LABELS[category],
          severityLabel: TICKET_SEVERITY_LABELS[severity],
          kindLabel: CLOCK_KIND_LABELS[kind],
          clock: found.clock,
          durationLabel: formatClockDuration(found.clock, found.schedule),
          scheduleLabel:
            found.schedule === undefined ? '工作日' : describeSchedule(scheduleFromText(found.schedule)),
          source: found.source,
        });
      }
    }
  }
  return clocks;
}
