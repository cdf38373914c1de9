import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { suiteTitle, testBackends } from '../../test-support/test-databases';
import type { Command } from '../cli-io';
import { createCalendarCommand } from './calendar-command';
import { createSlaCommand } from './sla-command';

const FIXTURE_2027 = join(import.meta.dirname, '../../../../core/src/calendar/fixtures/notice-2027.json');
const HOLIDAY_CN_2026 = join(import.meta.dirname, '../../../../../shared/data/holiday-cn/2026.json');

async function run(command: Command, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await command(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stopSignal: new Promise<string>(() => undefined),
  });
  return { code, stdout, stderr };
}

for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(
    `yunwei calendar import on ${suiteTitle(backend)}`,
    () => {
      let dispose: () => Promise<void>;
      let calendar: Command;
      let sla: Command;
      let dataArgs: string[];

      beforeEach(async () => {
        const target = await backend.createTarget();
        dispose = target.dispose;
        const env =
          target.target.databaseUrl === undefined ? {} : { DATABASE_URL: target.target.databaseUrl };
        dataArgs = target.target.dataDir === undefined ? [] : ['--data', target.target.dataDir];
        calendar = createCalendarCommand({ env, now: () => Date.UTC(2026, 11, 6) });
        sla = createSlaCommand({ env });
      });
      afterEach(() => dispose());

      it('imports a year, which then counts exactly as a shipped one in calendar and sla', async () => {
        const before = await run(
          sla,
          'add',
          '--from',
          '2027-02-19T17:00',
          '--minutes',
          '60',
          '--schedule',
          'workday:09:00-17:30',
          ...dataArgs,
        );
        expect(before).toMatchObject({ code: 0, stdout: '2027-02-22T09:30:00+08:00\n' });
        expect(before.stderr).toMatch(/^暂定：2027 年/);

        const imported = await run(calendar, 'import', FIXTURE_2027, ...dataArgs);
        expect(imported).toMatchObject({ code: 0, stderr: '' });
        expect(imported.stdout).toMatch(/^已导入 2027 年节假日安排：7 个节日，29 个放假日，5 个调休上班日/);
        expect((await run(calendar, 'import', FIXTURE_2027, ...dataArgs)).stdout).toMatch(/已有相同/);

        const after = await run(
          sla,
          'add',
          '--from',
          '2027-02-19T17:00',
          '--minutes',
          '60',
          '--schedule',
          'workday:09:00-17:30',
          ...dataArgs,
        );
        expect(after).toEqual({ code: 0, stdout: '2027-02-20T09:30:00+08:00\n', stderr: '' });
        const deadline = await run(
          sla,
          'deadline',
          '--subsystem',
          '4',
          '--category',
          'data',
          '--severity',
          'ordinary',
          '--clock',
          'resolution',
          '--from',
          '2027-02-19T10:00',
          ...dataArgs,
        );
        expect(deadline.stderr).toBe('');

        const printed = await run(calendar, '2027', ...dataArgs);
        expect(printed.stderr).toBe('');
        const days = JSON.parse(printed.stdout) as {
          date: string;
          workday: boolean;
          name?: string;
          provisional?: boolean;
        }[];
        expect(days.find((day) => day.date === '2027-02-20')).toEqual({
          date: '2027-02-20',
          workday: true,
          name: '春节',
        });
        expect(days.some((day) => day.provisional)).toBe(false);
      });

      it('takes the holiday-cn layout too', async () => {
        const imported = await run(calendar, 'import', HOLIDAY_CN_2026, ...dataArgs);
        expect(imported.code).toBe(0);
        expect(imported.stdout).toMatch(/2026 年节假日安排：7 个节日/);
      });

      it('refuses a bad file with each problem at its path, exit 1, and stores nothing', async () => {
        const dir = await mkdtemp(join(tmpdir(), 'yunwei-calendar-'));
        try {
          const file = join(dir, 'bad.json');
          await writeFile(
            file,
            JSON.stringify({
              year: 2027,
              notice: '通知',
              source: 'x',
              holidays: [
                { name: '元旦', from: '2027-01-01', to: '2027-01-01', adjustedWorkdays: ['2027-01-04'] },
              ],
            }),
          );
          const refused = await run(calendar, 'import', file, ...dataArgs);
          expect(refused.code).toBe(1);
          expect(refused.stderr).toMatch(
            /holidays\[0\]\.adjustedWorkdays\[0\]：调休上班日 2027-01-04 是星期一/,
          );
          expect(refused.stderr).toMatch(/2027-02-05、.*（春节）应当放假/);
          const missing = await run(calendar, 'import', join(dir, 'none.json'), ...dataArgs);
          expect(missing.code).toBe(1);
          expect(missing.stderr).toMatch(/无法读取文件/);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
        const printed = await run(calendar, '2027', ...dataArgs);
        expect(printed.stderr).toMatch(/^暂定：2027 年/);
      });
    },
  );
}

describe('yunwei calendar and sla without a database', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yunwei-calendar-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('answers a shipped year and a provisional one without creating a database', async () => {
    const env = { XDG_DATA_HOME: dir };
    const sla = createSlaCommand({ env });
    expect(
      await run(
        sla,
        'add',
        '--from',
        '2026-02-13T17:00',
        '--minutes',
        '60',
        '--schedule',
        'workday:09:00-17:30',
      ),
    ).toEqual({
      code: 0,
      stdout: '2026-02-14T09:30:00+08:00\n',
      stderr: '',
    });
    const crossing = await run(
      sla,
      'add',
      '--from',
      '2026-12-31T17:00:00+08:00',
      '--minutes',
      '60',
      '--schedule',
      'workday:09:00-17:30',
    );
    expect(crossing).toMatchObject({ code: 0, stdout: '2027-01-04T09:30:00+08:00\n' });
    expect(crossing.stderr).toMatch(/^暂定：2027 年的节假日安排（国务院通知）尚未发布/);
    const period = await run(sla, 'add', '--from', '2026-12-25T10:00:00+08:00', '--workdays', '15');
    expect(period).toMatchObject({ code: 0, stdout: '2027-01-19T00:00:00+08:00\n' });
    const printed = await run(createCalendarCommand({ env, now: Date.now }), '2027');
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)[0]).toEqual({
      date: '2027-01-01',
      workday: false,
      name: '元旦',
      provisional: true,
    });
    expect(existsSync(join(dir, 'yunwei-desk'))).toBe(false);
  });
});
