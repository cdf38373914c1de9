import type { Migration } from './migration';

/**
 * A record's change seq is drawn while its transaction commits, not before. Pulls read records in
 * change seq order, so a seq must never become visible before a smaller one: seqs are drawn under one
 * advisory lock held to the end of the commit. Drawn by the push before its COMMIT, that lock was
 * held across a round trip to the server process; under load every push queued behind one whose
 * server was busy elsewhere (the sync bench's push p99). Drawn by a deferred constraint trigger, it
 * is held only for the commit itself.
 *
 * A push marks what it changed by setting `change_seq` to null (a new record starts so); at commit
 * the trigger gives each such row the next seq. Rows never stay null after a commit.
 */
export const changeSeqAtCommitMigration: Migration = {
  version: 5,
  name: 'change_seq_at_commit',
  sql: `
    create function sync_draw_change_seq() returns trigger
    language plpgsql as $$
    begin
      perform pg_advisory_xact_lock(2037871473);
      update sync_records set change_seq = nextval('sync_change_seq')
      where record_id = new.record_id and change_seq is null;
      return null;
    end;
    $$;

    create constraint trigger sync_records_draw_change_seq
    after insert or update on sync_records
    deferrable initially deferred
    for each row when (new.change_seq is null)
    execute function sync_draw_change_seq();
  `,
};
