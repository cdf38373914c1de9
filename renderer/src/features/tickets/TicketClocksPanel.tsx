import { CLOCK_KIND_LABELS } from '@core/profile';
import { TICKET_EVENT_LABELS, type Ticket } from '@core/records';
import { CLOCK_TIMELINE_LABELS, type ClockTimelineEntry } from '@core/sla';
import { Progress, Tag, Tooltip, Typography } from 'antd';
import { ClockText, STOP_WORDS } from './ClockBadge';
import { formatMinute } from './format-time';
import { describeClock } from './remaining-time';
import {
  CLOCK_KIND_ORDER,
  computeTicketClocks,
  type ClockRules,
  type TicketClockResult,
} from './ticket-clocks';
import { useTickingNow } from './use-ticking-now';

const PROGRESS_STATUS = {
  running: 'active',
  warning: 'active',
  paused: 'normal',
  breached: 'exception',
  late: 'exception',
  met: 'success',
} as const;

/**
 * Both SLA clocks of the ticket: the contract's budget, the time left (live), warning and breach in
 * words and colour, and each clock's timeline — start, pauses with their reasons, stops.
 */
export function TicketClocksPanel({
  ticket,
  rules,
}: {
  readonly ticket: Ticket;
  readonly rules: ClockRules;
}) {
  const now = useTickingNow();
  const clocks = computeTicketClocks(ticket, rules, now);
  return (
    <div className="ticket-clocks" data-testid="ticket-clocks">
      {CLOCK_KIND_ORDER.map((kind) => (
        <ClockSection key={kind} kind={kind} clock={clocks[kind]} now={now} />
      ))}
    </div>
  );
}

function ClockSection({
  kind,
  clock,
  now,
}: {
  readonly kind: 'response' | 'resolution';
  readonly clock: TicketClockResult;
  readonly now: number;
}) {
  const title = `${CLOCK_KIND_LABELS[kind]}时限`;
  if (clock.kind === 'untimed') {
    return (
      <section className="ticket-clock" data-testid={`clock-${kind}`} data-tone="none">
        <Typography.Text strong>{title}</Typography.Text>
        <Typography.Paragraph type="secondary" className="ticket-clock__reason">
          不计时：{clock.reason}
        </Typography.Paragraph>
      </section>
    );
  }
  const view = describeClock(clock.status, now, STOP_WORDS[kind]);
  const percent = Math.min(100, Math.floor(clock.status.fraction * 100));
  return (
    <section className="ticket-clock" data-testid={`clock-${kind}`} data-tone={view.tone}>
      <div className="ticket-clock__head">
        <Typography.Text strong>{title}</Typography.Text>
        <Tooltip title={clock.clause === undefined ? undefined : `合同条款：${clock.clause}`}>
          <Typography.Text type="secondary" className="ticket-clock__budget">
            {clock.budget}
            {clock.source === 'contract' ? '（合同通用）' : ''}
          </Typography.Text>
        </Tooltip>
      </div>
      <ClockText view={view} />
      {clock.provisional !== null && (
        <Typography.Paragraph
          type="warning"
          className="ticket-clock__provisional"
          data-testid={`clock-${kind}-provisional`}
        >
          <Tag color="orange">暂定</Tag>
          {clock.provisional.text}
        </Typography.Paragraph>
      )}
      <Progress
        percent={percent}
        size="small"
        showInfo={false}
        status={PROGRESS_STATUS[view.tone]}
        strokeColor={view.tone === 'warning' ? '#d46b08' : undefined}
        aria-label={`${title}已用 ${percent}%`}
      />
      <ol className="clock-timeline" aria-label={`${title}计时记录`} data-testid={`clock-${kind}-timeline`}>
        {clock.status.timeline.map((entry) => (
          <li
            key={`${entry.kind}-${entry.at}-${entry.cause}`}
            className={`clock-timeline__entry clock-timeline__entry--${entry.kind}`}
          >
            <span className="clock-timeline__time">{formatMinute(entry.at)}</span>
            <span className="clock-timeline__what">{describeTimelineEntry(entry)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** "暂停计时（等待报告人：等待对方提供截图）", "开始计时（接报）". */
export function describeTimelineEntry(entry: ClockTimelineEntry): string {
  const cause = entry.cause === 'received' ? '接报' : TICKET_EVENT_LABELS[entry.cause];
  const reason = entry.reason === undefined ? '' : `：${entry.reason}`;
  return `${CLOCK_TIMELINE_LABELS[entry.kind]}（${cause}${reason}）`;
}
