import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinCalendar } from '@core/calendar';
import { loadDefaultProfile } from '@core/profile';
import { parseInstant } from '@core/time/shanghai-time';
import { type BrowserReportTask, type BrowserTiming, runBrowserReports } from './browser-reports';
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
 * What the 报表 page makes in Chromium for the whole contract, each timed from the user's request: the
 * records read as the page reads them (the floor; the page reads the whole store for any document),
 * June's monthly report as .docx (with its chart pictures) and as PDF, the half-year ticket ledger.
 */
const BROWSER_TASKS = {
  records_read: { kind: 'read' },
  monthly_docx: {
    kind: 'document',
    format: 'docx',
    report: 'monthly',
    period: { kind: 'month', month: '2026-06' },
  },
  monthly_pdf: {
    kind: 'document',
    format: 'pdf',
    report: 'monthly',
    period: { kind: 'month', month: '2026-06' },
  },
  ledger_xlsx: { kind: 'ledger', report: 'tickets', period: { kind: 'half', year: 2026, half: 1 } },
} as const satisfies Record<string, BrowserReportTask>;
const BROWSER_DOCUMENTS = ['monthly_docx', 'monthly_pdf', 'ledger_xlsx'] as const;

/**
 * The half-year acceptance package of a realistic contract, made on the server from PGlite: the whole
 * `yunwei report package` as the lead runs it, reading the records alone (the server's floor), and
 * single documents each in a fresh process (server_*). Then the same records in Chromium's store and
 * the documents the app's 报表 page makes there (monthly_docx, monthly_pdf, ledger_xlsx), each against
 * reading the records as the page does (records_read, their floor). Within budget: the package in
 * PACKAGE_BUDGET_S and every Chromium document in DOCUMENT_BUDGET_RATIO × its floor.
 */
export async function runReportsBench(): Promise<object> {
  const profile = loadDefaultProfile();
  const calendar = builtinCalendar();
  const records = halfYearRecords(profile, calendar);
  const dir = await mkdtemp(join(tmpdir(), 'yunwei-reports-bench-'));
  try {
    const dataDir = join(dir, 'data');
    const loadBefore = loadavg()[0] ?? 0;
    // The app first: its build fails fast when the renderer does not build.
    const browser = await runBrowserReports(records, BROWSER_TASKS, NOW);
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
    const floor = browser.timings.records_read;
    const inChromium = Object.fromEntries(
      BROWSER_DOCUMENTS.flatMap((name) => [
        [`${name}_s`, round(browser.timings[name].totalMs / 1000)],
        [`${name}_ratio`, round(browser.timings[name].totalMs / floor.totalMs)],
      ]),
    );
    const breakdown = Object.fromEntries(
      Object.entries<BrowserTiming>(browser.timings).map(([name, timing]) => [
        name,
        {
          read: Math.round(timing.readMs),
          model: Math.round(timing.modelMs),
          render: Math.round(timing.renderMs),
          runs: timing.runsMs,
          kb: Math.round(timing.bytes / 1000),
        },
      ]),
    );
    const documentsWithin = BROWSER_DOCUMENTS.every(
      (name) => browser.timings[name].totalMs <= DOCUMENT_BUDGET_RATIO * floor.totalMs,
    );
    return {
      bench: 'reports',
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      database: 'PGlite (server), IndexedDB in Chromium (the app)',
      period: `${HALF_YEAR.fromDay}..${HALF_YEAR.toDay}`,
      subsystems: profile.subsystems.length,
      tickets: records.tickets.length,
      inspection_runs: records.inspectionRuns.length,
      inspection_templates: records.inspectionTemplates.length,
      trainings: records.trainings?.length ?? 0,
      duty_days: records.dutyLogs?.length ?? 0,
      visits: records.visits?.length ?? 0,
      seed_s: round(seedSeconds),
      package_s: round(pack.seconds),
      package_cpu_s: round(pack.cpuSeconds),
      package_mb: round((pack.bytes ?? 0) / 1e6),
      // In Chromium, the 报表 page's own code: median of 3, each in a freshly loaded page.
      browser_seed_s: round(browser.seedSeconds),
      records_read: floor.records,
      records_read_s: round(floor.totalMs / 1000),
      ...inChromium,
      chromium_ms: breakdown,
      // On the server, each in a fresh process as `yunwei report` runs.
      server_records_read: read.records,
      server_records_read_s: round(read.seconds),
      ...timed,
      package_budget_s: PACKAGE_BUDGET_S,
      document_budget_ratio: DOCUMENT_BUDGET_RATIO,
      // The machine is shared: a load above its cores means the times above include waiting for them.
      load_average_before: round(loadBefore),
      load_average_after: round(loadavg()[0] ?? 0),
      within_budget: pack.seconds <= PACKAGE_BUDGET_S && documentsWithin,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
