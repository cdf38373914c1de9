import 'fake-indexeddb/auto';
import {
  testAssignment,
  testDutyLog,
  testRun,
  testTemplate,
  testTicket,
  testTraining,
  testVisit,
} from '@core/obligations/test-records';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../store/testing/test-databases';
import { readReportRecords, seedReportRecords } from './report-measure';

const databases = testDatabases('bench-report-measure');

describe('the reports bench in the page', () => {
  it('reads back every record it seeded, unchanged, as the 报表 page reads them (the floor reads what the documents use)', async () => {
    const db = await databases.fresh();
    const template = testTemplate('bench-s5-daily', 5, null);
    const records = {
      tickets: [testTicket({ receivedAt: parseInstant('2026-06-02 10:00') })],
      inspectionTemplates: [template],
      inspectionRuns: [testRun(template, '2026-06-02', '2026-06-02 08:40')],
      trainings: [testTraining()],
      dutyAssignments: [testAssignment('2026-06-06', '王喆')],
      dutyLogs: [testDutyLog('2026-06-06', '王喆')],
      visits: [testVisit('2026-06-10', [1])],
    };

    expect(await seedReportRecords(db, records, 'bench')).toBe(7);
    const storage = new Map<string, string>();
    const read = await readReportRecords(db, {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
    });

    expect(read.tickets).toEqual(records.tickets);
    expect(read.inspectionRuns).toEqual(records.inspectionRuns);
    expect(read.trainings).toEqual(records.trainings);
    expect(read.dutyAssignments).toEqual(records.dutyAssignments);
    expect(read.dutyLogs).toEqual(records.dutyLogs);
    expect(read.visits).toEqual(records.visits);
    // The stored checklist and, as 巡检 shows them, the profile's version 1 of the others.
    expect(read.inspectionTemplates).toContainEqual(template);
    expect(read.inspectionTemplates.length).toBeGreaterThan(1);
  });
});
