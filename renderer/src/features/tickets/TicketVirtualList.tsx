import { TICKET_CHANNEL_LABELS, TICKET_SEVERITY_LABELS, TICKET_STATUS_LABELS } from '@core/records';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Spin, Tag } from 'antd';
import { memo, useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TicketRow } from '../../store';
import { ClockText, TicketRowClock } from './ClockBadge';
import { formatShort } from './format-time';
import { SEVERITY_COLORS, STATUS_COLORS, subsystemLabel, userLabel } from './labels';
import type { ClockRules } from './ticket-clocks';
import type { SubsystemName } from './use-ticket-data';

const ROW_HEIGHT = 60;
/** Start loading the next page this many rows before the end. */
const PREFETCH_ROWS = 20;

export interface TicketVirtualListProps {
  readonly rows: readonly TicketRow[];
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  readonly onLoadMore: () => void;
  readonly rules: ClockRules;
  readonly subsystems: readonly SubsystemName[];
  readonly currentUser: { readonly id: string; readonly displayName: string };
  /** Shown when loading stops: "已显示全部 12 张工单". */
  readonly footer: string;
}

/** The ticket list: a header and only the rows on screen rendered, however many tickets there are. */
export function TicketVirtualList(props: TicketVirtualListProps) {
  const { rows, hasMore, loadingMore, onLoadMore } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const count = rows.length + 1;
  // Not compiled by the React Compiler; the virtualizer re-renders this component itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  return (
    <div className="ticket-list" role="table" aria-label="工单列表" aria-rowcount={rows.length + 1}>
      <div className="ticket-list__head ticket-grid" role="row">
        <span role="columnheader">时限（按截止时间排序）</span>
        <span role="columnheader">标题 / 报告人</span>
        <span role="columnheader">运维子项</span>
        <span role="columnheader">状态</span>
        <span role="columnheader">紧急程度</span>
        <span role="columnheader">处理人</span>
        <span role="columnheader">接报时间</span>
      </div>
      <div className="ticket-list__scroller" ref={scroller} data-testid="ticket-list">
        <div className="ticket-list__canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <div
                key={row?.id ?? 'footer'}
                className="ticket-list__slot"
                style={{ transform: `translateY(${item.start}px)`, height: item.size }}
              >
                {row === undefined ? (
                  <div className="ticket-list__footer" role="row">
                    {hasMore || loadingMore ? <Spin size="small" /> : null}
                    <span>{hasMore || loadingMore ? '正在加载更多工单…' : props.footer}</span>
                  </div>
                ) : (
                  <TicketListRow
                    row={row}
                    index={item.index}
                    rules={props.rules}
                    subsystems={props.subsystems}
                    currentUser={props.currentUser}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  readonly row: TicketRow;
  readonly index: number;
  readonly rules: ClockRules;
  readonly subsystems: readonly SubsystemName[];
  readonly currentUser: { readonly id: string; readonly displayName: string };
}

const TicketListRow = memo(function TicketListRow({ row, index, rules, subsystems, currentUser }: RowProps) {
  const navigate = useNavigate();
  const ticket = row.record;
  const reporter = [ticket.reporter.unit, ticket.reporter.person].filter((part) => part !== '').join(' · ');
  const open = () => void navigate(`/tickets/${ticket.id}`);
  return (
    <div
      className="ticket-grid ticket-list__row"
      role="row"
      aria-rowindex={index + 2}
      data-testid="ticket-row"
      data-ticket-id={ticket.id}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('a') === null) open();
      }}
    >
      <span role="cell" className="ticket-list__clock">
        {ticket.deleted ? (
          <ClockText view={{ tone: 'met', badge: '已删除', headline: '', detail: '' }} compact />
        ) : (
          <TicketRowClock ticket={ticket} rules={rules} />
        )}
      </span>
      <span role="cell" className="ticket-list__title">
        <Link to={`/tickets/${ticket.id}`} className="ticket-list__title-link" data-testid="ticket-row-title">
          {ticket.title}
        </Link>
        <span className="ticket-list__sub">
          {TICKET_CHANNEL_LABELS[ticket.channel]}
          {reporter === '' ? '' : ` · ${reporter}`}
        </span>
      </span>
      <span role="cell" className="ticket-list__ellipsis">
        {subsystemLabel(ticket.subsystemId, subsystems)}
      </span>
      <span role="cell">
        <Tag color={STATUS_COLORS[ticket.status]} data-testid="ticket-row-status">
          {TICKET_STATUS_LABELS[ticket.status]}
        </Tag>
      </span>
      <span role="cell">
        <Tag color={SEVERITY_COLORS[ticket.severity]}>{TICKET_SEVERITY_LABELS[ticket.severity]}</Tag>
      </span>
      <span role="cell" className="ticket-list__ellipsis">
        {userLabel(ticket.assignee, currentUser)}
      </span>
      <span role="cell" className="ticket-list__time">
        {formatShort(ticket.receivedAt, ticket.updatedAt)}
      </span>
    </div>
  );
});
