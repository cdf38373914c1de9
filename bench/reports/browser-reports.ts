/// <reference lib="dom" />
// The functions handed to page.evaluate run in Chromium and use the DOM.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReportRecords } from '@core/reports';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_LAUNCH } from '../chromium';
import { buildBenchRenderer, serveBenchRenderer } from '../local/bench-build';
import type { BenchDatabase } from '../local/bench-window';

const USER = 'bench-reports';
const RUNS = 3;

/** A month or a half-year, as the 报表 page's period pickers give them (report-choice.ts). */
type PeriodChoice =
  | { readonly kind: 'month'; readonly month: string }
  | { readonly kind: 'half'; readonly year: number; readonly half: 1 | 2 };

/** What the page makes for the whole contract, as renderer/src/app/bench/report-measure.ts takes it. */
export type BrowserReportTask =
  | { readonly kind: 'read' }
  | {
      readonly kind: 'document';
      readonly format: 'docx' | 'pdf';
      readonly report: 'monthly';
      readonly period: PeriodChoice;
    }
  | { readonly kind: 'ledger'; readonly report: 'tickets'; readonly period: PeriodChoice };

/** One piece of the page's work, as report-measure.ts times it (ms). */
interface PageTiming {
  readonly totalMs: number;
  readonly readMs: number;
  readonly modelMs: number;
  readonly renderMs: number;
  readonly records: number;
  readonly bytes: number;
}

/** The page-side hook (renderer/src/app/bench), as much of it as this bench calls. */
interface ReportsBenchHook {
  openUserDatabase(userId: string): Promise<BenchDatabase>;
  seedReportRecords(db: BenchDatabase, records: ReportRecords, actor: string): Promise<number>;
  timeReportTask(db: BenchDatabase, task: BrowserReportTask, now: number): Promise<PageTiming>;
}

interface ReportsWindow {
  __yunweiBench?: ReportsBenchHook;
}

/** The median run of a task: its total and, for the same run, where the time went. */
export interface BrowserTiming extends PageTiming {
  readonly runsMs: readonly number[];
}

export interface BrowserReportsResult<Name extends string> {
  readonly seededRecords: number;
  readonly seedSeconds: number;
  readonly timings: Readonly<Record<Name, BrowserTiming>>;
}

function log(message: string): void {
  process.stderr.write(`[bench reports] ${message}\n`);
}

function medianRun(runs: readonly PageTiming[]): BrowserTiming {
  const sorted = [...runs].sort((a, b) => a.totalMs - b.totalMs);
  const middle = sorted[Math.floor(sorted.length / 2)] as PageTiming;
  return { ...middle, runsMs: runs.map((run) => Math.round(run.totalMs)) };
}

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${url}/`);
  await page.waitForFunction(() => (window as unknown as ReportsWindow).__yunweiBench !== undefined);
}

/**
 * One task in a freshly loaded page, as when the user opens 报表 and asks for a file: the page's code
 * cold, its worker started a moment before (report-measure.ts). The app shows its user chooser
 * meanwhile (no user is signed in), so nothing else reads the store while the task is timed.
 */
async function timeInFreshPage(
  page: Page,
  url: string,
  task: BrowserReportTask,
  now: number,
): Promise<{ readonly timing: PageTiming } | { readonly failed: string }> {
  await openApp(page, url);
  return page.evaluate(
    async ({ user, task, now }) => {
      const hook = (window as unknown as ReportsWindow).__yunweiBench;
      if (hook === undefined) throw new Error('页面中没有 __yunweiBench');
      const db = await hook.openUserDatabase(user);
      try {
        return { timing: await hook.timeReportTask(db, task, now) };
      } catch (error) {
        // The app's own words (the worker's reason), without the page's stack.
        return { failed: error instanceof Error ? error.message : String(error) };
      } finally {
        db.close();
      }
    },
    { user: USER, task, now },
  );
}

/**
 * The 报表 page's documents made in Debian's Chromium from the half-year's records in this PC's store:
 * the records saved through the store's saveRecord, then each task timed RUNS times, each in a page of
 * its own, interleaved so that the machine's drift falls on all of them alike; the median run counts.
 * The first PDF also fetches the PDF's fonts into the browser's cache, as on a PC's first PDF.
 */
export async function runBrowserReports<Name extends string>(
  records: ReportRecords,
  tasks: Readonly<Record<Name, BrowserReportTask>>,
  now: number,
): Promise<BrowserReportsResult<Name>> {
  log('构建 bench 版前端 …');
  await buildBenchRenderer();
  const server = await serveBenchRenderer();
  const folder = await mkdtemp(path.join(tmpdir(), 'yunwei-bench-reports-'));
  const context = await chromium.launchPersistentContext(folder, {
    ...CHROMIUM_LAUNCH,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await openApp(page, server.url);
    log('把半年记录存入浏览器的本机库 …');
    const started = performance.now();
    const seededRecords = await page.evaluate(
      async ({ user, records }) => {
        const hook = (window as unknown as ReportsWindow).__yunweiBench;
        if (hook === undefined) throw new Error('页面中没有 __yunweiBench');
        const db = await hook.openUserDatabase(user);
        try {
          return await hook.seedReportRecords(db, records, user);
        } finally {
          db.close();
        }
      },
      { user: USER, records },
    );
    const seedSeconds = (performance.now() - started) / 1000;
    log(`已存入 ${seededRecords} 条记录（${seedSeconds.toFixed(1)} 秒）`);

    const names = Object.keys(tasks) as Name[];
    const runs = new Map<Name, PageTiming[]>(names.map((name) => [name, []]));
    for (let run = 0; run < RUNS; run += 1) {
      for (const name of names) {
        const outcome = await timeInFreshPage(page, server.url, tasks[name], now);
        if ('failed' in outcome) throw new Error(`页面中生成 ${name} 失败：${outcome.failed}`);
        runs.get(name)?.push(outcome.timing);
        log(`${name} 第 ${run + 1} 次：${Math.round(outcome.timing.totalMs)} ms`);
      }
    }
    const timings = Object.fromEntries(
      names.map((name) => [name, medianRun(runs.get(name) ?? [])]),
    ) as Record<Name, BrowserTiming>;
    return { seededRecords, seedSeconds, timings };
  } finally {
    await context.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
}
