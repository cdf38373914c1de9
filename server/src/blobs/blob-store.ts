import type { Visibility } from '@core/auth';
import type { Queryable } from '../db/database';
import { canSeeSql, visibilityParams } from '../sync/visibility-sql';

/** Stores a blob once; returns false when it was already there. Remembers who uploaded it. */
export async function putBlob(
  db: Queryable,
  sha256: string,
  content: Uint8Array,
  userId: string,
  now: number,
): Promise<boolean> {
  const at = new Date(now);
  const inserted = await db.query(
    `insert into blobs (sha256, size, content, created_at) values ($1, $2, $3, $4)
     on conflict (sha256) do nothing`,
    [sha256, content.byteLength, content, at],
  );
  await db.query(
    `insert into blob_uploads (sha256, user_id, uploaded_at) values ($1, $2, $3)
     on conflict (sha256, user_id) do nothing`,
    [sha256, userId, at],
  );
  return inserted.rowCount === 1;
}

/**
 * SQL: whether the user whose visibility is $3–$5 reads the record `s` (canSee, as a pull decides), so
 * a visit's photos go to whoever sees the visit: its units' service managers, the lead, the auditor.
 */
const READABLE_RECORD = canSeeSql(
  { subsystemId: 's.subsystem_id', unitIds: 's.unit_ids' },
  { all: '$3', subsystemIds: '$4', unitIds: '$5' },
);

export interface BlobAccess {
  readonly present: boolean;
  /** The user uploaded it, or a record they may read refers to it. */
  readonly allowed: boolean;
}

export async function blobAccess(
  db: Queryable,
  sha256: string,
  userId: string,
  visibility: Visibility,
): Promise<BlobAccess> {
  const { rows } = await db.query<BlobAccess>(
    `select exists (select 1 from blobs where sha256 = $1) as present,
            exists (select 1 from blob_uploads where sha256 = $1 and user_id = $2)
            or exists (
              select 1 from blob_refs r join sync_records s on s.record_id = r.record_id
              where r.sha256 = $1 and s.change_seq is not null and ${READABLE_RECORD}
            ) as allowed`,
    [sha256, userId, ...visibilityParams(visibility)],
  );
  // A select without FROM returns exactly one row.
  return rows[0] as BlobAccess;
}

export async function readBlob(db: Queryable, sha256: string): Promise<Uint8Array | undefined> {
  const { rows } = await db.query<{ content: Uint8Array }>('select content from blobs where sha256 = $1', [
    sha256,
  ]);
  return rows[0]?.content;
}

/**
 * The hashes among these that this user may not refer to from a record: a blob the server has not
 * received, or one they neither uploaded nor may read through a record that refers to it (the rule
 * of `blobAccess`). Knowing a hash is not having the blob: otherwise anyone who learnt it could refer
 * to it from a record of their own and download it.
 */
export async function unusableBlobs(
  db: Queryable,
  hashes: readonly string[],
  userId: string,
  visibility: Visibility,
): Promise<string[]> {
  if (hashes.length === 0) return [];
  const { rows } = await db.query<{ sha256: string }>(
    `select h as sha256 from unnest($1::text[]) as h
     where not exists (select 1 from blobs b where b.sha256 = h)
        or not (
          exists (select 1 from blob_uploads u where u.sha256 = h and u.user_id = $2)
          or exists (
            select 1 from blob_refs r join sync_records s on s.record_id = r.record_id
            where r.sha256 = h and s.change_seq is not null and ${READABLE_RECORD}
          )
        )
     order by h`,
    [[...hashes], userId, ...visibilityParams(visibility)],
  );
  return rows.map((row) => row.sha256);
}

/** Records which blobs each record refers to (kept even after the reference is edited away: history). */
export async function recordBlobReferences(
  db: Queryable,
  references: readonly { readonly recordId: string; readonly sha256: string }[],
): Promise<void> {
  if (references.length === 0) return;
  await db.query(
    `insert into blob_refs (sha256, record_id)
     select r->>'sha256', (r->>'recordId')::uuid from jsonb_array_elements($1::jsonb) as r
     on conflict (sha256, record_id) do nothing`,
    [JSON.stringify(references)],
  );
}
