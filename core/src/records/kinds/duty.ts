import { z } from 'zod';
import { instantSchema, subsystemIdSchema, userIdSchema } from '../record-envelope';
import { recordIdSchema } from '../record-id';
import { freeTextSchema, linkedIdListSchema, recordDateSchema, unscopedEnvelopeShape } from './common';

/**
 * A sensitive period (重要时期, e.g. 两会, 国庆) the project lead defines: every day of it is a duty day,
 * for the listed subsystems or (null) for the whole contract. Contract-wide record.
 */
export const sensitivePeriodSchema = z
  .strictObject({
    ...unscopedEnvelopeShape,
    name: z
      .string({ error: '时期名称应为文字' })
      .trim()
      .min(1, { error: '请填写时期名称' })
      .max(50, { error: '时期名称不能超过 50 个字符' }),
    from: recordDateSchema,
    to: recordDateSchema,
    subsystemIds: z
      .array(subsystemIdSchema)
      .min(1, { error: '请至少选择一个运维子项，或选择全部' })
      .refine((list) => new Set(list).size === list.length, { error: '同一运维子项不能重复选择' })
      .nullable(),
    note: freeTextSchema('备注', 2_000),
  })
  .refine((period) => period.to >= period.from, { path: ['to'], error: '结束日期不能早于开始日期' });
export type SensitivePeriod = z.infer<typeof sensitivePeriodSchema>;

/**
 * One person on duty one day (排班), for one subsystem or (null) contract-wide. Several people on the
 * same day are several assignments. Swaps never edit an assignment: they are DutySwap records.
 */
export const dutyAssignmentSchema = z.strictObject({
  ...unscopedEnvelopeShape,
  subsystemId: subsystemIdSchema.nullable(),
  date: recordDateSchema,
  person: userIdSchema,
});
export type DutyAssignment = z.infer<typeof dutyAssignmentSchema>;

/**
 * A swap as one recorded action: `personA` hands assignment A to `personB` and, for an exchange, takes
 * assignment B from them; with `assignmentB` null it is a cover (替班) of one day. It applies only while
 * the assignments still name those people (duty-roster.ts), so a later change by the lead wins.
 */
export const dutySwapSchema = z
  .strictObject({
    ...unscopedEnvelopeShape,
    /** The scope of both assignments (a swap is only between shifts of one scope): who sees it. */
    subsystemId: subsystemIdSchema.nullable(),
    assignmentA: recordIdSchema,
    personA: userIdSchema,
    assignmentB: recordIdSchema.nullable(),
    personB: userIdSchema,
    /** When the swap was agreed; swaps apply in this order. */
    at: instantSchema,
    reason: freeTextSchema('调班原因', 500),
  })
  .superRefine((swap, context) => {
    if (swap.personA === swap.personB) {
      context.addIssue({ code: 'custom', path: ['personB'], message: '不能与自己调班' });
    }
    if (swap.assignmentA === swap.assignmentB) {
      context.addIssue({ code: 'custom', path: ['assignmentB'], message: '调班的两个班次不能相同' });
    }
  });
export type DutySwap = z.infer<typeof dutySwapSchema>;

export const dutyEventSchema = z.strictObject({
  summary: z
    .string({ error: '事件说明应为文字' })
    .trim()
    .min(1, { error: '请填写事件说明' })
    .max(1_000, { error: '事件说明不能超过 1000 个字符' }),
  ticketIds: linkedIdListSchema('工单', 20),
});
export type DutyEvent = z.infer<typeof dutyEventSchema>;

/**
 * The duty log (值班记录) of one person's duty day, for one subsystem or (null) contract-wide. The
 * hand-over is four top-level fields rather than one object so that the receiver's sign-off, written
 * on another PC, merges field by field with edits the writer makes meanwhile.
 */
export const dutyLogSchema = z
  .strictObject({
    ...unscopedEnvelopeShape,
    subsystemId: subsystemIdSchema.nullable(),
    date: recordDateSchema,
    onDuty: userIdSchema,
    callsReceived: z
      .number({ error: '接听电话数应为数字' })
      .int({ error: '接听电话数应为整数' })
      .min(0, { error: '接听电话数不能为负' })
      .max(10_000, { error: '接听电话数不能超过 10000' }),
    events: z.array(dutyEventSchema).max(200, { error: '处理事件不能超过 200 条' }),
    notes: freeTextSchema('值班备注', 10_000),
    handOverTo: userIdSchema.nullable(),
    handOverNote: freeTextSchema('交接事项', 5_000),
    handedOverAt: instantSchema.nullable(),
    signedOffAt: instantSchema.nullable(),
  })
  .superRefine((log, context) => {
    if ((log.handOverTo === null) !== (log.handedOverAt === null)) {
      context.addIssue({ code: 'custom', path: ['handedOverAt'], message: '交接人和交接时间应同时填写' });
    }
    if (log.handOverTo !== null && log.handOverTo === log.onDuty) {
      context.addIssue({ code: 'custom', path: ['handOverTo'], message: '不能交接给自己' });
    }
    if (log.signedOffAt !== null) {
      if (log.handedOverAt === null) {
        context.addIssue({ code: 'custom', path: ['signedOffAt'], message: '尚未交接，不能签收' });
      } else if (log.signedOffAt < log.handedOverAt) {
        context.addIssue({ code: 'custom', path: ['signedOffAt'], message: '签收时间不能早于交接时间' });
      }
    }
  });
export type DutyLog = z.infer<typeof dutyLogSchema>;
