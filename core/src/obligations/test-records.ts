import { type TicketDigest, ticketDigests } from '../reports/ticket-digest';
import { builtinCalendar } from '../calendar/builtin-calendars';
import { loadDefaultProfile } from '../profile/default-profile';
import { type InspectionRun, inspectionRunSchema } from '../records/inspection-run';
import {
  type InspectionSchedule,
  type InspectionTemplate,
  inspectionTemplateSchema,
} from '../records/inspection-template';
import {
  type DutyAssignment,
  type DutyLog,
  dutyAssignmentSchema,
  dutyLogSchema,
} from '../records/kinds/duty';
import { type OnSiteDay, onSiteDaySchema } from '../records/kinds/onsite';
import { type Training, trainingSchema } from '../records/kinds/training';
import { type Visit, visitSchema } from '../records/kinds/visit';
import type { Ticket } from '../records/ticket';
import { type TicketDraft, newTicket } from '../records/ticket-create';
import { type TicketAction, transition } from '../records/ticket-status';
import { parseInstant } from '../time/shanghai-time';
import type { ObligationContext, ObligationRecords } from './obligation';

/*
 * Record builders for the obligation and chart tests: each parses through the record's own schema, so
 * a test cannot build a record the app would refuse. Not used by the app itself.
 */

export const testProfile = loadDefaultProfile();
export const testCalendar = builtinCalendar();
export const YEAR_2026 = { from: '2026-01-01', to: '2026-12-31' } as const;
const created = parseInstant('2026-01-01 08:00');

let serial = 0;
export function nextId(): string {
  serial += 1;
  return `00000000-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
}

export const NO_RECORDS: ObligationRecords = {
  tickets: [],
  inspectionTemplates: [],
  inspectionRuns: [],
  trainings: [],
  dutyAssignments: [],
  dutySwaps: [],
  dutyLogs: [],
  sensitivePeriods: [],
  visits: [],
  onSiteDays: [],
};

/** The whole contract in 2026 at `now` (`YYYY-MM-DD HH:MM`). */
export function contextAt(now: string, overrides: Partial<ObligationContext> = {}): ObligationContext {
  return {
    profile: testProfile,
    calendar: testCalendar,
    contractYear: YEAR_2026,
    now: parseInstant(now),
    scope: { subsystemIds: null, unitIds: null },
    ...overrides,
  };
}

/** The tickets' digests at the context's instant, as the dashboard takes those not yet settled. */
export function digestsAt(tickets: readonly Ticket[], context: ObligationContext): TicketDigest[] {
  return ticketDigests(tickets, { profile: context.profile, calendar: context.calendar, asOf: context.now });
}

/** A ticket received at `receivedAt`, taken through `steps` ([action, time, reason?]). */
export function testTicket(
  draft: Partial<TicketDraft> & Pick<TicketDraft, 'receivedAt'>,
  steps: readonly (readonly [TicketAction, string, string?])[] = [],
): Ticket {
  const made = newTicket(
    {
      subsystemId: 5,
      channel: 'phone',
      title: '网站首页无法打开',
      reporter: { unit: '省人社厅', person: '王老师', phone: '' },
      category: 'fault',
      severity: 'ordinary',
      resolution: '已处理',
      ...draft,
    },
    { actor: 'zhangsan', at: draft.receivedAt, id: nextId() },
  );
  if (!made.ok) throw new Error(made.reason);
  return steps.reduce((current, [action, time, reason]) => {
    const result = transition(current, action, {
      actor: 'zhangsan',
      at: parseInstant(time),
      ...(reason === undefined ? {} : { reason }),
    });
    if (!result.ok) throw new Error(result.reason);
    return result.ticket;
  }, made.ticket);
}

export function testTemplate(
  templateId: string,
  subsystemId: number,
  schedule: InspectionSchedule | null,
  name = '门户网站功能测试巡检',
): InspectionTemplate {
  return inspectionTemplateSchema.parse({
    id: nextId(),
    subsystemId,
    createdBy: 'lisi',
    createdAt: created,
    updatedAt: created,
    deleted: false,
    templateId,
    version: 1,
    name,
    schedule,
    items: [{ id: 'pages', label: '页面正常显示', required: true, kind: 'pass-fail' }],
  });
}

/** A run of a template for slot `key`, finished at `finishedAt` (`YYYY-MM-DD HH:MM`) or still open. */
export function testRun(template: InspectionTemplate, key: string, finishedAt: string | null): InspectionRun {
  const finished = finishedAt === null ? null : parseInstant(finishedAt);
  const started = finished ?? parseInstant(`${key.length === 7 ? `${key}-01` : key} 08:00`);
  return inspectionRunSchema.parse({
    id: nextId(),
    subsystemId: template.subsystemId,
    createdBy: 'lisi',
    createdAt: started,
    updatedAt: finished ?? started,
    deleted: false,
    templateId: template.templateId,
    templateVersion: template.version,
    scheduledFor: key,
    startedAt: started,
    finishedAt: finished,
    inspector: 'lisi',
    results: [{ itemId: 'pages', value: true, ok: true, note: '', photoSha256: null, ticketId: null }],
  });
}

/** A training on 2026-04-10 09:00 that meets subsystem 8's annual requirement unless overridden. */
export function testTraining(overrides: Partial<Training> = {}): Training {
  const at = parseInstant('2026-04-10 09:00');
  return trainingSchema.parse({
    id: nextId(),
    subsystemId: 8,
    createdBy: 'zhang',
    createdAt: at,
    updatedAt: at,
    deleted: false,
    requirementId: 's8-annual',
    unitId: null,
    topic: '社保基金监管系统操作培训',
    audience: '软件操作人员',
    startAt: at,
    durationMinutes: 120,
    delivery: 'in_person',
    place: '信息中心 3 楼会议室',
    trainers: [{ name: '王老师', title: '高级工程师', level: 'intermediate' }],
    attendance: {
      kind: 'list',
      attendees: Array.from({ length: 12 }, (_, index) => ({ name: `学员${index + 1}`, unit: '信息中心' })),
    },
    materials: [
      { sha256: 'a'.repeat(64), name: '培训课件.pptx', mime: 'application/vnd.ms-powerpoint', size: 1000 },
    ],
    satisfaction: null,
    notes: '',
    ...overrides,
  });
}

export function testVisit(date: string, unitIds: readonly number[]): Visit {
  return visitSchema.parse({
    id: nextId(),
    createdBy: 'manager',
    createdAt: created,
    updatedAt: created,
    deleted: false,
    date,
    visitor: 'manager',
    unitIds,
    peopleMet: [{ name: '刘主任', unitId: unitIds[0], title: '办公室主任' }],
    ticketIds: [],
    suggestions: '',
    satisfaction: unitIds.map((unitId) => ({ unitId, level: 'satisfied', comment: '' })),
    photos: [],
  });
}

export function testOnSiteDay(date: string, engineer: string, subsystemId = 8): OnSiteDay {
  return onSiteDaySchema.parse({
    id: nextId(),
    subsystemId,
    createdBy: engineer,
    createdAt: created,
    updatedAt: created,
    deleted: false,
    date,
    engineer,
    presence: 'on_site',
    hours: 8,
    summary: '',
  });
}

export function testAssignment(
  date: string,
  person: string,
  subsystemId: number | null = null,
): DutyAssignment {
  return dutyAssignmentSchema.parse({
    id: nextId(),
    createdBy: 'lead',
    createdAt: created,
    updatedAt: created,
    deleted: false,
    subsystemId,
    date,
    person,
  });
}

export function testDutyLog(date: string, onDuty: string, overrides: Partial<DutyLog> = {}): DutyLog {
  return dutyLogSchema.parse({
    id: nextId(),
    createdBy: onDuty,
    createdAt: created,
    updatedAt: created,
    deleted: false,
    subsystemId: null,
    date,
    onDuty,
    callsReceived: 0,
    events: [],
    notes: '',
    handOverTo: null,
    handOverNote: '',
    handedOverAt: null,
    signedOffAt: null,
    ...overrides,
  });
}
