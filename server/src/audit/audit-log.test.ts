import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSecurityPolicy } from '../auth/security-policy';
import type { Database } from '../db/database';
import { buildApp } from '../http/app';
import { createMigratedDatabase, suiteTitle, testBackends } from '../test-support/test-databases';
import { type AuditEntry, listAudit, purgeAudit, writeAudit } from './audit-log';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 8, 1, 2, 0, 0);

const entry = (daysAgo: number, actor: string, target: string | null = null): AuditEntry => ({
  at: NOW - daysAgo * DAY,
  actor,
  ip: '10.1.2.3',
  action: 'login',
  target,
  result: 'success',
  detail: { daysAgo },
});

for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(`audit log on ${suiteTitle(backend)}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      ({ db, dispose } = await createMigratedDatabase(backend));
      await writeAudit(db, [
        entry(400, 'old'),
        entry(181, 'zhangsan'),
        entry(179, 'zhangsan'),
        entry(1, 'cli:root', 'zhangsan'),
        entry(0, 'lisi'),
      ]);
    }, 120_000);

    afterAll(async () => {
      await dispose();
    });

    it('lists newest first, filtered by time and by the user acting or acted on', async () => {
      const all = await listAudit(db, { limit: 100 });
      expect(all.map((row) => row.detail.daysAgo)).toEqual([0, 1, 179, 181, 400]);
      expect(all[0]).toMatchObject({
        at: NOW,
        actor: 'lisi',
        ip: '10.1.2.3',
        action: 'login',
        result: 'success',
      });
      const recent = await listAudit(db, { limit: 100, since: NOW - 179 * DAY });
      expect(recent.map((row) => row.detail.daysAgo)).toEqual([0, 1, 179]);
      const zhangsan = await listAudit(db, { limit: 100, user: 'zhangsan' });
      expect(zhangsan.map((row) => row.detail.daysAgo)).toEqual([1, 179, 181]);
      expect((await listAudit(db, { limit: 2 })).length).toBe(2);
    });

    it('purges only rows older than the retention period, when the server starts', async () => {
      const app = buildApp({ db, version: 'test', now: () => NOW, logLevel: 'silent' });
      await app.ready();
      await app.close();
      const left = await listAudit(db, { limit: 100 });
      expect(left.map((row) => row.detail.daysAgo)).toEqual([0, 1, 179]);
      expect(await purgeAudit(db, NOW, 180)).toBe(0);
      expect(await purgeAudit(db, NOW + 2 * DAY, 180)).toBe(1);
    });
  });
}

describe('audit retention setting', () => {
  it('refuses less than 180 days', () => {
    expect(() => resolveSecurityPolicy({ auditRetentionDays: 90 })).toThrow(
      '审计日志保存天数应为不少于 180 的整数（等保要求至少 6 个月），实为 90',
    );
    expect(resolveSecurityPolicy({ auditRetentionDays: 365 }).auditRetentionDays).toBe(365);
    expect(() => resolveSecurityPolicy({ tokenTtlMs: 0 })).toThrow('安全设置 tokenTtlMs 应为正整数，实为 0');
  });
});
