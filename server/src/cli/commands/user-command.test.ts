import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PasswordReader } from '../../accounts/read-password';
import { firstLine } from '../../accounts/read-password';
import { type TestTarget, suiteTitle, testBackends } from '../../test-support/test-databases';
import type { Command } from '../cli-io';
import { UsageError } from '../cli-errors';
import { createAuditCommand } from './audit-command';
import { createUserCommand } from './user-command';

const NOW = Date.UTC(2026, 2, 10, 1, 0, 0);

/** Runs a command: exit code and output, or the error it throws (runCli prints it: 2 for usage, else 1). */
async function runCommand(command: Command, args: readonly string[]) {
  let stdout = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => text },
    stopSignal: new Promise<string>(() => undefined),
  };
  try {
    return { code: await command(args, io), stdout, error: undefined };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return { code: error instanceof UsageError ? 2 : 1, stdout, error: error.message };
  }
}

for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(
    `yunwei user and yunwei audit on ${suiteTitle(backend)}`,
    () => {
      let testTarget: TestTarget;
      let env: Record<string, string>;
      let dataArgs: string[];
      let passwords: string[];
      let asked: { fromStdin: boolean }[];
      let user: Command;
      let audit: Command;

      const readPassword: PasswordReader = async (options) => {
        asked.push({ ...options });
        const next = passwords.shift();
        if (next === undefined) throw new Error('标准输入中没有密码（应为第一行）');
        return next;
      };

      beforeAll(async () => {
        testTarget = await backend.createTarget();
        env =
          testTarget.target.databaseUrl === undefined ? {} : { DATABASE_URL: testTarget.target.databaseUrl };
        dataArgs = testTarget.target.dataDir === undefined ? [] : ['--data', testTarget.target.dataDir];
        user = createUserCommand({ readPassword, env, now: () => NOW });
        audit = createAuditCommand(env);
      }, 120_000);

      afterAll(async () => {
        await testTarget.dispose();
      });

      const run = (command: Command, ...args: string[]) => runCommand(command, [...args, ...dataArgs]);

      it('adds accounts with a password read from stdin, never from the arguments, and says where the data is', async () => {
        passwords = ['Yunwei#2026', 'Shenzhou#2026'];
        asked = [];
        const added = await run(
          user,
          'add',
          'zhangsan',
          '--role',
          'engineer',
          '--subsystems',
          '1,5',
          '--password-stdin',
        );
        const dataDir = testTarget.target.dataDir;
        expect(added).toEqual({
          code: 0,
          stdout: `已新增用户 zhangsan：驻场工程师（运维子项 1、5）\n${dataDir === undefined ? '' : `内置数据库的文件夹：${dataDir}\n`}`,
          error: undefined,
        });
        expect(asked).toEqual([{ fromStdin: true }]);
        expect((await run(user, 'add', 'lead', '--role', 'project_lead')).code).toBe(0);
        expect(asked[1]).toEqual({ fromStdin: false });
        const argv = await run(user, 'add', 'lisi', '--role', 'auditor', '--password', 'Yunwei#2026');
        expect(argv.code).toBe(2);
        expect(argv.error).toMatch(/--password/);
      });

      it('refuses a weak password, a duplicate name and an unknown unit, creating nothing', async () => {
        passwords = ['password', 'Yunwei#2026', 'Yunwei#2026'];
        const weak = await run(user, 'add', 'wangwu', '--role', 'auditor', '--password-stdin');
        expect(weak).toMatchObject({
          code: 1,
          error: expect.stringContaining('至少 3 类（当前只有：小写字母）'),
        });
        const duplicate = await run(user, 'add', 'zhangsan', '--role', 'auditor', '--password-stdin');
        expect(duplicate).toMatchObject({ code: 1, error: '用户 zhangsan 已存在' });
        const unit = await run(
          user,
          'add',
          'lisi',
          '--role',
          'service_manager',
          '--units',
          '2,11',
          '--password-stdin',
        );
        expect(unit).toMatchObject({ code: 1, error: expect.stringContaining('合同档案中没有单位 11') });
        const list = await run(user, 'list', '--json');
        expect(
          list.stdout
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line).name),
        ).toEqual(['lead', 'zhangsan']);
      });

      it('explains bad arguments with the usage', async () => {
        for (const args of [
          ['add', 'x1'],
          ['add', 'x1', '--role', 'engineer'],
          ['add', 'x1', '--role', 'auditor', '--subsystems', '1'],
          ['add', 'x1', '--role', 'boss'],
          ['add', '--role', 'auditor'],
          ['add', 'x1', '--role', 'engineer', '--subsystems', 'one'],
          ['frobnicate'],
        ]) {
          const result = await run(user, ...args);
          expect(result.code, args.join(' ')).toBe(2);
        }
        passwords = ['Yunwei#2026'];
        const badName = await run(user, 'add', 'Zhang San', '--role', 'auditor', '--password-stdin');
        expect(badName).toMatchObject({ code: 1, error: expect.stringContaining('用户名 "Zhang San" 无效') });
      });

      it('lists, disables, resets and changes roles, and audits each change', async () => {
        const table = await run(user, 'list');
        expect(table.stdout.split('\n')[0]).toMatch(/^用户名\s+角色\s+状态\s+创建时间$/);
        expect(table.stdout).toContain('zhangsan  驻场工程师（运维子项 1、5）  正常');
        expect(
          await run(user, 'set-role', 'zhangsan', '--role', 'engineer', '--subsystems', '2'),
        ).toMatchObject({
          code: 0,
          stdout: '已将用户 zhangsan 设为 驻场工程师（运维子项 2），并终止了 0 个登录\n',
        });
        passwords = ['New#Passw0rd'];
        expect((await run(user, 'reset-password', 'zhangsan', '--password-stdin')).code).toBe(0);
        expect(await run(user, 'disable', 'zhangsan')).toMatchObject({
          code: 0,
          stdout: '已停用用户 zhangsan，并终止了 0 个登录\n',
        });
        expect((await run(user, 'disable', 'zhangsan')).code).toBe(1);
        expect((await run(user, 'disable', 'nobody')).error).toBe('没有用户 nobody');
        expect((await run(user, 'list')).stdout).toContain('已停用');

        const lines = (await run(audit, '--user', 'zhangsan', '--json')).stdout.trim().split('\n');
        const rows = lines.map(
          (line) => JSON.parse(line) as { action: string; actor: string; ip: null; at: string },
        );
        expect(rows.map((row) => row.action)).toEqual([
          'user_disable',
          'password_reset',
          'role_change',
          'user_add',
        ]);
        expect(rows[0]).toMatchObject({
          actor: expect.stringMatching(/^cli:/),
          ip: null,
          at: '2026-03-10T09:00:00+08:00',
        });
        const text = await run(audit, '--limit', '2');
        expect(text.stdout.split('\n')[0]).toMatch(/^时间\s+用户\s+来源\s+操作\s+对象\s+结果\s+详情$/);
        expect(text.stdout).toContain('本机命令行');
        expect(text.stdout).toContain('终止登录 0 个');
        expect(text.stdout).not.toContain('endedSessions');
        expect(text.stdout.trim().split('\n')).toHaveLength(3);
        expect((await run(audit, '--since', '2026-03-11')).stdout).toBe('没有符合条件的审计记录\n');
        expect((await run(audit, '--since', 'yesterday')).code).toBe(2);
        expect((await run(audit, '--limit', '0')).code).toBe(2);
      });
    },
  );
}

describe('firstLine', () => {
  it('takes the first line of piped input and refuses empty input', () => {
    expect(firstLine('Yunwei#2026\r\nignored\n')).toBe('Yunwei#2026');
    expect(() => firstLine('\n')).toThrow('标准输入中没有密码（应为第一行）');
  });
});
