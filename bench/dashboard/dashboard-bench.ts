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
}

interface DashboardWindow {
  __yunweiBench?: DashboardBenchHook;
  __dashboardDrawnAt?: number;
}

function log(message: string): void {
  process.stderr.write(`[bench dashboard] ${message}\n`);
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

/** Navigation start to the year's SLA chart drawn, and the figures' own time in that render. */
async function timeRender(page: Page, url: string): Promise<{ drawn: number; figures: number }> {
  await page.goto('about:blank');
  await page.goto(`${url}/#/dashboard`);
  const drawn = await page.waitForFunction(
    () => (window as unknown as DashboardWindow).__dashboardDrawnAt,
    undefined,
    {
      timeout: 300_000,
      polling: 50,
    },
  );
  const figures = await page.evaluate(
    (name) =>
      performance
        .getEntriesByName(name)
        .reduce((first, entry) => first ?? entry.duration, null as number | null),
    FIGURES_MEASURE,
  );
  if (figures === null) throw new Error('页面没有记录指标计算时间');
  return { drawn: Number(await drawn.jsonValue()), figures };
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
    const renders: { drawn: number; figures: number }[] = [];
    for (let run = 0; run < RENDERS; run += 1) renders.push(await timeRender(page, server.url));
    const dashboard = median(renders.map((render) => render.drawn));
    const figures = median(renders.map((render) => render.figures));
    return {
      tickets: seeded.tickets,
      inspection_runs: inspections.runs.length,
      dashboard_ms: dashboard,
      figures_ms: figures,
      ratio: Math.round((dashboard / figures) * 100) / 100,
      budget_ms: BUDGET_MS,
      within_budget: dashboard <= BUDGET_MS && dashboard <= 2 * figures,
    };
  } finally {
    await context.close();
    await server.close();
    if (kept === undefined || kept === '') await rm(folder, { recursive: true, force: true });
  }
}
