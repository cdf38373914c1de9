import type { DocumentSystem } from '../../profile/contract-profile';
import type { TrainingRequirement } from '../../profile/obligations';
import type { Subsystem } from '../../profile/subsystem';
import { dayNumberOf, dayNumberToIsoDate } from '../../time/shanghai-time';
import { type DateRange, inRange } from './common';
import { LECTURER_LEVEL_LABELS, type LecturerLevel, type Training, attendeeCount } from './training';

const LEVEL_RANK: Readonly<Record<LecturerLevel, number>> = { junior: 1, intermediate: 2, senior: 3 };

/** The level a requirement's wording asks for (中级讲师 → intermediate); undefined if it names none. */
export function requiredLecturerLevel(wording: string): LecturerLevel | undefined {
  if (wording.includes('高级')) return 'senior';
  if (wording.includes('中级')) return 'intermediate';
  if (wording.includes('初级')) return 'junior';
  return undefined;
}

/**
 * The minimum length of a session the tender words without hours. 半天 is read as 3 hours: a morning
 * session of a government office (09:00–12:00), the shortest half-day the purchaser would accept.
 */
const SESSION_LENGTH_MINUTES: Readonly<Record<string, number>> = { 半天: 180, 一天: 360, '1天': 360 };

export function requiredMinutes(requirement: TrainingRequirement): number | undefined {
  if (requirement.sessionHours !== undefined) return Math.round(requirement.sessionHours * 60);
  if (requirement.sessionLength !== undefined)
    return SESSION_LENGTH_MINUTES[requirement.sessionLength.trim()];
  return undefined;
}

export interface TrainingCheck {
  readonly met: boolean;
  /** Why it is not met, each a Chinese sentence; empty when met. */
  readonly reasons: readonly string[];
}

function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} 分钟`;
  return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分钟`;
}

/**
 * Whether a training meets the contract requirement it fulfils. Every number of a requirement is a
 * minimum; a requirement the code cannot judge (a length or level worded in a way it does not know)
 * is reported as not met with a reason asking for a person to confirm, never silently passed.
 */
export function checkTraining(
  training: Training,
  subsystem: Subsystem,
  documentSystem: DocumentSystem | undefined,
): TrainingCheck {
  const reasons: string[] = [];
  const requirement = subsystem.trainings.find((candidate) => candidate.id === training.requirementId);
  if (training.subsystemId !== subsystem.id) {
    return { met: false, reasons: [`这次培训不属于${subsystem.shortName}，不能计入该子项的培训要求`] };
  }
  if (requirement === undefined) {
    return { met: false, reasons: ['这次培训没有对应合同中的培训要求'] };
  }

  if (requirement.perDocumentSystemUnit === true) {
    const unit = documentSystem?.units.find((candidate) => candidate.id === training.unitId);
    if (training.unitId === null) reasons.push('这项培训须逐个单位开展，请选择本次培训的单位');
    else if (unit === undefined) reasons.push('所选培训单位不在合同的公文系统单位名单中');
  }

  if (requirement.trainers !== undefined && training.trainers.length < requirement.trainers) {
    const short = requirement.trainers - training.trainers.length;
    reasons.push(
      `讲师少 ${short} 名：合同要求不少于 ${requirement.trainers} 名，本次 ${training.trainers.length} 名`,
    );
  }

  if (requirement.lecturerLevel !== undefined) {
    const level = requiredLecturerLevel(requirement.lecturerLevel);
    const needed = requirement.trainers ?? 1;
    if (level === undefined) {
      reasons.push(`合同要求的讲师资格“${requirement.lecturerLevel}”无法自动核对，请人工确认`);
    } else {
      const qualified = training.trainers.filter(
        (trainer) => trainer.level !== null && LEVEL_RANK[trainer.level] >= LEVEL_RANK[level],
      ).length;
      if (qualified < needed) {
        reasons.push(
          `讲师级别不足：合同要求${LECTURER_LEVEL_LABELS[level]}及以上 ${needed} 名，本次 ${qualified} 名`,
        );
      }
    }
  }

  const minutes = requiredMinutes(requirement);
  if (minutes === undefined && requirement.sessionLength !== undefined) {
    reasons.push(`合同要求的培训时长“${requirement.sessionLength}”无法自动核对，请人工确认`);
  } else if (minutes !== undefined && training.durationMinutes < minutes) {
    reasons.push(
      `培训时长不足：合同要求不少于 ${formatMinutes(minutes)}，本次 ${formatMinutes(training.durationMinutes)}`,
    );
  }

  if (requirement.attendees !== undefined) {
    const count = attendeeCount(training.attendance);
    if (count < requirement.attendees) {
      reasons.push(
        `参训人数少 ${requirement.attendees - count} 人：合同要求不少于 ${requirement.attendees} 人，本次 ${count} 人`,
      );
    }
  }

  if (
    requirement.materials !== undefined &&
    requirement.materials.length > 0 &&
    training.materials.length === 0
  ) {
    reasons.push(`未上传培训资料：合同要求提供${requirement.materials.join('、')}`);
  }

  return { met: reasons.length === 0, reasons };
}

export interface UnitProgress {
  readonly unitId: number;
  readonly unitName: string;
  readonly done: number;
  readonly owed: number;
}

export interface RequirementProgress {
  readonly subsystemId: number;
  readonly requirementId: string;
  readonly topic: string;
  /** Sessions the contract year owes; null where the tender sets no number (按需). */
  readonly owed: number | null;
  /** Sessions held this contract year that meet the requirement. */
  readonly done: number;
  /** Sessions held that do not meet it (shown with their reasons on each training). */
  readonly notMet: number;
  /** Still owed; 0 when done, null where nothing is owed by number. */
  readonly remaining: number | null;
  /** For a requirement owed once per document-system unit: each unit's count; empty otherwise. */
  readonly units: readonly UnitProgress[];
}

/**
 * Per requirement of the subsystems: sessions done this contract year and what is still owed. A
 * per-unit requirement owes `sessionsPerYear` (1 if unset) to each unit, and a unit's sessions beyond
 * its own share do not make up for another unit's.
 */
export function trainingProgress(
  subsystems: readonly Subsystem[],
  documentSystem: DocumentSystem | undefined,
  trainings: readonly Training[],
  contractYear: DateRange,
): RequirementProgress[] {
  const inYear = trainings.filter(
    (training) =>
      !training.deleted && inRange(dayNumberToIsoDate(dayNumberOf(training.startAt)), contractYear),
  );
  return subsystems.flatMap((subsystem) =>
    subsystem.trainings.map((requirement) => {
      const held = inYear.filter(
        (training) => training.subsystemId === subsystem.id && training.requirementId === requirement.id,
      );
      const met = held.filter((training) => checkTraining(training, subsystem, documentSystem).met);
      const base = {
        subsystemId: subsystem.id,
        requirementId: requirement.id,
        topic: requirement.topic,
        done: met.length,
        notMet: held.length - met.length,
      };
      if (requirement.perDocumentSystemUnit === true) {
        const perUnit = requirement.sessionsPerYear ?? 1;
        const units = (documentSystem?.units ?? []).map((unit) => ({
          unitId: unit.id,
          unitName: unit.name,
          done: met.filter((training) => training.unitId === unit.id).length,
          owed: perUnit,
        }));
        const owed = perUnit * units.length;
        const remaining = units.reduce((sum, unit) => sum + Math.max(0, unit.owed - unit.done), 0);
        return { ...base, owed, remaining, units };
      }
      const owed = requirement.sessionsPerYear ?? null;
      return { ...base, owed, remaining: owed === null ? null : Math.max(0, owed - met.length), units: [] };
    }),
  );
}
