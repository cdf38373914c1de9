import {
  testCalendar,
  testOnSiteDay,
  testProfile,
  testRun,
  testTemplate,
  testTicket,
  testTraining,
} from '@core/obligations/test-records';
import { buildReport, monthPeriod, reportAsOf } from '@core/reports';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { reportRecordsOf } from './report-records';

const NO_KINDS = {
  trainings: [],
  visits: [],
  onSiteDays: [],
  dutyAssignments: [],
  dutySwaps: [],
  dutyLogs: [],
  sensitivePeriods: [],
  reportRemarks: [],
};

describe('reportRecordsOf', () => {
  it('takes the tickets and runs out of their stored rows and keeps the checklists as 巡检 shows them', () => {
    const ticket = testTicket({ receivedAt: parseInstant('2026-04-02 10:00') });
    const template = testTemplate('s5-daily', 5, null);
    const run = testRun(template, '2026-04-02', '2026-04-02 08:40');
    const records = reportRecordsOf([{ record: ticket }], [{ record: run }], [template], NO_KINDS);
    expect(records.tickets).toEqual([ticket]);
    expect(records.inspectionRuns).toEqual([run]);
    expect(records.inspectionTemplates).toEqual([template]);
  });

  it('passes the other kinds on, so a training of the month is reported rather than counted as none', () => {
    const training = testTraining();
    const records = reportRecordsOf([], [], [], {
      ...NO_KINDS,
      trainings: [training],
      onSiteDays: [testOnSiteDay('2026-04-10', 'zhangsan')],
    });
    expect(records.trainings).toEqual([training]);
    expect(records.onSiteDays).toHaveLength(1);
    const april = monthPeriod('2026-04');
    const document = buildReport({
      kind: 'trainings',
      period: april,
      scope: { subsystemIds: [training.subsystemId] },
      profile: testProfile,
      calendar: testCalendar,
      asOf: reportAsOf(april, parseInstant('2026-05-01 09:00')),
      records,
    });
    const text = JSON.stringify(document.sections);
    expect(text).toContain(training.topic);
  });
});
