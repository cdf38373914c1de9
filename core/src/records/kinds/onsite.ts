import { z } from 'zod';
import type { Instant } from '../../time/shanghai-time';
import { recordEnvelopeShape, userIdSchema } from '../record-envelope';
import { newRecordId } from '../record-id';
import { type Refusal, parseRecord } from '../validation';
import { freeTextSchema, recordDateSchema } from './common';

export const PRESENCES = ['on_site', 'remote', 'leave'] as const;
export const presenceSchema = z.enum(PRESENCES, { error: '出勤方式应为驻场、远程或请假' });
export type Presence = z.infer<typeof presenceSchema>;

export const PRESENCE_LABELS: Readonly<Record<Presence, string>> = {
  on_site: '驻场',
  remote: '远程',
  leave: '请假',
};

/** An ordinary working day, what one keystroke records. */
export const ORDINARY_DAY_HOURS = 8;

/** A stationed engineer's day (驻场记录) for one subsystem. */
export const onSiteDaySchema = z
  .strictObject({
    ...recordEnvelopeShape,
    date: recordDateSchema,
    engineer: userIdSchema,
    presence: presenceSchema,
    hours: z
      .number({ error: '工作时长应为数字' })
      .min(0, { error: '工作时长不能为负' })
      .max(24, { error: '工作时长不能超过 24 小时' })
      .refine((hours) => Number.isInteger(hours * 2), { error: '工作时长按半小时填写' }),
    summary: freeTextSchema('工作内容', 5_000),
  })
  .superRefine((day, context) => {
    if (day.presence === 'leave' && day.hours !== 0) {
      context.addIssue({ code: 'custom', path: ['hours'], message: '请假的工作时长应为 0' });
    }
    if (day.presence !== 'leave' && day.hours === 0) {
      context.addIssue({ code: 'custom', path: ['hours'], message: '请填写工作时长' });
    }
  });
export type OnSiteDay = z.infer<typeof onSiteDaySchema>;

export interface OnSiteDayContext {
  readonly subsystemId: number;
  readonly engineer: string;
  readonly date: string;
  readonly actor: string;
  readonly at: Instant;
  readonly id?: string;
}

/**
 * The one-keystroke record: on site for an ordinary day, with the same summary as the engineer's
 * previous day when there is one (most days continue the same work); they edit it if not.
 */
export function ordinaryOnSiteDay(
  context: OnSiteDayContext,
  previous: OnSiteDay | undefined,
): { readonly ok: true; readonly day: OnSiteDay } | Refusal {
  const day = {
    id: context.id ?? newRecordId(),
    subsystemId: context.subsystemId,
    createdBy: context.actor,
    createdAt: context.at,
    updatedAt: context.at,
    deleted: false,
    date: context.date,
    engineer: context.engineer,
    presence: 'on_site' as const,
    hours: ORDINARY_DAY_HOURS,
    summary: previous?.summary ?? '',
  };
  const parsed = parseRecord(onSiteDaySchema, day, '驻场记录');
  return parsed.ok ? { ok: true, day: parsed.value } : parsed;
}
