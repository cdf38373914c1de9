/// <reference lib="dom" />
// The function handed to page.evaluate runs in Chromium.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Dexie as DexieClass } from 'dexie';
import { launchBenchBrowser } from '../browser';

/**
 * What an initial sync's IndexedDB writes cost, by the shape of the rows: the question behind the
 * next step of the sync bench (docs/local-store.md, "What a pulled record costs to write"). Each
 * variant writes the same ticket-shaped rows (~1.3 KB, the tickets table's indexes) into a fresh
 * on-disk database, 1,000 per transaction, strict durability, as a pull page does:
 * - `tickets_only`: the rows alone (the sync bench's floor);
 * - `tickets_and_state_rows`: with a small second row per ticket in another store, as an initial sync
 *   writes its lean server-state row today;
 * - `tickets_with_embedded_clocks`: the same clocks kept inside the ticket row instead;
 * - `native_tickets_and_state_rows`: the two stores through the bare IndexedDB API, no Dexie;
 * - `bare_keys_no_indexes`: only the id and the four index fields per row, in a store without
 *   indexes: what one put costs whatever the row holds (the floor of any one-row-per-record store);
 * - `tickets_one_row_per_page`: the same tickets, all 1,000 of a transaction in one row: what the
 *   bytes cost without the per-put cost.
 * `YUNWEI_BENCH_ROW_PAGES` sets the number of 1,000-row transactions (default 100).
 */
const ROWS_PER_PAGE = 1_000;
/** The tickets table's indexes as schema version 5 declares them (renderer/src/store/database/schema.ts). */
const TICKET_INDEXES = 'id, [subsystemId+status+deadlineAt], [status+deadlineAt], deadlineAt, assignee';
const VARIANTS = [
  'tickets_only',
  'tickets_and_state_rows',
  'tickets_with_embedded_clocks',
  'native_tickets_and_state_rows',
  'bare_keys_no_indexes',
  'tickets_one_row_per_page',
] as const;
type Variant = (typeof VARIANTS)[number];

export async function runRowCostBench(): Promise<object> {
  const pages = pageCount(process.env.YUNWEI_BENCH_ROW_PAGES);
  const server = await blankPageServer();
  try {
    const seconds: Partial<Record<`${Variant}_s`, number>> = {};
    for (const variant of VARIANTS) {
      process.stderr.write(`[bench rows] ${variant} …\n`);
      seconds[`${variant}_s`] = await timeVariant(server, variant, pages);
    }
    return { rows: pages * ROWS_PER_PAGE, rows_per_transaction: ROWS_PER_PAGE, ...seconds };
  } finally {
    server.close();
  }
}

/**
 * One variant in a browser of its own (a fresh on-disk profile): written after another variant in the
 * same profile, a variant paid for the compaction of the one before (~5 s at 100,000 rows).
 */
async function timeVariant(server: Server, variant: Variant, pages: number): Promise<number> {
  const browser = await launchBenchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('dexie/dist/dexie.js') });
    const measured = await page.evaluate(writeRows, {
      variant,
      pages,
      perPage: ROWS_PER_PAGE,
      indexes: TICKET_INDEXES,
    });
    return Math.round(measured * 100) / 100;
  } finally {
    await browser.close();
  }
}

function pageCount(text: string | undefined): number {
  if (text === undefined || text === '') return 100;
  const pages = Number(text);
  if (!Number.isInteger(pages) || pages < 1) {
    throw new Error(`YUNWEI_BENCH_ROW_PAGES 应为正整数（事务数，每个 ${ROWS_PER_PAGE} 行），收到“${text}”`);
  }
  return pages;
}

/** An origin for IndexedDB: one empty page on loopback. */
async function blankPageServer(): Promise<Server> {
  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end('<!doctype html><meta charset="utf-8"><title>rows</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** In the page: writes `pages` transactions of `perPage` rows the variant's way; returns the seconds. */
async function writeRows(options: {
  variant: Variant;
  pages: number;
  perPage: number;
  indexes: string;
}): Promise<number> {
  const { variant, pages, perPage, indexes } = options;
  const Dexie = (window as unknown as { Dexie: typeof DexieClass }).Dexie;
  const db = new Dexie(`rows-${variant}`, { cache: 'disabled', chromeTransactionDurability: 'strict' });
  db.version(1).stores({ tickets: indexes, states: 'recordId', bare: 'id', pages: 'page' });
  await db.open();
  const clock = { hlc: '0001790000000000-0000-abcdef012345', rank: 0 };
  const text = '社保卡查询接口超时，报告人称登录后无法查询缴费记录，需要尽快处理并回访。';
  let elapsed = 0;
  for (let pageIndex = 0; pageIndex < pages; pageIndex += 1) {
    // Inline, not a named helper: tsx would wrap a named function in a helper the page does not have.
    const tickets = Array.from({ length: perPage }, (_, offset) => {
      const index = pageIndex * perPage + offset;
      return {
        id: crypto.randomUUID(),
        subsystemId: (index % 13) + 1,
        status: ['new', 'responded', 'in_progress', 'resolved', 'closed'][index % 5],
        deadlineAt: 1_790_000_000_000 + index * 1_000,
        assignee: `engineer${index % 20}`,
        record: {
          title: `工单 ${index}：${text.slice(0, 12)}`,
          description: text.repeat(3),
          reporter: { unit: '省社保局信息科', person: '王老师', phone: '13800000000' },
          events: [
            { id: `${index}-1`, kind: 'created', at: 1, actor: 'zhangsan', note: text },
            { id: `${index}-2`, kind: 'responded', at: 2, actor: 'zhangsan' },
          ],
          category: 'fault',
          severity: 'normal',
          channel: 'phone',
          attachments: [],
          resolution: text.slice(0, 30),
        },
      };
    });
    const states = tickets.map((row) => ({ recordId: row.id, recordType: 'ticket', packed: clock }));
    const bareRows = tickets.map(({ id, subsystemId, status, deadlineAt, assignee }) => ({
      id,
      subsystemId,
      status,
      deadlineAt,
      assignee,
    }));
    const started = performance.now();
    if (variant === 'tickets_only') {
      await db.transaction('rw', 'tickets', () => db.table('tickets').bulkPut(tickets));
    } else if (variant === 'tickets_with_embedded_clocks') {
      const rows = tickets.map((row) => ({ ...row, serverClocks: clock }));
      await db.transaction('rw', 'tickets', () => db.table('tickets').bulkPut(rows));
    } else if (variant === 'bare_keys_no_indexes') {
      await db.transaction('rw', 'bare', () => db.table('bare').bulkPut(bareRows));
    } else if (variant === 'tickets_one_row_per_page') {
      await db.transaction('rw', 'pages', () => db.table('pages').put({ page: pageIndex, tickets }));
    } else if (variant === 'tickets_and_state_rows') {
      await db.transaction('rw', 'tickets', 'states', () =>
        Promise.all([db.table('tickets').bulkPut(tickets), db.table('states').bulkPut(states)]),
      );
    } else {
      const transaction = db
        .backendDB()
        .transaction(['tickets', 'states'], 'readwrite', { durability: 'strict' });
      const ticketStore = transaction.objectStore('tickets');
      const stateStore = transaction.objectStore('states');
      for (const row of tickets) ticketStore.put(row);
      for (const row of states) stateStore.put(row);
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onabort = () => reject(transaction.error ?? new Error('事务被中止'));
      });
    }
    elapsed += performance.now() - started;
  }
  db.close();
  return elapsed / 1000;
}
