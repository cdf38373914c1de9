import type { Migration } from './migration';

/**
 * Accounts, their sessions and the audit log (等保 level 3): argon2id password hashes, lockout after
 * repeated failures, bearer tokens stored only as SHA-256, and one audit row per security event.
 * Times are written by the server (its clock is replaceable in tests), not by `now()`.
 */
export const accountsAndAuditMigration: Migration = {
  version: 2,
  name: 'accounts_and_audit',
  sql: `
    create table users (
      id bigint generated always as identity primary key,
      name text not null unique,
      role text not null check (role in ('engineer', 'service_manager', 'project_lead', 'auditor')),
      subsystem_ids integer[] not null default '{}',
      unit_ids integer[] not null default '{}',
      password_hash text not null,
      verifier_salt text not null,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      disabled_at timestamptz,
      password_changed_at timestamptz not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );

    create table auth_sessions (
      token_hash text primary key,
      user_id bigint not null references users (id),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      revoked_at timestamptz,
      ip text
    );
    create index auth_sessions_user_id on auth_sessions (user_id);
    create index auth_sessions_expires_at on auth_sessions (expires_at);

    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null,
      actor text,
      ip text,
      action text not null,
      target text,
      result text not null check (result in ('success', 'failure', 'rejected')),
      detail jsonb not null default '{}'::jsonb
    );
    create index audit_log_at on audit_log (at);
    create index audit_log_actor_at on audit_log (actor, at);
  `,
};
