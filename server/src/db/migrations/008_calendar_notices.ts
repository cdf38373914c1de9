import type { Migration } from './migration';

/**
 * The State Council holiday notices an admin added (`yunwei calendar import`, the app's 日历 page):
 * next year's, before a release ships it, or a correction of a shipped one. One row a year, the notice
 * in the shipped layout; every client fetches them all (a few KB) and they win over the shipped file.
 */
export const calendarNoticesMigration: Migration = {
  version: 8,
  name: 'calendar_notices',
  sql: `
    create table calendar_notices (
      year integer primary key check (year between 2000 and 2100),
      notice jsonb not null,
      added_by text not null,
      added_at timestamptz not null
    );
  `,
};
