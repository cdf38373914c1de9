import { CalendarYearMissingError, type WorkingCalendar } from '@core/calendar';
import {
  dueSlots,
  slotStatus,
  type InspectionRun,
  type InspectionSlot,
  type InspectionTemplate,
  type SlotState,
  type SlotStatus,
} from '@core/records';
import { dayNumberOf, type Instant, isoDateToDayNumber } from '@core/time/shanghai-time';

/** One slot of one template and where it stands. */
export interface SlotEntry {
  readonly template: InspectionTemplate;
  readonly slot: InspectionSlot;
  readonly status: SlotStatus;
  /** A run started for this slot and not finished yet: continue it rather than start another. */
  readonly openRun: InspectionRun | undefined;
}

/** A template whose slots cannot be computed (a working-day schedule in a year the calendar lacks). */
export interface SlotProblem {
  readonly template: InspectionTemplate;
  readonly reason: string;
}

export interface MonthSlots {
  /** Daily slots by Shanghai date (`YYYY-MM-DD`), in template order. */
  readonly daily: ReadonlyMap<string, readonly SlotEntry[]>;
  /** The month's slot of each monthly template. */
  readonly monthly: readonly SlotEntry[];
  readonly problems: readonly SlotProblem[];
}

/**
 * Every slot of `month` (`YYYY-MM`) for the templates' current schedules, judged at `now`. Slots that
 * closed before a template came into use (`inUseSince`, from templatesInUseSince) are left out.
 */
export function monthSlots(
  templates: readonly InspectionTemplate[],
  runs: readonly InspectionRun[],
  month: string,
  now: Instant,
  calendar: WorkingCalendar,
  inUseSince: ReadonlyMap<string, Instant>,
): MonthSlots {
  const firstDay = isoDateToDayNumber(`${month}-01`);
  const lastDay = isoDateToDayNumber(`${nextMonth(month)}-01`) - 1;
  const runsByTemplate = groupRuns(runs);
  const daily = new Map<string, SlotEntry[]>();
  const monthly: SlotEntry[] = [];
  const problems: SlotProblem[] = [];
  for (const template of templates) {
    if (template.schedule === null) continue;
    const since = inUseSince.get(template.templateId) ?? Number.NEGATIVE_INFINITY;
    const slots = slotsOrProblem(template, firstDay, lastDay, calendar, problems).filter(
      (slot) => slot.closesAt > since,
    );
    const templateRuns = runsByTemplate.get(template.templateId) ?? [];
    for (const slot of slots) {
      const entry = entryOf(template, slot, templateRuns, now);
      if (template.schedule.kind === 'monthly') {
        monthly.push(entry);
      } else {
        const list = daily.get(slot.key) ?? [];
        list.push(entry);
        daily.set(slot.key, list);
      }
    }
  }
  return { daily, monthly, problems };
}

/** What today asks for: one task per template, most urgent first. */
export interface TodayTask {
  readonly template: InspectionTemplate;
  /** Null for a template without a schedule (定期): it can be run whenever needed. */
  readonly entry: SlotEntry | null;
  /** For an unscheduled template: its run still open, if any. */
  readonly openRun: InspectionRun | undefined;
}

const STATE_URGENCY: Readonly<Record<SlotState, number>> = {
  overdue: 0,
  due: 1,
  upcoming: 2,
  missed: 3,
  done: 4,
};

/**
 * Today's slot of every scheduled template (the current month's for a monthly one; none for a
 * working-day template on a rest day), then the unscheduled templates. Overdue before due before done;
 * within a state, the earliest deadline first.
 */
export function todayTasks(
  templates: readonly InspectionTemplate[],
  runs: readonly InspectionRun[],
  now: Instant,
  calendar: WorkingCalendar,
): { readonly tasks: readonly TodayTask[]; readonly problems: readonly SlotProblem[] } {
  const today = dayNumberOf(now);
  const runsByTemplate = groupRuns(runs);
  const scheduled: TodayTask[] = [];
  const unscheduled: TodayTask[] = [];
  const problems: SlotProblem[] = [];
  for (const template of templates) {
    const templateRuns = runsByTemplate.get(template.templateId) ?? [];
    if (template.schedule === null) {
      unscheduled.push({ template, entry: null, openRun: latestOpenRun(templateRuns, null) });
      continue;
    }
    for (const slot of slotsOrProblem(template, today, today, calendar, problems)) {
      const entry = entryOf(template, slot, templateRuns, now);
      scheduled.push({ template, entry, openRun: entry.openRun });
    }
  }
  scheduled.sort((a, b) => {
    const left = a.entry as SlotEntry;
    const right = b.entry as SlotEntry;
    return (
      STATE_URGENCY[left.status.state] - STATE_URGENCY[right.status.state] ||
      left.slot.dueAt - right.slot.dueAt
    );
  });
  return { tasks: [...scheduled, ...unscheduled], problems };
}

/** The unfinished run most recently started for a slot (or for no slot), if any. */
export function latestOpenRun(
  runs: readonly InspectionRun[],
  slotKey: string | null,
): InspectionRun | undefined {
  return runs
    .filter((run) => !run.deleted && run.finishedAt === null && run.scheduledFor === slotKey)
    .sort((a, b) => b.startedAt - a.startedAt)[0];
}

function entryOf(
  template: InspectionTemplate,
  slot: InspectionSlot,
  templateRuns: readonly InspectionRun[],
  now: Instant,
): SlotEntry {
  const status = slotStatus(slot, templateRuns, now);
  return {
    template,
    slot,
    status,
    openRun: status.state === 'done' ? undefined : latestOpenRun(templateRuns, slot.key),
  };
}

function slotsOrProblem(
  template: InspectionTemplate,
  fromDay: number,
  toDay: number,
  calendar: WorkingCalendar,
  problems: SlotProblem[],
): InspectionSlot[] {
  if (template.schedule === null) return [];
  try {
    return dueSlots(template.schedule, fromDay, toDay, calendar);
  } catch (error) {
    if (error instanceof CalendarYearMissingError) {
      problems.push({ template, reason: `「${template.name}」按工作日安排：${error.message}` });
      return [];
    }
    throw error;
  }
}

function groupRuns(runs: readonly InspectionRun[]): Map<string, InspectionRun[]> {
  const byTemplate = new Map<string, InspectionRun[]>();
  for (const run of runs) {
    const list = byTemplate.get(run.templateId) ?? [];
    list.push(run);
    byTemplate.set(run.templateId, list);
  }
  return byTemplate;
}

/** `2026-12` → `2027-01`. */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  return monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
}
