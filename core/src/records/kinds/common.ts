import { z } from 'zod';
import { isoDateSchema } from '../../calendar/calendar-notice';
import { dayNumberToIsoDate, isoDateToDayNumber } from '../../time/shanghai-time';
import { recordEnvelopeShape } from '../record-envelope';
import { recordIdSchema } from '../record-id';
import { MAX_ATTACHMENTS, attachmentSchema } from '../ticket';

/** A Shanghai calendar day, `YYYY-MM-DD`, that exists. */
export const recordDateSchema = isoDateSchema;

/**
 * The envelope of a record that is not scoped by one subsystem (duty is contract-wide or per subsystem,
 * visits are per unit, sensitive periods are contract-wide): each such kind carries its own scope field.
 */
export const unscopedEnvelopeShape = {
  id: recordEnvelopeShape.id,
  createdBy: recordEnvelopeShape.createdBy,
  createdAt: recordEnvelopeShape.createdAt,
  updatedAt: recordEnvelopeShape.updatedAt,
  deleted: recordEnvelopeShape.deleted,
};

/** A person named on a record who need not have an account (a trainer, an attendee, someone met). */
export function personNameSchema(what: string) {
  return z
    .string({ error: `${what}应为文字` })
    .trim()
    .min(1, { error: `请填写${what}` })
    .max(50, { error: `${what}不能超过 50 个字符` });
}

/** Free text of at most `max` characters, possibly empty. */
export function freeTextSchema(what: string, max: number) {
  return z.string({ error: `${what}应为文字` }).max(max, { error: `${what}不能超过 ${max} 个字符` });
}

/** Attachments as tickets keep them: references to blobs by SHA-256, no file twice. */
export function attachmentListSchema(what: string) {
  return z
    .array(attachmentSchema)
    .max(MAX_ATTACHMENTS, { error: `${what}不能超过 ${MAX_ATTACHMENTS} 个` })
    .refine((list) => new Set(list.map((attachment) => attachment.sha256)).size === list.length, {
      error: `同一${what}不能重复添加`,
    });
}

/** Record ids linked from another record (tickets revisited or handled), each once. */
export function linkedIdListSchema(what: string, max: number) {
  return z
    .array(recordIdSchema)
    .max(max, { error: `${what}不能超过 ${max} 个` })
    .refine((list) => new Set(list).size === list.length, { error: `同一${what}不能重复关联` });
}

/**
 * A span of Shanghai days, both ends included: a contract year, a quarter, a roster period. Checks take
 * one rather than reading a start date from the profile, which has only the term's length.
 */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** The days of a range in order; throws on a range that ends before it starts (a programming error). */
export function daysOfRange(range: DateRange): string[] {
  const first = isoDateToDayNumber(range.from);
  const last = isoDateToDayNumber(range.to);
  if (last < first) throw new RangeError(`日期范围的结束（${range.to}）早于开始（${range.from}）`);
  const days: string[] = [];
  for (let day = first; day <= last; day += 1) days.push(dayNumberToIsoDate(day));
  return days;
}

export function inRange(date: string, range: DateRange): boolean {
  return date >= range.from && date <= range.to;
}

/** The `YYYY-MM` months a range overlaps, in order. */
export function monthsOfRange(range: DateRange): string[] {
  const months: string[] = [];
  for (const date of daysOfRange(range)) {
    const month = date.slice(0, 7);
    if (months[months.length - 1] !== month) months.push(month);
  }
  return months;
}

/** 2026-02 → 2026年2月. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}
