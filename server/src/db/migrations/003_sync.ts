import type { Migration } from './migration';

/**
 * The sync store (docs/sync-protocol.md). A record is its field states; every accepted write is kept
 * in the change log, winner or loser. `change_seq` orders records for pulls: it is assigned under an
 * advisory lock just before commit, so a reader never sees a greater seq before a smaller one commits.
 * HLCs compare as text in the C collation, which is exactly their clock order.
 */
export const syncMigration: Migration = {
  version: 3,
  name: 'sync',
  sql: `
    create sequence sync_change_seq as bigint;

    create table sync_clients (
      client_id text primary key,
      user_id bigint not null references users (id),
      last_seq bigint not null default 0,
      created_at timestamptz not null,
      last_push_at timestamptz
    );

    create table sync_op_results (
      client_id text not null references sync_clients (client_id),
      seq bigint not null,
      op_id uuid not null,
      status text not null check (status in ('applied', 'rejected')),
      code text,
      reason text,
      primary key (client_id, seq)
    );

    create table sync_records (
      record_id uuid primary key,
      record_type text not null,
      subsystem_id integer not null,
      past_subsystem_ids integer[] not null default '{}',
      deleted boolean not null default false,
      change_seq bigint
    );
    create index sync_records_change_seq on sync_records (change_seq);

    create table sync_field_state (
      record_id uuid not null references sync_records (record_id),
      field text not null,
      value jsonb not null,
      hlc text collate "C" not null,
      rank smallint not null,
      births jsonb,
      primary key (record_id, field)
    );

    create table sync_change_log (
      id bigint generated always as identity primary key,
      record_id uuid not null,
      record_type text not null,
      field text not null,
      value jsonb not null,
      hlc text collate "C" not null,
      rank smallint not null,
      outcome text not null check (outcome in ('applied', 'superseded', 'merged', 'derived')),
      op_id uuid not null,
      client_id text not null,
      seq bigint not null,
      user_name text not null,
      received_at timestamptz not null,
      unique (client_id, seq, field)
    );
    create index sync_change_log_record on sync_change_log (record_id, hlc);
  `,
};
