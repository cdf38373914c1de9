import { z } from 'zod';
import type { DocumentSystem } from '../../profile/contract-profile';
import { userIdSchema } from '../record-envelope';
import { type Refusal, refuse } from '../validation';
import {
  attachmentListSchema,
  freeTextSchema,
  linkedIdListSchema,
  personNameSchema,
  recordDateSchema,
  unscopedEnvelopeShape,
} from './common';

const unitIdSchema = z
  .number({ error: '单位应为编号' })
  .int({ error: '单位编号应为整数' })
  .positive({ error: '单位编号应为正整数' });

export const VISIT_SATISFACTION_LEVELS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export const visitSatisfactionLevelSchema = z.enum(VISIT_SATISFACTION_LEVELS, {
  error: '满意度应为满意、基本满意或不满意',
});
export type VisitSatisfactionLevel = z.infer<typeof visitSatisfactionLevelSchema>;

export const VISIT_SATISFACTION_LABELS: Readonly<Record<VisitSatisfactionLevel, string>> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

export const unitSatisfactionSchema = z.strictObject({
  unitId: unitIdSchema,
  level: visitSatisfactionLevelSchema,
  comment: freeTextSchema('满意度意见', 2_000),
});
export type UnitSatisfaction = z.infer<typeof unitSatisfactionSchema>;

export const personMetSchema = z.strictObject({
  name: personNameSchema('接待人员姓名'),
  unitId: unitIdSchema,
  /** Their post, e.g. 办公室主任; may be empty. */
  title: freeTextSchema('接待人员职务', 50).trim(),
});
export type PersonMet = z.infer<typeof personMetSchema>;

/**
 * The service manager's visit (回访 / 现场服务) to one or more units of the document system on one day.
 * Scoped by unit: `unitIds` decides who sees it.
 */
export const visitSchema = z
  .strictObject({
    ...unscopedEnvelopeShape,
    date: recordDateSchema,
    visitor: userIdSchema,
    unitIds: z
      .array(unitIdSchema)
      .min(1, { error: '请至少选择一个走访单位' })
      .max(50, { error: '走访单位不能超过 50 个' })
      .refine((list) => new Set(list).size === list.length, { error: '同一单位不能重复选择' }),
    peopleMet: z.array(personMetSchema).max(100, { error: '接待人员不能超过 100 人' }),
    ticketIds: linkedIdListSchema('回访工单', 200),
    suggestions: freeTextSchema('服务提升建议', 10_000),
    satisfaction: z.array(unitSatisfactionSchema).max(50, { error: '满意度评价不能超过 50 条' }),
    photos: attachmentListSchema('照片'),
  })
  .superRefine((visit, context) => {
    const visited = new Set(visit.unitIds);
    const rated = new Set<number>();
    visit.satisfaction.forEach((entry, index) => {
      if (!visited.has(entry.unitId)) {
        context.addIssue({
          code: 'custom',
          path: ['satisfaction', index, 'unitId'],
          message: '只能评价本次走访的单位',
        });
      }
      if (rated.has(entry.unitId)) {
        context.addIssue({
          code: 'custom',
          path: ['satisfaction', index, 'unitId'],
          message: '同一单位只能评价一次',
        });
      }
      rated.add(entry.unitId);
    });
    visit.peopleMet.forEach((person, index) => {
      if (!visited.has(person.unitId)) {
        context.addIssue({
          code: 'custom',
          path: ['peopleMet', index, 'unitId'],
          message: '接待人员应属于本次走访的单位',
        });
      }
    });
  });
export type Visit = z.infer<typeof visitSchema>;

/** Refuses a visit naming a unit the contract's document system does not serve. */
export function checkVisitUnits(
  visit: Visit,
  documentSystem: DocumentSystem | undefined,
): { readonly ok: true } | Refusal {
  if (documentSystem === undefined) return refuse('合同档案中没有公文系统单位，无法登记回访');
  const known = new Set(documentSystem.units.map((unit) => unit.id));
  const unknown = visit.unitIds.filter((id) => !known.has(id));
  if (unknown.length > 0) return refuse(`有 ${unknown.length} 个走访单位不在合同的公文系统单位名单中`);
  return { ok: true };
}
