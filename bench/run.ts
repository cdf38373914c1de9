/**
 * `npm run --silent bench -- <name>`: runs one benchmark and prints one JSON object on stdout.
 * Benchmarks are run by hand and in review, never as timed tests (the machines are shared and noisy).
 */
import { runDashboardBench } from './dashboard/dashboard-bench';
import { runLocalBench } from './local/local-bench';
import { runReportsBench } from './reports/reports-bench';
import { runRowCostBench } from './rows/row-cost-bench';
import { runSlaBench } from './sla/sla-bench';
import { runServerLoadBench, runSyncBench } from './sync/sync-bench';

const BENCHES: Record<string, () => Promise<object>> = {
  sla: runSlaBench,
  local: runLocalBench,
  sync: runSyncBench,
  rows: runRowCostBench,
  server: runServerLoadBench,
  reports: runReportsBench,
  dashboard: runDashboardBench,
};

const name = process.argv[2];
const bench = name === undefined ? undefined : BENCHES[name];
if (bench === undefined) {
  process.stderr.write(`用法：npm run --silent bench -- <${Object.keys(BENCHES).join('|')}>\n`);
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(await bench())}\n`);
}
