import { z } from 'zod';
import { recordEnvelopeShape, userIdSchema } from '../record-envelope';
import { freeTextSchema } from './common';
import { stableRecordId } from './stable-id';

/** The most a remark's section may say: a page or two of the report. */
export const MAX_REMARK_CHARACTERS = 5_000;

/**
 * The sections of the monthly report (运维月报) an engineer's remarks go into, after the sentences the
 * report generates from the records; each is a top-level field, so two people editing different
 * sections apart both keep their words.
 */
export const REPORT_REMARK_SECTIONS = ['problems', 'plan'] as const;
export type ReportRemarkSection = (typeof REPORT_REMARK_SECTIONS)[number];

export const REPORT_REMARK_SECTION_LABELS: Readonly<Record<ReportRemarkSection, string>> = {
  problems: '存在问题与建议',
  plan: '下月工作计划',
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A calendar month `YYYY-MM`. */
export const reportMonthSchema = z
  .string({ error: '月份应为文字' })
  .regex(MONTH, { error: '月份应为“年-月”，如 2026-03' });

/**
 * The engineer's own remarks (本月说明) on one subsystem's monthly report, kept as a record rather than
 * typed into the file: one per subsystem and month (`reportRemarkId`), so every document of that month
 * made anywhere (the 报表 page, `yunwei report monthly`) says the same.
 */
export const reportRemarkSchema = z.strictObject({
  ...recordEnvelopeShape,
  month: reportMonthSchema,
  problems: freeTextSchema(REPORT_REMARK_SECTION_LABELS.problems, MAX_REMARK_CHARACTERS),
  plan: freeTextSchema(REPORT_REMARK_SECTION_LABELS.plan, MAX_REMARK_CHARACTERS),
  /** Who wrote the words last. */
  author: userIdSchema,
});
export type ReportRemark = z.infer<typeof reportRemarkSchema>;

/**
 * The remark's record id for a subsystem and month, the same on every PC: two engineers of the
 * subsystem writing apart edit one record, merged field by field, rather than leaving two.
 */
export function reportRemarkId(subsystemId: number, month: string): string {
  return stableRecordId(`report_remark\u0000${subsystemId}\u0000${month}`);
}
