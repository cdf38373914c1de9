import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDateToDayNumber } from '../time/shanghai-time';
import { builtinCalendar, builtinCalendarNotices } from './builtin-calendars';
import { importCalendarNotice, importCalendarNoticeText } from './calendar-notice-import';
import { WorkingCalendar } from './working-calendar';

const ORACLE_DIR = join(import.meta.dirname, '../../../../shared/data/holiday-cn');
if (!existsSync(ORACLE_DIR)) {
  throw new Error(
    `No holiday-cn copy at ${ORACLE_DIR}: these tests need the shared folder beside the repository (README, "Test it").`,
  );
}
const fixture2027 = readFileSync(join(import.meta.dirname, 'fixtures/notice-2027.json'), 'utf8');

function issuesOf(value: unknown) {
  const result = importCalendarNotice(value);
  if (result.ok) throw new Error('expected the notice to be refused');
  return result.issues;
}

function holiday(notice: ReturnType<typeof notice2027>, index: number) {
  const found = notice.holidays[index];
  if (found === undefined) throw new Error(`the fixture has no holiday ${index}`);
  return found;
}

function notice2027(): {
  holidays: { name: string; from: string; to: string; adjustedWorkdays: string[] }[];
} {
  return JSON.parse(fixture2027) as ReturnType<typeof notice2027>;
}

describe('importing a year’s notice', () => {
  it('takes a valid 2027 notice in the shipped layout as it is', () => {
    const result = importCalendarNoticeText(fixture2027);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const calendar = builtinCalendar([result.notice]);
    expect(calendar.hasYear(2027)).toBe(true);
    expect(calendar.isWorkday(isoDateToDayNumber('2027-02-20'))).toBe(true);
    expect(calendar.isProvisional(isoDateToDayNumber('2027-02-20'))).toBe(false);
  });

  for (const year of [2023, 2024, 2025, 2026]) {
    it(`takes the holiday-cn file of ${year} and gives the same calendar as the shipped notice`, () => {
      const result = importCalendarNoticeText(readFileSync(join(ORACLE_DIR, `${year}.json`), 'utf8'));
      expect(result).toMatchObject({ ok: true });
      if (!result.ok || year === 2023) return;
      const imported = new WorkingCalendar([result.notice]).daysOfYear(year);
      const shipped = new WorkingCalendar(builtinCalendarNotices.filter((n) => n.year === year)).daysOfYear(
        year,
      );
      expect(imported.map((day) => [day.date, day.workday])).toEqual(
        shipped.map((day) => [day.date, day.workday]),
      );
    });
  }

  it('refuses a file that is not JSON, saying where', () => {
    const result = importCalendarNoticeText('{ "year": 2027, }');
    expect(result).toMatchObject({ ok: false, issues: [{ path: '第 1 行第 17 列' }] });
  });

  it('refuses a date outside the notice’s year, with its path', () => {
    const notice = notice2027();
    holiday(notice, 0).from = '2026-12-20';
    expect(issuesOf(notice)).toContainEqual({
      path: 'holidays[0]',
      message: expect.stringContaining('2026-12-20 不在 2027 年内'),
    });
  });

  it('refuses a day named twice', () => {
    const notice = notice2027();
    holiday(notice, 1).adjustedWorkdays.push('2027-01-02');
    expect(issuesOf(notice)).toContainEqual({
      path: 'holidays[1]',
      message: expect.stringMatching(/2027-01-02 出现了两次/),
    });
  });

  it('refuses a missing name and an impossible date, each at its path', () => {
    const notice = notice2027();
    holiday(notice, 0).name = ' ';
    holiday(notice, 2).from = '2027-02-30';
    const issues = issuesOf(notice);
    expect(issues).toContainEqual({ path: 'holidays[0].name', message: '请填写节日名称' });
    expect(issues).toContainEqual({
      path: 'holidays[2].from',
      message: expect.stringContaining('YYYY-MM-DD'),
    });
  });

  it('refuses a 调休 working day that is not on a weekend', () => {
    const notice = notice2027();
    holiday(notice, 3).adjustedWorkdays[0] = '2027-04-26';
    expect(issuesOf(notice)).toContainEqual({
      path: 'holidays[3].adjustedWorkdays[0]',
      message: expect.stringContaining('星期一'),
    });
  });

  it('refuses a notice that leaves out a statutory holiday', () => {
    const notice = notice2027();
    notice.holidays.splice(4, 1);
    expect(issuesOf(notice)).toContainEqual({
      path: '(root)',
      message: expect.stringContaining('2027-06-09（端午节）'),
    });
  });

  it('refuses an implausible count of days off and a holiday too long to be one', () => {
    const notice = notice2027();
    holiday(notice, 4).to = '2027-06-30';
    const issues = issuesOf(notice);
    expect(issues).toContainEqual({
      path: 'holidays[4]',
      message: expect.stringContaining('连续放假 22 天'),
    });
    const many = notice2027();
    many.holidays.push(
      { name: '假一', from: '2027-07-01', to: '2027-07-10', adjustedWorkdays: [] },
      { name: '假二', from: '2027-08-01', to: '2027-08-10', adjustedWorkdays: [] },
    );
    expect(issuesOf(many)).toContainEqual({
      path: '(root)',
      message: expect.stringContaining('不像是一年的节假日安排'),
    });
  });

  it('refuses an unknown key, and a holiday-cn file whose holiday is split or has only working days', () => {
    expect(issuesOf({ ...notice2027(), extra: 1 })).toContainEqual({
      path: 'extra',
      message: expect.any(String),
    });
    const split = {
      year: 2027,
      papers: [],
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '元旦', date: '2027-01-03', isOffDay: true },
        { name: '劳动节', date: '2027-04-25', isOffDay: false },
      ],
    };
    const issues = issuesOf(split);
    expect(issues).toContainEqual({ path: 'days[0]', message: expect.stringContaining('不连续') });
    expect(issues).toContainEqual({ path: 'days[2]', message: expect.stringContaining('只有调休上班日') });
  });
});
