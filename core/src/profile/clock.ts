import { z } from 'zod';
import { clause, note, positiveInteger, slug, strictObject } from './schema-helpers';

/** A clock of service-time minutes, counted only while the named schedule is open. */
export interface MinutesClock {
  readonly minutes: number;
  readonly schedule: string;
  readonly clause?: string;
  readonly note?: string;
}

/** A period of whole working days (Civil Code Art. 201–203: the day of receipt is not counted). */
export interface WorkdaysClock {
  readonly workdays: number;
  readonly clause?: string;
  readonly note?: string;
}

export type Clock = MinutesClock | WorkdaysClock;

export function isMinutesClock(clock: Clock): clock is MinutesClock {
  return 'minutes' in clock;
}

const clockFields = strictObject({
  minutes: positiveInteger.optional(),
  schedule: slug.optional(),
  workdays: positiveInteger.optional(),
  clause: clause.optional(),
  note: note.optional(),
});

/**
 * `{ "minutes": N, "schedule": "<schedule id>" }` or `{ "workdays": N }`, each with an optional clause
 * and note. Written as one object rather than a union so that a mistake is reported at the field that
 * is wrong instead of as "matches neither shape".
 */
export const clockSchema = clockFields.transform((fields, context): Clock => {
  const { minutes, schedule, workdays } = fields;
  const meta = {
    ...(fields.clause === undefined ? {} : { clause: fields.clause }),
    ...(fields.note === undefined ? {} : { note: fields.note }),
  };
  if (workdays !== undefined) {
    if (minutes !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['minutes'],
        message: 'expected either minutes or workdays, not both',
      });
    }
    if (schedule !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['schedule'],
        message: 'expected no schedule with workdays: a working-day period follows the working calendar',
      });
    }
    return { workdays, ...meta };
  }
  if (minutes === undefined) {
    context.addIssue({
      code: 'custom',
      message: 'expected a clock: { "minutes": N, "schedule": "<schedule id>" } or { "workdays": N }',
    });
    return z.NEVER;
  }
  if (schedule === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['schedule'],
      message: 'required with minutes: expected the id of a schedule of the same level',
    });
    return z.NEVER;
  }
  return { minutes, schedule, ...meta };
});

/**
 * "10 分钟", "2 小时", "1 小时 30 分钟", "15 个工作日"; "5 天" only for whole days of a round-the-clock
 * schedule, where a day of the clock is a calendar day.
 */
export function formatClockDuration(clock: Clock, scheduleHours?: string): string {
  if (!isMinutesClock(clock)) return `${clock.workdays} 个工作日`;
  const { minutes } = clock;
  if (minutes < 60) return `${minutes} 分钟`;
  const day = 24 * 60;
  if (scheduleHours === '24x7' && minutes > day && minutes % day === 0) return `${minutes / day} 天`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分钟`;
}
