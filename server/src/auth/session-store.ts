import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';
import type { UserRow } from '../accounts/user-store';

/**
 * Bearer tokens: 256 random bits handed to the client once; the database keeps only their SHA-256,
 * so a copy of the database cannot be used to sign in.
 */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Queryable,
  userId: string,
  ip: string | null,
  now: number,
  ttlMs: number,
): Promise<{ token: string; expiresAt: number }> {
  const token = newToken();
  const expiresAt = now + ttlMs;
  await db.query(
    'insert into auth_sessions (token_hash, user_id, created_at, expires_at, ip) values ($1, $2, $3, $4, $5)',
    [hashToken(token), userId, new Date(now), new Date(expiresAt), ip],
  );
  return { token, expiresAt };
}

export interface SessionWithUser {
  readonly tokenHash: string;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly user: Pick<UserRow, 'id' | 'name' | 'role' | 'subsystemIds' | 'unitIds' | 'disabledAt'>;
}

export async function findSession(db: Queryable, tokenHash: string): Promise<SessionWithUser | undefined> {
  const { rows } = await db.query<{
    expiresAt: Date;
    revokedAt: Date | null;
    id: string;
    name: string;
    role: UserRow['role'];
    subsystemIds: number[];
    unitIds: number[];
    disabledAt: Date | null;
  }>(
    `select s.expires_at as "expiresAt", s.revoked_at as "revokedAt", u.id, u.name, u.role,
            u.subsystem_ids as "subsystemIds", u.unit_ids as "unitIds", u.disabled_at as "disabledAt"
     from auth_sessions s join users u on u.id = s.user_id
     where s.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const { expiresAt, revokedAt, ...user } = row;
  return { tokenHash, expiresAt, revokedAt, user };
}

export async function revokeSession(db: Queryable, tokenHash: string, now: number): Promise<void> {
  await db.query('update auth_sessions set revoked_at = $2 where token_hash = $1 and revoked_at is null', [
    tokenHash,
    new Date(now),
  ]);
}

/** Ends every session of a user (disabled, new password, new role). Returns how many were live. */
export async function revokeUserSessions(db: Queryable, userId: string, now: number): Promise<number> {
  const { rowCount } = await db.query(
    `update auth_sessions set revoked_at = $2
     where user_id = $1 and revoked_at is null and expires_at > $2`,
    [userId, new Date(now)],
  );
  return rowCount;
}

/** Sessions ended more than a day ago are of no further use (the audit log keeps the logins). */
export async function purgeEndedSessions(db: Queryable, now: number): Promise<number> {
  const cutoff = new Date(now - 24 * 60 * 60 * 1000);
  const { rowCount } = await db.query('delete from auth_sessions where expires_at < $1 or revoked_at < $1', [
    cutoff,
  ]);
  return rowCount;
}
