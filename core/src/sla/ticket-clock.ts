import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Ticket } from '../records/ticket';
import type { TicketEventKind } from '../records/ticket-event';
import { DAY_MS, type Instant, MINUTE_MS, dayNumberOf, startOfDay } from '../time/shanghai-time';
import { type Schedule, scheduleFromText } from './schedule';
import { type Pause, addWorkingTime, measureWorkingTime } from './working-time';

export type TicketClockKind = 'response' | 'resolution';

/**
 * A ticket's clock as the contract sets it: minutes of a service schedule (the schedule as parsed or as
 * its text, e.g. `workday:09:00-17:30`), or whole working days (Civil Code rules, docs/working-time.md).
 */
export type TicketClockSpec =
  { readonly minutes: number; readonly schedule: Schedule | string } | { readonly workdays: number };

/** Share of the budget at which a running clock warns (the product brief's 75%). */
export const WARNING_FRACTION = 0.75;

export interface ClockTimelineEntry {
  readonly kind: 'start' | 'pause' | 'resume' | 'stop';
  readonly at: Instant;
  /** What caused it: the report coming in, or the ticket event. */
  readonly cause: 'received' | TicketEventKind;
  /** The waiting or reopening reason. */
  readonly reason?: string;
}

export const CLOCK_TIMELINE_LABELS: Readonly<Record<ClockTimelineEntry['kind'], string>> = {
  start: '开始计时',
  pause: '暂停计时',
  resume: '恢复计时',
  stop: '停止计时',
};

/**
 * - `running` / `paused`: the clock has not stopped (paused while waiting on the requester);
 * - `met` / `breached`: it stopped (responded / resolved) on time / late.
 * `breached` (the flag) is also true for a clock still running or paused once it is past its deadline.
 */
export const TICKET_CLOCK_STATES = ['running', 'paused', 'met', 'breached'] as const;
export type TicketClockState = (typeof TICKET_CLOCK_STATES)[number];

export const TICKET_CLOCK_STATE_LABELS: Readonly<Record<TicketClockState, string>> = {
  running: '计时中',
  paused: '已暂停',
  met: '已达标',
  breached: '已超时',
};

export interface TicketClockStatus {
  readonly kind: TicketClockKind;
  readonly state: TicketClockState;
  /**
   * When the budget runs out given the pauses so far; null while paused, because it depends on when
   * the requester answers (use `remainingMs` then). For a stopped clock, the deadline it had.
   */
  readonly deadline: Instant | null;
  readonly budgetMs: number;
  /** Running time used: up to the stop, or up to now. */
  readonly elapsedMs: number;
  /** budgetMs − elapsedMs: negative once the budget is overrun. */
  readonly remainingMs: number;
  /** elapsedMs / budgetMs, not capped. */
  readonly fraction: number;
  /** Not stopped and at least 75% used. */
  readonly warning: boolean;
  /** Went past its deadline, whether or not it has stopped since. */
  readonly breached: boolean;
  readonly stoppedAt: Instant | null;
  readonly timeline: readonly ClockTimelineEntry[];
}

export interface TicketClockContext {
  readonly calendar: WorkingCalendar;
  readonly now: Instant;
}

/** The working-day clock counts whole working days; the same schedule `addWorkdays` uses. */
const WHOLE_WORKDAY: Schedule = { kind: 'workday', openMinute: 0, closeMinute: 24 * 60 };

/**
 * One clock of a ticket, computed from its `receivedAt` and its timeline as of `now` (events after
 * `now` are not yet history). Rules (docs/records.md, "The SLA clocks of a ticket"):
 * - both clocks start at `receivedAt` (a working-day clock counts from the next day, Civil Code);
 * - the response clock stops at the first `responded` event;
 * - the resolution clock stops at `resolved`; a `reopened` event restarts it where it left off, so the
 *   time between resolve and reopen is not counted;
 * - waiting on the requester pauses a clock until `resumed` (an open wait pauses it until now);
 * - the deadline instant itself is on time; the clock is breached once it runs (or stops) after it.
 */
export function ticketClock(
  ticket: Pick<Ticket, 'receivedAt' | 'events'>,
  kind: TicketClockKind,
  spec: TicketClockSpec,
  context: TicketClockContext,
): TicketClockStatus {
  const { schedule, budgetMs, countFrom } = resolveSpec(spec, ticket.receivedAt);
  const { now, calendar } = context;
  const walk = walkTimeline(ticket, kind, now);

  const closedPauses = walk.pauses;
  const allPauses: Pause[] =
    walk.openPauseStart === undefined
      ? closedPauses
      : [...closedPauses, { start: walk.openPauseStart, end: Math.max(now, walk.openPauseStart) }];
  const end = walk.stoppedAt ?? now;
  const elapsedMs = measureWorkingTime(countFrom, end, { schedule, calendar, pauses: allPauses });
  const deadline = addWorkingTime(countFrom, budgetMs, { schedule, calendar, pauses: closedPauses });
  // The clock's last running instant: the stop, the start of the current pause, or now.
  const reached = walk.stoppedAt ?? walk.openPauseStart ?? now;
  const breached = reached > deadline;
  const stopped = walk.stoppedAt !== null;
  const fraction = elapsedMs / budgetMs;

  let state: TicketClockState;
  if (stopped) state = breached ? 'breached' : 'met';
  else state = walk.openPauseStart === undefined ? 'running' : 'paused';

  return {
    kind,
    state,
    deadline: walk.openPauseStart === undefined ? deadline : null,
    budgetMs,
    elapsedMs,
    remainingMs: budgetMs - elapsedMs,
    fraction,
    warning: !stopped && fraction >= WARNING_FRACTION,
    breached,
    stoppedAt: walk.stoppedAt,
    timeline: walk.timeline,
  };
}

/**
 * A spec from the contract profile's `findSlaClock` result: a minutes clock needs its schedule's text.
 * Structural, so that the profile and the clock do not depend on each other's internals.
 */
export function ticketClockSpec(found: {
  readonly clock: { readonly minutes: number } | { readonly workdays: number };
  readonly schedule: string | undefined;
}): TicketClockSpec {
  if ('workdays' in found.clock) return { workdays: found.clock.workdays };
  if (found.schedule === undefined) {
    throw new RangeError(`${found.clock.minutes} 分钟时限缺少服务时间，无法计时：请检查合同配置中的服务时间`);
  }
  return { minutes: found.clock.minutes, schedule: found.schedule };
}

function resolveSpec(
  spec: TicketClockSpec,
  receivedAt: Instant,
): { schedule: Schedule; budgetMs: number; countFrom: Instant } {
  if (!Number.isFinite(receivedAt)) throw new RangeError(`接报时间无效：${receivedAt}`);
  if ('workdays' in spec) {
    if (!Number.isInteger(spec.workdays) || spec.workdays <= 0) {
      throw new RangeError(`工作日时限应为正整数，收到 ${spec.workdays}`);
    }
    // Civil Code Art. 201: the day of receipt is not counted.
    return {
      schedule: WHOLE_WORKDAY,
      budgetMs: spec.workdays * DAY_MS,
      countFrom: startOfDay(dayNumberOf(receivedAt) + 1),
    };
  }
  if (!Number.isFinite(spec.minutes) || spec.minutes <= 0) {
    throw new RangeError(`分钟时限应为正数，收到 ${spec.minutes}`);
  }
  const schedule = typeof spec.schedule === 'string' ? scheduleFromText(spec.schedule) : spec.schedule;
  return { schedule, budgetMs: spec.minutes * MINUTE_MS, countFrom: receivedAt };
}

interface Walk {
  readonly timeline: ClockTimelineEntry[];
  /** Closed pauses: waits that ended, and for the resolution clock the spans between resolve and reopen. */
  readonly pauses: Pause[];
  readonly openPauseStart: Instant | undefined;
  readonly stoppedAt: Instant | null;
}

/** Reads the clock's starts, pauses and stops from the ticket's status events, in timeline order. */
function walkTimeline(
  ticket: Pick<Ticket, 'receivedAt' | 'events'>,
  kind: TicketClockKind,
  now: Instant,
): Walk {
  const timeline: ClockTimelineEntry[] = [];
  const pauses: Pause[] = [];
  let openPauseStart: Instant | undefined;
  let stoppedAt: Instant | null = null;
  if (ticket.receivedAt > now) return { timeline, pauses, openPauseStart, stoppedAt };
  timeline.push({ kind: 'start', at: ticket.receivedAt, cause: 'received' });

  for (const event of ticket.events) {
    if (event.at > now) continue;
    const running = stoppedAt === null && openPauseStart === undefined;
    switch (event.kind) {
      case 'waiting':
        if (running) {
          openPauseStart = event.at;
          timeline.push({ kind: 'pause', at: event.at, cause: 'waiting', reason: event.reason });
        }
        break;
      case 'resumed':
        if (stoppedAt === null && openPauseStart !== undefined) {
          pauses.push({ start: openPauseStart, end: event.at });
          openPauseStart = undefined;
          timeline.push({ kind: 'resume', at: event.at, cause: 'resumed' });
        }
        break;
      case 'responded':
        if (kind === 'response' && stoppedAt === null) {
          stoppedAt = stop(event.at);
          timeline.push({ kind: 'stop', at: event.at, cause: 'responded' });
        }
        break;
      case 'resolved':
      case 'closed':
        if (kind === 'resolution' && stoppedAt === null) {
          stoppedAt = stop(event.at);
          timeline.push({ kind: 'stop', at: event.at, cause: event.kind });
        }
        break;
      case 'reopened':
        if (kind === 'resolution' && stoppedAt !== null) {
          pauses.push({ start: stoppedAt, end: event.at });
          stoppedAt = null;
          timeline.push({ kind: 'resume', at: event.at, cause: 'reopened', reason: event.reason });
        }
        break;
      case 'created':
      case 'progress':
      case 'comment':
        break;
    }
  }
  return { timeline, pauses, openPauseStart, stoppedAt };

  /** A stop during a pause ends the pause there (the machine forbids it, merged timelines may not). */
  function stop(at: Instant): Instant {
    if (openPauseStart !== undefined) {
      pauses.push({ start: openPauseStart, end: at });
      openPauseStart = undefined;
    }
    return at;
  }
}
