import type { Ticket } from '@core/records';
import { CLOCK_KIND_LABELS } from '@core/profile';
import { Tooltip } from 'antd';
import { describeClock, type ClockView } from './remaining-time';
import {
  computeTicketClocks,
  mostUrgentClock,
  type ClockRules,
  type TicketClockResult,
} from './ticket-clocks';
import { useTickingNow } from './use-ticking-now';

export const STOP_WORDS = { response: '响应', resolution: '解决' } as const;

/** The clock's state word and its time, coloured by tone; the word carries the meaning without colour. */
export function ClockText({
  view,
  compact = false,
}: {
  readonly view: ClockView;
  readonly compact?: boolean;
}) {
  return (
    <span className={`clock-text clock-text--${view.tone}`} data-tone={view.tone}>
      <span className="clock-text__badge">{view.badge}</span>
      <span className="clock-text__headline">{view.headline}</span>
      {!compact && view.detail !== '' && <span className="clock-text__detail">{view.detail}</span>}
    </span>
  );
}

function untimedText(clock: Extract<TicketClockResult, { kind: 'untimed' }>) {
  return (
    <Tooltip title={clock.reason}>
      <span className="clock-text clock-text--none">不计时</span>
    </Tooltip>
  );
}

/**
 * The list's countdown: the most urgent clock of the ticket, refreshed every second while a clock can
 * still run. A resolved or closed ticket's clocks have stopped, so it does not tick.
 */
export function TicketRowClock({ ticket, rules }: { readonly ticket: Ticket; readonly rules: ClockRules }) {
  const open = ticket.status !== 'resolved' && ticket.status !== 'closed';
  return open ? (
    <LiveRowClock ticket={ticket} rules={rules} />
  ) : (
    <RowClock ticket={ticket} rules={rules} now={ticket.updatedAt} />
  );
}

function LiveRowClock({ ticket, rules }: { readonly ticket: Ticket; readonly rules: ClockRules }) {
  return <RowClock ticket={ticket} rules={rules} now={useTickingNow()} />;
}

function RowClock({
  ticket,
  rules,
  now,
}: {
  readonly ticket: Ticket;
  readonly rules: ClockRules;
  readonly now: number;
}) {
  const clock = mostUrgentClock(computeTicketClocks(ticket, rules, now));
  if (clock.kind === 'untimed') return untimedText(clock);
  const kind = clock.status.kind;
  const view = describeClock(clock.status, now, STOP_WORDS[kind]);
  const provisional = clock.provisional === null ? '' : `；${clock.provisional.text}`;
  return (
    <Tooltip
      title={`${CLOCK_KIND_LABELS[kind]}时限 ${clock.budget}${view.detail === '' ? '' : `；${view.detail}`}${provisional}`}
    >
      <span className="row-clock" data-testid="row-clock" data-tone={view.tone}>
        <span className="row-clock__kind">{CLOCK_KIND_LABELS[kind]}</span>
        <ClockText view={view} compact />
        {clock.provisional !== null && (
          <span className="row-clock__provisional" data-testid="row-clock-provisional">
            暂定
          </span>
        )}
      </span>
    </Tooltip>
  );
}
