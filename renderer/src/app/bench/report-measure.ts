import { loadDefaultProfile } from '@core/profile';
import type { RecordType } from '@core/records';
import {
  type ReportKind,
  type ReportRecords,
  type ReportRequest,
  buildLedgers,
  buildReport,
  reportAsOf,
  reportSubtitle,
} from '@core/reports';
import { readTemplates } from '../../features/inspections/inspection-data';
import { profileDefaultTemplates, profileTemplatesSince } from '../../features/inspections/profile-templates';
import { type PeriodChoice, reportAccess, resolveChoice } from '../../features/reports/report-choice';
import { reportRecordsOf } from '../../features/reports/report-records';
import { startReportWorker } from '../../features/reports/report-worker-client';
import { saveRecord, type StoreRecordType, type YunweiDatabase } from '../../store';
import { plainRowsOfType } from '../../store/kinds/plain-store-kind';

/**
 * The reports bench (bench/reports) in the page: the half-year's records saved into this PC's store,
 * then the 报表 page's own work timed — reading the records as its hooks do, and making a document
 * through the real report worker, whose chart pictures the page draws (svg-to-png).
 */

/** The records of bench/reports/half-year-records.ts, as the bench hands them over. */
export type BenchReportRecords = ReportRecords;

const SAVE_ORDER: readonly (readonly [StoreRecordType, keyof ReportRecords])[] = [
  ['inspectionTemplate', 'inspectionTemplates'],
  ['inspectionRun', 'inspectionRuns'],
  ['ticket', 'tickets'],
  ['training', 'trainings'],
  ['dutyAssignment', 'dutyAssignments'],
  ['dutyLog', 'dutyLogs'],
  ['visit', 'visits'],
];

/**
 * Saves every record through the store's saveRecord, as if made on this PC: the rows with their
 * indexes, history and outbox exactly as the app writes them. Each keeps its own `updatedAt`, so the
 * store holds the same records as the server's database. Returns how many were saved.
 */
export async function seedReportRecords(
  db: YunweiDatabase,
  records: BenchReportRecords,
  actor: string,
): Promise<number> {
  let saved = 0;
  for (const [recordType, list] of SAVE_ORDER) {
    for (const record of (records[list] ?? []) as readonly { readonly updatedAt: number }[]) {
      await saveRecord(db, {
        recordType,
        before: null,
        after: record as never,
        actor,
        at: record.updatedAt,
      });
      saved += 1;
    }
  }
  return saved;
}

/** The plain lists useReportRecords reads (usePlainRecordLists and the remarks), undeleted records only. */
const PLAIN_LISTS = {
  trainings: 'training',
  visits: 'visit',
  onSiteDays: 'onsite_day',
  dutyAssignments: 'duty_assignment',
  dutySwaps: 'duty_swap',
  dutyLogs: 'duty_log',
  sensitivePeriods: 'sensitive_period',
  reportRemarks: 'report_remark',
} as const satisfies Record<string, RecordType>;

type PlainLists = Parameters<typeof reportRecordsOf>[3];

async function readPlainLists(db: YunweiDatabase): Promise<PlainLists> {
  const entries = await Promise.all(
    Object.entries(PLAIN_LISTS).map(async ([list, type]) => {
      const rows = await plainRowsOfType(db, type).toArray();
      const records = rows
        .map((row) => row.record)
        .filter((record) => !(record as { readonly deleted: boolean }).deleted);
      return [list, records] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as PlainLists;
}

/**
 * This PC's records as the 报表 page reads them (use-report-records.ts): the tickets' and runs' tables
 * whole, the template catalogue (stored versions and the profile's, `storage` keeping since when the
 * profile's count), and the plain lists, all at once as the page's queries start together.
 */
export async function readReportRecords(
  db: YunweiDatabase,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
): Promise<ReportRecords> {
  const defaults = await profileDefaultTemplates(
    loadDefaultProfile(),
    profileTemplatesSince(storage, db.name, Date.now()),
  );
  const [tickets, runs, templates, lists] = await Promise.all([
    db.tickets.toArray(),
    db.inspectionRuns.toArray(),
    readTemplates(db, defaults),
    readPlainLists(db),
  ]);
  return reportRecordsOf(tickets, runs, templates, lists);
}

/**
 * What the bench asks the page to make, for the whole contract: the page's 文件 and 期间 choices (a
 * month or a half-year as its pickers give them).
 */
export type ReportTask =
  | { readonly kind: 'read' }
  | {
      readonly kind: 'document';
      readonly format: 'docx' | 'pdf';
      readonly report: ReportKind;
      readonly period: PeriodChoice;
    }
  | { readonly kind: 'ledger'; readonly report: ReportKind; readonly period: PeriodChoice };

export interface ReportTiming {
  /** Request to bytes back (for `read`: to the records in hand), ms. */
  readonly totalMs: number;
  readonly readMs: number;
  /** The document model (buildReport / buildLedgers) on the page's thread. */
  readonly modelMs: number;
  /** Posting the job to the worker to its bytes back, the chart pictures drawn on the way. */
  readonly renderMs: number;
  readonly records: number;
  readonly bytes: number;
}

function countRecords(records: ReportRecords): number {
  return Object.values(records).reduce(
    (sum: number, list: readonly unknown[] | undefined) => sum + (list?.length ?? 0),
    0,
  );
}

/**
 * How long the page has been open when the user asks for a file: its worker, started on mount, has
 * loaded its modules by then (choosing the document, period and scope takes longer than this).
 */
const PAGE_OPEN_MS = 3_000;

/**
 * One timed piece of the 报表 page's work for the whole contract, as when the user asks for a file in
 * a page opened moments ago: the worker is started and left to load, then from the request the
 * records are read, the model is built and the worker renders it to bytes. A `read` is timed in the
 * same state and stops at the records. `now` is the moment the page is used at.
 */
export async function timeReportTask(
  db: YunweiDatabase,
  task: ReportTask,
  now: number,
): Promise<ReportTiming> {
  // As ReportsPage does on mount: start the worker and have it prepare the PDF if the fonts are here.
  const client = startReportWorker();
  client.preparePdf(db.slaRules.profile);
  try {
    await new Promise((resolve) => setTimeout(resolve, PAGE_OPEN_MS));
    const started = performance.now();
    const records = await readReportRecords(db, localStorage);
    const read = performance.now();
    const base = { totalMs: read - started, readMs: read - started, records: countRecords(records) };
    if (task.kind === 'read') return { ...base, modelMs: 0, renderMs: 0, bytes: 0 };
    const resolved = resolveChoice(
      { document: task.report, period: task.period, scope: { kind: 'whole' } },
      reportAccess(null, db.slaRules.profile),
    );
    if (!resolved.ok) throw new Error(resolved.reason);
    const { period, scope } = resolved;
    const request: ReportRequest = {
      kind: task.report,
      period,
      scope,
      profile: db.slaRules.profile,
      calendar: db.slaRules.calendar,
      asOf: reportAsOf(period, now),
      records,
    };
    const job =
      task.kind === 'document'
        ? { kind: 'document' as const, formats: [task.format], document: buildReport(request) }
        : { kind: 'ledgers' as const, ledgers: buildLedgers(request), subtitle: reportSubtitle(request) };
    const modelled = performance.now();
    const bytes = await client.render(job);
    const done = performance.now();
    return {
      ...base,
      totalMs: done - started,
      modelMs: modelled - read,
      renderMs: done - modelled,
      bytes: bytes.byteLength,
    };
  } finally {
    client.dispose();
  }
}
