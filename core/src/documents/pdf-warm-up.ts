import type { WorkingCalendar } from '../calendar';
import type { ContractProfile } from '../profile';
import { newTicket } from '../records/ticket-create';
import {
  type ReportRecords,
  WHOLE_CONTRACT,
  buildReport,
  monthPeriod,
  reportAsOf,
  withProfileTemplates,
} from '../reports';
import { parseInstant } from '../time/shanghai-time';
import { type PdfRendering, renderPdf } from './render-pdf';

/** Any month will do: the warm-up's pages are thrown away. */
const WARM_UP_MONTH = '2026-01';
const RECEIVED_AT = parseInstant('2026-01-05T10:00');

function recordId(serial: number): string {
  return `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
}

/**
 * One open ticket (so the SLA chart is drawn) and the profile's checklists with no runs (so the
 * inspection heat map is): with nothing, a report has neither chart.
 */
function warmUpRecords(profile: ContractProfile): ReportRecords {
  const subsystem = profile.subsystems[0];
  if (subsystem === undefined) throw new Error('合同档案中没有运维子项');
  const made = newTicket(
    {
      subsystemId: subsystem.id,
      channel: 'phone',
      reporter: { unit: '省人社厅信息中心', person: '王喆', phone: '' },
      category: 'fault',
      severity: 'ordinary',
      title: '运维台预热',
      rootCause: '',
      resolution: '',
      receivedAt: RECEIVED_AT,
    },
    { actor: 'warm-up', at: RECEIVED_AT, id: recordId(0) },
  );
  if (!made.ok) throw new Error(made.reason);
  let serial = 0;
  const inspectionTemplates = withProfileTemplates(
    [],
    profile,
    () => {
      serial += 1;
      return recordId(serial);
    },
    RECEIVED_AT - 30 * 24 * 3_600_000,
  );
  return { tickets: [made.ticket], inspectionTemplates, inspectionRuns: [] };
}

/**
 * Makes one PDF and throws it away: a month of the whole contract with one ticket and no inspections,
 * which takes every path a report's PDF takes (headings, paragraphs, tables, both charts, page
 * numbers). A worker about to make PDFs does this while the user is still choosing, so that the first
 * real one runs compiled code on faces whose tables are read, rather than the JavaScript engine's
 * first pass over pdfkit, fontkit, ECharts and svg-to-pdfkit (in Node, June's whole-contract report
 * took 345 ms as the first PDF, 214 ms after a warm-up without charts, 70 ms once warm).
 */
export async function warmUpPdf(
  rendering: PdfRendering,
  profile: ContractProfile,
  calendar: WorkingCalendar,
): Promise<void> {
  const period = monthPeriod(WARM_UP_MONTH);
  const document = buildReport({
    kind: 'monthly',
    period,
    scope: WHOLE_CONTRACT,
    profile,
    calendar,
    asOf: reportAsOf(period, Number.POSITIVE_INFINITY),
    records: warmUpRecords(profile),
  });
  await renderPdf(document, rendering);
}
