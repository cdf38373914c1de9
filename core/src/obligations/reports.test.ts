import { describe, expect, it } from 'vitest';
import { findSubsystem } from '../profile/find-sla-clock';
import { parseInstant } from '../time/shanghai-time';
import { acceptanceDates, acceptanceObligations, reportObligations, untrackedReports } from './reports';
import { contextAt, testProfile } from './test-records';

const s10 = findSubsystem(testProfile, 10);

function due(now: string, subsystemId = 10): [string, string][] {
  return reportObligations([findSubsystem(testProfile, subsystemId)], contextAt(now)).map((obligation) => [
    obligation.id,
    obligation.state,
  ]);
}

describe('reportObligations: the next due day of each dated report', () => {
  it('gives subsystem 10 its 10th, 16th and 26th and a month-end report', () => {
    expect(due('2026-02-05 10:00')).toEqual([
      ['report:s10-day10-analysis:2026-02-10', 'due'], // 5 days 14 hours left
      ['report:s10-day16-data:2026-02-16', 'due'],
      ['report:s10-day26-data:2026-02-26', 'due'],
      ['report:s10-portal-statistics:2026-02-28', 'due'],
    ]);
  });

  it.each([
    ['2026-02-07 00:00', 'due'], // 4 days to the end of the 10th
    ['2026-02-08 10:00', 'at_risk'], // 2 days 14 hours: within 3 days
    ['2026-02-10 23:59', 'at_risk'], // the day itself
  ] as const)('the report of the 10th at %s is %s', (now, state) => {
    expect(due(now)[0]).toEqual(['report:s10-day10-analysis:2026-02-10', state]);
  });

  it('moves on to next month once the day has passed', () => {
    expect(due('2026-02-11 00:00')[0]).toEqual(['report:s10-day10-analysis:2026-03-10', 'due']);
  });

  it('is due by the end of its day and says the app does not record hand-ins', () => {
    const [first] = reportObligations([s10], contextAt('2026-02-05 10:00'));
    expect(first?.dueAt).toBe(parseInstant('2026-02-11 00:00'));
    expect(first?.detail).toBe('2026-02-10 前报送（上月）；应用内不记录报送，交付后请人工核对');
    expect(first?.clause).toContain('每月 10 日');
  });

  it('dates a yearly report at the year’s end and acceptance reports at the next acceptance', () => {
    expect(due('2026-03-01 10:00', 8)).toEqual([
      ['report:s8-inspection-report:2026-03-31', 'due'],
      ['report:s8-issue-log:2026-03-31', 'due'],
      ['report:s8-warning-ledger:2026-03-31', 'due'],
      ['report:s8-yearly-summary:2026-12-31', 'due'],
    ]);
    expect(due('2026-07-01 10:00', 3).slice(1)).toEqual([
      ['report:s3-user-feedback:2026-12-31', 'due'],
      ['report:s3-service-summary:2026-12-31', 'due'],
      ['report:s3-acceptance-compilation:2026-12-31', 'due'],
    ]);
  });

  it('has nothing due after the contract year', () => {
    expect(due('2027-01-01 00:00')).toEqual([]);
  });
});

describe('acceptance: every intervalMonths of the contract year', () => {
  it.each([
    [{ from: '2026-01-01', to: '2026-12-31' }, ['2026-06-30', '2026-12-31']],
    [{ from: '2026-03-15', to: '2027-03-14' }, ['2026-09-14', '2027-03-14']],
    [{ from: '2026-08-31', to: '2027-08-30' }, ['2027-02-27', '2027-08-30']], // February has no 31st
  ])('a year %o is accepted on %o', (contractYear, dates) => {
    expect(acceptanceDates(contextAt('2026-01-01 00:00', { contractYear }))).toEqual(dates);
  });

  it('names the documents the next acceptance asks for', () => {
    const [next] = acceptanceObligations(contextAt('2026-06-28 09:00'));
    expect(next?.id).toBe('acceptance:2026-06-30');
    expect(next?.state).toBe('at_risk');
    expect(next?.detail).toContain('《运维月报》、《巡检记录》');
  });
});

describe('untrackedReports', () => {
  it('lists 定期 and on-event reports with their reasons', () => {
    expect(untrackedReports(findSubsystem(testProfile, 8)).map((entry) => entry.text)).toEqual([
      findSubsystem(testProfile, 8).reports.find((report) => report.frequency === 'on-event')?.title,
    ]);
    expect(untrackedReports(findSubsystem(testProfile, 4))[0]?.reason).toBe(
      '招标文件只写“定期”，未规定报送间隔，没有到期日可核对',
    );
  });
});
