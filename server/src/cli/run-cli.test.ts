import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stopSignal: new Promise<string>(() => undefined),
  });
  return { code, stdout, stderr };
}

describe('yunwei calendar', () => {
  it('prints one object per day, naming only the days the notice names', async () => {
    const { code, stdout } = await cli('calendar', '2026');
    expect(code).toBe(0);
    const days = JSON.parse(stdout) as Array<{ date: string; workday: boolean; name?: string }>;
    expect(days).toHaveLength(365);
    expect(days.find((day) => day.date === '2026-02-14')).toEqual({
      date: '2026-02-14',
      workday: true,
      name: '春节',
    });
    expect(days.find((day) => day.date === '2026-03-07')).toEqual({ date: '2026-03-07', workday: false });
  });

  it('names a year the law cannot answer for', async () => {
    const { code, stderr } = await cli('calendar', '2101', '--data', '/nonexistent/yunwei-test');
    expect(code).toBe(1);
    expect(stderr).toMatch(/2101/);
  });

  it('rejects a malformed year with usage and exit 2', async () => {
    const { code, stderr } = await cli('calendar', 'next');
    expect(code).toBe(2);
    expect(stderr).toMatch(/年份/);
    expect(stderr).toMatch(/用法/);
  });
});

describe('yunwei sla add', () => {
  it('prints the deadline of a minute clock in +08:00', async () => {
    const { code, stdout } = await cli(
      'sla',
      'add',
      '--from',
      '2026-02-13T17:00:00+08:00',
      '--minutes',
      '30',
      '--schedule',
      'workday:09:00-17:30',
    );
    expect(code).toBe(0);
    expect(stdout).toBe('2026-02-13T17:30:00+08:00\n');
  });

  it('applies pauses', async () => {
    const { stdout } = await cli(
      'sla',
      'add',
      '--from',
      '2026-03-10T09:30',
      '--minutes',
      '60',
      '--schedule',
      '24x7',
      '--pause',
      '2026-03-10T10:00/2026-03-10T11:00',
    );
    expect(stdout).toBe('2026-03-10T11:30:00+08:00\n');
  });

  it('prints the end of a working-day period as the next day at 00:00', async () => {
    const { code, stdout } = await cli('sla', 'add', '--from', '2026-02-12T10:00', '--workdays', '3');
    expect(code).toBe(0);
    expect(stdout).toBe('2026-02-25T00:00:00+08:00\n');
  });

  it.each([
    [['sla', 'add', '--minutes', '30', '--schedule', '24x7'], /--from/],
    [['sla', 'add', '--from', '2026-03-10T09:00', '--minutes', '-5', '--schedule', '24x7'], /--minutes/],
    [['sla', 'add', '--from', '2026-03-10T09:00', '--minutes', '5', '--schedule', 'office'], /无法识别/],
    [['sla', 'add', '--from', 'yesterday', '--minutes', '5', '--schedule', '24x7'], /--from/],
    [['sla', 'add', '--from', '2026-03-10T09:00', '--workdays', '2', '--minutes', '5'], /不能/],
    [
      ['sla', 'add', '--from', '2026-03-10T09:00', '--minutes', '5', '--schedule', '24x7', '--bogus'],
      /bogus/,
    ],
    [['sla', 'add', '--from', '2026-03-10T09:00', '--workdays', '2', '--pause', '2026-03-10'], /--pause/],
    [['sla', 'frobnicate'], /frobnicate/],
    [['nonsense'], /nonsense/],
  ])('rejects %j with usage on stderr and exit 2', async (args, reason) => {
    const { code, stdout, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(reason);
    expect(stderr).toMatch(/用法/);
  });
});

describe('yunwei with an unknown command', () => {
  it('names it and shows the usage, even when it is named like an object member', async () => {
    for (const name of ['nosuch', 'constructor', 'toString', '__proto__']) {
      const result = await cli(name);
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toContain(`未知的命令 "${name}"`);
    }
  });
});
