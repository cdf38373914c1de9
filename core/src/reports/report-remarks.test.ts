import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../calendar/builtin-calendars';
import { loadDefaultProfile } from '../profile';
import { type ReportRemark, reportRemarkId, reportRemarkSchema } from '../records/kinds/report-remark';
import { parseInstant } from '../time/shanghai-time';
import { type ReportRecords, buildReport, reportAsOf } from './build-report';
import type { ReportBlock, ReportDocument } from './document-model';
import { WHOLE_CONTRACT, type ReportScope, monthPeriod, reportPeriod } from './period';

const profile = loadDefaultProfile();
const calendar = builtinCalendar();
const february = monthPeriod('2026-02');
const asOf = reportAsOf(february, parseInstant('2026-03-05T12:00'));

function remark(subsystemId: number, month: string, problems: string, plan: string, deleted = false) {
  const at = parseInstant('2026-02-27T16:00');
  return reportRemarkSchema.parse({
    id: reportRemarkId(subsystemId, month),
    subsystemId,
    createdBy: 'zhangsan',
    createdAt: at,
    updatedAt: at,
    deleted,
    month,
    problems,
    plan,
    author: 'zhangsan',
  });
}

const remarks: ReportRemark[] = [
  remark(5, '2026-02', '站群服务器磁盘余量不足 20%。\n\n建议下季度扩容存储。', '配合完成春节后系统升级。'),
  remark(1, '2026-02', '12333 热线高峰期排队较长。', ''),
  remark(5, '2026-01', '一月的说明', '一月的计划'),
  remark(8, '2026-02', '已删除的说明', '', true),
];

function monthly(scope: ReportScope, kind: 'monthly' | 'summary' = 'monthly'): ReportDocument {
  const records: ReportRecords = {
    tickets: [],
    inspectionTemplates: [],
    inspectionRuns: [],
    reportRemarks: remarks,
  };
  return buildReport({ kind, period: february, scope, profile, calendar, asOf, records });
}

function texts(blocks: readonly ReportBlock[] | undefined): string[] {
  return (blocks ?? []).flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
}

function section(document: ReportDocument, heading: string): readonly ReportBlock[] | undefined {
  return document.sections.find((candidate) => candidate.heading === heading)?.blocks;
}

describe('the engineers’ remarks in the monthly report', () => {
  it('follow the generated sentences of 存在问题与建议 and 下月工作计划, a paragraph per line written', () => {
    const document = monthly({ subsystemIds: [5] });
    const problems = texts(section(document, '八、存在问题与建议'));
    expect(problems.slice(-2)).toEqual(['站群服务器磁盘余量不足 20%。', '建议下季度扩容存储。']);
    // The generated sentences come first: February's duty days with no roster are a gap.
    expect(problems[0]).toBe('值班有 12 处缺口（见值班保障），须落实排班、值班记录和交接签收。');
    const plan = texts(section(document, '九、下月工作计划'));
    expect(plan.at(-1)).toBe('配合完成春节后系统升级。');
    expect(plan.length).toBeGreaterThan(1);
  });

  it('name each subsystem in a report of several, in subsystem order, leaving out other months and deleted ones', () => {
    const document = monthly(WHOLE_CONTRACT);
    const problems = texts(section(document, '八、存在问题与建议'));
    expect(problems.slice(-3)).toEqual([
      '互联网+人社：12333 热线高峰期排队较长。',
      '网站群：站群服务器磁盘余量不足 20%。',
      '建议下季度扩容存储。',
    ]);
    const all = document.sections.flatMap((chapter) => texts(chapter.blocks)).join('\n');
    expect(all).not.toContain('一月的说明');
    expect(all).not.toContain('已删除的说明');
  });

  it('stay out of a report whose scope leaves their subsystem out', () => {
    const all = monthly({ subsystemIds: [1] })
      .sections.flatMap((chapter) => texts(chapter.blocks))
      .join('\n');
    expect(all).toContain('12333 热线高峰期排队较长。');
    expect(all).not.toContain('站群服务器');
  });

  it('belong to a month’s report only: a summary or a range of days does not carry them', () => {
    const summary = monthly(WHOLE_CONTRACT, 'summary');
    expect(summary.sections.flatMap((chapter) => texts(chapter.blocks)).join('\n')).not.toContain(
      '站群服务器',
    );
    const range = buildReport({
      kind: 'monthly',
      period: reportPeriod('2026-02-01', '2026-02-20'),
      scope: { subsystemIds: [5] },
      profile,
      calendar,
      asOf,
      records: { tickets: [], inspectionTemplates: [], inspectionRuns: [], reportRemarks: remarks },
    });
    expect(range.sections.flatMap((chapter) => texts(chapter.blocks)).join('\n')).not.toContain('站群服务器');
  });
});

describe('reportRemarkId', () => {
  it('is one record per subsystem and month on every PC', () => {
    expect(reportRemarkId(5, '2026-02')).toBe(reportRemarkId(5, '2026-02'));
    expect(
      new Set([reportRemarkId(5, '2026-02'), reportRemarkId(5, '2026-03'), reportRemarkId(6, '2026-02')])
        .size,
    ).toBe(3);
  });

  it('refuses a month that does not exist, in the user’s words', () => {
    const result = reportRemarkSchema.safeParse({ ...remarks[0], month: '2026-13' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('月份应为“年-月”，如 2026-03');
  });
});
