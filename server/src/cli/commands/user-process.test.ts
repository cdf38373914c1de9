import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const MAIN = join(ROOT, 'server/src/cli/main.ts');

/** Runs `yunwei` as the admin would, with `input` piped to its standard input. */
function yunwei(
  args: string[],
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [TSX, MAIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('yunwei user in a process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yunwei-user-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reads the password from piped standard input and refuses to prompt without a terminal', async () => {
    const added = await yunwei(
      ['user', 'add', 'zhangsan', '--role', 'auditor', '--password-stdin', '--data', dataDir],
      'Yunwei#2026\n',
    );
    expect(added).toMatchObject({
      code: 0,
      stdout: `已新增用户 zhangsan：审计员（只读）\n内置数据库的文件夹：${dataDir}\n`,
    });
    const noTerminal = await yunwei(
      ['user', 'reset-password', 'zhangsan', '--data', dataDir],
      'Yunwei#2027\n',
    );
    expect(noTerminal.code).toBe(1);
    expect(noTerminal.stderr).toContain('请用 --password-stdin 从标准输入提供密码');
  }, 60_000);
});
