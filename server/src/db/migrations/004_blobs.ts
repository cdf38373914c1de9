import type { Migration } from './migration';

/**
 * Content-addressed blobs (photos, screenshots), kept in the database so one backup holds everything.
 * `blob_uploads` remembers who sent each blob (they may always fetch it back); `blob_refs` which
 * records refer to it (anyone who may read such a record may fetch it).
 */
export const blobsMigration: Migration = {
  version: 4,
  name: 'blobs',
  sql: `
    create table blobs (
      sha256 text primary key,
      size integer not null,
      content bytea not null,
      created_at timestamptz not null
    );

    create table blob_uploads (
      sha256 text not null references blobs (sha256),
      user_id bigint not null references users (id),
      uploaded_at timestamptz not null,
      primary key (sha256, user_id)
    );

    create table blob_refs (
      sha256 text not null,
      record_id uuid not null,
      primary key (sha256, record_id)
    );
    create index blob_refs_record_id on blob_refs (record_id);
  `,
};
