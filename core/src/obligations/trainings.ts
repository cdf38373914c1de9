import type { DocumentSystem } from '../profile/contract-profile';
import type { Subsystem } from '../profile/subsystem';
import { inRange } from '../records/kinds/common';
import type { Training } from '../records/kinds/training';
import { checkTraining, trainingProgress } from '../records/kinds/training-check';
import { dateOf, daysUntil, endOfDate } from './dates';
import {
  type NotTracked,
  type Obligation,
  type ObligationContext,
  type ObligationState,
  unitInScope,
} from './obligation';

/** Sessions still owed with no more than this many days of the contract year left are at risk. */
export const TRAINING_AT_RISK_DAYS = 60;

/**
 * Each training requirement with a number of sessions (`sessionsPerYear`, or one per unit of the
 * document system), by `trainingProgress`: all held and meeting the requirement → met; owed after the
 * contract year → broken; owed with two months or less left → at risk; otherwise due by the year's end.
 */
export function trainingObligations(
  subsystems: readonly Subsystem[],
  documentSystem: DocumentSystem | undefined,
  trainings: readonly Training[],
  context: ObligationContext,
): Obligation[] {
  const dueAt = endOfDate(context.contractYear.to);
  const daysLeft = daysUntil(context.now, dueAt);
  return trainingProgress(subsystems, documentSystem, trainings, context.contractYear).flatMap(
    (progress): Obligation[] => {
      if (progress.owed === null) return [];
      const subsystem = subsystems.find((candidate) => candidate.id === progress.subsystemId);
      if (subsystem === undefined) return [];
      const units = progress.units.filter((unit) => unitInScope(context.scope, unit.unitId));
      const remaining =
        progress.units.length === 0
          ? (progress.remaining ?? 0)
          : units.reduce((sum, unit) => sum + Math.max(0, unit.owed - unit.done), 0);
      const held = trainings.filter(
        (training) =>
          !training.deleted &&
          training.subsystemId === progress.subsystemId &&
          training.requirementId === progress.requirementId &&
          inRange(dateOf(training.startAt), context.contractYear),
      );
      const notMet = held.filter((training) => !checkTraining(training, subsystem, documentSystem).met);
      let state: ObligationState;
      if (remaining === 0) state = 'met';
      else if (daysLeft <= 0) state = 'broken';
      else state = daysLeft <= TRAINING_AT_RISK_DAYS ? 'at_risk' : 'due';
      const owedUnits = units.filter((unit) => unit.done < unit.owed).map((unit) => unit.unitName);
      const parts = [
        remaining === 0
          ? `已开展达标培训 ${progress.done} 场，满足要求`
          : `已开展达标培训 ${progress.done} 场，还差 ${remaining} 场`,
        ...(owedUnits.length === 0 ? [] : [`尚未培训：${owedUnits.join('、')}`]),
        ...(notMet.length === 0 ? [] : [`另有 ${notMet.length} 场未达到合同要求，不计入`]),
      ];
      return [
        {
          id: `training:${progress.requirementId}`,
          kind: 'training',
          subsystemId: progress.subsystemId,
          unitId: null,
          title: `${subsystem.shortName}：${progress.topic}`,
          state,
          dueAt,
          detail: parts.join('；'),
          recordIds: held.map((training) => training.id),
          clause:
            subsystem.trainings.find((requirement) => requirement.id === progress.requirementId)?.clause ??
            null,
        },
      ];
    },
  );
}

export function untrackedTrainings(subsystem: Subsystem): NotTracked[] {
  return subsystem.trainings
    .filter(
      (requirement) =>
        requirement.sessionsPerYear === undefined && requirement.perDocumentSystemUnit !== true,
    )
    .map((requirement) => ({
      source: `运维子项 ${subsystem.id} · 培训`,
      subsystemId: subsystem.id,
      text: requirement.topic,
      reason: '招标文件未规定最少场次（按需开展），只核对每场培训的讲师、时长和人数',
    }));
}
