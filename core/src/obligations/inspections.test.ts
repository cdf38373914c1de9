import { describe, expect, it } from 'vitest';
import { findSubsystem } from '../profile/find-sla-clock';
import { parseInstant } from '../time/shanghai-time';
import { inspectionObligations, untrackedInspectionPlans } from './inspections';
import type { Obligation } from './obligation';
import { contextAt, testProfile, testRun, testTemplate } from './test-records';

/*
 * An 08:30 check on working days: 2026-02-13 is a Friday, 02-14 a 调休 Saturday (working), 02-15…23
 * the Spring Festival holiday, 02-24 a Tuesday.
 */
const workdays0830 = testTemplate('portal-0830', 5, { kind: 'daily', days: 'workdays', dueBy: '08:30' });
const february = { from: '2026-02-13', to: '2026-02-28' };

function states(obligations: readonly Obligation[]): [string, string][] {
  return obligations.map((obligation) => [obligation.id.split(':')[2] as string, obligation.state]);
}

describe('inspectionObligations: every slot of a scheduled checklist up to today', () => {
  it('owes the check on the 调休 Saturday and not on the holiday; a late finish breaks it', () => {
    const runs = [
      testRun(workdays0830, '2026-02-13', '2026-02-13 08:20'),
      testRun(workdays0830, '2026-02-14', '2026-02-14 09:10'),
    ];
    const obligations = inspectionObligations(
      [workdays0830],
      runs,
      contextAt('2026-02-16 12:00', { contractYear: february }),
    );
    expect(states(obligations)).toEqual([
      ['2026-02-13', 'met'],
      ['2026-02-14', 'broken'],
    ]);
    expect(obligations[1]?.detail).toBe('2026-02-14 09:10 才完成，晚于应检时间 2026-02-14 08:30');
    expect(obligations[1]?.recordIds).toEqual([runs[1]?.id]);
  });

  it.each([
    ['2026-02-24 07:50', 'due'], // 40 minutes to go
    ['2026-02-24 08:00', 'at_risk'], // the last 30 minutes
    ['2026-02-24 08:29', 'at_risk'],
    ['2026-02-24 08:30', 'overdue'], // from the due instant on, an unstarted check is late
    ['2026-02-24 09:00', 'overdue'], // late, but the day is not over
    ['2026-02-25 00:00', 'broken'], // the day is over: missed
  ] as const)('the 02-24 check with no run at %s is %s', (now, state) => {
    const obligations = inspectionObligations(
      [workdays0830],
      [],
      contextAt(now, { contractYear: { from: '2026-02-24', to: '2026-02-28' } }),
    );
    expect(obligations[0]?.state).toBe(state);
    expect(obligations[0]?.dueAt).toBe(parseInstant('2026-02-24 08:30'));
  });

  it('owes no slot that closed before the checklist came into use', () => {
    const saved = { ...workdays0830, createdAt: parseInstant('2026-02-14 12:00') };
    const obligations = inspectionObligations(
      [saved],
      [],
      contextAt('2026-02-16 12:00', { contractYear: february }),
    );
    expect(states(obligations)).toEqual([['2026-02-14', 'broken']]);
  });

  it('owes an every-day check on the holiday too', () => {
    const everyDay = testTemplate('s5-daily-0830', 5, { kind: 'daily', days: 'every_day', dueBy: '08:30' });
    const obligations = inspectionObligations(
      [everyDay],
      [],
      contextAt('2026-02-16 07:00', { contractYear: february }),
    );
    expect(states(obligations).map(([key]) => key)).toEqual([
      '2026-02-13',
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
    ]);
    expect(obligations[3]?.state).toBe('due');
  });

  it.each([
    ['2026-02-10 10:00', 'due'], // 18 days to the month's end
    ['2026-02-26 10:00', 'at_risk'], // 2 days 14 hours to 03-01 00:00
  ] as const)('a monthly check not yet done at %s is %s; January without a run is broken', (now, state) => {
    const monthly = testTemplate('s13-monthly', 13, { kind: 'monthly' }, '电子政务网门户系统月度巡检');
    const obligations = inspectionObligations([monthly], [], contextAt(now));
    expect(states(obligations)).toEqual([
      ['2026-01', 'broken'],
      ['2026-02', state],
    ]);
    expect(obligations[1]?.dueAt).toBe(parseInstant('2026-03-01 00:00'));
  });

  it('judges by the newest version, ignores runs not finished by now and other scopes', () => {
    const unscheduled = {
      ...workdays0830,
      id: '00000000-0000-4000-8000-0000000fffff',
      version: 2,
      schedule: null,
    };
    const context = contextAt('2026-02-16 12:00', { contractYear: february });
    expect(inspectionObligations([workdays0830, unscheduled], [], context)).toEqual([]);
    const finishedLater = testRun(workdays0830, '2026-02-13', '2026-02-16 13:00');
    expect(states(inspectionObligations([workdays0830], [finishedLater], context))[0]).toEqual([
      '2026-02-13',
      'broken',
    ]);
    const engineerOfOne = contextAt('2026-02-16 12:00', {
      contractYear: february,
      scope: { subsystemIds: [1], unitIds: null },
    });
    expect(inspectionObligations([workdays0830], [], engineerOfOne)).toEqual([]);
  });
});

describe('untrackedInspectionPlans: the plans no slot can be computed for', () => {
  it('lists a 定期 plan and a plan without a checklist with their reasons', () => {
    expect(untrackedInspectionPlans(findSubsystem(testProfile, 4), []).map((entry) => entry.reason)).toEqual([
      '招标文件只写“定期”，未规定巡检间隔，没有应检日期可核对',
    ]);
    expect(untrackedInspectionPlans(findSubsystem(testProfile, 3), []).map((entry) => entry.reason)).toEqual([
      '招标文件未列出巡检项目，没有巡检模板，无法记录和核对巡检',
    ]);
  });

  it('lists a daily plan until a scheduled checklist of its id is in the records', () => {
    const s5 = findSubsystem(testProfile, 5);
    expect(untrackedInspectionPlans(s5, []).map((entry) => entry.text)).toEqual([
      '每日早上 8 点半之前对省人社厅门户网站栏目各项功能及页面进行巡检',
      '每月进行常规巡检',
    ]);
    const daily = testTemplate('s5-daily-0830', 5, { kind: 'daily', days: 'every_day', dueBy: '08:30' });
    const monthly = testTemplate('s5-monthly', 5, { kind: 'monthly' });
    expect(untrackedInspectionPlans(s5, [daily, monthly])).toEqual([]);
  });
});
