import { TICKET_STATUS_LABELS, type TicketStatus } from '@core/records';
import { Empty, List, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../store';
import { TicketRowClock } from './ClockBadge';
import { subsystemLabel } from './labels';
import { EMPTY_FILTERS, filtersToSearchParams, type TicketFilters } from './ticket-filters';
import { useClockRules, useSubsystems, useTicketList } from './use-ticket-data';
import './tickets.css';

/** Tickets still to be worked on: their clocks run (or wait for the reporter). */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['new', 'responded', 'in_progress', 'waiting'];

const SHOWN = 8;

/** 我的未完成工单: the signed-in user's open tickets, most pressing deadline first, with their clocks. */
export function MyOpenTickets() {
  const user = useCurrentUser();
  const rules = useClockRules();
  const subsystems = useSubsystems();
  const filters = useMemo<TicketFilters>(
    () => ({ ...EMPTY_FILTERS, assignee: user.id, statuses: OPEN_TICKET_STATUSES }),
    [user.id],
  );
  const list = useTicketList(filters);
  if (list.error !== null) {
    return <Typography.Text type="danger">无法读取工单：{list.error.message}</Typography.Text>;
  }
  if (list.data === undefined) return <Skeleton active paragraph={{ rows: 3 }} />;
  const rows = list.data.pages.flatMap((page) => page.rows);
  if (rows.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有指派给您的未完成工单" />;
  }
  const more = rows.length > SHOWN || list.hasNextPage;
  return (
    <>
      <List
        size="small"
        data-testid="my-open-tickets"
        dataSource={rows.slice(0, SHOWN)}
        renderItem={(row) => (
          <List.Item key={row.id} data-testid="my-open-ticket">
            <Link to={`/tickets/${row.id}`} className="my-work__ticket-title">
              {row.record.title}
            </Link>
            <Typography.Text type="secondary" className="my-work__ticket-meta">
              {subsystemLabel(row.subsystemId, subsystems)} · {TICKET_STATUS_LABELS[row.status]}
            </Typography.Text>
            <TicketRowClock ticket={row.record} rules={rules} />
          </List.Item>
        )}
      />
      {more && <Link to={`/tickets?${filtersToSearchParams(filters).toString()}`}>查看全部</Link>}
    </>
  );
}
