import 'fake-indexeddb/auto';
import { contractObligations } from '@core/obligations';
import { NO_RECORDS, contextAt } from '@core/obligations/test-records';
import type { ReportSubmission } from '@core/records/kinds';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { saveRecord } from '../../store';
import { plainRowsOfType } from '../../store/kinds/plain-store-kind';
import { testDatabases } from '../../store/testing/test-databases';
import { canMarkSubmitted, handInOf, submissionFor } from './report-submission-form';

const databases = testDatabases('report-submissions');
const FEB_10 = 'report:s10-day10-analysis:2026-02-10';

function obligationsAt(now: string, submissions: readonly ReportSubmission[] = []) {
  return contractObligations({ ...NO_RECORDS, reportSubmissions: submissions }, contextAt(now)).obligations;
}

function find(now: string, id: string, submissions: readonly ReportSubmission[] = []) {
  const found = obligationsAt(now, submissions).find((obligation) => obligation.id === id);
  if (found === undefined) throw new Error(`${id} is not listed at ${now}`);
  return found;
}

describe('标记为已提交 on the dashboard', () => {
  it('is offered for a report not handed in of a subsystem the user writes, and an acceptance to the lead', () => {
    const report = find('2026-02-08 10:00', FEB_10);
    const engineer = { subsystemIds: [10], contractWide: false };
    expect(canMarkSubmitted(report, engineer)).toBe(true);
    expect(canMarkSubmitted(report, { subsystemIds: [5], contractWide: false })).toBe(false);
    const acceptance = find('2026-06-28 09:00', 'acceptance:2026-06-30');
    expect(canMarkSubmitted(acceptance, engineer)).toBe(false);
    expect(canMarkSubmitted(acceptance, { subsystemIds: [], contractWide: true })).toBe(true);
  });

  it('saves offline the hand-in that makes the report met, and undoing it brings the report back', async () => {
    const db = await databases.fresh();
    const at = parseInstant('2026-02-08 10:00');
    const built = submissionFor(find('2026-02-08 10:00', FEB_10), { before: null, actor: 'wangjl', at });
    if (!built.ok) throw new Error(built.reason);
    expect(built.record).toMatchObject({ subsystemId: 10, obligationId: FEB_10, dueDate: '2026-02-10' });
    await saveRecord(db, {
      recordType: 'reportSubmission',
      before: null,
      after: built.record,
      actor: 'wangjl',
      at,
    });
    const stored = (await plainRowsOfType(db, 'report_submission').toArray()).map(
      (row) => row.record as ReportSubmission,
    );
    expect(stored).toHaveLength(1);
    expect(await db.outbox.count()).toBeGreaterThan(0);
    const met = find('2026-02-08 10:05', FEB_10, stored);
    expect(met.state).toBe('met');
    expect(canMarkSubmitted(met, { subsystemIds: [10], contractWide: true })).toBe(false);
    // What 撤销 saves: the record deleted; the report is at risk again and may be marked again.
    const undone = { ...built.record, deleted: true };
    expect(find('2026-02-08 10:05', FEB_10, [undone]).state).toBe('at_risk');
    const again = submissionFor(find('2026-02-08 10:05', FEB_10, [undone]), {
      before: undone,
      actor: 'lead',
      at: at + 60_000,
    });
    expect(again.ok && again.record).toMatchObject({
      id: built.record.id,
      createdBy: 'wangjl',
      deleted: false,
    });
  });

  it('marks a report handed in after its day, which stays broken', () => {
    const late = find('2026-02-12 09:00', FEB_10);
    expect(late.state).toBe('broken');
    const built = submissionFor(late, {
      before: null,
      actor: 'wangjl',
      at: parseInstant('2026-02-12 09:00'),
    });
    if (!built.ok) throw new Error(built.reason);
    expect(find('2026-02-12 09:01', FEB_10, [built.record]).state).toBe('broken');
    expect(find('2026-02-12 09:01', FEB_10, [built.record]).detail).toContain('逾期报送');
  });

  it('takes the time a report was really handed in: marked the day after, the 10th’s report is still met', () => {
    const now = parseInstant('2026-02-11 09:00');
    const report = find('2026-02-11 09:00', FEB_10);
    const read = handInOf({ submittedAt: '2026-02-10 16:30', note: ' 纸质版已交信息中心 ' }, report, now);
    if (!read.ok) throw new Error(read.reason);
    const built = submissionFor(report, { before: null, actor: 'wangjl', at: now, handIn: read.handIn });
    if (!built.ok) throw new Error(built.reason);
    expect(built.record).toMatchObject({
      submittedAt: parseInstant('2026-02-10 16:30'),
      note: '纸质版已交信息中心',
      updatedAt: now,
    });
    expect(find('2026-02-11 09:01', FEB_10, [built.record]).state).toBe('met');
  });

  it('refuses a hand-in time later than now, a year before the due day, or not a time, in words', () => {
    const now = parseInstant('2026-02-08 10:00');
    const report = find('2026-02-08 10:00', FEB_10);
    const reason = (submittedAt: string) => {
      const read = handInOf({ submittedAt, note: '' }, report, now);
      return read.ok ? null : read.reason;
    };
    expect(reason('2026-02-08 10:01')).toBe('提交时间不能晚于现在');
    expect(reason('2025-02-08 10:00')).toBe('提交时间比应报送日期早一年以上，请检查年份');
    expect(reason('')).toBe('提交时间：请填写时间（如 2026-02-14 09:30）');
    expect(reason('2026-02-30 10:00')).toMatch(/^提交时间：/);
    expect(reason('2026-02-08 10:00')).toBeNull();
  });
});
