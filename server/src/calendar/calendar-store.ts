import { type CalendarNotice, calendarNoticeSchema } from '@core/calendar';
import { writeAudit } from '../audit/audit-log';
import type { Database, Queryable } from '../db/database';

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

/** Who added a notice, for the audit log: a login name (and address) or `cli:<os user>`. */
export interface NoticeAuthor {
  readonly actor: string;
  readonly ip: string | null;
}

/** saveNotice and its audit entry in one transaction; an unchanged notice is not audited. */
export async function saveNoticeAudited(
  db: Database,
  notice: CalendarNotice,
  author: NoticeAuthor,
  at: number,
): Promise<SaveOutcome> {
  return db.transaction(async (tx) => {
    const outcome = await saveNotice(tx, notice, author.actor, at);
    if (outcome !== 'unchanged') {
      await writeAudit(tx, [
        {
          at,
          actor: author.actor,
          ip: author.ip,
          action: 'calendar_import',
          target: `calendar/${notice.year}`,
          result: 'success',
          detail: { outcome, holidays: notice.holidays.length },
        },
      ]);
    }
    return outcome;
  });
}
