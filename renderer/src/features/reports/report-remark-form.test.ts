import 'fake-indexeddb/auto';
import { loadDefaultProfile } from '@core/profile';
import { builtinCalendar } from '@core/calendar/builtin-calendars';
import { MAX_REMARK_CHARACTERS, type ReportRemark } from '@core/records/kinds';
import { buildReport, monthPeriod, reportAsOf } from '@core/reports';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { saveRecord } from '../../store';
import { plainRowsOfType } from '../../store/kinds/plain-store-kind';
import { testDatabases } from '../../store/testing/test-databases';
import { remarkOf, remarkSubsystems, remarkValues, reportRemarkFromForm } from './report-remark-form';
import { reportRecordsOf } from './report-records';

const databases = testDatabases('report-remarks');
const at = parseInstant;
const NO_KINDS = {
  trainings: [],
  visits: [],
  onSiteDays: [],
  dutyAssignments: [],
  dutySwaps: [],
  dutyLogs: [],
  sensitivePeriods: [],
};

describe('the 本月说明 form', () => {
  it('offers the subsystems the user writes that the report covers', () => {
    expect(remarkSubsystems([1, 5], { subsystemIds: [] })).toEqual([1, 5]);
    expect(remarkSubsystems([1, 5], { subsystemIds: [5, 8] })).toEqual([5]);
    expect(remarkSubsystems([1], { subsystemIds: [8] })).toEqual([]);
  });

  it('refuses words too long for the report, saying which section', () => {
    const result = reportRemarkFromForm(
      { problems: '长'.repeat(MAX_REMARK_CHARACTERS + 1), plan: '' },
      { before: null, subsystemId: 5, month: '2026-11', actor: 'zhangsan', at: at('2026-11-27 16:00') },
    );
    expect(result).toEqual({ ok: false, reason: `存在问题与建议不能超过 ${MAX_REMARK_CHARACTERS} 个字符` });
  });

  it('saves offline as the month’s one remark, read back by the form and put into the report', async () => {
    const db = await databases.fresh();
    const first = reportRemarkFromForm(
      { problems: '  站群服务器磁盘余量不足，建议扩容。 ', plan: '' },
      { before: null, subsystemId: 5, month: '2026-11', actor: 'zhangsan', at: at('2026-11-27 16:00') },
    );
    if (!first.ok) throw new Error(first.reason);
    await saveRecord(db, {
      recordType: 'reportRemark',
      before: null,
      after: first.record,
      actor: 'zhangsan',
      at: at('2026-11-27 16:00'),
    });
    // Another engineer of the subsystem adds the plan: the same record, not a second one.
    const read = async () =>
      (await plainRowsOfType(db, 'report_remark').toArray()).map((row) => row.record as ReportRemark);
    const stored = remarkOf(await read(), 5, '2026-11');
    expect(remarkValues(stored)).toEqual({ problems: '站群服务器磁盘余量不足，建议扩容。', plan: '' });
    const second = reportRemarkFromForm(
      { ...remarkValues(stored), plan: '完成等保测评整改。' },
      { before: stored, subsystemId: 5, month: '2026-11', actor: 'lisi', at: at('2026-11-28 09:00') },
    );
    if (!second.ok) throw new Error(second.reason);
    await saveRecord(db, {
      recordType: 'reportRemark',
      before: stored,
      after: second.record,
      actor: 'lisi',
      at: at('2026-11-28 09:00'),
    });
    const remarks = await read();
    expect(remarks).toHaveLength(1);
    expect(remarks[0]).toMatchObject({ createdBy: 'zhangsan', author: 'lisi', plan: '完成等保测评整改。' });
    expect(remarkOf(remarks, 5, '2026-12')).toBeNull();
    expect(await db.outbox.count()).toBeGreaterThan(0);

    const november = monthPeriod('2026-11');
    const document = buildReport({
      kind: 'monthly',
      period: november,
      scope: { subsystemIds: [5] },
      profile: loadDefaultProfile(),
      calendar: builtinCalendar(),
      asOf: reportAsOf(november, at('2026-12-01 10:00')),
      records: reportRecordsOf([], [], [], { ...NO_KINDS, reportRemarks: remarks }),
    });
    const last = (heading: string) =>
      document.sections.find((section) => section.heading === heading)?.blocks.at(-1);
    expect(last('八、存在问题与建议')).toEqual({
      kind: 'paragraph',
      text: '站群服务器磁盘余量不足，建议扩容。',
    });
    expect(last('九、下月工作计划')).toEqual({ kind: 'paragraph', text: '完成等保测评整改。' });
  });
});
