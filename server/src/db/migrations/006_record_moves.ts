import type { Migration } from './migration';

/**
 * Whom a record is `gone` for. A pull lists a record as gone only to a client that may hold it: one
 * whose cursor is at or after the record's first commit (`first_seq`) and whose scope covered the
 * subsystem the record was in at the cursor. That subsystem is the one the record left in its first
 * move after the cursor (`sync_record_moves`), so a record that left long ago, or was never in the
 * scope, is not gone again at every later edit, and a new scope learns nothing about it.
 *
 * Both are written by the commit trigger of migration 005, with the seq it draws: `first_seq` once,
 * and a move whenever a commit changed the record's subsystem (OLD is the row before that commit).
 *
 * Rows older than this migration have no such history: their first seq is taken as 1 (any client may
 * hold them) and each former subsystem as left at the record's last change, which lists them as gone
 * to the readers of those subsystems until they pull past that change, as before, and never after.
 */
export const recordMovesMigration: Migration = {
  version: 6,
  name: 'record_moves',
  sql: `
    alter table sync_records add column first_seq bigint;
    update sync_records set first_seq = 1 where change_seq is not null;

    create table sync_record_moves (
      record_id uuid not null references sync_records (record_id) on delete cascade,
      from_subsystem_id integer not null,
      moved_seq bigint not null
    );
    create index sync_record_moves_record on sync_record_moves (record_id, moved_seq);
    insert into sync_record_moves (record_id, from_subsystem_id, moved_seq)
    select record_id, unnest(past_subsystem_ids), change_seq
    from sync_records
    where change_seq is not null and cardinality(past_subsystem_ids) > 0;

    create or replace function sync_draw_change_seq() returns trigger
    language plpgsql as $$
    declare
      drawn bigint;
    begin
      perform pg_advisory_xact_lock(2037871473);
      update sync_records set change_seq = nextval('sync_change_seq')
      where record_id = new.record_id and change_seq is null
      returning change_seq into drawn;
      if drawn is not null then
        update sync_records set first_seq = drawn where record_id = new.record_id and first_seq is null;
      end if;
      if tg_op = 'UPDATE' and old.subsystem_id <> new.subsystem_id then
        insert into sync_record_moves (record_id, from_subsystem_id, moved_seq)
        select record_id, old.subsystem_id, change_seq from sync_records where record_id = new.record_id;
      end if;
      return null;
    end;
    $$;
  `,
};
