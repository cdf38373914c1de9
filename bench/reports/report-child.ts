/**
 * One timed step of the reports bench in a process of its own, as `yunwei report` runs: nothing is
 * warm (fonts, modules' caches), so each document is timed as a user waits for it. The parent sends a
 * ReportChildTask and gets back the seconds. Timing starts after the modules are loaded.
 */
import { stat } from 'node:fs/promises';
import { withMigratedDatabase } from '../../server/src/db/with-database';
import { createReportCommand } from '../../server/src/cli/commands/report-command';
import { loadReportRecords } from '../../server/src/reports/load-report-records';

export type ReportChildTask =
  | { readonly kind: 'read'; readonly dataDir: string }
  | {
      readonly kind: 'report';
      readonly dataDir: string;
      readonly now: number;
      readonly args: readonly string[];
    };

export type ReportChildResult =
  | {
      readonly kind: 'done';
      readonly seconds: number;
      readonly cpuSeconds: number;
      readonly records?: number;
      readonly bytes?: number;
    }
  | { readonly kind: 'failed'; readonly reason: string };

async function runTask(task: ReportChildTask): Promise<ReportChildResult> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  // CPU of every thread of the process (the package's workers too), user and system.
  const cpuSeconds = () => {
    const { user, system } = process.cpuUsage(cpuStarted);
    return (user + system) / 1e6;
  };
  if (task.kind === 'read') {
    const loaded = await withMigratedDatabase({ dataDir: task.dataDir }, loadReportRecords);
    const seconds = (performance.now() - started) / 1000;
    return {
      kind: 'done',
      seconds,
      cpuSeconds: cpuSeconds(),
      // Every list the loader read, so a kind it starts reading is counted without an edit here.
      records: Object.values(loaded.records).reduce((sum, list) => sum + list.length, 0),
    };
  }
  let stderr = '';
  const code = await createReportCommand({}, () => task.now)([...task.args, '--data', task.dataDir], {
    stdout: { write: () => true },
    stderr: { write: (text: string) => ((stderr += text), true) },
    stopSignal: new Promise<string>(() => undefined),
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0)
    return { kind: 'failed', reason: `yunwei report ${task.args.join(' ')} 退出码 ${code}：${stderr}` };
  const out = task.args[task.args.indexOf('--out') + 1] ?? '';
  return { kind: 'done', seconds, cpuSeconds: cpuSeconds(), bytes: (await stat(out)).size };
}

process.once('message', (task: ReportChildTask) => {
  runTask(task)
    .catch((error: unknown): ReportChildResult => ({
      kind: 'failed',
      reason: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }))
    .then((result) => process.send?.(result, () => process.disconnect()));
});
