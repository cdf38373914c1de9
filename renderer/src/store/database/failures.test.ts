import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { MISSING_INDEXEDDB_MESSAGE, VERSION_MESSAGE, toStoreError } from '../errors/to-store-error';
import { saveRecord } from '../save/save-record';
import { at, createdTicket } from '../testing/record-fixtures';
import { userDatabaseName } from './database-name';
import { openUserDatabase } from './open-database';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V1, SCHEMA_V6 } from './schema';
import { BLOCKED_MESSAGE, SUPERSEDED_MESSAGE, type StoreNotice } from './store-notices';

let counter = 0;
function uniqueUser(): string {
  counter += 1;
  return `failure-${counter}-${Date.now()}`;
}

describe('IndexedDB failures', () => {
  it('disconnects and asks for a reload when a newer window upgrades the database, keeping every save', async () => {
    const user = uniqueUser();
    const notices: StoreNotice[] = [];
    const db = await openUserDatabase(user, { onNotice: (notice) => notices.push(notice) });
    const ticket = createdTicket();
    await saveRecord(db, {
      recordType: 'ticket',
      before: null,
      after: ticket,
      actor: 'zhangsan',
      at: at('2026-03-10T09:05'),
    });

    const newer = new Dexie(userDatabaseName(user));
    newer.version(CURRENT_SCHEMA_VERSION).stores(SCHEMA_V6);
    newer.version(CURRENT_SCHEMA_VERSION + 1).stores({ ...SCHEMA_V6, trainings: 'id' });
    await newer.open();

    expect(notices).toEqual([{ kind: 'version', message: SUPERSEDED_MESSAGE }]);
    const attempt = saveRecord(db, {
      recordType: 'ticket',
      before: null,
      after: createdTicket({ title: '旧窗口的新工单' }),
      actor: 'zhangsan',
      at: at('2026-03-10T09:06'),
    });
    await expect(attempt).rejects.toMatchObject({ kind: 'version', message: SUPERSEDED_MESSAGE });
    expect((await newer.table('tickets').get(ticket.id))?.record.title).toBe(ticket.title);
    expect(await newer.table('history').count()).toBeGreaterThan(0);
    await newer.delete();
  });

  it('refuses to open a database a newer version of the app has upgraded, with a reload message', async () => {
    const user = uniqueUser();
    const newer = new Dexie(userDatabaseName(user));
    newer.version(CURRENT_SCHEMA_VERSION + 1).stores({ ...SCHEMA_V6, trainings: 'id' });
    await newer.open();
    await newer.table('tickets').add({ id: 'kept', record: {} });
    newer.close();

    await expect(openUserDatabase(user)).rejects.toMatchObject({ kind: 'version', message: VERSION_MESSAGE });
    await newer.open();
    expect(await newer.table('tickets').get('kept')).toBeDefined();
    await newer.delete();
  });

  it('says which window to close while an upgrade is blocked, then finishes it with nothing lost', async () => {
    const user = uniqueUser();
    const name = userDatabaseName(user);
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    await old.table('blobs').add({
      sha256: 'b'.repeat(64),
      name: 'a.txt',
      mime: 'text/plain',
      size: 1,
      data: new Blob(['a']),
      createdAt: 1,
    });
    // An old window that ignores the request to close (as a busy or hung tab does).
    old.on('versionchange', () => false);

    const notices: StoreNotice[] = [];
    let resolveBlocked: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (resolveBlocked = resolve));
    const opening = openUserDatabase(user, {
      onNotice: (notice) => {
        notices.push(notice);
        if (notice.kind === 'blocked') resolveBlocked();
      },
    });
    await blocked;
    expect(notices).toEqual([{ kind: 'blocked', message: BLOCKED_MESSAGE }]);

    old.close();
    const db = await opening;
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.blobs.count()).toBe(1);
    await db.delete();
  });

  it('explains a browser without IndexedDB and keeps IndexedDB’s own reason for anything else', () => {
    expect(toStoreError(new Dexie.MissingAPIError('IndexedDB API missing'), '打开本地数据库')).toMatchObject({
      kind: 'unknown',
      message: MISSING_INDEXEDDB_MESSAGE,
    });
    const wrapped = new Dexie.AbortError(
      'Transaction aborted',
      new DOMException('disk I/O failed', 'UnknownError'),
    );
    const error = toStoreError(wrapped, '保存工单');
    expect(error.kind).toBe('unknown');
    expect(error.message).toContain('保存工单失败');
    expect(error.message).toContain('UnknownError: disk I/O failed');
    expect(
      toStoreError(
        new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')),
        '保存工单',
      ).kind,
    ).toBe('quota');
  });
});
