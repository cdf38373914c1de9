import type { Migration } from './migration';

/**
 * The migration ledger itself, and the server's identity: `instance_id` is generated once per
 * database, so a client can tell a new or restored database from the one it last synced with.
 */
export const serverMetaMigration: Migration = {
  version: 1,
  name: 'server_meta',
  sql: `
    create table schema_migrations (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    );

    create table server_meta (
      singleton boolean primary key default true check (singleton),
      instance_id uuid not null default gen_random_uuid(),
      created_at timestamptz not null default now()
    );

    insert into server_meta default values;
  `,
};
