import { describe, expect, it } from 'vitest';
import { findSubsystem } from '../profile/find-sla-clock';
import {
  type ReportSubmission,
  reportSubmissionId,
  reportSubmissionSchema,
} from '../records/kinds/report-submission';
import { parseInstant } from '../time/shanghai-time';
import { acceptanceDates, acceptanceObligations, reportObligations, untrackedReports } from './reports';
import { contextAt, testProfile } from './test-records';

const s10 = findSubsystem(testProfile, 10);

/** The occasions still to come at `now`, with their states (the last one past is tested apart). */
function due(now: string, subsystemId = 10): [string, string][] {
  return reportObligations([findSubsystem(testProfile, subsystemId)], contextAt(now))
    .filter((obligation) => (obligation.dueAt ?? 0) > parseInstant(now))
    .map((obligation) => [obligation.id, obligation.state]);
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

  it('is due by the end of its day and says how to record the hand-in', () => {
    const first = reportObligations([s10], contextAt('2026-02-05 10:00')).find(
      (obligation) => obligation.id === 'report:s10-day10-analysis:2026-02-10',
    );
    expect(first?.dueAt).toBe(parseInstant('2026-02-11 00:00'));
    expect(first?.detail).toBe('2026-02-10 前报送（上月）；报送后请在“项目总览”标记为已提交');
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

/** A hand-in of subsystem 10's report of the 10th for February 2026, at `at`. */
function handedIn(obligationId: string, at: string, deleted = false): ReportSubmission {
  return reportSubmissionSchema.parse({
    id: reportSubmissionId(obligationId),
    subsystemId: obligationId.startsWith('acceptance:') ? null : 10,
    createdBy: 'wangjl',
    createdAt: parseInstant(at),
    updatedAt: parseInstant(at),
    deleted,
    obligationId,
    dueDate: obligationId.slice(-10),
    submittedAt: parseInstant(at),
    submittedBy: 'wangjl',
    note: '',
  });
}

const FEB_10 = 'report:s10-day10-analysis:2026-02-10';

describe('reportObligations: a report handed in (report_submission)', () => {
  function stateOf(now: string, submissions: readonly ReportSubmission[], id = FEB_10) {
    const found = reportObligations([s10], contextAt(now), submissions).find(
      (obligation) => obligation.id === id,
    );
    return [found?.state, found?.recordIds.length];
  }

  it.each([
    // [now, handed in at, state]: the day ends at 2026-02-11 00:00 Shanghai.
    ['2026-02-08 10:00', '2026-02-08 09:00', 'met'], // early: met, and no longer at risk
    ['2026-02-10 23:59', '2026-02-10 23:30', 'met'], // on the day itself
    ['2026-02-12 09:00', '2026-02-10 23:59', 'met'], // still shown after its day, as met
    ['2026-02-12 09:00', '2026-02-11 00:00', 'broken'], // a minute past the day: late
    ['2026-03-09 09:00', '2026-02-20 10:00', 'broken'], // late, shown until March's falls due
  ] as const)('at %s, handed in at %s, is %s', (now, at, state) => {
    expect(stateOf(now, [handedIn(FEB_10, at)])).toEqual([state, 1]);
  });

  it('is broken once its day has ended with nothing handed in, and shown until the next has passed', () => {
    expect(stateOf('2026-02-11 00:00', [])).toEqual(['broken', 0]);
    expect(stateOf('2026-03-10 23:59', [])).toEqual(['broken', 0]);
    // On 03-11 March's occasion is the last one past; February's is no longer listed.
    expect(stateOf('2026-03-11 00:00', [])).toEqual([undefined, undefined]);
  });

  it('lists per report the last occasion past and the next one', () => {
    const ids = reportObligations([s10], contextAt('2026-02-12 09:00'))
      .filter((obligation) => obligation.id.startsWith('report:s10-day10-analysis:'))
      .map((obligation) => obligation.id);
    expect(ids).toEqual([FEB_10, 'report:s10-day10-analysis:2026-03-10']);
  });

  it('ignores a deleted hand-in and one of another occasion', () => {
    expect(stateOf('2026-02-08 10:00', [handedIn(FEB_10, '2026-02-08 09:00', true)])).toEqual(['at_risk', 0]);
    expect(
      stateOf('2026-02-08 10:00', [handedIn('report:s10-day10-analysis:2026-03-10', '2026-02-08 09:00')]),
    ).toEqual(['at_risk', 0]);
  });

  it('marks an acceptance met when its documents are handed in', () => {
    const [next] = acceptanceObligations(contextAt('2026-06-28 09:00'), [
      handedIn('acceptance:2026-06-30', '2026-06-28 08:00'),
    ]);
    expect(next?.state).toBe('met');
    expect(next?.detail).toContain('已于 2026-06-28 08:00 由 wangjl 标记为已提交');
  });

  it('names the note the hand-in was marked with', () => {
    const noted = { ...handedIn(FEB_10, '2026-02-10 16:00'), note: '纸质版已交信息中心' };
    const [found] = reportObligations([s10], contextAt('2026-02-11 09:00'), [noted]);
    expect(found?.state).toBe('met');
    expect(found?.detail).toContain('已于 2026-02-10 16:00 由 wangjl 标记为已提交（纸质版已交信息中心）');
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
