import { loadDefaultProfile } from '@core/profile';
import { builtinCalendar } from '@core/calendar';
import {
  type InspectionRun,
  type InspectionTemplate,
  type Ticket,
  inspectionRunSchema,
  inspectionTemplateSchema,
} from '@core/records';
import { newTicket } from '@core/records/ticket-create';
import { type TicketAction, transition } from '@core/records/ticket-status';
import { type ReportKind, type ReportRequest, monthPeriod, reportAsOf, WHOLE_CONTRACT } from '@core/reports';
import { parseInstant } from '@core/time/shanghai-time';

/** February 2026 on subsystems 1 and 5: a few tickets (one reporter with a rare character) and a daily check. */
const at = parseInstant;
let counter = 0;
const nextId = () => `00000000-0000-4000-8000-${String((counter += 1)).padStart(12, '0')}`;

function ticket(
  fields: { subsystemId: number; title: string; person: string; receivedAt: string; rootCause?: string },
  steps: readonly [TicketAction, string][],
): Ticket {
  const created = newTicket(
    {
      subsystemId: fields.subsystemId,
      channel: 'phone',
      reporter: { unit: '省人社厅信息中心', person: fields.person, phone: '0851-86812345' },
      category: 'fault',
      severity: 'ordinary',
      title: fields.title,
      rootCause: fields.rootCause ?? '',
      resolution: '已排除故障，恢复正常访问',
      receivedAt: at(fields.receivedAt),
    },
    { actor: 'zhangsan', at: at(fields.receivedAt), id: nextId() },
  );
  if (!created.ok) throw new Error(created.reason);
  return steps.reduce((current, [action, time]) => {
    const result = transition(current, action, { actor: 'zhangsan', at: at(time) });
    if (!result.ok) throw new Error(result.reason);
    return result.ticket;
  }, created.ticket);
}

export const reportTickets: readonly Ticket[] = [
  ticket(
    {
      subsystemId: 1,
      title: '社保查询页面报错',
      person: '王喆',
      receivedAt: '2026-02-14T10:00',
      rootCause: '数据库连接池耗尽',
    },
    [
      ['respond', '2026-02-14T10:20'],
      ['resolve', '2026-02-14T10:45'],
    ],
  ),
  ticket({ subsystemId: 5, title: '网站首页无法打开', person: '李堃', receivedAt: '2026-02-20T08:00' }, [
    ['respond', '2026-02-20T08:05'],
    ['resolve', '2026-02-20T09:30'],
  ]),
  ticket({ subsystemId: 1, title: '单点登录间歇失败', person: '赵昇', receivedAt: '2026-02-25T14:00' }, [
    ['respond', '2026-02-25T14:50'],
  ]),
];

export const reportTemplate: InspectionTemplate = inspectionTemplateSchema.parse({
  id: nextId(),
  subsystemId: 1,
  createdBy: 'lisi',
  createdAt: at('2026-01-01T09:00'),
  updatedAt: at('2026-01-01T09:00'),
  deleted: false,
  templateId: 's1-daily',
  version: 1,
  name: '互联网+人社平台每日检测',
  schedule: { kind: 'daily', days: 'workdays', dueBy: '10:00' },
  items: [
    { id: 'cpu', label: 'CPU 利用率', required: true, kind: 'number', unit: '%', max: 80 },
    { id: 'login', label: '登录功能', required: true, kind: 'pass-fail' },
  ],
});

function run(day: string, failedTicket?: Ticket): InspectionRun {
  return inspectionRunSchema.parse({
    id: nextId(),
    subsystemId: 1,
    createdBy: 'lisi',
    createdAt: at(`${day}T09:00`),
    updatedAt: at(`${day}T09:40`),
    deleted: false,
    templateId: 's1-daily',
    templateVersion: 1,
    scheduledFor: day,
    startedAt: at(`${day}T09:00`),
    finishedAt: at(`${day}T09:40`),
    inspector: 'lisi',
    results: [
      {
        itemId: 'cpu',
        value: failedTicket === undefined ? 35 : 92,
        ok: failedTicket === undefined,
        note: failedTicket === undefined ? '' : 'CPU 持续高于 90%',
        photoSha256: null,
        ticketId: failedTicket?.id ?? null,
      },
      { itemId: 'login', value: true, ok: true, note: '', photoSha256: null, ticketId: null },
    ],
  });
}

export const reportRuns: readonly InspectionRun[] = [
  ...['2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05', '2026-02-06', '2026-02-09', '2026-02-10'].map(
    (day) => run(day),
  ),
  run('2026-02-25', reportTickets[2]),
];

/** A request for February 2026 over the whole contract, as of the month's end. */
export function februaryRequest(kind: ReportKind): ReportRequest {
  const period = monthPeriod('2026-02');
  return {
    kind,
    period,
    scope: WHOLE_CONTRACT,
    profile: loadDefaultProfile(),
    calendar: builtinCalendar(),
    asOf: reportAsOf(period, at('2026-03-05T12:00')),
    records: { tickets: reportTickets, inspectionTemplates: [reportTemplate], inspectionRuns: reportRuns },
  };
}
