/// <reference lib="dom" />
// The functions handed to page.evaluate run in Chromium and use the DOM.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_LAUNCH } from '../chromium';
import { chromium, type Page } from 'playwright-core';
import { buildBenchRenderer, serveBenchRenderer } from './bench-build';
import type { BenchWindow } from './bench-window';
import { percentile } from './percentiles';

const TICKETS = 200_000;
const HISTORY_ROWS = 1_000_000;
const DETAIL_HISTORY_ROWS = 200;
const SAVES = 200;
const QUERY_RUNS = 20;
const STARTUP_RUNS = 3;
const USER = 'bench';
const SEARCH_TEXT = '网站';
/** A row of the ticket list (renderer/src/features/tickets): the list is visible once one shows. */
const LIST_ROW = '[data-testid="ticket-row"]';

function log(message: string): void {
  process.stderr.write(`[bench local] ${message}\n`);
}

function median(sample: readonly number[]): number {
  return percentile(sample, 50);
}

async function waitForHook(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as BenchWindow).__yunweiBench !== undefined,
    undefined,
    { timeout: 30_000 },
  );
}

/**
 * Page load (navigation start) to the first row of the ticket list, read in the page: an init script
 * watches the DOM from the first byte and stamps performance.now() when a row appears.
 */
async function timeStartup(page: Page, url: string): Promise<number> {
  // A hash change alone would not load the page again.
  await page.goto('about:blank');
  await page.goto(`${url}/#/tickets`);
  const handle = await page.waitForFunction(
    () => (window as unknown as BenchWindow).__listVisibleAt,
    undefined,
    {
      timeout: 60_000,
      polling: 50,
    },
  );
  return Number(await handle.jsonValue());
}

/**
 * Where the browser profile (and so the seeded IndexedDB) lives. By default a fresh temporary folder,
 * removed afterwards. Seeding takes tens of minutes on a busy two-core machine, so
 * YUNWEI_BENCH_PROFILE=<folder> keeps the profile there: a later run finds the store seeded and only
 * measures (the counts it reports are those found, saves of earlier runs included).
 */
async function browserProfile(): Promise<{ readonly folder: string; readonly keep: boolean }> {
  const kept = process.env.YUNWEI_BENCH_PROFILE;
  if (kept !== undefined && kept !== '') {
    await mkdir(kept, { recursive: true });
    return { folder: kept, keep: true };
  }
  return { folder: await mkdtemp(path.join(tmpdir(), 'yunwei-bench-local-')), keep: false };
}

/**
 * `npm run --silent bench -- local`: the local store with 200,000 tickets and 1,000,000 history rows,
 * measured in Chromium on the built renderer (bench mode) served statically, in a persistent profile
 * so IndexedDB is on disk as on a PC. Progress goes to stderr, the result (one JSON object) to stdout.
 */
export async function runLocalBench(): Promise<object> {
  log('构建 bench 版前端 …');
  await buildBenchRenderer();
  const server = await serveBenchRenderer();
  const profile = await browserProfile();
  const context = await chromium.launchPersistentContext(profile.folder, {
    ...CHROMIUM_LAUNCH,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  try {
    await context.addInitScript(
      ({ selector }) => {
        const target = window as unknown as { __listVisibleAt?: number };
        const observer = new MutationObserver(() => {
          if (target.__listVisibleAt === undefined && document.querySelector(selector) !== null) {
            target.__listVisibleAt = performance.now();
            observer.disconnect();
          }
        });
        observer.observe(document, { childList: true, subtree: true });
      },
      { selector: LIST_ROW },
    );
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/`);
    await waitForHook(page);
    log(`准备 ${TICKETS} 张工单和 ${HISTORY_ROWS} 条历史（已生成的直接使用）…`);

    const seeded = await page.evaluate(
      async ({ user, tickets, historyRows, detailHistoryRows }) => {
        const hook = (window as unknown as BenchWindow).__yunweiBench;
        if (hook === undefined) throw new Error('页面中没有 __yunweiBench');
        await hook.signIn(user);
        const db = await hook.openUserDatabase(user);
        const found = await hook.findSeed(db, tickets, historyRows, detailHistoryRows);
        const result =
          found ??
          (await hook.seedStore(db, {
            tickets,
            historyRows,
            detailHistoryRows,
            now: Date.now(),
            actor: user,
          }));
        db.close();
        return result;
      },
      { user: USER, tickets: TICKETS, historyRows: HISTORY_ROWS, detailHistoryRows: DETAIL_HISTORY_ROWS },
    );
    log(`工单库：${JSON.stringify(seeded)}`);

    log('测量启动时间 …');
    const startups: number[] = [];
    for (let run = 0; run < STARTUP_RUNS; run += 1) startups.push(await timeStartup(page, server.url));
    await waitForHook(page);

    log('测量保存、列表、搜索和详情 …');
    const timings = await page.evaluate(
      async ({ user, saves, runs, searchText, detailTicketId }) => {
        const hook = (window as unknown as BenchWindow).__yunweiBench;
        if (hook === undefined) throw new Error('页面中没有 __yunweiBench');
        const db = await hook.openUserDatabase(user);
        const list = await hook.timeListFirstPage(db, runs);
        const search = await hook.timeSearch(db, searchText, runs);
        const detail = await hook.timeDetail(db, detailTicketId, runs);
        const save = await hook.timeSaves(db, saves, user);
        const raw = await hook.timeRawPuts(db, saves, user);
        db.close();
        return { list, search, detail, save, raw };
      },
      {
        user: USER,
        saves: SAVES,
        runs: QUERY_RUNS,
        searchText: SEARCH_TEXT,
        detailTicketId: seeded.detailTicketId,
      },
    );
    if (timings.detail.historyRows !== DETAIL_HISTORY_ROWS) {
      throw new Error(`详情工单应有 ${DETAIL_HISTORY_ROWS} 条历史，实际 ${timings.detail.historyRows}`);
    }

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');

    return {
      tickets: seeded.tickets,
      history_rows: seeded.historyRows,
      save_p50_ms: percentile(timings.save, 50),
      save_p95_ms: percentile(timings.save, 95),
      // timeSaves alternates the two kinds of edit, a note first: apart, they show which one costs.
      save_note_p95_ms: percentile(
        timings.save.filter((_, index) => index % 2 === 0),
        95,
      ),
      save_title_p95_ms: percentile(
        timings.save.filter((_, index) => index % 2 === 1),
        95,
      ),
      list_first_page_ms: median(timings.list),
      search_ms: median(timings.search),
      detail_open_ms: median(timings.detail.durations),
      startup_ms: Math.round(median(startups)),
      heap_mb: Math.round((heap.usedSize / 1024 / 1024) * 10) / 10,
      raw_dexie_put_p95_ms: percentile(timings.raw, 95),
    };
  } finally {
    await context.close();
    await server.close();
    if (!profile.keep) await rm(profile.folder, { recursive: true, force: true });
  }
}
