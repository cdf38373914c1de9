import { z } from 'zod';
import { recordEnvelopeShape } from './record-envelope';

/**
 * Item kinds and ids follow the contract profile's checklists (core/src/profile/inspection.ts), so a
 * profile checklist becomes version 1 of a template without renaming anything.
 */
export const INSPECTION_ITEM_KINDS = ['pass-fail', 'number', 'text', 'choice', 'photo'] as const;
export type InspectionItemKind = (typeof INSPECTION_ITEM_KINDS)[number];

export const INSPECTION_ITEM_KIND_LABELS: Readonly<Record<InspectionItemKind, string>> = {
  'pass-fail': '正常/异常',
  number: '数值',
  text: '文字',
  choice: '选项',
  photo: '照片',
};

/** Lower-case letters, digits and hyphens: stable across versions so results stay comparable. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: '编号只能由小写字母、数字和连字符组成（最多 64 个字符）' });

const itemBase = {
  id: slugSchema,
  label: z
    .string()
    .trim()
    .min(1, { error: '请填写检查项名称' })
    .max(200, { error: '检查项名称不能超过 200 个字符' }),
  required: z.boolean({ error: '“必填”应为是或否' }),
};

function isPercentage(bound: number | undefined): boolean {
  return bound === undefined || (bound >= 0 && bound <= 100);
}

const optionText = z
  .string()
  .trim()
  .min(1, { error: '选项不能为空' })
  .max(50, { error: '选项不能超过 50 个字符' });

export const inspectionItemSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ ...itemBase, kind: z.literal('pass-fail') }),
    z
      .strictObject({
        ...itemBase,
        kind: z.literal('number'),
        unit: z.string().trim().max(20, { error: '单位不能超过 20 个字符' }),
        /** The reading passes when min ≤ value ≤ max (both inclusive); an absent bound is not checked. */
        min: z.number().finite().optional(),
        max: z.number().finite().optional(),
      })
      .refine((item) => item.min === undefined || item.max === undefined || item.min <= item.max, {
        error: '下限不能大于上限',
        path: ['min'],
      })
      .refine((item) => item.unit !== '%' || [item.min, item.max].every((bound) => isPercentage(bound)), {
        error: '单位为 % 时，上下限应在 0–100 之间',
        path: ['max'],
      }),
    z.strictObject({ ...itemBase, kind: z.literal('text') }),
    z
      .strictObject({
        ...itemBase,
        kind: z.literal('choice'),
        options: z
          .array(optionText)
          .min(2, { error: '选项至少要有 2 个' })
          .refine((options) => new Set(options).size === options.length, { error: '选项不能重复' }),
        /** Options that mean something is wrong (e.g. “异常”); choosing one fails the item. */
        abnormalOptions: z.array(optionText).default([]),
      })
      .refine((item) => item.abnormalOptions.every((option) => item.options.includes(option)), {
        error: '“异常选项”必须是可选项之一',
        path: ['abnormalOptions'],
      }),
    z.strictObject({ ...itemBase, kind: z.literal('photo') }),
  ],
  { error: `检查项类型应为 ${INSPECTION_ITEM_KINDS.join('、')} 之一` },
);
export type InspectionItem = z.infer<typeof inspectionItemSchema>;

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间应为 HH:MM（00:00–23:59）' });

/**
 * When runs are due.
 * - `daily`: one run per day, on every day or on working days of the calendar; with `dueBy` it is due
 *   before that time of day (subsystem 5's check before 08:30), otherwise by the end of the day.
 * - `monthly`: one run per calendar month, due by the end of day `dueDay` (clamped to the month's last
 *   day) or by the end of the month.
 * A template without a schedule (the tender's “定期”) has runs only when someone starts one.
 */
export const inspectionScheduleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('daily'),
      days: z.enum(['every_day', 'workdays'], { error: '巡检日应为 every_day（每天）或 workdays（工作日）' }),
      dueBy: timeOfDay.optional(),
    }),
    z.strictObject({
      kind: z.literal('monthly'),
      dueDay: z
        .number()
        .int()
        .min(1, { error: '截止日应在 1–31 之间' })
        .max(31, { error: '截止日应在 1–31 之间' })
        .optional(),
    }),
  ],
  { error: '巡检周期应为 daily（每天）或 monthly（每月）' },
);
export type InspectionSchedule = z.infer<typeof inspectionScheduleSchema>;

/**
 * One version of a checklist. Versions are immutable records: an edit saves a new record with the
 * same `templateId` and `version + 1`, so a run keeps pointing at the version it was filled against.
 */
export const inspectionTemplateSchema = z.strictObject({
  ...recordEnvelopeShape,
  /** Shared by every version of the checklist (e.g. the profile's `s8-monthly`). */
  templateId: slugSchema,
  version: z.number().int().min(1, { error: '版本号应为正整数' }),
  name: z
    .string()
    .trim()
    .min(1, { error: '请填写模板名称' })
    .max(100, { error: '模板名称不能超过 100 个字符' }),
  schedule: inspectionScheduleSchema.nullable(),
  items: z
    .array(inspectionItemSchema)
    .min(1, { error: '模板至少要有 1 个检查项' })
    .max(200, { error: '检查项不能超过 200 个' })
    .superRefine((items, context) => {
      const seen = new Map<string, number>();
      items.forEach((item, index) => {
        const first = seen.get(item.id);
        if (first !== undefined) {
          context.addIssue({
            code: 'custom',
            path: [index, 'id'],
            message: `检查项编号 "${item.id}" 与第 ${first + 1} 项重复`,
          });
        } else {
          seen.set(item.id, index);
        }
      });
    }),
});
export type InspectionTemplate = z.infer<typeof inspectionTemplateSchema>;
export type InspectionTemplateInput = z.input<typeof inspectionTemplateSchema>;
