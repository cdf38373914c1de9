import type { Migration } from './migration';

/**
 * Pokes come from the database, so that every server process on it hears of every commit, whichever
 * process made it. When the commit trigger draws a record's change seq it notifies the channel
 * `yunwei_sync` with `{"seq": n, "subsystemIds": [...]}`: the record's subsystem, and the one it left
 * in this commit if it moved (its former readers must learn it is gone; later edits no longer concern
 * them). PostgreSQL delivers notifications only once the transaction commits, in commit order, to
 * every connection listening on that database.
 */
export const syncNotifyMigration: Migration = {
  version: 7,
  name: 'sync_notify',
  sql: `
    create or replace function sync_draw_change_seq() returns trigger
    language plpgsql as $$
    declare
      drawn bigint;
      current_subsystem integer;
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
      if drawn is not null then
        select subsystem_id into current_subsystem from sync_records where record_id = new.record_id;
        perform pg_notify('yunwei_sync', json_build_object(
          'seq', drawn,
          'subsystemIds', array(
            select current_subsystem
            union
            select from_subsystem_id from sync_record_moves where record_id = new.record_id and moved_seq = drawn
          )
        )::text);
      end if;
      return null;
    end;
    $$;
  `,
};
