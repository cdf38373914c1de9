import type { Instant } from '../../time/shanghai-time';
import { newRecordId } from '../record-id';
import { type Refusal, parseRecord, refuse } from '../validation';
import type { DutyDay } from './duty-days';
import { dutyDayCovers } from './duty-days';
import { type DutyAssignment, type DutyLog, type DutySwap, dutyLogSchema, dutySwapSchema } from './duty';

export interface RosterEntry {
  readonly assignmentId: string;
  readonly subsystemId: number | null;
  readonly date: string;
  /** Who is on duty after the swaps that apply. */
  readonly person: string;
  /** Who the lead assigned. */
  readonly assigned: string;
}

export interface Roster {
  readonly entries: readonly RosterEntry[];
  /** Swaps that no longer apply (an assignment deleted or reassigned since), newest last. */
  readonly staleSwaps: readonly DutySwap[];
}

function swapOrder(a: DutySwap, b: DutySwap): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The roster as it stands: the undeleted assignments, with the undeleted swaps applied in the order
 * they were agreed. A swap applies only while its assignments still name the people it swapped, so
 * one the lead overrode by reassigning is kept as stale rather than undoing the lead's change.
 */
export function currentRoster(assignments: readonly DutyAssignment[], swaps: readonly DutySwap[]): Roster {
  const people = new Map<string, string>();
  const byId = new Map<string, DutyAssignment>();
  for (const assignment of assignments) {
    if (assignment.deleted) continue;
    byId.set(assignment.id, assignment);
    people.set(assignment.id, assignment.person);
  }
  const staleSwaps: DutySwap[] = [];
  for (const swap of swaps.filter((candidate) => !candidate.deleted).sort(swapOrder)) {
    const holdsA = people.get(swap.assignmentA) === swap.personA;
    const holdsB = swap.assignmentB === null || people.get(swap.assignmentB) === swap.personB;
    if (!holdsA || !holdsB) {
      staleSwaps.push(swap);
      continue;
    }
    people.set(swap.assignmentA, swap.personB);
    if (swap.assignmentB !== null) people.set(swap.assignmentB, swap.personA);
  }
  const entries = [...byId.values()]
    .map((assignment) => ({
      assignmentId: assignment.id,
      subsystemId: assignment.subsystemId,
      date: assignment.date,
      person: people.get(assignment.id) ?? assignment.person,
      assigned: assignment.person,
    }))
    .sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : (a.subsystemId ?? 0) - (b.subsystemId ?? 0),
    );
  return { entries, staleSwaps };
}

/** An engineer's own duty days. */
export function dutiesOf(roster: Roster, person: string): RosterEntry[] {
  return roster.entries.filter((entry) => entry.person === person);
}

export interface SwapRequest {
  readonly assignmentA: string;
  /** The other person's shift to take in exchange; null for a cover (替班). */
  readonly assignmentB: string | null;
  /** Who takes shift A (for a cover); for an exchange, whoever holds shift B. */
  readonly personB: string;
  readonly reason: string;
  readonly actor: string;
  readonly at: Instant;
  readonly id?: string;
}

/** Records a swap against the roster as it stands; refuses one that the roster does not allow. */
export function swapDuty(
  roster: Roster,
  request: SwapRequest,
): { readonly ok: true; readonly swap: DutySwap } | Refusal {
  const shiftA = roster.entries.find((entry) => entry.assignmentId === request.assignmentA);
  if (shiftA === undefined) return refuse('要调出的班次不存在或已删除');
  let personB = request.personB;
  if (request.assignmentB !== null) {
    const shiftB = roster.entries.find((entry) => entry.assignmentId === request.assignmentB);
    if (shiftB === undefined) return refuse('要换入的班次不存在或已删除');
    if (shiftB.subsystemId !== shiftA.subsystemId)
      return refuse('只能与同一运维子项（或同为全合同）的班次互换');
    if (shiftB.person !== request.personB)
      return refuse(`${shiftB.date} 的班次现由 ${shiftB.person} 值班，不是 ${request.personB}`);
    personB = shiftB.person;
  }
  if (personB === shiftA.person) return refuse(`${shiftA.date} 已由 ${personB} 值班，无需调班`);
  const swap = {
    id: request.id ?? newRecordId(),
    createdBy: request.actor,
    createdAt: request.at,
    updatedAt: request.at,
    deleted: false,
    subsystemId: shiftA.subsystemId,
    assignmentA: shiftA.assignmentId,
    personA: shiftA.person,
    assignmentB: request.assignmentB,
    personB,
    at: request.at,
    reason: request.reason,
  };
  const parsed = parseRecord(dutySwapSchema, swap, '调班记录');
  return parsed.ok ? { ok: true, swap: parsed.value } : parsed;
}

export type DutyLogResult = { readonly ok: true; readonly log: DutyLog } | Refusal;

/** The person on duty hands over to the next one; refused once the receiver has signed. */
export function handOverDuty(
  log: DutyLog,
  to: string,
  note: string,
  actor: string,
  at: Instant,
): DutyLogResult {
  if (log.deleted) return refuse('这条值班记录已删除');
  if (actor !== log.onDuty) return refuse('只有当班人员才能交接');
  if (log.signedOffAt !== null) return refuse(`${log.handOverTo ?? ''} 已签收交接，不能再修改交接`);
  const parsed = parseRecord(
    dutyLogSchema,
    { ...log, handOverTo: to, handOverNote: note, handedOverAt: at },
    '值班记录',
  );
  return parsed.ok ? { ok: true, log: parsed.value } : parsed;
}

/** The receiver signs the hand-over off, in the app, as themselves. */
export function signOffHandOver(log: DutyLog, actor: string, at: Instant): DutyLogResult {
  if (log.deleted) return refuse('这条值班记录已删除');
  if (log.handOverTo === null) return refuse('这条值班记录还没有交接，无需签收');
  if (actor !== log.handOverTo) return refuse(`交接对象是 ${log.handOverTo}，只能由本人签收`);
  if (log.signedOffAt !== null) return refuse('交接已签收');
  const parsed = parseRecord(dutyLogSchema, { ...log, signedOffAt: at }, '值班记录');
  return parsed.ok ? { ok: true, log: parsed.value } : parsed;
}

export type DutyDayState =
  'upcoming' | 'today' | 'unassigned' | 'missing_log' | 'no_hand_over' | 'unsigned' | 'complete';

export const DUTY_DAY_STATE_LABELS: Readonly<Record<DutyDayState, string>> = {
  upcoming: '未到',
  today: '值班中',
  unassigned: '未排班',
  missing_log: '缺值班记录',
  no_hand_over: '未交接',
  unsigned: '交接未签收',
  complete: '已完成',
};

export interface DutyDayStatus {
  readonly date: string;
  readonly subsystemId: number | null;
  readonly state: DutyDayState;
  readonly people: readonly string[];
  readonly logIds: readonly string[];
  /** A Chinese sentence for the states that are a gap; empty otherwise. */
  readonly reason: string;
}

/**
 * Each duty day of one scope (a subsystem, or null for contract-wide duty) with what is missing: no
 * one rostered, a rostered person without a log, a log not handed over, or a hand-over not signed off.
 * Today's gaps are not yet gaps ('today'); a past day is judged as it stands.
 */
export function dutyDayStatuses(
  days: readonly DutyDay[],
  roster: Roster,
  logs: readonly DutyLog[],
  subsystemId: number | null,
  today: string,
): DutyDayStatus[] {
  return days
    .filter((day) => dutyDayCovers(day, subsystemId))
    .map((day) => {
      const people = [
        ...new Set(
          roster.entries
            .filter((entry) => entry.date === day.date && entry.subsystemId === subsystemId)
            .map((entry) => entry.person),
        ),
      ];
      const dayLogs = logs.filter(
        (log) => !log.deleted && log.date === day.date && log.subsystemId === subsystemId,
      );
      const base = { date: day.date, subsystemId, people, logIds: dayLogs.map((log) => log.id) };
      if (day.date > today) {
        return people.length === 0
          ? { ...base, state: 'unassigned', reason: `${day.date} 还没有安排值班人员` }
          : { ...base, state: 'upcoming', reason: '' };
      }
      if (people.length === 0 && dayLogs.length === 0) {
        return { ...base, state: 'unassigned', reason: `${day.date} 没有安排值班人员` };
      }
      const withoutLog = people.filter((person) => !dayLogs.some((log) => log.onDuty === person));
      const notHandedOver = dayLogs.filter((log) => log.handOverTo === null);
      const unsigned = dayLogs.filter((log) => log.handOverTo !== null && log.signedOffAt === null);
      if (day.date === today && (withoutLog.length > 0 || notHandedOver.length > 0 || unsigned.length > 0)) {
        return { ...base, state: 'today', reason: '' };
      }
      if (withoutLog.length > 0) {
        return {
          ...base,
          state: 'missing_log',
          reason: `${day.date} ${withoutLog.join('、')} 没有填写值班记录`,
        };
      }
      if (notHandedOver.length > 0) {
        return {
          ...base,
          state: 'no_hand_over',
          reason: `${day.date} ${notHandedOver.map((log) => log.onDuty).join('、')} 的值班记录没有交接`,
        };
      }
      if (unsigned.length > 0) {
        return {
          ...base,
          state: 'unsigned',
          reason: `${day.date} 的交接尚未由 ${unsigned.map((log) => log.handOverTo ?? '').join('、')} 签收`,
        };
      }
      return { ...base, state: 'complete', reason: '' };
    });
}
