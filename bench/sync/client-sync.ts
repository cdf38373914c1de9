/// <reference lib="dom" />
// The functions handed to page.evaluate run in Chromium.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Ticket } from '@core/records';
import { MAX_PUSH_OPS } from '@core/sync/protocol';
import type { BrowserContext, Page } from 'playwright-core';
import { ApiClient, pushAccepted } from './api-client';
import { startBenchServer } from './bench-server';
import { BenchWriter } from './bench-writer';
import { seedThroughPush } from './seed-server';
import type { BenchSyncAccount, FloorRecords, SyncBenchWindow, TimedRecords } from './sync-bench-window';

export interface ClientSyncResult {
  readonly seedSeconds: number;
  /** The floor, with the seconds its rows took to pull through the app's transport (pull only). */
  readonly floor: FloorRecords;
  readonly initial: TimedRecords;
  /** Tickets in the client's database after the initial sync. */
  readonly clientTickets: number;
  /** The initial sync's search index: its round's walk and any backlog left after it. */
  readonly searchIndexSeconds: number;
  readonly incremental: TimedRecords;
}

/** The engineer whose fresh PC syncs everything (a project lead reads every subsystem). */
const READER = 'benchlead';
/** Another account, on another PC, whose edits the reader then receives. */
const EDITOR = 'benchedit';
const PASSWORD = 'Yunwei#Bench2026';
const INCREMENTAL_EDITS = 1_000;

/**
 * The yunwei half: a server on a new PGlite data directory serving the bench renderer build, the
 * tickets pushed to it, then Chromium on that origin (no CORS in the way) measuring the floor, the
 * initial sync of a fresh database through the app's engine, and the incremental sync of 1,000 edits.
 */
export async function runClientSync(
  context: BrowserContext,
  rendererDir: string,
  tickets: readonly Ticket[],
  log: (message: string) => void,
): Promise<ClientSyncResult> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'yunwei-bench-sync-server-'));
  const server = await startBenchServer({
    target: { dataDir },
    staticDir: rendererDir,
    accounts: [
      { name: READER, scope: { role: 'project_lead' } },
      { name: EDITOR, scope: { role: 'project_lead' } },
    ],
    password: PASSWORD,
  });
  try {
    const reader = await new ApiClient(server.url).login(READER, PASSWORD);
    const editor = new ApiClient(server.url);
    await editor.login(EDITOR, PASSWORD);
    log(`通过推送接口向服务器写入 ${tickets.length} 张工单（每批 ${MAX_PUSH_OPS} 个操作）…`);
    const seedSeconds = await seedThroughPush(editor, tickets, (done) => {
      if (done % 10_000 === 0) log(`  已推送 ${done}`);
    });
    const account: BenchSyncAccount = { baseUrl: '', token: reader.token, user: reader.user };
    const page = await context.newPage();
    try {
      await openBenchPage(page, server.url);
      log('裸 Dexie bulkPut（下限；其拉取另计为只拉取不写入的时间）…');
      const floor = await page.evaluate(
        async ({ account }) => {
          const hook = (window as unknown as SyncBenchWindow).__yunweiBench;
          if (hook === undefined) throw new Error('页面中没有 __yunweiBench');
          const db = await hook.openUserDatabase('bench-floor');
          const result = await hook.timeRawBulkPut(db, account);
          db.close();
          return result;
        },
        { account },
      );
      log('首次同步（应用的同步引擎，新数据库）…');
      const initial = await page.evaluate(
        async ({ account }) => {
          const hook = (window as unknown as SyncBenchWindow).__yunweiBench;
          if (hook === undefined) throw new Error('页面中没有 __yunweiBench');
          const db = await hook.openUserDatabase('bench-sync');
          const round = await hook.timeSyncRound(db, account);
          const clientTickets = await hook.countTickets(db);
          const searchIndexSeconds = round.searchIndexSeconds + (await hook.timeSearchBacklog(db));
          db.close();
          return { round, clientTickets, searchIndexSeconds };
        },
        { account },
      );
      log(`另一台电脑修改 ${INCREMENTAL_EDITS} 张工单，再增量同步 …`);
      await pushEdits(editor, tickets, INCREMENTAL_EDITS);
      const incremental = await page.evaluate(
        async ({ account }) => {
          const hook = (window as unknown as SyncBenchWindow).__yunweiBench;
          if (hook === undefined) throw new Error('页面中没有 __yunweiBench');
          const db = await hook.openUserDatabase('bench-sync');
          const round = await hook.timeSyncRound(db, account);
          db.close();
          return round;
        },
        { account },
      );
      return {
        seedSeconds,
        floor,
        initial: initial.round,
        clientTickets: initial.clientTickets,
        searchIndexSeconds: initial.searchIndexSeconds,
        incremental,
      };
    } finally {
      await page.close();
    }
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Title edits of `count` tickets spread over the whole set, pushed in full batches. */
async function pushEdits(client: ApiClient, tickets: readonly Ticket[], count: number): Promise<void> {
  const writer = new BenchWriter('edit');
  const step = Math.max(1, Math.floor(tickets.length / count));
  const edited = tickets.filter((_, index) => index % step === 0).slice(0, count);
  for (let start = 0; start < edited.length; start += MAX_PUSH_OPS) {
    const ops = edited
      .slice(start, start + MAX_PUSH_OPS)
      .map((ticket) => writer.op(ticket, { title: `${ticket.title}（已核实）` }));
    await pushAccepted(client, writer.batch(ops));
  }
}

async function openBenchPage(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.waitForFunction(
    () => (window as unknown as SyncBenchWindow).__yunweiBench !== undefined,
    undefined,
    { timeout: 30_000 },
  );
}
