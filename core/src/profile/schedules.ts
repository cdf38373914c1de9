import { z } from 'zod';
import { parseSchedule, SCHEDULE_SYNTAX } from '../sla/schedule';
import { clause, note, slug, strictObject } from './schema-helpers';

const scheduleHours = z.string().superRefine((hours, context) => {
  const parsed = parseSchedule(hours);
  if (!parsed.ok) {
    context.addIssue({
      code: 'custom',
      message: `expected a schedule ${SCHEDULE_SYNTAX} (${parsed.reason})`,
    });
  }
});

/** A named service schedule: when its clocks run, and where in the tender that comes from. */
export const scheduleEntrySchema = strictObject({
  hours: scheduleHours,
  clause: clause.optional(),
  note: note.optional(),
});
export type ScheduleEntry = z.infer<typeof scheduleEntrySchema>;

/** `{ "<schedule id>": { "hours": "workday:09:00-17:30", "clause": "…" } }`. */
export const schedulesSchema = z.record(slug, scheduleEntrySchema);
export type Schedules = z.infer<typeof schedulesSchema>;
