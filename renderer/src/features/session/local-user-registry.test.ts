import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openUserDatabase, saveRecord, userDatabaseName } from '../../store';
import { at, createdTicket } from '../../store/testing/record-fixtures';
import {
  LocalUserRegistry,
  UserNameError,
  checkUserName,
  createLocalUser,
  listLocalUsers,
} from './local-user-registry';

describe('local users', () => {
  it('lists users in the order they were created and refuses a name already used', async () => {
    const registry = new LocalUserRegistry(`yunwei-profiles-test-${Date.now()}`);
    await createLocalUser(registry, ' 张伟 ', 2);
    await createLocalUser(registry, 'Ｌｉ　Ｎａ', 1);
    expect((await listLocalUsers(registry)).map((user) => user.id)).toEqual(['Li Na', '张伟']);
    await expect(createLocalUser(registry, '张伟', 3)).rejects.toBeInstanceOf(UserNameError);
    await expect(createLocalUser(registry, '张伟', 3)).rejects.toThrow('本机已有名为“张伟”的用户');
    await expect(createLocalUser(registry, '   ', 3)).rejects.toThrow('请填写姓名');
    expect(checkUserName('x'.repeat(33))).toEqual({ ok: false, reason: '姓名不能超过 32 个字符' });
    await registry.delete();
  });

  it('keeps each user’s tickets in their own database: neither ever sees the other’s', async () => {
    const suffix = Date.now();
    const zhang = `张伟-${suffix}`;
    const li = `李娜-${suffix}`;
    expect(userDatabaseName(zhang)).not.toBe(userDatabaseName(li));
    const zhangDb = await openUserDatabase(zhang);
    const liDb = await openUserDatabase(li);
    const zhangTicket = createdTicket({ title: '张伟的工单' });
    const liTicket = createdTicket({ title: '李娜的工单' });
    await saveRecord(zhangDb, {
      recordType: 'ticket',
      before: null,
      after: zhangTicket,
      actor: zhang,
      at: at('2026-03-10T09:05'),
    });
    await saveRecord(liDb, {
      recordType: 'ticket',
      before: null,
      after: liTicket,
      actor: li,
      at: at('2026-03-10T09:06'),
    });

    expect((await zhangDb.tickets.toArray()).map((row) => row.record.title)).toEqual(['张伟的工单']);
    expect((await liDb.tickets.toArray()).map((row) => row.record.title)).toEqual(['李娜的工单']);
    expect(await zhangDb.tickets.get(liTicket.id)).toBeUndefined();
    expect((await zhangDb.history.toArray()).every((entry) => entry.recordId === zhangTicket.id)).toBe(true);
    expect((await liDb.outbox.toArray()).map((op) => op.recordId)).toEqual([liTicket.id]);
    // Each database has its own clock node, so the two users' edits never share an HLC.
    expect((await zhangDb.meta.get('hlc'))?.value.nodeId).not.toBe(
      (await liDb.meta.get('hlc'))?.value.nodeId,
    );

    // Reopened later, each still sees only their own.
    zhangDb.close();
    const reopened = await openUserDatabase(zhang);
    expect(await reopened.tickets.count()).toBe(1);
    await reopened.delete();
    await liDb.delete();
  });
});
