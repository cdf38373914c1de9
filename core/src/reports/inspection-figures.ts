import type { WorkingCalendar } from '../calendar/working-calendar';
import type { InspectionResult, InspectionRun } from '../records/inspection-run';
import type { InspectionDay } from '../charts/inspection-heatmap';
import { type InspectionSlot, type SlotStatus, dueSlots, slotStatus } from '../records/inspection-schedule';
import type { InspectionTemplate } from '../records/inspection-template';
import type { Ticket } from '../records/ticket';
import type { Instant } from '../time/shanghai-time';
import { type ReportPeriod, type ReportScope, inPeriod, inScope } from './period';

/** The newest undeleted version of each checklist on a subsystem in scope, by subsystem then name. */
export function currentTemplates(
  templates: readonly InspectionTemplate[],
  scope: ReportScope,
): InspectionTemplate[] {
  const newest = new Map<string, InspectionTemplate>();
  for (const template of templates) {
    if (template.deleted || !inScope(scope, template.subsystemId)) continue;
    const seen = newest.get(template.templateId);
    if (seen === undefined || seen.version < template.version) newest.set(template.templateId, template);
  }
  return [...newest.values()].sort(
    (a, b) => a.subsystemId - b.subsystemId || a.templateId.localeCompare(b.templateId),
  );
}

export interface ScheduleCompletion {
  readonly template: InspectionTemplate;
  /** Slots of the period owed by `asOf` (their window has opened). */
  readonly owed: number;
  /** Fulfilled by a run finished by the due time. */
  readonly onTime: number;
  /** Fulfilled, but finished after the due time. */
  readonly late: number;
  /** Window closed with no finished run. */
  readonly missed: number;
  /** Still due or overdue at `asOf`: neither done nor missed yet. */
  readonly open: number;
  /** The keys (YYYY-MM-DD / YYYY-MM) of the missed slots, for the document to name them. */
  readonly missedKeys: readonly string[];
}

/**
 * Inspections done / late / missed per scheduled checklist over the period, as of `asOf`. A checklist is
 * judged by the schedule of its newest version; slots not yet open at `asOf` are not owed.
 */
export function inspectionCompletion(
  templates: readonly InspectionTemplate[],
  runs: readonly InspectionRun[],
  period: ReportPeriod,
  scope: ReportScope,
  calendar: WorkingCalendar,
  asOf: Instant,
): ScheduleCompletion[] {
  return currentTemplates(templates, scope).flatMap((template) => {
    if (template.schedule === null) return [];
    let onTime = 0;
    let late = 0;
    let open = 0;
    const missedKeys: string[] = [];
    for (const { slot, status } of slotStatuses(template, runs, period, calendar, asOf)) {
      if (status.state === 'done') {
        if (status.late) late += 1;
        else onTime += 1;
      } else if (status.state === 'missed') missedKeys.push(slot.key);
      else if (status.state !== 'upcoming') open += 1;
    }
    const missed = missedKeys.length;
    return [{ template, owed: onTime + late + missed + open, onTime, late, missed, open, missedKeys }];
  });
}

/** Each slot of a scheduled template in the period with how it stood at `asOf`. */
function slotStatuses(
  template: InspectionTemplate,
  runs: readonly InspectionRun[],
  period: ReportPeriod,
  calendar: WorkingCalendar,
  asOf: Instant,
): { slot: InspectionSlot; status: SlotStatus }[] {
  if (template.schedule === null) return [];
  // A run finished after `asOf` had not yet fulfilled its slot at that moment.
  const own = runs.filter(
    (run) => run.templateId === template.templateId && run.finishedAt !== null && run.finishedAt <= asOf,
  );
  return dueSlots(template.schedule, period.fromDay, period.toDay, calendar).map((slot) => ({
    slot,
    status: slotStatus(slot, own, asOf),
  }));
}

/**
 * The days of the period's daily checks, each as its worst check went (the heat map's states): done in
 * time, still open, done late, missed; with the runs of the day. Monthly checks have no day.
 */
export function inspectionDaysInPeriod(
  templates: readonly InspectionTemplate[],
  runs: readonly InspectionRun[],
  period: ReportPeriod,
  scope: ReportScope,
  calendar: WorkingCalendar,
  asOf: Instant,
): InspectionDay[] {
  const days = new Map<string, { value: number; recordIds: string[] }>();
  for (const template of currentTemplates(templates, scope)) {
    if (template.schedule?.kind !== 'daily') continue;
    for (const { slot, status } of slotStatuses(template, runs, period, calendar, asOf)) {
      if (status.state === 'upcoming') continue;
      const value = status.state === 'done' ? (status.late ? 2 : 0) : status.state === 'missed' ? 3 : 1;
      const day = days.get(slot.key) ?? { value: 0, recordIds: [] };
      day.value = Math.max(day.value, value);
      if (status.run !== undefined) day.recordIds.push(status.run.id);
      days.set(slot.key, day);
    }
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, day]) => ({ date, value: day.value, recordIds: day.recordIds }));
}

/** The finished runs of the period on subsystems in scope, in the order they were finished. */
export function runsInPeriod(
  runs: readonly InspectionRun[],
  period: ReportPeriod,
  scope: ReportScope,
): InspectionRun[] {
  return runs
    .filter(
      (run) =>
        !run.deleted &&
        run.finishedAt !== null &&
        inScope(scope, run.subsystemId) &&
        inPeriod(period, run.finishedAt),
    )
    .sort((a, b) => (a.finishedAt as number) - (b.finishedAt as number) || a.id.localeCompare(b.id));
}

export interface FailedItem {
  readonly run: InspectionRun;
  readonly templateName: string;
  readonly itemLabel: string;
  readonly result: InspectionResult;
  /** The ticket the failure opened, when it opened one and that ticket is among the records. */
  readonly ticket: Ticket | null;
}

/** The failed items of the runs, each with the checklist's wording and the ticket it opened. */
export function failedItems(
  runs: readonly InspectionRun[],
  templates: readonly InspectionTemplate[],
  tickets: readonly Ticket[],
): FailedItem[] {
  return failedItemsByRun(runs, templates, tickets).flat();
}

/**
 * The failed items of each run, in the order of the runs. The tickets and templates are indexed once:
 * a ledger of thousands of runs looked each run's up in all of them.
 */
export function failedItemsByRun(
  runs: readonly InspectionRun[],
  templates: readonly InspectionTemplate[],
  tickets: readonly Ticket[],
): FailedItem[][] {
  const ticketById = new Map<string, Ticket>();
  for (const ticket of tickets) if (!ticket.deleted) ticketById.set(ticket.id, ticket);
  const templateByVersion = new Map<string, InspectionTemplate>();
  for (const template of templates) {
    const key = `${template.templateId}@${template.version}`;
    if (!templateByVersion.has(key)) templateByVersion.set(key, template);
  }
  return runs.map((run) => {
    const template = templateByVersion.get(`${run.templateId}@${run.templateVersion}`);
    return run.results
      .filter((result) => !result.ok)
      .map((result) => ({
        run,
        templateName: template?.name ?? run.templateId,
        itemLabel: template?.items.find((item) => item.id === result.itemId)?.label ?? result.itemId,
        result,
        ticket: result.ticketId === null ? null : (ticketById.get(result.ticketId) ?? null),
      }));
  });
}
