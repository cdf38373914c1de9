import 'fake-indexeddb/auto';
import { editTicket, newTemplate, type Ticket } from '@core/records';
import { decodeHlc } from '@core/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { YunweiDatabase } from '../database/yunwei-database';
import { StoreError } from '../errors/store-error';
import { QUOTA_MESSAGE } from '../errors/to-store-error';
import { failWrites, watchWrites } from '../testing/object-store-spies';
import { at, createdTicket, respondedTicket } from '../testing/record-fixtures';
import { saveRecord } from './save-record';
import { undoInput } from './undo-input';
import { testDatabases } from '../testing/test-databases';

const databases = testDatabases('save');
const freshDatabase = databases.fresh;

afterEach(() => {
  vi.restoreAllMocks();
});

async function counts(db: YunweiDatabase) {
  return {
    tickets: await db.tickets.count(),
    history: await db.history.count(),
    outbox: await db.outbox.count(),
    hlc: (await db.meta.get('hlc'))?.value,
  };
}

function edited(ticket: Ticket, patch: Parameters<typeof editTicket>[1]): Ticket {
  const result = editTicket(ticket, patch);
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

describe('saveRecord', () => {
  it('writes the row, one history row per field and one outbox op, and ticks the clock once', async () => {
    const db = await freshDatabase();
    const ticket = createdTicket();
    const savedAt = at('2026-03-10T09:05');
    const result = await saveRecord(db, {
      recordType: 'ticket',
      before: null,
      after: ticket,
      actor: 'zhangsan',
      at: savedAt,
    });

    const row = await db.tickets.get(ticket.id);
    expect(row?.record).toEqual({ ...ticket, updatedAt: savedAt });
    const fields = Object.keys(ticket)
      .filter((field) => field !== 'updatedAt')
      .sort();
    const history = await db.history
      .where('[recordId+at]')
      .between([ticket.id, 0], [ticket.id, Infinity])
      .toArray();
    expect(history.map((entry) => entry.field).sort()).toEqual(fields);
    expect(
      history.every(
        (entry) => entry.actor === 'zhangsan' && entry.at === savedAt && entry.recordType === 'ticket',
      ),
    ).toBe(true);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.fields.map((field) => field.field).sort()).toEqual(fields);
    expect(outbox[0]?.seq).toBe(1);
    const clock = (await db.meta.get('hlc'))?.value;
    expect(clock?.wallMs).toBe(savedAt);
    expect(new Set(history.map((entry) => entry.hlc))).toEqual(new Set([result.op?.fields[0]?.hlc]));
    expect(decodeHlc(history[0]?.hlc ?? '')).toEqual(clock);
    expect(result.previous).toBeNull();
  });

  it('records only the changed field on an edit, with old and new values', async () => {
    const db = await freshDatabase();
    const ticket = createdTicket();
    const first = await saveRecord(db, {
      recordType: 'ticket',
      before: null,
      after: ticket,
      actor: 'zhangsan',
      at: at('2026-03-10T09:05'),
    });
    const changed = edited(first.record, { title: '门户网站首页 502' });
    const second = await saveRecord(db, {
      recordType: 'ticket',
      before: first.record,
      after: changed,
      actor: 'lisi',
      at: at('2026-03-10T09:20'),
    });

    expect(second.history).toHaveLength(1);
    expect(second.history[0]).toMatchObject({
      field: 'title',
      oldValue: '门户网站首页打不开',
      newValue: '门户网站首页 502',
      actor: 'lisi',
    });
    expect(second.op?.fields).toEqual([
      { field: 'title', value: '门户网站首页 502', hlc: second.history[0]?.hlc },
    ]);
    expect((await db.tickets.get(ticket.id))?.record.title).toBe('门户网站首页 502');
    expect(await db.outbox.count()).toBe(2);
    expect(second.history[0]?.hlc.localeCompare(first.history[0]?.hlc ?? '')).toBe(1);
  });

  it('indexes a ticket for search, adding only the new tokens of an edit and rewriting no row', async () => {
    const db = await freshDatabase();
    const { keys: writes } = watchWrites('ticketSearch');
    const created = await saveRecord(db, {
      recordType: 'ticket',
      before: null,
      after: createdTicket(),
      actor: 'zhangsan',
      at: at('2026-03-10T09:05'),
    });
    const id = created.record.id;
    const head = `${id}#head`;
    const body = `${id}#body`;
    // '首页' is in the title and in the description: both rows list it.
    expect(await db.ticketSearch.where('tokens').equals('首页').primaryKeys()).toEqual([body, head]);
    expect(writes).toEqual([head, body]);

    const responded = await saveRecord(db, {
      recordType: 'ticket',
      before: created.record,
      after: respondedTicket(created.record, at('2026-03-10T09:08')),
      actor: 'zhangsan',
      at: at('2026-03-10T09:08'),
    });
    expect(writes).toHaveLength(2);

    const retitled = await saveRecord(db, {
      recordType: 'ticket',
      before: responded.record,
      after: edited(responded.record, { title: '社保卡查询接口超时' }),
      actor: 'zhangsan',
      at: at('2026-03-10T09:10'),
    });
    // A new title adds one row to the head part, with the tokens the head did not have.
    expect(writes).toHaveLength(3);
    expect(writes[2]).toMatch(new RegExp(`^${id}#head\\+`));
    const [added] = await db.ticketSearch.where('tokens').equals('社保').toArray();
    expect(added?.id).toMatch(new RegExp(`^${id}#head\\+`));
    expect(added?.tokens).not.toContain('首页');

    await saveRecord(db, {
      recordType: 'ticket',
      before: retitled.record,
      after: edited(retitled.record, { description: '接口日志显示数据库连接超时' }),
      actor: 'zhangsan',
      at: at('2026-03-10T09:12'),
    });
    // A new description, one row to the body part; no row was ever rewritten.
    expect(writes).toHaveLength(4);
    expect(writes[3]).toMatch(new RegExp(`^${id}#body\\+`));
    expect(new Set(writes).size).toBe(writes.length);
    expect(await db.ticketSearch.where('tokens').equals('日志').primaryKeys()).toEqual([
      expect.stringMatching(new RegExp(`^${id}#body\\+`)),
    ]);
    // Every token of the ticket as it is now is indexed (the old title's stay, and search rechecks rows).
    const indexed = new Set((await db.ticketSearch.toArray()).flatMap((row) => row.tokens));
    const current = (await db.tickets.get(id))?.tokens ?? [];
    expect(current.length).toBeGreaterThan(0);
    expect(current.filter((token) => !indexed.has(token))).toEqual([]);
  });

  it('writes nothing for an edit that changes nothing', async () => {
    const db = await freshDatabase();
    const { record } = await saveRecord(db, {
      recordType: 'ticket',
      before: null,
      after: createdTicket(),
      actor: 'zhangsan',
      at: at('2026-03-10T09:05'),
    });
    const before = await counts(db);
    const result = await saveRecord(db, {
      recordType: 'ticket',
      before: record,
      after: { ...record },
      actor: 'zhangsan',
      at: at('2026-03-10T10:00'),
    });
    expect(result).toMatchObject({ history: [], op: null, record });
    expect(await counts(db)).toEqual(before);
    expect((await db.tickets.get(record.id))?.updatedAt).toBe(record.updatedAt);
  });

  it('writes nothing at all when the transaction fails halfway (history write fails after the row)', async () => {
    const db = await freshDatabase();
    const kept = await saveRecord(db, {
      recordType: 'ticket',
      before: null,
      after: createdTicket(),
      actor: 'zhangsan',
      at: at('2026-03-10T09:05'),
    });
    const before = await counts(db);
    const searchBefore = await db.ticketSearch.toArray();
    failWrites('history', new Error('磁盘写入中断（测试）'));
    const changed = edited(kept.record, { title: '新标题' });
    const newOne = createdTicket({ title: '另一张工单' });

    await expect(
      saveRecord(db, {
        recordType: 'ticket',
        before: kept.record,
        after: changed,
        actor: 'zhangsan',
        at: at('2026-03-10T09:30'),
      }),
    ).rejects.toBeInstanceOf(StoreError);
    await expect(
      saveRecord(db, {
        recordType: 'ticket',
        before: null,
        after: newOne,
        actor: 'zhangsan',
        at: at('2026-03-10T09:31'),
      }),
    ).rejects.toMatchObject({ kind: 'unknown' });

    expect(await counts(db)).toEqual(before);
    expect((await db.tickets.get(kept.record.id))?.record).toEqual(kept.record);
    expect(await db.tickets.get(newOne.id)).toBeUndefined();
    expect(await db.ticketSearch.toArray()).toEqual(searchBefore);
  });

  it('reports a full disk in Chinese and keeps everything saved before', async () => {
    const db = await freshDatabase();
    const kept = await saveRecord(db, {
      recordType: 'ticket',
      before: null,
      after: createdTicket(),
      actor: 'zhangsan',
      at: at('2026-03-10T09:05'),
    });
    const before = await counts(db);
    failWrites('outbox', new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const attempt = saveRecord(db, {
      recordType: 'ticket',
      before: kept.record,
      after: edited(kept.record, { title: '新标题' }),
      actor: 'zhangsan',
      at: at('2026-03-10T09:30'),
    });
    await expect(attempt).rejects.toMatchObject({ kind: 'quota', message: QUOTA_MESSAGE });
    expect(await counts(db)).toEqual(before);
    expect((await db.tickets.get(kept.record.id))?.record.title).toBe('门户网站首页打不开');
  });

  it('refuses to overwrite a record another window changed since it was read', async () => {
    const db = await freshDatabase();
    const original = (
      await saveRecord(db, {
        recordType: 'ticket',
        before: null,
        after: createdTicket(),
        actor: 'zhangsan',
        at: at('2026-03-10T09:05'),
      })
    ).record;
    await saveRecord(db, {
      recordType: 'ticket',
      before: original,
      after: edited(original, { title: '窗口一的修改' }),
      actor: 'zhangsan',
      at: at('2026-03-10T09:10'),
    });
    const saved = await counts(db);
    const stale = saveRecord(db, {
      recordType: 'ticket',
      before: original,
      after: edited(original, { title: '窗口二的修改' }),
      actor: 'zhangsan',
      at: at('2026-03-10T09:11'),
    });
    await expect(stale).rejects.toMatchObject({ kind: 'conflict' });
    expect(await counts(db)).toEqual(saved);
    expect((await db.tickets.get(original.id))?.record.title).toBe('窗口一的修改');
    const recreate = saveRecord(db, {
      recordType: 'ticket',
      before: null,
      after: original,
      actor: 'zhangsan',
      at: at('2026-03-10T09:12'),
    });
    await expect(recreate).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('ticks past the saves of another window on the same database, writing each save once', async () => {
    const first = await freshDatabase();
    const second = new YunweiDatabase(first.name);
    await second.open();
    databases.keep(second);
    const created = await saveRecord(first, {
      recordType: 'ticket',
      before: null,
      after: createdTicket(),
      actor: 'zhangsan',
      at: at('2026-03-10T09:05'),
    });
    const other = await saveRecord(second, {
      recordType: 'ticket',
      before: created.record,
      after: edited(created.record, { title: '窗口二的修改' }),
      actor: 'zhangsan',
      at: at('2026-03-10T09:06'),
    });
    // The first window still remembers its own clock, which the second window has moved past.
    const again = await saveRecord(first, {
      recordType: 'ticket',
      before: other.record,
      after: edited(other.record, { title: '窗口一的修改' }),
      actor: 'zhangsan',
      at: at('2026-03-10T09:06'),
    });

    const hlcs = [created, other, again].map((save) => save.op?.fields[0]?.hlc ?? '');
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(3);
    expect(await counts(first)).toMatchObject({ tickets: 1, outbox: 3 });
    expect((await first.history.toArray()).filter((row) => row.field === 'title')).toHaveLength(3);
    expect(decodeHlc(hlcs[2] ?? '')).toEqual((await first.meta.get('hlc'))?.value);
  });

  it('refuses a record its core schema rejects, naming the field', async () => {
    const db = await freshDatabase();
    const broken = { ...createdTicket(), title: '' };
    const attempt = saveRecord(db, {
      recordType: 'ticket',
      before: null,
      after: broken,
      actor: 'zhangsan',
      at: at('2026-03-10T09:05'),
    });
    await expect(attempt).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('title: 请填写标题'),
    });
    expect(await db.tickets.count()).toBe(0);
  });

  it('undoes the last save as a new save, history keeping both', async () => {
    const db = await freshDatabase();
    const created = await saveRecord(db, {
      recordType: 'ticket',
      before: null,
      after: createdTicket(),
      actor: 'zhangsan',
      at: at('2026-03-10T09:05'),
    });
    const responded = await saveRecord(db, {
      recordType: 'ticket',
      before: created.record,
      after: respondedTicket(created.record, at('2026-03-10T09:08')),
      actor: 'zhangsan',
      at: at('2026-03-10T09:08'),
    });
    expect(responded.record.status).toBe('responded');

    const undone = await saveRecord(db, {
      ...undoInput({ recordType: 'ticket', record: responded.record, previous: responded.previous }),
      actor: 'zhangsan',
      at: at('2026-03-10T09:09'),
    } as Parameters<typeof saveRecord>[1]);
    const stored = (await db.tickets.get(created.record.id))?.record;
    expect({ ...stored, updatedAt: 0 }).toEqual({ ...created.record, updatedAt: 0 });
    expect(undone.history.map((entry) => entry.field).sort()).toEqual(['events', 'status']);
    const statusHistory = await db.history
      .where('[recordId+at]')
      .between([created.record.id, 0], [created.record.id, Infinity])
      .filter((entry) => entry.field === 'status')
      .toArray();
    expect(statusHistory.map((entry) => [entry.oldValue, entry.newValue])).toEqual([
      [undefined, 'new'],
      ['new', 'responded'],
      ['responded', 'new'],
    ]);

    const undoCreate = undoInput({ recordType: 'ticket', record: created.record, previous: null });
    expect(undoCreate.after.deleted).toBe(true);
  });

  it('stores template versions under <templateId>@<version> and refuses a version number already taken', async () => {
    const db = await freshDatabase();
    const content = {
      subsystemId: 5,
      templateId: 's5-daily',
      name: '门户网站每日功能检查',
      schedule: null,
      items: [{ id: 'home', kind: 'pass-fail' as const, label: '首页可打开', required: true }],
    };
    const first = newTemplate(content, { actor: 'admin', at: at('2026-03-01T09:00') });
    const rival = newTemplate(content, { actor: 'admin', at: at('2026-03-01T09:01') });
    if (!first.ok || !rival.ok) throw new Error('模板无效');
    await saveRecord(db, {
      recordType: 'inspectionTemplate',
      before: null,
      after: first.template,
      actor: 'admin',
      at: at('2026-03-01T09:00'),
    });
    expect((await db.inspectionTemplates.get('s5-daily@1'))?.id).toBe(first.template.id);
    const clash = saveRecord(db, {
      recordType: 'inspectionTemplate',
      before: null,
      after: rival.template,
      actor: 'admin',
      at: at('2026-03-01T09:01'),
    });
    await expect(clash).rejects.toMatchObject({ kind: 'conflict' });
  });
});
