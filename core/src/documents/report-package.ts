import type { WorkingCalendar } from '../calendar';
import type { ContractProfile } from '../profile';
import {
  type Ledger,
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
} from '../reports';
import { dayNumberToIsoDate, type Instant, SHANGHAI_OFFSET_MS } from '../time/shanghai-time';
import { PORTABLE_ZIP_CODEC, type ZipCodec, type ZipEntry, type ZipTime, zipArchive } from './zip-archive';

/**
 * Files to render from one model: plain data, so that a worker (a server thread, the app's Web Worker)
 * can be given it. A document asked for in several formats is rendered from the one copy, so its
 * charts are drawn once.
 */
export type RenderJob =
  | {
      readonly kind: 'document';
      readonly formats: readonly ('docx' | 'pdf')[];
      readonly document: ReportDocument;
    }
  | { readonly kind: 'ledgers'; readonly ledgers: readonly Ledger[]; readonly subtitle: string };

/** Renders jobs: the job's files, one per format in the order asked for (a ledger job has one). */
export interface JobRenderer {
  render(job: RenderJob): Promise<Uint8Array[]>;
}

export interface PackageOptions {
  /** The monthly and summary reports also as PDF (the server makes them; the app does not). */
  readonly pdf: boolean;
  /**
   * Lets the renderers' finished files in between building documents: the next job goes to a worker
   * thread only when the builder hears that it is done with the last.
   */
  readonly pause: () => Promise<void>;
  /** Called as each file is done, with how many of how many. */
  readonly onProgress?: (done: number, total: number) => void;
  /** How the package's zip is checked (its files are stored); the portable one by default. */
  readonly codec?: ZipCodec;
}

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
 * The package's files, stored as they are: .docx, .xlsx and .pdf are compressed already, and deflating
 * them again took a second and saved nothing. Dated when the package was made, in Beijing time, as the
 * reader's file manager shows them.
 */
function packageZip(files: readonly ZipEntry[], now: Instant, codec: ZipCodec): Uint8Array {
  const local = new Date(now + SHANGHAI_OFFSET_MS);
  const time: ZipTime = {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
  return zipArchive(files, codec, time);
}

/** The documents that also go in as PDF: the signed-off copies of the reports themselves. */
const PDF_KINDS: ReadonlySet<ReportKind> = new Set(['monthly', 'summary']);

/**
 * The half-year package: for the whole contract and for every subsystem, the summary report, each
 * month's report, the ticket and inspection records and the duty record as .docx (with `pdf`, the
 * summary and the monthly reports also as PDF), the ledgers as .xlsx, and a contents list (目录) first.
 */
export async function buildReportPackage(
  request: PackageRequest,
  renderer: JobRenderer,
  { pdf, pause, onProgress, codec = PORTABLE_ZIP_CODEC }: PackageOptions,
): Promise<Uint8Array> {
  const files: { readonly path: string; readonly what: string; readonly bytes: Promise<Uint8Array> }[] = [];
  const scopes: { folder: string; scope: ReportScope; label: string }[] = [
    { folder: '00-全部运维子项', scope: WHOLE_CONTRACT, label: '全部运维子项' },
    ...request.profile.subsystems.map((subsystem) => ({
      folder: `${String(subsystem.id).padStart(2, '0')}-${safeName(subsystem.shortName)}`,
      scope: { subsystemIds: [subsystem.id] },
      label: subsystem.shortName,
    })),
  ];
  const months = monthsOf(request.period);
  const pdfCopies = PACKAGE_DOCUMENTS.concat(months.map(() => 'monthly')).filter(
    (kind) => pdf && PDF_KINDS.has(kind),
  ).length;
  // Every scope's documents, their PDF copies and ledgers, and the contents list.
  const total =
    scopes.length * (PACKAGE_DOCUMENTS.length + months.length + pdfCopies + PACKAGE_LEDGERS.length) + 1;
  let done = 0;
  const fileOf = (rendered: Promise<Uint8Array[]>, index: number) =>
    rendered.then((list) => {
      const bytes = list[index];
      if (bytes === undefined) throw new Error(`生成文件时缺少第 ${index + 1} 个格式`);
      done += 1;
      onProgress?.(done, total);
      return bytes;
    });
  // Every file is asked for before any is awaited, so that the renderer's threads are all kept busy.
  for (const { folder, scope, label } of scopes) {
    const add = (kind: ReportKind, period: ReportPeriod) => {
      const document = buildReport(reportRequest(request, kind, period, scope));
      const path = `${folder}/${safeName(document.fileStem)}`;
      const what = `${label}${document.title}（${periodLabel(period)}）`;
      const withPdf = pdf && PDF_KINDS.has(kind);
      const rendered = renderer.render({
        kind: 'document',
        formats: withPdf ? ['docx', 'pdf'] : ['docx'],
        document,
      });
      files.push({ path: `${path}.docx`, what, bytes: fileOf(rendered, 0) });
      if (withPdf) files.push({ path: `${path}.pdf`, what: `${what}（PDF）`, bytes: fileOf(rendered, 1) });
    };
    for (const kind of PACKAGE_DOCUMENTS) {
      add(kind, request.period);
      await pause();
    }
    for (const month of months) {
      add('monthly', month);
      await pause();
    }
    for (const kind of PACKAGE_LEDGERS) {
      const report = reportRequest(request, kind, request.period, scope);
      const ledgers = buildLedgers(report);
      const title = ledgers[0]?.title ?? '台账';
      files.push({
        path: `${folder}/${safeName(`${title}-${periodLabel(request.period)}`)}.xlsx`,
        what: `${label}${title}（${periodLabel(request.period)}）`,
        bytes: fileOf(renderer.render({ kind: 'ledgers', ledgers, subtitle: reportSubtitle(report) }), 0),
      });
    }
  }
  const [contentsList, ...rendered] = await Promise.all([
    fileOf(
      renderer.render({ kind: 'document', formats: ['docx'], document: contents(request.period, files) }),
      0,
    ),
    ...files.map((file) => file.bytes),
  ]);
  return packageZip(
    [
      { path: '目录.docx', data: contentsList as Uint8Array, level: 0 },
      ...files.map((file, index) => ({ path: file.path, data: rendered[index] as Uint8Array, level: 0 })),
    ],
    request.now,
    codec,
  );
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
