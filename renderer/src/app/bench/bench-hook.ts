import { createLocalUser, LocalUserRegistry, rememberUser } from '../../features/session';
import { openUserDatabase, saveRecord, type YunweiDatabase } from '../../store';
import { timeDashboardFloor } from './dashboard-floor';
import { timeDetail, timeListFirstPage, timeRawPuts, timeSaves, timeSearch } from './measure-store';
import { seedReportRecords, timeReportTask } from './report-measure';
import { findSeed, seedStore } from './seed-store';
import { timeRawBulkPut } from './sync-floor';
import { countTickets, timeSearchBacklog, timeSyncRound } from './sync-measure';
import { editTicket, newTicket } from '@core/records';

/**
 * What the benches (bench/local, bench/sync, bench/dashboard, bench/reports) and the crash test
 * (e2e/specs/crash.spec.ts) drive in the page. Installed only in a `--mode bench` build (see App.tsx):
 * the production bundle has none of it. Everything here goes through the real store code
 * (openUserDatabase, saveRecord, the 报表 page's reads and worker), nothing around it.
 */
export const benchHook = {
  /** Creates the local user (if new) and makes it the remembered one, as the chooser does. */
  async signIn(name: string): Promise<void> {
    const registry = new LocalUserRegistry();
    if ((await registry.users.get(name)) === undefined) await createLocalUser(registry, name, Date.now());
    registry.close();
    rememberUser(name);
  },
  openUserDatabase: (userId: string): Promise<YunweiDatabase> => openUserDatabase(userId),
  saveRecord,
  newTicket,
  editTicket,
  findSeed,
  seedStore,
  timeSaves,
  timeRawPuts,
  timeListFirstPage,
  timeSearch,
  timeDetail,
  timeRawBulkPut,
  timeSyncRound,
  timeSearchBacklog,
  countTickets,
  seedReportRecords,
  timeReportTask,
  timeDashboardFloor,
};

export type BenchHook = typeof benchHook;

declare global {
  interface Window {
    __yunweiBench?: BenchHook;
  }
}

export function installBenchHook(): void {
  window.__yunweiBench = benchHook;
}
