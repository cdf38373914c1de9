import { z } from 'zod';
import { clause, note, slug, strictObject, text, timeOfDay, uniqueList } from './schema-helpers';

export const CHECKLIST_ITEM_KINDS = ['pass-fail', 'number', 'text', 'choice', 'photo'] as const;
export type ChecklistItemKind = (typeof CHECKLIST_ITEM_KINDS)[number];

export const CHECKLIST_ITEM_KIND_LABELS: Readonly<Record<ChecklistItemKind, string>> = {
  'pass-fail': '正常/异常',
  number: '数值',
  text: '文字',
  choice: '选项',
  photo: '照片',
};

const itemFields = {
  id: slug,
  /** What the engineer checks, in Chinese. */
  label: text,
  clause: clause.optional(),
  note: note.optional(),
};

const numberItemSchema = strictObject({
  ...itemFields,
  kind: z.literal('number'),
  unit: text,
  /** The reading passes when min ≤ value ≤ max; a bound the contract does not set is left out. */
  min: z.number().optional(),
  max: z.number().optional(),
}).superRefine((item, context) => {
  // A usage percentage cannot leave 0–100, so neither can a threshold meant to catch one.
  if (item.unit === '%') {
    for (const key of ['min', 'max'] as const) {
      const bound = item[key];
      if (bound !== undefined && (bound < 0 || bound > 100)) {
        context.addIssue({
          code: 'custom',
          path: [key],
          message: `expected a percentage from 0 to 100, got ${bound}`,
        });
      }
    }
  }
  if (item.min !== undefined && item.max !== undefined && item.min > item.max) {
    context.addIssue({
      code: 'custom',
      path: ['min'],
      message: `expected min ≤ max, got min ${item.min} > max ${item.max}`,
    });
  }
});

const choiceItemSchema = strictObject({
  ...itemFields,
  kind: z.literal('choice'),
  options: uniqueList(text).min(2),
  /** Options that mean something is wrong (e.g. 异常); choosing one fails the item. */
  abnormalOptions: uniqueList(text).optional(),
}).superRefine((item, context) => {
  item.abnormalOptions?.forEach((option, index) => {
    if (!item.options.includes(option)) {
      context.addIssue({
        code: 'custom',
        path: ['abnormalOptions', index],
        message: `expected one of the item's options (${item.options.join(', ')}), got ${JSON.stringify(option)}`,
      });
    }
  });
});

export const checklistItemSchema = z.discriminatedUnion(
  'kind',
  [
    strictObject({ ...itemFields, kind: z.literal('pass-fail') }),
    numberItemSchema,
    strictObject({ ...itemFields, kind: z.literal('text') }),
    choiceItemSchema,
    strictObject({ ...itemFields, kind: z.literal('photo') }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union' ? `expected one of: ${CHECKLIST_ITEM_KINDS.join(', ')}` : undefined,
  },
);
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** A checklist an inspection run fills in. */
export const inspectionTemplateSchema = strictObject({
  id: slug,
  title: text,
  items: z.array(checklistItemSchema).min(1),
  clause: clause.optional(),
  note: note.optional(),
});
export type InspectionTemplate = z.infer<typeof inspectionTemplateSchema>;

export const INSPECTION_FREQUENCIES = ['daily', 'monthly', 'periodic'] as const;
export type InspectionFrequency = (typeof INSPECTION_FREQUENCIES)[number];

export const INSPECTION_FREQUENCY_LABELS: Readonly<Record<InspectionFrequency, string>> = {
  daily: '每天',
  monthly: '每月',
  periodic: '定期',
};

/**
 * When inspections are due. `daily` runs on the days its schedule is open (a `workday:` schedule:
 * working days; `24x7` or `daily:`: every day), optionally before a time of day (`dueBy`). `monthly`
 * is once a calendar month. `periodic` is the tender's 定期, which sets no interval. `template` is
 * absent where the tender sets how often but not what to check.
 */
export const inspectionPlanSchema = strictObject({
  id: slug,
  frequency: z.enum(INSPECTION_FREQUENCIES),
  schedule: slug.optional(),
  dueBy: timeOfDay.optional(),
  template: slug.optional(),
  clause: clause.optional(),
  note: note.optional(),
}).superRefine((plan, context) => {
  if (plan.frequency === 'daily' && plan.schedule === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['schedule'],
      message: 'required for a daily plan: expected the id of the schedule whose open days the plan runs on',
    });
  }
  if (plan.frequency !== 'daily') {
    for (const key of ['schedule', 'dueBy'] as const) {
      if (plan[key] !== undefined) {
        context.addIssue({
          code: 'custom',
          path: [key],
          message: `expected no ${key} on a ${plan.frequency} plan (daily plans only)`,
        });
      }
    }
  }
});
export type InspectionPlan = z.infer<typeof inspectionPlanSchema>;
