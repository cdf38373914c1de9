import { describe, expect, it } from 'vitest';
import { contractObligations } from '../obligations/contract-obligations';
import {
  NO_RECORDS,
  YEAR_2026,
  contextAt,
  testAssignment,
  testCalendar,
  testDutyLog,
  testOnSiteDay,
  testProfile,
  testRun,
  testTemplate,
  testTicket,
  testTraining,
  testVisit,
} from '../obligations/test-records';
import { dutyDays } from '../records/kinds/duty-days';
import { currentRoster, dutyDayStatuses } from '../records/kinds/duty-roster';
import { onSiteWorkdays } from '../records/kinds/onsite-check';
import { trainingProgress } from '../records/kinds/training-check';
import { visitCoverage } from '../records/kinds/visit-coverage';
import { ticketDigests } from '../reports/ticket-digest';
import { slaBreaches, slaCompliance } from '../reports/ticket-figures';
import { findSubsystem } from '../profile/find-sla-clock';
import { parseInstant } from '../time/shanghai-time';
import { CHART_FONT_FAMILY } from './chart-model';
import { inspectionDays, inspectionHeatmapChart } from './inspection-heatmap';
import { openTicketsChart } from './open-tickets-chart';
import { dutyCoverageChart, onSiteDaysChart } from './onsite-duty-chart';
import { slaComplianceChart } from './sla-chart';
import { trainingChart } from './training-chart';
import { visitMatrixChart } from './visit-matrix-chart';

/* The series of each chart are the figures the documents print, and a click finds the records. */

const now = parseInstant('2026-03-04 12:00');
const figureContext = { profile: testProfile, calendar: testCalendar, asOf: now };
// Subsystem 5: answered in 5 minutes and resolved in 30 (met); answered after 25 minutes (breached).
const inTime = testTicket({ receivedAt: parseInstant('2026-03-02 10:00') }, [
  ['respond', '2026-03-02 10:05'],
  ['resolve', '2026-03-02 10:30'],
]);
const lateAnswer = testTicket({ receivedAt: parseInstant('2026-03-03 10:00') }, [
  ['respond', '2026-03-03 10:25'],
]);
// Subsystem 1, received 2026-02-20 (in the holiday), never answered: 12 days old, and past the
// contract's 30-minute response clock.
const old = testTicket({ subsystemId: 1, receivedAt: parseInstant('2026-02-20 10:00') });
const tickets = [inTime, lateAnswer, old];

function seriesData(option: unknown, index: number): unknown[] {
  const series = (option as { series: { data: unknown[] }[] }).series;
  return series[index]?.data ?? [];
}

describe('slaComplianceChart', () => {
  const rows = slaCompliance(tickets, figureContext);
  const chart = slaComplianceChart(rows, slaBreaches(tickets, figureContext), testProfile, '本月');

  it('draws each subsystem’s compliance per clock as slaCompliance computes it', () => {
    const response = rows
      .filter((row) => row.kind === 'response')
      .map((row) => (row.rate === null ? null : row.rate * 100));
    expect(seriesData(chart.option, 0).map((point) => (point as { value: number | null }).value)).toEqual(
      response,
    );
    expect(response).toEqual([0, 50]); // subsystem 1: unanswered past the contract's 30 min; 5: 1 of 2
    expect((chart.option.xAxis as { data: string[] }).data).toEqual(['互联网+人社', '网站群']);
  });

  it('opens the breached tickets from their bars', () => {
    expect(chart.links[0]?.[1]).toEqual([lateAnswer.id]);
    expect(chart.links[0]?.[0]).toEqual([old.id]);
    expect(chart.links[1]?.[1]).toEqual([lateAnswer.id]); // still open a day later: past its 2 hours
  });

  it('is a still picture in the fixed font', () => {
    expect(chart.option.animation).toBe(false);
    expect(chart.option.textStyle).toMatchObject({ fontFamily: CHART_FONT_FAMILY });
  });
});

describe('openTicketsChart', () => {
  it('stacks open tickets by age, subsystems with at-risk tickets first', () => {
    const digests = ticketDigests(tickets, { profile: testProfile, calendar: testCalendar, asOf: now });
    const chart = openTicketsChart(digests, new Set([lateAnswer.id]), testProfile, now);
    expect((chart.option.yAxis as { data: string[] }).data).toEqual(['网站群（1 个有风险）', '互联网+人社']);
    // lateAnswer: 26 hours old (1–3 天); old: 12 days (7 天以上).
    expect([0, 1, 2, 3].map((index) => seriesData(chart.option, index))).toEqual([
      [0, 0],
      [1, 0],
      [0, 0],
      [0, 1],
    ]);
    expect(chart.links[3]?.[1]).toEqual([old.id]);
  });
});

describe('inspectionHeatmapChart', () => {
  it('marks each day on time, late, missed or open, the worst checklist winning', () => {
    const daily = testTemplate('portal-0830', 5, { kind: 'daily', days: 'workdays', dueBy: '08:30' });
    const runs = [
      testRun(daily, '2026-03-02', '2026-03-02 08:10'),
      testRun(daily, '2026-03-03', '2026-03-03 09:00'),
    ];
    const { obligations } = contractObligations(
      { ...NO_RECORDS, inspectionTemplates: [daily], inspectionRuns: runs },
      contextAt('2026-03-05 08:00', { contractYear: { from: '2026-03-02', to: '2026-03-31' } }),
    );
    const days = inspectionDays(obligations);
    expect(days.map((day) => [day.date, day.value])).toEqual([
      ['2026-03-02', 0],
      ['2026-03-03', 2],
      ['2026-03-04', 3],
      ['2026-03-05', 1],
    ]);
    const chart = inspectionHeatmapChart(days, { from: '2026-03-01', to: '2026-03-31' });
    expect(seriesData(chart.option, 0)).toEqual(days.map((day) => [day.date, day.value]));
    expect(chart.links[0]?.[1]).toEqual([runs[1]?.id]);
  });
});

describe('the charts of the other record kinds', () => {
  const { documentSystem } = testProfile;
  if (documentSystem === undefined) throw new Error('the shipped profile has a document system');
  const context = contextAt('2026-03-04 12:00');

  it('draws trainings done and owed as trainingProgress counts them', () => {
    const held = testTraining();
    const progress = trainingProgress(testProfile.subsystems, documentSystem, [held], YEAR_2026);
    const { obligations } = contractObligations({ ...NO_RECORDS, trainings: [held] }, context);
    const chart = trainingChart(progress, obligations, testProfile);
    const counted = progress.filter((row) => row.owed !== null);
    expect(seriesData(chart.option, 0)).toEqual(counted.map((row) => row.done));
    expect(seriesData(chart.option, 1)).toEqual(counted.map((row) => row.remaining));
    const s8 = counted.findIndex((row) => row.requirementId === 's8-annual');
    expect(chart.links[0]?.[s8]).toEqual([held.id]);
  });

  it('draws units × months as visitCoverage sees them', () => {
    const visit = testVisit('2026-01-12', [1, 2]);
    const coverage = visitCoverage(documentSystem, [visit], YEAR_2026, '2026-03-04');
    const chart = visitMatrixChart(coverage);
    const data = seriesData(chart.option, 0) as number[][];
    expect(data).toHaveLength(10 * 12);
    expect(data[0]).toEqual([0, 0, 0]); // unit 1, January: visited
    expect(data[1]).toEqual([1, 0, 2]); // unit 1, February: missed
    expect(data[2]).toEqual([2, 0, 1]); // unit 1, March: due
    expect(chart.links[0]?.[12]).toEqual([visit.id]); // unit 2, January
  });

  it('draws on-site days against the minimum, and duty days by state', () => {
    const days = [testOnSiteDay('2026-03-02', 'zhang'), testOnSiteDay('2026-03-03', 'zhang')];
    const s8 = findSubsystem(testProfile, 8);
    const result = onSiteWorkdays(s8, days, testCalendar, YEAR_2026, '2026-03-04');
    const { obligations } = contractObligations({ ...NO_RECORDS, onSiteDays: days }, context);
    const onSite = onSiteDaysChart([{ subsystemId: 8, result }], obligations, testProfile);
    expect(seriesData(onSite.option, 0)).toEqual([2]);
    expect(seriesData(onSite.option, 1)).toEqual([58]);
    expect(onSite.links[0]?.[0]).toEqual(days.map((day) => day.id));

    const march = { from: '2026-03-01', to: '2026-03-08' };
    const log = testDutyLog('2026-03-01', 'zhang');
    const statuses = dutyDayStatuses(
      dutyDays(testCalendar, march, []),
      currentRoster([testAssignment('2026-03-01', 'zhang')], []),
      [log],
      null,
      '2026-03-04',
    );
    const duty = dutyCoverageChart(statuses);
    // 03-01 (Sunday) logged but not handed over; 03-07 and 03-08 ahead with no one rostered.
    expect(
      (duty.option.series as { name: string; data: number[] }[]).map((series) => [series.name, series.data]),
    ).toEqual([
      ['未交接', [1]],
      ['未排班', [2]],
    ]);
    expect(duty.links[0]?.[0]).toEqual([log.id]);
  });
});
