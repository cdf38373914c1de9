/// <reference lib="dom" />
// The functions handed to page.evaluate run in Chromium and use the DOM.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDefaultProfile } from '@core/profile';
import { type InspectionRun, inspectionRunSchema } from '@core/records/inspection-run';
import type { InspectionTemplate } from '@core/records/inspection-template';
import { templateContentFromProfile } from '@core/records/inspection-template-from-profile';
import { newTemplate } from '@core/records/inspection-template-versions';
import { newRecordId } from '@core/records/record-id';
import { DAY_MS, MINUTE_MS, dayNumberOf, dayNumberToIsoDate, startOfDay } from '@core/time/shanghai-time';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_LAUNCH } from '../chromium';
import { buildBenchRenderer, serveBenchRenderer } from '../local/bench-build';
import type { BenchDatabase, SeedResult } from '../local/bench-window';

const TICKETS = Number(process.env.YUNWEI_BENCH_DASHBOARD_TICKETS ?? 200_000);
const RENDERS = 3;
const USER = 'bench-dashboard';
/** The User Timing entry the dashboard records around its figures (features/dashboard/use-dashboard.ts). */
const FIGURES_MEASURE = 'yunwei:dashboard-figures';
/** The year's SLA chart: drawn once the figures are, with the other charts. */
const DRAWN = '[data-testid="chart-sla-year"] svg path';
const BUDGET_MS = 1_500;

/** The page-side hook (renderer/src/app/bench), as much of it as this bench calls. */
interface DashboardBenchHook {
  signIn(name: string): Promise<void>;
  openUserDatabase(userId: string): Promise<BenchDatabase>;
  findSeed(
    db: BenchDatabase,
    tickets: number,
    historyRows: number,
    detailHistoryRows: number,
  ): Promise<SeedResult | null>;
  seedStore(
    db: BenchDatabase,
    options: { tickets: number; historyRows: number; detailHistoryRows: number; now: number; actor: string },
  ): Promise<SeedResult>;
  saveRecord(
    db: BenchDatabase,
    input: { recordType: string; before: null; after: object; actor: string; at: number },
  ): Promise<unknown>;
  timeDashboardFloor(
    db: BenchDatabase,
    now: number,
  ): Promise<{ totalMs: number; readMs: number; liveMs: number; figuresMs: number }>;
}

interface DashboardWindow {
  __yunweiBench?: DashboardBenchHook;
  __dashboardDrawnAt?: number;
  __dashboardOpenedAt?: number;
}

function log(message: string): void {
  process.stderr.write(`[bench dashboard] ${message}\n`);
}

async function sequence<T>(count: number, run: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let index = 0; index < count; index += 1) results.push(await run());
  return results;
}

function median(sample: readonly number[]): number {
  const sorted = [...sample].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] as number);
}

/** Subsystem 5's daily 08:30 check, saved a year ago, and a run of it each day since (08:10). */
function aYearOfInspections(now: number): { template: InspectionTemplate; runs: InspectionRun[] } {
  const profile = loadDefaultProfile();
  const subsystem = profile.subsystems.find((candidate) => candidate.id === 5);
  const checklist = subsystem?.inspectionTemplates.find((candidate) => candidate.id === 's5-daily-0830');
  const plan = subsystem?.inspectionPlans.find((candidate) => candidate.template === 's5-daily-0830');
  if (checklist === undefined || plan === undefined)
    throw new Error('合同档案中没有子项 5 的每日 08:30 巡检');
  const made = newTemplate(templateContentFromProfile(5, checklist, plan, '24x7'), {
    actor: USER,
    at: now - 365 * DAY_MS,
  });
  if (!made.ok) throw new Error(made.reason);
  const template = made.template;
  const runs: InspectionRun[] = [];
  for (let day = dayNumberOf(template.createdAt) + 1; day < dayNumberOf(now); day += 1) {
    const finishedAt = startOfDay(day) + (8 * 60 + 10) * MINUTE_MS;
    runs.push(
      inspectionRunSchema.parse({
        id: newRecordId(),
        subsystemId: 5,
        createdBy: USER,
        createdAt: finishedAt - 10 * MINUTE_MS,
        updatedAt: finishedAt,
        deleted: false,
        templateId: template.templateId,
        templateVersion: template.version,
        scheduledFor: dayNumberToIsoDate(day),
        startedAt: finishedAt - 10 * MINUTE_MS,
        finishedAt,
        inspector: USER,
        results: template.items.map((item) => ({
          itemId: item.id,
          value: true,
          ok: true,
          note: '',
          photoSha256: null,
          ticketId: null,
        })),
      }),
    );
  }
  return { template, runs };
}

function drawnAt(page: Page): Promise<number> {
  return page
    .waitForFunction(() => (window as unknown as DashboardWindow).__dashboardDrawnAt, undefined, {
      timeout: 600_000,
      polling: 20,
    })
    .then(async (handle) => Number(await handle.jsonValue()));
}

/** The app loaded straight at 项目总览: navigation start to the year's SLA chart drawn. */
async function timeColdStart(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(`${url}/#/dashboard`);
  return drawnAt(page);
}

/**
 * 项目总览 opened from the menu of the running app (loaded at the calendar page, which reads no
 * ticket): the click to the year's SLA chart drawn, and the figures' own time in that render.
 */
async function timeOpen(page: Page, url: string): Promise<{ drawn: number; figures: number }> {
  await page.goto('about:blank');
  await page.goto(`${url}/#/calendar`);
  await page.getByRole('menuitem', { name: '项目总览' }).waitFor();
  await page.evaluate(() => {
    const item = [...document.querySelectorAll('[role="menuitem"]')].find((element) =>
      element.textContent?.includes('项目总览'),
    );
    if (!(item instanceof HTMLElement)) throw new Error('菜单中没有“项目总览”');
    (window as unknown as DashboardWindow).__dashboardOpenedAt = performance.now();
    item.click();
  });
  const drawn = await drawnAt(page);
  const opened = await page.evaluate(() => (window as unknown as DashboardWindow).__dashboardOpenedAt ?? 0);
  const figures = await page.evaluate(
    (name) =>
      performance
        .getEntriesByName(name)
        .reduce((first, entry) => first ?? entry.duration, null as number | null),
    FIGURES_MEASURE,
  );
  if (figures === null) throw new Error('页面没有记录指标计算时间');
  return { drawn: drawn - opened, figures };
}

/** The floor: the same records read and figures computed in the page with nothing drawn (bench hook). */
async function timeFloor(
  page: Page,
): Promise<{ totalMs: number; readMs: number; liveMs: number; figuresMs: number }> {
  return page.evaluate(async (user) => {
    const hook = (window as unknown as DashboardWindow).__yunweiBench;
    if (hook === undefined) throw new Error('页面中没有 __yunweiBench');
    const db = await hook.openUserDatabase(user);
    try {
      return await hook.timeDashboardFloor(db, Date.now());
    } finally {
      db.close();
    }
  }, USER);
}

/**
 * `npm run --silent bench -- dashboard`: 项目总览's first render with TICKETS tickets (200,000 unless
 * YUNWEI_BENCH_DASHBOARD_TICKETS says otherwise) and a year of daily inspections in the store
 * (`dashboard_ms`, navigation start to the charts drawn), against the same figures computed in that
 * page (`figures_ms`, the floor). YUNWEI_BENCH_PROFILE=<folder> keeps the seeded browser profile.
 */
export async function runDashboardBench(): Promise<object> {
  log('构建 bench 版前端 …');
  await buildBenchRenderer();
  const server = await serveBenchRenderer();
  const kept = process.env.YUNWEI_BENCH_PROFILE;
  const folder =
    kept !== undefined && kept !== '' ? kept : await mkdtemp(path.join(tmpdir(), 'yunwei-bench-dashboard-'));
  await mkdir(folder, { recursive: true });
  const context = await chromium.launchPersistentContext(folder, {
    ...CHROMIUM_LAUNCH,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  try {
    await context.addInitScript((selector) => {
      const target = window as unknown as DashboardWindow;
      const observer = new MutationObserver(() => {
        if (target.__dashboardDrawnAt === undefined && document.querySelector(selector) !== null) {
          target.__dashboardDrawnAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    }, DRAWN);
    const page = context.pages()[0] ?? (await context.newPage());
    // A kept profile's service worker would serve the build of the last run: drop it and its caches
    // (the store stays), so this run times the code just built.
    await page.goto(`${server.url}/`);
    await page.evaluate(async () => {
      for (const registration of await navigator.serviceWorker.getRegistrations())
        await registration.unregister();
      for (const key of await caches.keys()) await caches.delete(key);
    });
    await page.goto('about:blank');
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => (window as unknown as DashboardWindow).__yunweiBench !== undefined);
    const now = Date.now();
    const inspections = aYearOfInspections(now);
    log(`准备 ${TICKETS} 张工单和 ${inspections.runs.length} 次巡检（已生成的直接使用）…`);
    const seeded = await page.evaluate(
      async ({ user, tickets, template, runs, at }) => {
        const hook = (window as unknown as DashboardWindow).__yunweiBench;
        if (hook === undefined) throw new Error('页面中没有 __yunweiBench');
        await hook.signIn(user);
        const db = await hook.openUserDatabase(user);
        const found = await hook.findSeed(db, tickets, tickets, 1);
        if (found !== null) {
          db.close();
          return found;
        }
        const result = await hook.seedStore(db, {
          tickets,
          historyRows: tickets,
          detailHistoryRows: 1,
          now: at,
          actor: user,
        });
        await hook.saveRecord(db, {
          recordType: 'inspectionTemplate',
          before: null,
          after: template,
          actor: user,
          at,
        });
        for (const run of runs) {
          await hook.saveRecord(db, {
            recordType: 'inspectionRun',
            before: null,
            after: run,
            actor: user,
            at,
          });
        }
        db.close();
        return result;
      },
      { user: USER, tickets: TICKETS, template: inspections.template, runs: inspections.runs, at: now },
    );
    log(`工单库：${JSON.stringify(seeded)}`);
    // The first open after seeding builds the digest buckets (the seed writes rows directly, as an
    // upgrade from schema 7 leaves them): timed apart, it is a one-off.
    const build = await timeColdStart(page, server.url);
    log(`首次打开（含整理工单摘要）：${Math.round(build)} ms`);
    const coldStart = median(await sequence(RENDERS, () => timeColdStart(page, server.url)));
    const opens = await sequence(RENDERS, () => timeOpen(page, server.url));
    const floors = await sequence(RENDERS, () => timeFloor(page));
    const dashboard = median(opens.map((open) => open.drawn));
    const floor = median(floors.map((run) => run.totalMs));
    const floorParts = {
      read_ms: median(floors.map((run) => run.readMs)),
      live_clocks_ms: median(floors.map((run) => run.liveMs)),
      figures_ms: median(floors.map((run) => run.figuresMs)),
    };
    return {
      tickets: seeded.tickets,
      inspection_runs: inspections.runs.length,
      dashboard_ms: dashboard,
      figures_ms: floor,
      ratio: Math.round((dashboard / floor) * 100) / 100,
      figures_in_render_ms: median(opens.map((open) => open.figures)),
      floor_parts: floorParts,
      cold_start_ms: coldStart,
      first_open_with_digest_build_ms: Math.round(build),
      budget_ms: BUDGET_MS,
      within_budget: dashboard <= BUDGET_MS && dashboard <= 2 * floor,
      measured:
        'dashboard_ms: click on 项目总览 in the running app to the year SLA chart drawn; figures_ms: the same records read and figures computed in the page without drawing; cold_start_ms: the app loaded at 项目总览, navigation start to drawn',
    };
  } finally {
    await context.close();
    await server.close();
    if (kept === undefined || kept === '') await rm(folder, { recursive: true, force: true });
  }
}
