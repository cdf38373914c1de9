import { serverMetaMigration } from './001_server_meta';
import { accountsAndAuditMigration } from './002_accounts_and_audit';
import { syncMigration } from './003_sync';
import { blobsMigration } from './004_blobs';
import { changeSeqAtCommitMigration } from './005_change_seq_at_commit';
import { recordMovesMigration } from './006_record_moves';
import { syncNotifyMigration } from './007_sync_notify';
import { calendarNoticesMigration } from './008_calendar_notices';
import { opIdsMigration } from './009_op_ids';
import { recordUnitsMigration } from './010_record_units';
import type { Migration } from './migration';

/** Every migration, in order. Append new ones; never edit or remove a released one. */
export const allMigrations: readonly Migration[] = [
  serverMetaMigration,
  accountsAndAuditMigration,
  syncMigration,
  blobsMigration,
  changeSeqAtCommitMigration,
  recordMovesMigration,
  syncNotifyMigration,
  calendarNoticesMigration,
  opIdsMigration,
  recordUnitsMigration,
];
