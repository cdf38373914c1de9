import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinCalendar } from '@core/calendar';
import { loadDefaultProfile } from '@core/profile';
import { parseInstant } from '@core/time/shanghai-time';
import { HALF_YEAR, halfYearRecords } from './half-year-records';
import type { ReportChildResult, ReportChildTask } from './report-child';
import { seedReportRecords } from './seed-report-records';

const CHILD = new URL('./report-child.ts', import.meta.url);
/** A week after the half-year: every document is of a closed period, as at the acceptance review. */
const NOW = parseInstant('2026-07-07T10:00');
const PACKAGE_BUDGET_S = 10;
const DOCUMENT_BUDGET_RATIO = 3;

function inChild(
  task: ReportChildTask,
): Promise<{ seconds: number; cpuSeconds: number; records?: number; bytes?: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 2, 2, 'ipc'] });
    child.once('message', (result: ReportChildResult) => {
      child.kill();
      if (result.kind === 'failed') reject(new Error(result.reason));
      else resolve(result);
    });
    child.once('exit', (code) => reject(new Error(`报表 bench 子进程提前退出（${code}）`)));
    child.send(task);
  });
}

const round = (seconds: number) => Math.round(seconds * 100) / 100;

/**
 * The half-year acceptance package of a realistic contract, made on the server from PGlite: the whole
 * `yunwei report package` as the lead runs it, reading the records alone (the floor every document
 * pays), and single documents each in a fresh process. The documents are timed on the server: the
 * app's 报表 page that would make them in Chromium does not exist yet, so they are named server_*.
 */
export async function runReportsBench(): Promise<object> {
  const profile = loadDefaultProfile();
  const calendar = builtinCalendar();
  const records = halfYearRecords(profile, calendar);
  const dir = await mkdtemp(join(tmpdir(), 'yunwei-reports-bench-'));
  try {
    const dataDir = join(dir, 'data');
    const loadBefore = loadavg()[0] ?? 0;
    const seedSeconds = await seedReportRecords({ dataDir }, records);
    const read = await inChild({ kind: 'read', dataDir });
    const report = (args: string[]) => inChild({ kind: 'report', dataDir, now: NOW, args });
    const half = ['--from', '2026-01-01', '--to', '2026-06-30'];
    const june = ['--from', '2026-06-01', '--to', '2026-06-30'];
    const documents = {
      server_monthly_docx: await report([
        'monthly',
        ...june,
        '--format',
        'docx',
        '--out',
        join(dir, 'm.docx'),
      ]),
      server_monthly_pdf: await report(['monthly', ...june, '--format', 'pdf', '--out', join(dir, 'm.pdf')]),
      server_ledger_xlsx: await report([
        'tickets',
        ...half,
        '--format',
        'xlsx',
        '--out',
        join(dir, 't.xlsx'),
      ]),
      server_summary_docx: await report([
        'summary',
        ...half,
        '--format',
        'docx',
        '--out',
        join(dir, 's.docx'),
      ]),
      server_tickets_docx: await report([
        'tickets',
        ...half,
        '--format',
        'docx',
        '--out',
        join(dir, 't.docx'),
      ]),
    };
    const pack = await report(['package', ...half, '--out', join(dir, 'package.zip')]);
    const timed = Object.fromEntries(
      Object.entries(documents).flatMap(([name, result]) => [
        [`${name}_s`, round(result.seconds)],
        [`${name}_ratio`, round(result.seconds / read.seconds)],
      ]),
    );
    const worstRatio = Math.max(...Object.values(documents).map((result) => result.seconds / read.seconds));
    return {
      bench: 'reports',
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      database: 'PGlite',
      period: `${HALF_YEAR.fromDay}..${HALF_YEAR.toDay}`,
      subsystems: profile.subsystems.length,
      tickets: records.tickets.length,
      inspection_runs: records.inspectionRuns.length,
      inspection_templates: records.inspectionTemplates.length,
      trainings: records.trainings?.length ?? 0,
      duty_days: records.dutyLogs?.length ?? 0,
      visits: records.visits?.length ?? 0,
      records_read: read.records,
      seed_s: round(seedSeconds),
      package_s: round(pack.seconds),
      package_cpu_s: round(pack.cpuSeconds),
      package_mb: round((pack.bytes ?? 0) / 1e6),
      records_read_s: round(read.seconds),
      ...timed,
      package_budget_s: PACKAGE_BUDGET_S,
      document_budget_ratio: DOCUMENT_BUDGET_RATIO,
      // The machine is shared: a load above its cores means the times above include waiting for them.
      load_average_before: round(loadBefore),
      load_average_after: round(loadavg()[0] ?? 0),
      within_budget: pack.seconds <= PACKAGE_BUDGET_S && worstRatio <= DOCUMENT_BUDGET_RATIO,
      documents_measured_in: 'server (the app has no 报表 page yet)',
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
