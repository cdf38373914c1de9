import JSZip from 'jszip';
import type { WorkingCalendar } from '@core/calendar';
import type { ContractProfile } from '@core/profile';
import {
  type ReportDocument,
  type ReportKind,
  type ReportPeriod,
  type ReportRecords,
  type ReportRequest,
  type ReportScope,
  WHOLE_CONTRACT,
  buildLedgers,
  buildReport,
  monthPeriod,
  periodLabel,
  reportAsOf,
  reportSubtitle,
} from '@core/reports';
import { dayNumberToIsoDate, type Instant } from '@core/time/shanghai-time';
import { renderDocx } from './render-docx';
import { renderLedgersXlsx } from './render-xlsx';

export interface PackageRequest {
  readonly period: ReportPeriod;
  readonly profile: ContractProfile;
  readonly calendar: WorkingCalendar;
  readonly now: Instant;
  readonly records: ReportRecords;
}

/** The documents the acceptance review asks for, per scope; monthly reports come one per month. */
const PACKAGE_DOCUMENTS: readonly ReportKind[] = ['summary', 'tickets', 'inspections', 'duty'];
const PACKAGE_LEDGERS: readonly ReportKind[] = ['tickets', 'inspections'];

interface PackageEntry {
  readonly path: string;
  readonly what: string;
}

/**
 * The half-year package: for the whole contract and for every subsystem, the summary report, each
 * month's report, the ticket and inspection records and the duty record as .docx, the ledgers as
 * .xlsx, and a contents list (目录) first.
 */
export async function buildReportPackage(request: PackageRequest): Promise<Buffer> {
  const zip = new JSZip();
  const entries: PackageEntry[] = [];
  const scopes: { folder: string; scope: ReportScope; label: string }[] = [
    { folder: '00-全部运维子项', scope: WHOLE_CONTRACT, label: '全部运维子项' },
    ...request.profile.subsystems.map((subsystem) => ({
      folder: `${String(subsystem.id).padStart(2, '0')}-${safeName(subsystem.shortName)}`,
      scope: { subsystemIds: [subsystem.id] },
      label: subsystem.shortName,
    })),
  ];
  const months = monthsOf(request.period);
  for (const { folder, scope, label } of scopes) {
    const add = async (kind: ReportKind, period: ReportPeriod) => {
      const report = reportRequest(request, kind, period, scope);
      const document = buildReport(report);
      const path = `${folder}/${safeName(document.fileStem)}.docx`;
      zip.file(path, await renderDocx(document));
      entries.push({ path, what: `${label}${document.title}（${periodLabel(period)}）` });
    };
    for (const kind of PACKAGE_DOCUMENTS) await add(kind, request.period);
    for (const month of months) await add('monthly', month);
    for (const kind of PACKAGE_LEDGERS) {
      const report = reportRequest(request, kind, request.period, scope);
      const ledgers = buildLedgers(report);
      const title = ledgers[0]?.title ?? '台账';
      const path = `${folder}/${safeName(`${title}-${periodLabel(request.period)}`)}.xlsx`;
      zip.file(path, await renderLedgersXlsx(ledgers, reportSubtitle(report)));
      entries.push({ path, what: `${label}${title}（${periodLabel(request.period)}）` });
    }
  }
  zip.file('目录.docx', await renderDocx(contents(request.period, entries)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export function reportRequest(
  request: PackageRequest,
  kind: ReportKind,
  period: ReportPeriod,
  scope: ReportScope,
): ReportRequest {
  return {
    kind,
    period,
    scope,
    profile: request.profile,
    calendar: request.calendar,
    asOf: reportAsOf(period, request.now),
    records: request.records,
  };
}

/** The calendar months the period touches, each cut to the period. */
function monthsOf(period: ReportPeriod): ReportPeriod[] {
  const months: ReportPeriod[] = [];
  let fromDay = period.fromDay;
  while (fromDay <= period.toDay) {
    const month = monthPeriod(dayNumberToIsoDate(fromDay).slice(0, 7));
    const toDay = Math.min(month.toDay, period.toDay);
    months.push(
      fromDay === month.fromDay && toDay === month.toDay ? month : { fromDay, toDay, kind: 'range' },
    );
    fromDay = toDay + 1;
  }
  return months;
}

function contents(period: ReportPeriod, entries: readonly PackageEntry[]): ReportDocument {
  return {
    kind: 'summary',
    title: '验收材料目录',
    subtitle: periodLabel(period),
    fileStem: '目录',
    figures: [],
    attachments: [],
    sections: [
      {
        heading: '一、材料清单',
        level: 1,
        blocks: [
          {
            kind: 'table',
            caption: '验收材料清单',
            columns: [
              { header: '序号', width: 3, align: 'center' },
              { header: '材料', width: 14 },
              { header: '文件', width: 14 },
            ],
            rows: entries.map((entry, index) => [String(index + 1), entry.what, entry.path]),
            emptyText: '本期没有材料。',
          },
        ],
        subsections: [],
      },
    ],
  };
}

/** File names keep Chinese but lose what Windows forbids in a name. */
function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '_');
}
