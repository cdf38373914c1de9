import { isDeepStrictEqual } from 'node:util';
import type { BrowserContext, Page } from '@playwright/test';
import { StoreHookPage, type SaveAck, type StoreSnapshot } from '../pages/store-hook-page';
import { benchRendererFolder } from '../support/bench-renderer';
import { expect, test } from '../support/offline-test';
import { startStaticRenderer, type StaticRenderer } from '../support/static-renderer';

/**
 * A crash in the middle of a burst of saves (issue 3, "Must show"): every save the app was told had
 * succeeded is there after reopening, with its history rows and outbox op, and no record exists half
 * written. Saves go through the real saveRecord of a bench-mode build (window.__yunweiBench), served
 * as static files with no server.
 */
const CHAINS = 20;
const EDITS = 14;
const TOTAL_SAVES = CHAINS * (EDITS + 1);
const CLOSE_AFTER_ACKS = 60;

let renderer: StaticRenderer;

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  renderer = await startStaticRenderer(await benchRendererFolder());
});

test.afterAll(async () => {
  await renderer.stop();
});

async function burstUntil(context: BrowserContext, user: string, stop: (page: Page) => Promise<void>) {
  const acks: SaveAck[] = [];
  const page = await context.newPage();
  await page.exposeFunction('__ackSave', (ack: SaveAck) => {
    acks.push(ack);
  });
  const store = new StoreHookPage(page);
  await store.open(renderer.url, user);
  const outcome = store.startBurst(user, CHAINS, EDITS);
  await expect
    .poll(() => acks.length, { intervals: [5], timeout: 60_000 })
    .toBeGreaterThanOrEqual(CLOSE_AFTER_ACKS);
  await stop(page);
  // The burst must really have been cut short, or the test would prove nothing.
  expect(await outcome).not.toBe('finished');
  const acknowledged = [...acks];
  expect(acknowledged.length).toBeLessThan(TOTAL_SAVES);

  const reopened = new StoreHookPage(await context.newPage());
  await reopened.open(renderer.url, user);
  const snapshot = await reopened.snapshot(user);
  test.info().annotations.push({
    type: 'burst',
    description: `${acknowledged.length}/${TOTAL_SAVES} 次保存已确认；重新打开后 ${snapshot.tickets.length} 张工单、${snapshot.history.length} 条历史、${snapshot.outbox.length} 条待同步`,
  });
  return { acknowledged, snapshot };
}

function expectEveryAcknowledgedSave(acks: readonly SaveAck[], snapshot: StoreSnapshot): void {
  const tickets = new Map(snapshot.tickets.map((row) => [row.id, row.record]));
  for (const ack of acks) {
    const record = tickets.get(ack.ticketId);
    expect(record, `已确认保存的工单 ${ack.title} 不见了`).toBeDefined();
    const storedEdit = Number(/第 (\d+) 次$/.exec(record?.title ?? '')?.[1]);
    expect(storedEdit, `工单 ${ack.title} 退回到了更早的内容`).toBeGreaterThanOrEqual(ack.edit);
    const history = snapshot.history.filter(
      (row) => row.recordId === ack.ticketId && row.field === 'title' && row.newValue === ack.title,
    );
    expect(history, `${ack.title} 缺少历史记录`).toHaveLength(1);
    const ops = snapshot.outbox.filter(
      (op) =>
        op.recordId === ack.ticketId &&
        op.fields.some((field) => field.field === 'title' && field.value === ack.title),
    );
    expect(ops, `${ack.title} 缺少待同步操作`).toHaveLength(1);
  }
}

/**
 * No partial record: every stored field's value is what its latest history row says; every history
 * row belongs to a stored ticket; each save's history rows (one HLC) match exactly one outbox op;
 * every ticket is in the search index under every token of its row.
 */
function expectNoPartialRecord(whole: StoreSnapshot): void {
  // The burst's records are tickets; the app saves others meanwhile (a reminder's receipt), each whole too
  // but not what these checks read.
  const snapshot = {
    ...whole,
    history: whole.history.filter((row) => row.recordType === 'ticket'),
    outbox: whole.outbox.filter((op) => op.recordType === 'ticket'),
  };
  // Each ticket's base search rows (`<id>#head`, `<id>#body`) and the additions of its edits: every
  // token of its row is indexed, and no search row belongs to a ticket that is not stored.
  const search = new Map<string, Set<string>>();
  for (const row of snapshot.search) {
    const ticketId = row.id.slice(0, row.id.indexOf('#'));
    search.set(ticketId, new Set([...(search.get(ticketId) ?? []), ...row.tokens]));
  }
  const bases = snapshot.search.filter((row) => /#(head|body)$/.test(row.id));
  expect(bases.length, '每张工单应有两行基础搜索索引').toBe(2 * snapshot.tickets.length);
  const stored = new Set(snapshot.tickets.map((row) => row.id));
  expect(
    [...search.keys()].filter((id) => !stored.has(id)),
    '搜索索引指向不存在的工单',
  ).toEqual([]);
  for (const ticket of snapshot.tickets) {
    const indexed = search.get(ticket.id) ?? new Set<string>();
    expect(
      ticket.tokens.filter((token) => !indexed.has(token)),
      `工单 ${ticket.record.title} 有未进搜索索引的词`,
    ).toEqual([]);
  }

  const ids = new Set(snapshot.tickets.map((row) => row.id));
  for (const row of snapshot.history)
    expect(ids.has(row.recordId), `历史记录指向不存在的工单 ${row.recordId}`).toBe(true);

  const latest = new Map<string, { hlc: string; value: unknown }>();
  for (const row of snapshot.history) {
    const key = `${row.recordId}/${row.field}`;
    const seen = latest.get(key);
    if (seen === undefined || row.hlc > seen.hlc) latest.set(key, { hlc: row.hlc, value: row.newValue });
  }
  for (const ticket of snapshot.tickets) {
    for (const [field, value] of Object.entries(ticket.record)) {
      if (field === 'updatedAt') continue;
      const last = latest.get(`${ticket.id}/${field}`);
      expect(last, `工单 ${ticket.record.title} 的 ${field} 没有历史记录`).toBeDefined();
      expect(
        isDeepStrictEqual(last?.value, value),
        `工单 ${ticket.record.title} 的 ${field} 与最后一条历史不符`,
      ).toBe(true);
    }
  }

  const saves = new Map<string, Set<string>>();
  for (const row of snapshot.history) {
    const key = `${row.recordId}@${row.hlc}`;
    saves.set(key, (saves.get(key) ?? new Set()).add(row.field));
  }
  expect(snapshot.outbox).toHaveLength(saves.size);
  for (const op of snapshot.outbox) {
    const hlc = op.fields[0]?.hlc ?? '';
    expect(new Set(op.fields.map((field) => field.field))).toEqual(saves.get(`${op.recordId}@${hlc}`));
  }
}

test('closing the page in the middle of a burst of saves keeps every acknowledged save, whole', async ({
  context,
}) => {
  const { acknowledged, snapshot } = await burstUntil(context, '崩溃测试-关闭页面', (page) =>
    page.close({ runBeforeUnload: false }),
  );
  expect(snapshot.tickets.length).toBeGreaterThan(0);
  expectEveryAcknowledgedSave(acknowledged, snapshot);
  expectNoPartialRecord(snapshot);
});

test('a renderer crash in the middle of a burst of saves keeps every acknowledged save, whole', async ({
  context,
}) => {
  const { acknowledged, snapshot } = await burstUntil(context, '崩溃测试-渲染进程崩溃', async (page) => {
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash', { timeout: 10_000 });
    // Page.crash kills the renderer process outright: no unload, no pending work finishes. Its reply
    // never arrives (the session dies with the renderer), so only the page's crash event is awaited.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
  });
  expectEveryAcknowledgedSave(acknowledged, snapshot);
  expectNoPartialRecord(snapshot);
});
