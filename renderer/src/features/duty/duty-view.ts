import type { WorkingCalendar } from '@core/calendar';
import type { ContractProfile } from '@core/profile';
import { userIdSchema } from '@core/records';
import {
  DUTY_DAY_REASON_LABELS,
  dutyDayCovers,
  dutyDayStatuses,
  type DutyAssignment,
  type DutyDay,
  type DutyDayStatus,
  type DutyLog,
  type Roster,
  type RosterEntry,
  type SensitivePeriod,
  recordDateSchema,
} from '@core/records/kinds';
import { isoDateToDayNumber, weekdayOf } from '@core/time/shanghai-time';

/** Who keeps duty: one subsystem, or (null) the contract as a whole. */
export interface DutyScope {
  readonly subsystemId: number | null;
  /** 全合同, 5 网站群. */
  readonly label: string;
  /** The tender's words that ask for this duty, when it names it. */
  readonly clause: string | null;
}

/** Where a tender sentence asks for duty (值班). */
const DUTY_WORD = '值班';

/** A scope in URLs and selects: `all` for the contract, else the subsystem's id. */
export function scopeKey(subsystemId: number | null): string {
  return subsystemId === null ? 'all' : String(subsystemId);
}

/** The scope a key names; undefined for a key that names none (an edited link). */
export function scopeFromKey(key: string | null): number | null | undefined {
  if (key === null || key === 'all') return null;
  return /^[1-9]\d{0,2}$/.test(key) ? Number(key) : undefined;
}

/**
 * The scopes a roster is kept for: the whole contract, every subsystem whose obligations in the
 * profile ask for duty (subsystem 5's weekend, holiday and sensitive-period duty), and any subsystem a
 * sensitive period or an assignment already names. `readable` narrows the subsystems to those the
 * user sees (an engineer's own); 'all' for the lead and the auditor.
 */
export function dutyScopes(
  profile: ContractProfile,
  periods: readonly SensitivePeriod[],
  assignments: readonly DutyAssignment[],
  readable: readonly number[] | 'all',
): DutyScope[] {
  const clauses = new Map<number, string>();
  for (const subsystem of profile.subsystems) {
    const clause = subsystem.obligations.find((line) => line.includes(DUTY_WORD));
    if (clause !== undefined) clauses.set(subsystem.id, clause);
  }
  const ids = new Set(clauses.keys());
  for (const period of periods) for (const id of period.subsystemIds ?? []) ids.add(id);
  for (const assignment of assignments) if (assignment.subsystemId !== null) ids.add(assignment.subsystemId);
  const names = new Map(profile.subsystems.map((subsystem) => [subsystem.id, subsystem.shortName]));
  const subsystems = [...ids]
    .filter((id) => readable === 'all' || readable.includes(id))
    .sort((a, b) => a - b)
    .map((id) => ({
      subsystemId: id,
      label: `${id} ${names.get(id) ?? `子项 ${id}`}`,
      clause: clauses.get(id) ?? null,
    }));
  const contractClause = profile.commitments.obligations.find((line) => line.includes(DUTY_WORD)) ?? null;
  return [{ subsystemId: null, label: '全合同', clause: contractClause }, ...subsystems];
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

export function weekdayLabel(date: string): string {
  return WEEKDAYS[weekdayOf(isoDateToDayNumber(date))] ?? '';
}

/**
 * Why a day is a duty day, in words: 法定节假日（国庆节）、重要时期（国庆安保）. `holidayName` is the
 * calendar's name of the day, which dutyDays lists before the sensitive periods' names.
 */
export function dutyDayReasonText(day: DutyDay, holidayName: string | undefined): string {
  const sensitiveNames = holidayName === undefined ? day.names : day.names.slice(1);
  return day.reasons
    .map((reason) => {
      const label = DUTY_DAY_REASON_LABELS[reason];
      if (reason === 'holiday' && holidayName !== undefined) return `${label}（${holidayName}）`;
      if (reason === 'sensitive' && sensitiveNames.length > 0)
        return `${label}（${sensitiveNames.join('、')}）`;
      return label;
    })
    .join('、');
}

/** One duty day of a scope, as the roster table shows it. */
export interface RosterRow {
  readonly day: DutyDay;
  readonly weekday: string;
  readonly reasonText: string;
  /** Who is on duty that day in this scope, swaps applied. */
  readonly entries: readonly RosterEntry[];
  readonly status: DutyDayStatus;
}

/** The duty days of one scope with who is on duty and what is missing (dutyDayStatuses). */
export function rosterRows(
  calendar: WorkingCalendar,
  days: readonly DutyDay[],
  roster: Roster,
  logs: readonly DutyLog[],
  subsystemId: number | null,
  today: string,
): RosterRow[] {
  const covered = days.filter((day) => dutyDayCovers(day, subsystemId));
  const statuses = new Map(
    dutyDayStatuses(covered, roster, logs, subsystemId, today).map((status) => [status.date, status]),
  );
  return covered.flatMap((day) => {
    const status = statuses.get(day.date);
    if (status === undefined) return [];
    return [
      {
        day,
        weekday: weekdayLabel(day.date),
        reasonText: dutyDayReasonText(
          day,
          day.reasons.includes('holiday') ? calendar.dayName(isoDateToDayNumber(day.date)) : undefined,
        ),
        entries: roster.entries.filter(
          (entry) => entry.date === day.date && entry.subsystemId === subsystemId,
        ),
        status,
      },
    ];
  });
}

/** What the roster says when some of its days lie in a year without a holiday notice; null otherwise. */
export function provisionalRosterNote(days: readonly DutyDay[]): string | null {
  const years = [...new Set(days.filter((day) => day.provisional).map((day) => day.date.slice(0, 4)))];
  if (years.length === 0) return null;
  const named = years.map((year) => `${year} 年`).join('、');
  return `暂定：${named}的节假日安排（国务院通知）尚未发布，值班日按周末和法定节假日推算，调休上班日未计入；通知发布后请核对排班`;
}

/** Gaps among the past duty days: each with the sentence dutyDayStatuses gives. */
export function missingDutyDays(rows: readonly RosterRow[]): RosterRow[] {
  return rows.filter((row) => row.status.reason !== '' && row.status.state !== 'upcoming');
}

/** Checks a typed login name; the Chinese reason when it cannot be a person on duty. */
export function personNameProblem(name: string): string | null {
  const result = userIdSchema.safeParse(name);
  if (result.success) return null;
  const issue = result.error.issues[0]?.message ?? '名字无效';
  return `值班人员“${name.trim().slice(0, 20)}”：${issue}`;
}

/** What changing a day's people to `wanted` takes: whom to add, which assignments to delete. */
export interface AssignmentEdits {
  readonly add: readonly string[];
  readonly remove: readonly DutyAssignment[];
}

/**
 * The lead edits who is assigned (not who is on duty after swaps): an assignment stays as long as
 * its person is still wanted, so the swaps on it keep applying.
 */
export function assignmentEdits(
  assignments: readonly DutyAssignment[],
  date: string,
  subsystemId: number | null,
  wanted: readonly string[],
): AssignmentEdits {
  const current = assignments.filter(
    (assignment) => !assignment.deleted && assignment.date === date && assignment.subsystemId === subsystemId,
  );
  const names = [...new Set(wanted.map((name) => name.trim()).filter((name) => name !== ''))];
  return {
    add: names.filter((name) => !current.some((assignment) => assignment.person === name)),
    remove: current.filter((assignment) => !names.includes(assignment.person)),
  };
}

/** The people of a day as assigned by the lead (the select's value). */
export function assignedPeople(
  assignments: readonly DutyAssignment[],
  date: string,
  subsystemId: number | null,
): string[] {
  return [
    ...new Set(
      assignments
        .filter(
          (assignment) =>
            !assignment.deleted && assignment.date === date && assignment.subsystemId === subsystemId,
        )
        .map((assignment) => assignment.person),
    ),
  ];
}

/** The people to choose from: this PC's accounts and everyone the duty records name, sorted. */
export function peopleChoices(
  known: readonly string[],
  assignments: readonly DutyAssignment[],
  logs: readonly DutyLog[],
): string[] {
  const names = new Set(known);
  for (const assignment of assignments) names.add(assignment.person);
  for (const log of logs) {
    names.add(log.onDuty);
    if (log.handOverTo !== null) names.add(log.handOverTo);
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** Whom a duty day hands over to by default: the next one on duty in the scope after that day. */
export function nextOnDuty(
  roster: Roster,
  subsystemId: number | null,
  date: string,
  me: string,
): string | null {
  const next = roster.entries.find(
    (entry) => entry.subsystemId === subsystemId && entry.date > date && entry.person !== me,
  );
  return next?.person ?? null;
}

/** The shifts another person holds in the same scope: what shift A can be exchanged for. */
export function exchangeCandidates(roster: Roster, shift: RosterEntry): RosterEntry[] {
  return roster.entries.filter(
    (entry) =>
      entry.subsystemId === shift.subsystemId &&
      entry.assignmentId !== shift.assignmentId &&
      entry.person !== shift.person,
  );
}

/** Hand-overs given to `me` that wait for my sign-off, oldest duty day first. */
export function awaitingSignOff(logs: readonly DutyLog[], me: string): DutyLog[] {
  return logs
    .filter((log) => !log.deleted && log.handOverTo === me && log.signedOffAt === null)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A person's own log of a duty day in a scope, if written. */
export function logOf(
  logs: readonly DutyLog[],
  date: string,
  subsystemId: number | null,
  person: string,
): DutyLog | undefined {
  return logs.find(
    (log) => !log.deleted && log.date === date && log.subsystemId === subsystemId && log.onDuty === person,
  );
}

/** The sensitive periods in the order the page lists them: newest first. */
export function periodsNewestFirst(periods: readonly SensitivePeriod[]): SensitivePeriod[] {
  return periods
    .filter((period) => !period.deleted)
    .sort((a, b) => (a.from > b.from ? -1 : a.from < b.from ? 1 : a.name.localeCompare(b.name, 'zh-CN')));
}

/** 全合同 or the subsystems of a sensitive period, in words. */
export function periodScopeText(period: SensitivePeriod, label: (subsystemId: number) => string): string {
  return period.subsystemIds === null ? '全合同' : period.subsystemIds.map(label).join('、');
}

/** The roster's default period: this month and the next, whole months. */
export function defaultDutyRange(today: string): { readonly from: string; readonly to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const lastDay = new Date(Date.UTC(nextYear, nextMonth, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  return { from: `${today.slice(0, 7)}-01`, to: `${nextYear}-${pad(nextMonth)}-${pad(lastDay)}` };
}

/** A roster period longer than this falls back to the default: the table is for planning, not archives. */
export const MAX_RANGE_DAYS = 550;

/** The period a link names, when it names a real one of at most MAX_RANGE_DAYS; else the default. */
export function dutyRangeFromParams(
  params: URLSearchParams,
  today: string,
): { readonly from: string; readonly to: string } {
  const from = recordDateSchema.safeParse(params.get('from'));
  const to = recordDateSchema.safeParse(params.get('to'));
  if (!from.success || !to.success) return defaultDutyRange(today);
  const span = isoDateToDayNumber(to.data) - isoDateToDayNumber(from.data);
  return span >= 0 && span <= MAX_RANGE_DAYS ? { from: from.data, to: to.data } : defaultDutyRange(today);
}
