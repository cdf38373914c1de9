import type { DocumentSystem, Subsystem, TrainingRequirement } from '@core/profile';
import {
  attendeeCount,
  checkTraining,
  requiredMinutes,
  trainingProgress,
  type DateRange,
  type RequirementProgress,
  type Training,
} from '@core/records/kinds';

/** What the tender asks of a requirement, in one line: 讲师 2 名 · 每次不少于 2 小时 · …. */
export function requirementSummary(requirement: TrainingRequirement): string {
  const parts: string[] = [];
  if (requirement.trainers !== undefined) parts.push(`讲师不少于 ${requirement.trainers} 名`);
  if (requirement.lecturerLevel !== undefined) parts.push(`讲师资格：${requirement.lecturerLevel}`);
  const minutes = requiredMinutes(requirement);
  if (requirement.sessionLength !== undefined) parts.push(`时长：${requirement.sessionLength}`);
  else if (minutes !== undefined) parts.push(`每次不少于 ${formatHours(minutes)}`);
  if (requirement.attendees !== undefined) parts.push(`参训不少于 ${requirement.attendees} 人`);
  if (requirement.sessionsPerYear !== undefined) {
    parts.push(
      requirement.perDocumentSystemUnit === true
        ? `每个单位每年 ${requirement.sessionsPerYear} 场`
        : `每年 ${requirement.sessionsPerYear} 场`,
    );
  } else if (requirement.perDocumentSystemUnit === true) parts.push('每个单位 1 场');
  if (requirement.materials !== undefined && requirement.materials.length > 0) {
    parts.push(`提供${requirement.materials.join('、')}`);
  }
  return parts.length === 0 ? '按需开展，合同未规定次数、时长和人数' : parts.join(' · ');
}

function formatHours(minutes: number): string {
  const hours = minutes / 60;
  return Number.isInteger(hours) ? `${hours} 小时` : `${minutes} 分钟`;
}

/** "1 互联网+人社". */
export function subsystemLabel(subsystems: readonly Subsystem[], subsystemId: number): string {
  const subsystem = subsystems.find((candidate) => candidate.id === subsystemId);
  return subsystem === undefined ? `运维子项 ${subsystemId}` : `${subsystem.id} ${subsystem.shortName}`;
}

export type VerdictState = 'met' | 'not_met' | 'no_requirement';

export interface TrainingVerdict {
  readonly state: VerdictState;
  /** The requirement's topic; null for a training that fulfils none. */
  readonly requirement: string | null;
  /** Why not met; empty otherwise. */
  readonly reasons: readonly string[];
}

/**
 * A training measured against the contract requirement it fulfils. A training that fulfils none is
 * not "not met": it is counted for no requirement, and the page says so rather than showing a fault.
 */
export function trainingVerdict(
  training: Training,
  subsystems: readonly Subsystem[],
  documentSystem: DocumentSystem | undefined,
): TrainingVerdict {
  const subsystem = subsystems.find((candidate) => candidate.id === training.subsystemId);
  if (training.requirementId === null) return { state: 'no_requirement', requirement: null, reasons: [] };
  const requirement = subsystem?.trainings.find((candidate) => candidate.id === training.requirementId);
  if (subsystem === undefined || requirement === undefined) {
    return {
      state: 'not_met',
      requirement: null,
      reasons: ['这次培训对应的合同培训要求已不在当前合同配置中'],
    };
  }
  const check = checkTraining(training, subsystem, documentSystem);
  return {
    state: check.met ? 'met' : 'not_met',
    requirement: requirement.topic,
    reasons: check.reasons,
  };
}

export const VERDICT_LABELS: Readonly<Record<VerdictState, string>> = {
  met: '符合合同要求',
  not_met: '未达到合同要求',
  no_requirement: '不计入合同培训要求',
};

export interface ProgressRow extends RequirementProgress {
  readonly key: string;
  readonly subsystemLabel: string;
  /** How far along, in words: 已完成 1 场，还差 1 场 / 已完成 · 按需开展. */
  readonly status: string;
  readonly complete: boolean;
}

/**
 * Per requirement of the subsystems this user reads: sessions that meet it this contract year and
 * what is still owed. Subsystems the user does not read are left out: their trainings never reach
 * this PC, and a count of 0 there would be wrong, not merely unknown.
 */
export function progressRows(
  subsystems: readonly Subsystem[],
  documentSystem: DocumentSystem | undefined,
  trainings: readonly Training[],
  contractYear: DateRange,
  readable: (subsystemId: number) => boolean,
): ProgressRow[] {
  const shown = subsystems.filter((subsystem) => readable(subsystem.id));
  return trainingProgress(shown, documentSystem, trainings, contractYear).map((progress) => {
    const notMet = progress.notMet > 0 ? `，另有 ${progress.notMet} 场未达到要求` : '';
    let status: string;
    if (progress.remaining === null)
      status = `已开展 ${progress.done} 场（按需开展，合同未规定次数）${notMet}`;
    else if (progress.remaining === 0) status = `已完成 ${progress.done} 场，本年度要求已满足${notMet}`;
    else status = `已完成 ${progress.done} 场，还差 ${progress.remaining} 场${notMet}`;
    return {
      ...progress,
      key: `${progress.subsystemId}/${progress.requirementId}`,
      subsystemLabel: subsystemLabel(subsystems, progress.subsystemId),
      status,
      complete: progress.remaining === 0,
    };
  });
}

export interface TrainingRow {
  readonly id: string;
  readonly startAt: number;
  readonly subsystemLabel: string;
  readonly topic: string;
  readonly unitName: string | null;
  readonly attendees: number;
  readonly verdict: TrainingVerdict;
}

/** The list of trainings, latest first. */
export function trainingRows(
  trainings: readonly Training[],
  subsystems: readonly Subsystem[],
  documentSystem: DocumentSystem | undefined,
): TrainingRow[] {
  return [...trainings]
    .sort((a, b) => b.startAt - a.startAt || a.id.localeCompare(b.id))
    .map((training) => ({
      id: training.id,
      startAt: training.startAt,
      subsystemLabel: subsystemLabel(subsystems, training.subsystemId),
      topic: training.topic,
      unitName: unitName(documentSystem, training.unitId),
      attendees: attendeeCount(training.attendance),
      verdict: trainingVerdict(training, subsystems, documentSystem),
    }));
}

export function unitName(documentSystem: DocumentSystem | undefined, unitId: number | null): string | null {
  if (unitId === null) return null;
  return documentSystem?.units.find((unit) => unit.id === unitId)?.name ?? `单位 ${unitId}`;
}
