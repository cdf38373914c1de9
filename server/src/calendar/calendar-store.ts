import { type CalendarNotice, calendarNoticeSchema } from '@core/calendar';
import type { Queryable } from '../db/database';

export type SaveOutcome = 'added' | 'replaced' | 'unchanged';

/** The notices admins added, oldest year first. */
export async function readAddedNotices(db: Queryable): Promise<CalendarNotice[]> {
  const { rows } = await db.query<{ notice: unknown }>('select notice from calendar_notices order by year');
  return rows.map((row) => calendarNoticeSchema.parse(row.notice));
}

/**
 * Adds a year's notice or replaces the one stored for that year (a corrected notice). The caller has
 * checked it (importCalendarNotice); the same notice again changes nothing.
 */
export async function saveNotice(
  db: Queryable,
  notice: CalendarNotice,
  addedBy: string,
  at: number,
): Promise<SaveOutcome> {
  const { rows } = await db.query<{ outcome: SaveOutcome }>(
    `with previous as (select notice from calendar_notices where year = $1),
          saved as (
            insert into calendar_notices (year, notice, added_by, added_at)
            values ($1, $2::jsonb, $3, to_timestamp($4::float8 / 1000))
            on conflict (year) do update
              set notice = excluded.notice, added_by = excluded.added_by, added_at = excluded.added_at
              where calendar_notices.notice is distinct from excluded.notice
            returning year
          )
     select case
              when not exists (select 1 from previous) then 'added'
              when exists (select 1 from saved) then 'replaced'
              else 'unchanged'
            end as outcome`,
    [notice.year, JSON.stringify(notice), addedBy, at],
  );
  return rows[0]?.outcome ?? 'unchanged';
}
