import type { Migration } from './migration';

/**
 * Records placed by unit (a service manager's visit) besides by subsystem (core
 * records/record-placement.ts): a record's placement is its subsystem (0 for one of no subsystem:
 * contract-wide duty, sensitive periods, visits) and its units (empty except for a visit).
 *
 * - `unit_ids` is the record's units now, `past_unit_ids` every unit it was in before (as
 *   `past_subsystem_ids` is for subsystems): a pull looks for `gone` records only among those whose
 *   past placements the reader's scope covered.
 * - A move is now any change of placement, and `sync_record_moves` keeps the whole placement the
 *   record left (`from_unit_ids` joins `from_subsystem_id`), so "was the record in this scope at the
 *   cursor" is one read rule (canSee) applied to the placement left by the first move after the
 *   cursor. Moves recorded before this migration left placements of no units, which they were.
 * - The commit trigger records a move only when the row before the update was committed (its change
 *   seq is set): a new record's first write replaces the placeholder row of the same transaction,
 *   which no client ever held.
 * - The commit notice carries placements, the record's and the one it just left, since a unit-scoped
 *   record reaches readers by unit: `{"seq": n, "placements": [{"subsystemId": s, "unitIds": [...]}, ...]}`.
 */
export const recordUnitsMigration: Migration = {
  version: 10,
  name: 'record_units',
  sql: `
    alter table sync_records
      add column unit_ids integer[] not null default '{}',
      add column past_unit_ids integer[] not null default '{}';

    alter table sync_record_moves add column from_unit_ids integer[] not null default '{}';

    create or replace function sync_draw_change_seq() returns trigger
    language plpgsql as $$
    declare
      drawn bigint;
      current_subsystem integer;
      current_units integer[];
    begin
      perform pg_advisory_xact_lock(2037871473);
      update sync_records set change_seq = nextval('sync_change_seq')
      where record_id = new.record_id and change_seq is null
      returning change_seq into drawn;
      if drawn is not null then
        update sync_records set first_seq = drawn where record_id = new.record_id and first_seq is null;
      end if;
      if tg_op = 'UPDATE' and old.change_seq is not null
         and (old.subsystem_id <> new.subsystem_id or old.unit_ids <> new.unit_ids) then
        insert into sync_record_moves (record_id, from_subsystem_id, from_unit_ids, moved_seq)
        select record_id, old.subsystem_id, old.unit_ids, change_seq
        from sync_records where record_id = new.record_id;
      end if;
      if drawn is not null then
        select subsystem_id, unit_ids into current_subsystem, current_units
        from sync_records where record_id = new.record_id;
        perform pg_notify('yunwei_sync', json_build_object(
          'seq', drawn,
          'placements', (
            select json_agg(json_build_object('subsystemId', p.subsystem_id, 'unitIds', p.unit_ids))
            from (
              select current_subsystem as subsystem_id, current_units as unit_ids
              union
              select from_subsystem_id, from_unit_ids from sync_record_moves
              where record_id = new.record_id and moved_seq = drawn
            ) p
          )
        )::text);
      end if;
      return null;
    end;
    $$;
  `,
};
