import { z } from 'zod';
import { clause, note, positiveInteger, slug, strictObject, text } from './schema-helpers';

/** A training the contract requires; every number is a minimum, and absent where the tender sets none. */
export const trainingRequirementSchema = strictObject({
  id: slug,
  topic: text,
  audience: text,
  trainers: positiveInteger.optional(),
  /** e.g. 中级讲师. */
  lecturerLevel: text.optional(),
  sessionHours: z.number().positive().optional(),
  /** The length as the tender words it where it gives no hours, e.g. 半天. */
  sessionLength: text.optional(),
  attendees: positiveInteger.optional(),
  sessionsPerYear: positiveInteger.optional(),
  /** Given once to each unit of the document system rather than once for the subsystem. */
  perDocumentSystemUnit: z.boolean().optional(),
  materials: z.array(text).optional(),
  clause: clause.optional(),
  note: note.optional(),
});
export type TrainingRequirement = z.infer<typeof trainingRequirementSchema>;

export const REPORT_FREQUENCIES = ['monthly', 'yearly', 'periodic', 'on-event', 'acceptance'] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

export const REPORT_FREQUENCY_LABELS: Readonly<Record<ReportFrequency, string>> = {
  monthly: '每月',
  yearly: '每年',
  periodic: '定期',
  'on-event': '发生时',
  acceptance: '验收时',
};

/**
 * A document the vendor hands in. `dueDay` (monthly reports only) is the day of the month it is due;
 * it stops at 28 because later days do not exist in every month. `covers` says which period it covers.
 */
export const reportObligationSchema = strictObject({
  id: slug,
  title: text,
  frequency: z.enum(REPORT_FREQUENCIES),
  dueDay: z.number().int().min(1).max(28).optional(),
  covers: text.optional(),
  /** For on-event reports: what makes one due. */
  trigger: text.optional(),
  clause: clause.optional(),
  note: note.optional(),
}).superRefine((report, context) => {
  if (report.dueDay !== undefined && report.frequency !== 'monthly') {
    context.addIssue({
      code: 'custom',
      path: ['dueDay'],
      message: 'expected no dueDay on a report that is not monthly',
    });
  }
  if (report.frequency === 'on-event' && report.trigger === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['trigger'],
      message: 'required for an on-event report: expected what makes it due',
    });
  }
});
export type ReportObligation = z.infer<typeof reportObligationSchema>;

/** A consumable allowance, e.g. 7,000,000 text messages. */
export const quotaSchema = strictObject({
  id: slug,
  label: text,
  amount: z.number().positive(),
  unit: text,
  clause: clause.optional(),
  note: note.optional(),
});
export type Quota = z.infer<typeof quotaSchema>;

export const TARGET_METRICS = [
  'availability-percent',
  'fault-free-hours-per-year',
  'mean-time-to-repair-minutes',
  'resolution-rate-percent',
  'continuous-operation-years',
  'onsite-workdays-per-year',
  'hotline-lines',
  'hotline-staff',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const TARGET_METRIC_LABELS: Readonly<
  Record<TargetMetric, { readonly label: string; readonly unit: string }>
> = {
  'availability-percent': { label: '系统年可用率', unit: '%' },
  'fault-free-hours-per-year': { label: '年无故障运行时间', unit: '小时' },
  'mean-time-to-repair-minutes': { label: '平均故障修复时间', unit: '分钟' },
  'resolution-rate-percent': { label: '故障解决率', unit: '%' },
  'continuous-operation-years': { label: '系统应用连续运行时间', unit: '年' },
  'onsite-workdays-per-year': { label: '每年现场服务', unit: '个工作日' },
  'hotline-lines': { label: '热线电话', unit: '门' },
  'hotline-staff': { label: '热线接听人员', unit: '人' },
};

export const TARGET_COMPARISONS = ['at-least', 'more-than', 'at-most', 'less-than'] as const;
export type TargetComparison = (typeof TARGET_COMPARISONS)[number];

export const TARGET_COMPARISON_SYMBOLS: Readonly<Record<TargetComparison, string>> = {
  'at-least': '≥',
  'more-than': '>',
  'at-most': '≤',
  'less-than': '<',
};

/** A measurable level the vendor must keep, e.g. availability ≥ 99.95 %. */
export const targetSchema = strictObject({
  metric: z.enum(TARGET_METRICS),
  comparison: z.enum(TARGET_COMPARISONS),
  value: z.number().nonnegative(),
  clause: clause.optional(),
  note: note.optional(),
});
export type Target = z.infer<typeof targetSchema>;
