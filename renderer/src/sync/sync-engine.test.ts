import 'fake-indexeddb/auto';
import { editTicket, type Ticket } from '@core/records';
import type { SessionUser } from '@core/sync/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type YunweiDatabase,
  putBlob,
  readServerStates,
  searchTermTicketIds,
  type SyncedRecord,
} from '../store';
import { at, createdTicket } from '../store/testing/record-fixtures';
import { BACKOFF_BASE_MS } from './backoff';
import { PERIODIC_SYNC_MS, SAVE_DEBOUNCE_MS, SyncEngine, type StatusPatch, type Timers } from './sync-engine';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './sync-status';
import { FakeSyncServer } from './testing/fake-sync-server';
import { failWrites } from '../store/testing/object-store-spies';
import { saveTicket } from '../store/testing/save-ticket';
import { testDatabases } from '../store/testing/test-databases';

const USER: SessionUser = {
  name: 'zhangsan',
  role: 'engineer',
  subsystemIds: [5],
  unitIds: [],
  visibleSubsystemIds: [5],
};

const databases = testDatabases('engine');
const freshDatabase = databases.fresh;

afterEach(() => {
  vi.restoreAllMocks();
});

/** Timers the test fires by hand: what the engine scheduled, and when. */
class ManualTimers implements Timers {
  readonly pending = new Map<number, { readonly callback: () => void; readonly ms: number }>();
  private next = 0;
  set(callback: () => void, ms: number): unknown {
    this.next += 1;
    this.pending.set(this.next, { callback, ms });
    return this.next;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  delays(): number[] {
    return [...this.pending.values()].map((timer) => timer.ms);
  }
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const timer of due) timer.callback();
  }
}

interface Client {
  readonly db: YunweiDatabase;
  readonly engine: SyncEngine;
  readonly timers: ManualTimers;
  readonly status: () => SyncStatus;
  readonly applied: SyncedRecord[];
}

/** A promise and what settles it: lets a test hold a fake request until it says so. */
function signal(): { readonly settled: Promise<void>; readonly settle: () => void } {
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  return { settled, settle };
}

async function client(server: FakeSyncServer, user: SessionUser = USER): Promise<Client> {
  const db = await freshDatabase();
  const timers = new ManualTimers();
  let status: SyncStatus = INITIAL_SYNC_STATUS;
  const applied: SyncedRecord[] = [];
  const engine = new SyncEngine({
    db,
    transport: server,
    user,
    onStatus: (patch: StatusPatch) => {
      status = { ...status, ...patch };
    },
    onApplied: (changed) => applied.push(...changed),
    now: () => at('2026-03-10T12:00'),
    random: () => 0.5,
    timers,
  });
  return { db, engine, timers, status: () => status, applied };
}

function edited(ticket: Ticket, patch: Parameters<typeof editTicket>[1]): Ticket {
  const result = editTicket(ticket, patch);
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

/**
 * Three tickets saved on PC A and pushed; PC B, fresh, pulls them one per page (`pulls`: each page's
 * cursor, in order).
 */
async function threeTicketsOnePagePerPull(): Promise<{ readonly b: Client; readonly pulls: string[] }> {
  const server = new FakeSyncServer();
  const a = await client(server);
  const b = await client(server);
  for (let index = 0; index < 3; index += 1) {
    await saveTicket(a.db, null, createdTicket({ title: `工单 ${index}` }), '2026-03-10T09:05');
  }
  await a.engine.runRound();
  const pulls: string[] = [];
  const pull = server.pull.bind(server);
  server.pull = async (request) => {
    const page = await pull({ ...request, limit: 1 });
    pulls.push(page.cursor);
    return page;
  };
  return { b, pulls };
}

describe('SyncEngine', () => {
  it('brings two PCs’ offline edits of one ticket together: both fields survive, on both PCs', async () => {
    const server = new FakeSyncServer();
    const a = await client(server);
    const b = await client(server);
    const ticket = await saveTicket(a.db, null, createdTicket(), '2026-03-10T09:05');
    expect(await a.engine.runRound()).toEqual({ ok: true });
    expect(await b.engine.runRound()).toEqual({ ok: true });
    expect(b.applied).toEqual([{ recordType: 'ticket', recordId: ticket.id }]);
    const onB = (await b.db.tickets.get(ticket.id))?.record as Ticket;

    await saveTicket(a.db, ticket, edited(ticket, { title: 'A 改的标题' }), '2026-03-10T10:00');
    await saveTicket(b.db, onB, edited(onB, { description: 'B 改的描述' }), '2026-03-10T10:01');
    await a.engine.runRound();
    await b.engine.runRound();
    await a.engine.runRound();

    for (const db of [a.db, b.db]) {
      const record = (await db.tickets.get(ticket.id))?.record;
      expect(record?.title).toBe('A 改的标题');
      expect(record?.description).toBe('B 改的描述');
      expect(await db.outbox.count()).toBe(0);
    }
    expect(server.recordOf(ticket.id)?.title).toBe('A 改的标题');
    expect(a.status()).toMatchObject({
      phase: 'idle',
      lastError: null,
      lastSuccessAt: at('2026-03-10T12:00'),
    });
  });

  it('re-sends the same ops after a lost reply, and the server applies them once', async () => {
    const server = new FakeSyncServer();
    const a = await client(server);
    const ticket = await saveTicket(a.db, null, createdTicket(), '2026-03-10T09:05');
    await saveTicket(a.db, ticket, edited(ticket, { title: '第二次保存' }), '2026-03-10T09:10');
    const queued = await a.db.outbox.toArray();
    server.fail({ kind: 'drop-reply' });

    const failed = await a.engine.runRound();
    expect(failed).toMatchObject({ ok: false, failure: { phase: 'offline', retry: true } });
    expect(a.status().phase).toBe('offline');
    // The server committed, but this PC never heard: the ops stay queued, untouched.
    expect(await a.db.outbox.toArray()).toEqual(queued);
    const changeSeqAfterFirst = server.records.get(ticket.id)?.changeSeq;

    expect(await a.engine.runRound()).toEqual({ ok: true });
    expect(await a.db.outbox.count()).toBe(0);
    expect(server.records.get(ticket.id)?.changeSeq).toBe(changeSeqAfterFirst);
    expect(server.recordOf(ticket.id)?.title).toBe('第二次保存');
    expect(await a.db.rejections.count()).toBe(0);
  });

  it('retries with exponential backoff and full jitter, and forgets it after a success', async () => {
    const server = new FakeSyncServer();
    const a = await client(server);
    await saveTicket(a.db, null, createdTicket(), '2026-03-10T09:05');
    server.fail({ kind: 'drop-request' }, { kind: 'drop-request' });

    a.engine.start();
    await a.engine.idle();
    // random() = 0.5 of the ceiling 2 s × 2^0.
    expect(a.timers.delays()).toEqual([BACKOFF_BASE_MS / 2]);
    expect(a.status()).toMatchObject({
      phase: 'offline',
      nextAttemptAt: at('2026-03-10T12:00') + BACKOFF_BASE_MS / 2,
    });
    expect(a.status().lastError?.message).toContain('无法连接服务器');

    a.timers.fireAll();
    await a.engine.idle();
    expect(a.timers.delays()).toEqual([BACKOFF_BASE_MS]);

    a.timers.fireAll();
    await a.engine.idle();
    expect(a.status().phase).toBe('idle');
    expect(await a.db.outbox.count()).toBe(0);
    // After a success: the periodic round, and the event stream (a fake that never ends).
    expect(a.timers.delays()).toEqual([PERIODIC_SYNC_MS]);
    a.engine.stop();
    expect(a.timers.delays()).toEqual([]);
  });

  it('starts a round on a poke', async () => {
    const server = new FakeSyncServer();
    const a = await client(server);
    const b = await client(server);
    a.engine.start();
    await a.engine.idle();
    const ticket = await saveTicket(b.db, null, createdTicket(), '2026-03-10T09:05');
    await b.engine.runRound();
    server.poke();
    // The poke replaced the periodic round with a debounced one.
    expect(a.timers.delays()).toEqual([SAVE_DEBOUNCE_MS]);
    a.timers.fireAll();
    await a.engine.idle();
    expect(await a.db.tickets.get(ticket.id)).toBeDefined();
    a.engine.stop();
  });

  it('answers a poke that arrives during a round with a round after it, not the periodic one', async () => {
    const server = new FakeSyncServer();
    const a = await client(server);
    const b = await client(server);
    a.engine.start();
    await a.engine.idle();
    // A's next pull reads the server, then waits: B's ticket is pushed and poked after that read.
    const pull = server.pull.bind(server);
    const released = signal();
    const pulledOnce = signal();
    server.pull = async (request) => {
      const page = await pull(request);
      server.pull = pull;
      pulledOnce.settle();
      await released.settled;
      return page;
    };
    a.engine.syncNow();
    await pulledOnce.settled;
    const ticket = await saveTicket(b.db, null, createdTicket(), '2026-03-10T09:05');
    await b.engine.runRound();
    server.poke();
    released.settle();
    await a.engine.idle();
    expect(await a.db.tickets.get(ticket.id)).toBeUndefined();
    expect(a.timers.delays()).toEqual([SAVE_DEBOUNCE_MS]);
    a.timers.fireAll();
    await a.engine.idle();
    expect(await a.db.tickets.get(ticket.id)).toBeDefined();
    a.engine.stop();
  });

  it('keeps a rejected op with the server’s code and reason, and goes on with the others', async () => {
    const server = new FakeSyncServer();
    server.subsystems = [5];
    const a = await client(server);
    const allowed = await saveTicket(a.db, null, createdTicket({ subsystemId: 5 }), '2026-03-10T09:05');
    const forbidden = await saveTicket(
      a.db,
      null,
      createdTicket({ subsystemId: 3, title: '别人的子项' }),
      '2026-03-10T09:06',
    );

    expect(await a.engine.runRound()).toEqual({ ok: true });
    expect(await a.db.outbox.count()).toBe(0);
    const rejections = await a.db.rejections.toArray();
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ recordId: forbidden.id, code: 'forbidden' });
    expect(rejections[0]?.reason).toContain('运维子项 3');
    expect(server.recordOf(allowed.id)).toBeDefined();
    expect(server.recordOf(forbidden.id)).toBeUndefined();
    // The refused ticket stays on this PC for the user to fix or discard.
    expect((await a.db.tickets.get(forbidden.id))?.record.title).toBe('别人的子项');
  });

  it('uploads an attachment before the op that refers to it', async () => {
    const server = new FakeSyncServer();
    const a = await client(server);
    const attachment = await putBlob(a.db, new Blob(['机房照片的字节']), '机房.jpg');
    const ticket = await saveTicket(
      a.db,
      null,
      { ...createdTicket(), attachments: [attachment] },
      '2026-03-10T09:05',
    );

    expect(await a.engine.runRound()).toEqual({ ok: true });
    expect(server.blobs.has(attachment.sha256)).toBe(true);
    expect(server.requests.indexOf('put-blob')).toBeLessThan(server.requests.indexOf('push'));
    expect(server.recordOf(ticket.id)?.attachments).toEqual([attachment]);
  });

  it('stops and asks to sign in again on a 401, keeping the outbox', async () => {
    const server = new FakeSyncServer();
    const a = await client(server);
    await saveTicket(a.db, null, createdTicket(), '2026-03-10T09:05');
    server.fail({ kind: 'http', status: 401, code: 'token_expired', message: '登录已过期' });
    a.engine.start();
    await a.engine.idle();
    expect(a.status().phase).toBe('signed-out');
    expect(a.status().lastError?.message).toContain('请重新登录');
    expect(a.timers.delays()).toEqual([]);
    expect(await a.db.outbox.count()).toBe(1);
    a.engine.requestSync();
    expect(a.timers.delays()).toEqual([]);
  });

  it('forgets a round asked for during a round that ends signed out', async () => {
    const server = new FakeSyncServer();
    const a = await client(server);
    await saveTicket(a.db, null, createdTicket(), '2026-03-10T09:05');
    const push = server.push.bind(server);
    const released = signal();
    const pushStarted = signal();
    server.push = async (request) => {
      pushStarted.settle();
      await released.settled;
      return push(request);
    };
    server.fail({ kind: 'http', status: 401, code: 'token_expired', message: '登录已过期' });
    a.engine.start();
    await pushStarted.settled;
    // A save while the round is on its way: it asks for a round after this one.
    a.engine.requestSync();
    expect(a.timers.delays()).toEqual([SAVE_DEBOUNCE_MS]);
    released.settle();
    await a.engine.idle();
    expect(a.status().phase).toBe('signed-out');
    expect(a.timers.delays()).toEqual([]);
  });

  it('stops and says the app must be upgraded on client_outdated', async () => {
    const server = new FakeSyncServer();
    const a = await client(server);
    server.fail({ kind: 'http', status: 426, code: 'client_outdated', message: '请先升级运维台客户端' });
    a.engine.start();
    await a.engine.idle();
    expect(a.status()).toMatchObject({ phase: 'outdated', lastError: { message: '请先升级运维台客户端' } });
    expect(a.timers.delays()).toEqual([]);
  });

  it('pulls to quiescence over several pages, storing the cursor with each', async () => {
    const { b, pulls } = await threeTicketsOnePagePerPull();
    await b.engine.runRound();
    expect(await b.db.tickets.count()).toBe(3);
    expect(pulls).toHaveLength(3);
    expect((await b.db.syncMeta.get('sync'))?.cursor).toBe(pulls.at(-1));
  });

  it('stops a round at a page it cannot write: the pages before it stay, none after it is written', async () => {
    const { b, pulls } = await threeTicketsOnePagePerPull();
    failWrites(
      'syncMeta',
      new DOMException('磁盘写入失败（测试）', 'UnknownError'),
      (value) => (value as { cursor?: string }).cursor === pulls[1],
    );

    const outcome = await b.engine.runRound();
    expect(outcome.ok).toBe(false);
    expect(await b.db.tickets.count()).toBe(1);
    expect((await b.db.syncMeta.get('sync'))?.cursor).toBe(pulls[0]);

    vi.restoreAllMocks();
    expect(await b.engine.runRound()).toEqual({ ok: true });
    expect(await b.db.tickets.count()).toBe(3);
  });

  it('indexes a first sync’s tickets in bulk before the round reports done, and later pulls at once', async () => {
    const server = new FakeSyncServer();
    const a = await client(server);
    const b = await client(server);
    const first = await saveTicket(
      a.db,
      null,
      createdTicket({ title: '门户网站首页打不开' }),
      '2026-03-10T09:05',
    );
    await a.engine.runRound();

    expect(await b.engine.runRound()).toEqual({ ok: true });
    expect(await b.db.tickets.count()).toBe(1);
    expect((await b.db.syncMeta.get('sync'))?.searchBacklog).toBeUndefined();
    for (const token of ['门户', '网站', '打不'])
      expect(await searchTermTicketIds(b.db, { token, prefix: false }, 10)).toEqual([first.id]);
    expect(await searchTermTicketIds(b.db, { token: '户', prefix: true }, 10)).toEqual([first.id]);

    const second = await saveTicket(
      a.db,
      null,
      createdTicket({ title: '统计报表导不出来' }),
      '2026-03-10T09:10',
    );
    await a.engine.runRound();
    await b.engine.runRound();
    expect(await b.db.ticketSearch.where('tokens').equals('报表').primaryKeys()).toEqual([
      `${second.id}#head`,
    ]);
    expect(await searchTermTicketIds(b.db, { token: '门户', prefix: false }, 10)).toEqual([first.id]);
  });

  it('on a first sync, merges what this PC already holds and writes the rest without reading', async () => {
    const server = new FakeSyncServer();
    const a = await client(server);
    const b = await client(server);
    const fromA = await saveTicket(
      a.db,
      null,
      createdTicket({ title: '门户网站首页打不开' }),
      '2026-03-10T09:05',
    );
    await a.engine.runRound();
    // B saved offline before its first sync: a new ticket, and an edit of A's ticket it copied by hand.
    const own = await saveTicket(b.db, null, createdTicket({ title: '账号登录失败' }), '2026-03-10T09:20');
    const ownEdit = edited(own, { description: 'B 离线补充的描述' });
    await saveTicket(b.db, own, ownEdit, '2026-03-10T09:21');
    await saveTicket(a.db, fromA, edited(fromA, { title: 'A 又改的标题' }), '2026-03-10T09:30');
    await a.engine.runRound();

    expect(await b.engine.runRound()).toEqual({ ok: true });

    expect((await b.db.tickets.get(own.id))?.record.description).toBe('B 离线补充的描述');
    expect((await b.db.tickets.get(fromA.id))?.record.title).toBe('A 又改的标题');
    expect(await b.db.outbox.count()).toBe(0);
    expect(Object.keys(await readServerStates(b.db, own.id))).toContain('description');
    // No history rows for records B did not have: their history is the server's.
    expect(
      await b.db.history.where('[recordId+at]').between([fromA.id, 0], [fromA.id, Infinity]).count(),
    ).toBe(0);
  });
});
