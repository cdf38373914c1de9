import type { YunweiDatabase } from '../database/yunwei-database';
import { toStoreError } from '../errors/to-store-error';
import type { InspectionTemplate } from '@core/records';
import type { SyncProblemRow } from '../rows/row-types';
import { STORE_TYPE_OF } from '../save/record-kinds';
import { recordTables } from '../save/record-tables';
import type { SyncedRecord } from './apply-pull';
import { SYNC_ACTOR } from './apply-pull';
import { replayOps } from './field-states';
import { readPendingOps } from './pending-ops';
import { serverStatesOf } from './read-server-states';
import { RecordRowBatch, readLocalRecords, showStates, templateKeyConflict } from './record-rows';

export async function listSyncProblems(db: YunweiDatabase): Promise<SyncProblemRow[]> {
  try {
    return await db.syncProblems.toArray();
  } catch (error) {
    throw toStoreError(error, '读取同步问题', db.disconnectedReason);
  }
}

/**
 * Tries again to show each record a pull could not show: its server states merged with what is
 * pending now (a save, re-send or discard since may have made it valid). Returns what it could show.
 */
export async function retrySyncProblems(db: YunweiDatabase, at: number): Promise<SyncedRecord[]> {
  try {
    return await db.transaction(
      'rw',
      [db.syncProblems, db.syncStates, db.outbox, db.rejections, db.history, ...recordTables(db)],
      async () => {
        const problems = await db.syncProblems.toArray();
        if (problems.length === 0) return [];
        const ids = problems.map((problem) => problem.recordId);
        const [states, records, pending] = await Promise.all([
          db.syncStates.bulkGet(ids),
          readLocalRecords(db, problems),
          readPendingOps(db, ids),
        ]);
        const batch = new RecordRowBatch(db, at);
        const solved: SyncedRecord[] = [];
        for (const [index, problem] of problems.entries()) {
          const stored = records.get(problem.recordId);
          const server = serverStatesOf(states[index], stored);
          const ops = pending.get(problem.recordId) ?? [];
          const local = ops.length === 0 ? undefined : replayOps(problem.recordType, server, ops);
          const shown = showStates(problem, local ?? server, stored, { actor: SYNC_ACTOR, at });
          if (!shown.ok) continue;
          if (
            problem.recordType === 'inspection_template' &&
            (await templateKeyConflict(db, shown.record as InspectionTemplate)) !== undefined
          ) {
            continue;
          }
          batch.put(problem, shown.record, stored, { full: server });
          batch.history.push(...shown.history);
          solved.push({ recordType: STORE_TYPE_OF[problem.recordType], recordId: problem.recordId });
        }
        await Promise.all([
          batch.flush(),
          db.syncProblems.bulkDelete(solved.map((record) => record.recordId)),
        ]);
        return solved;
      },
    );
  } catch (error) {
    throw toStoreError(error, '重新处理同步问题', db.disconnectedReason);
  }
}
