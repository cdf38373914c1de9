import { z } from 'zod';
import { API_PREFIX } from '../sync/protocol';
import { calendarNoticeSchema } from './calendar-notice';

/**
 * The notices an admin added on the server. `GET` gives them all to any signed-in user (a few KB, with
 * an ETag); `PUT …/YEAR` adds or replaces one year's, by the project lead, in either import layout.
 * Shipped years need no request: they are in the app.
 */
export const CALENDARS_PATH = `${API_PREFIX}/calendars`;

export const calendarListResponseSchema = z.object({ notices: z.array(calendarNoticeSchema) }).strict();
export type CalendarListResponse = z.infer<typeof calendarListResponseSchema>;

/** What a PUT answers: the notice as stored, and whether it was new, replaced one, or was the same. */
export const calendarPutResponseSchema = z
  .object({ notice: calendarNoticeSchema, outcome: z.enum(['added', 'replaced', 'unchanged']) })
  .strict();
export type CalendarPutResponse = z.infer<typeof calendarPutResponseSchema>;
