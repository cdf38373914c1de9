import { z } from 'zod';
import { HLC_MAX_WALL_MS } from '../sync/hlc';
import { recordIdSchema } from './record-id';

/** The contract's 13 O&M items (运维子项) are numbered 1–13 in the tender and in the profile. */
export const SUBSYSTEM_ID_MIN = 1;
export const SUBSYSTEM_ID_MAX = 13;

export const subsystemIdSchema = z
  .number({ error: '运维子项编号应为数字' })
  .int({ error: '运维子项编号应为整数' })
  .min(SUBSYSTEM_ID_MIN, { error: `运维子项编号应在 ${SUBSYSTEM_ID_MIN}–${SUBSYSTEM_ID_MAX} 之间` })
  .max(SUBSYSTEM_ID_MAX, { error: `运维子项编号应在 ${SUBSYSTEM_ID_MIN}–${SUBSYSTEM_ID_MAX} 之间` });

/** An instant as epoch milliseconds (see time/shanghai-time.ts). */
export const instantSchema = z
  .number({ error: '时间应为毫秒数' })
  .int({ error: '时间应为整数毫秒' })
  .min(0, { error: '时间不能早于 1970 年' })
  .max(HLC_MAX_WALL_MS, { error: '时间超出可表示的范围' });

/** A user account id (the login name). */
export const userIdSchema = z
  .string({ error: '用户应为文字' })
  .trim()
  .min(1, { error: '用户不能为空' })
  .max(64, { error: '用户名不能超过 64 个字符' });

/**
 * What every record carries. `createdAt`/`updatedAt` are when the record was saved (the store sets
 * them); business times such as a ticket's `receivedAt` are separate fields. A deleted record stays as
 * a tombstone with `deleted: true` so that the delete can sync and never resurrects.
 */
export const recordEnvelopeShape = {
  id: recordIdSchema,
  subsystemId: subsystemIdSchema,
  createdBy: userIdSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
  deleted: z.boolean({ error: '删除标记应为是或否' }),
};

export const recordEnvelopeSchema = z.strictObject(recordEnvelopeShape);
export type RecordEnvelope = z.infer<typeof recordEnvelopeSchema>;

/** The record types the local store and sync know; each is registered in record-kinds.ts. */
export const RECORD_TYPES = [
  'ticket',
  'inspection_template',
  'inspection_run',
  'training',
  'sensitive_period',
  'duty_assignment',
  'duty_swap',
  'duty_log',
  'visit',
  'onsite_day',
  'reminder_receipt',
  'report_remark',
  'report_submission',
] as const;
export const recordTypeSchema = z.enum(RECORD_TYPES, {
  error: `记录类型应为 ${RECORD_TYPES.join('、')} 之一`,
});
export type RecordType = z.infer<typeof recordTypeSchema>;
