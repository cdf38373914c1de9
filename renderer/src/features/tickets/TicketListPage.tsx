import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Result, Skeleton, Typography, type InputRef } from 'antd';
import { useCallback, useMemo, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../store';
import { FOCUS_SEARCH, NEW_TICKET, ShortcutHelp, useShortcut } from '../shortcuts';
import { TicketFilterBar } from './TicketFilterBar';
import { TicketVirtualList } from './TicketVirtualList';
import {
  EMPTY_FILTERS,
  filtersFromSearchParams,
  filtersToSearchParams,
  hasActiveFilters,
  type TicketFilters,
} from './ticket-filters';
import {
  useClockRules,
  useHasAnyTicket,
  useKnownAssignees,
  useSearchIndexProgress,
  useSubsystems,
  useTicketList,
} from './use-ticket-data';
import './tickets.css';

/** 工单列表: filters, search and the tickets in deadline order, the most urgent first. */
export function TicketListPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { filters, ignored } = useMemo(() => filtersFromSearchParams(params), [params]);
  const setFilters = useCallback(
    (next: TicketFilters) => setParams(filtersToSearchParams(next), { replace: true }),
    [setParams],
  );
  const searchRef = useRef<InputRef>(null);
  const newTicket = () => void navigate('/tickets/new');
  useShortcut(NEW_TICKET, newTicket);
  useShortcut(FOCUS_SEARCH, () => searchRef.current?.focus());

  const currentUser = useCurrentUser();
  const rules = useClockRules();
  const subsystems = useSubsystems();
  const assignees = useKnownAssignees();
  const anyTicket = useHasAnyTicket();
  const list = useTicketList(filters);
  const searchIndex = useSearchIndexProgress().data ?? null;
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.rows) ?? [], [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  return (
    <section className="tickets-page" aria-labelledby="tickets-title">
      <header className="page-header tickets-page__header">
        <Typography.Title level={4} id="tickets-title" className="page-header__title">
          工单
        </Typography.Title>
        <Typography.Text type="secondary">按截止时间排序，最紧急的在前；剩余时间实时更新</Typography.Text>
        <div className="page-header__actions">
          <ShortcutHelp />
          <Button type="primary" icon={<PlusOutlined />} onClick={newTicket} data-testid="new-ticket">
            新建工单（N）
          </Button>
        </div>
      </header>
      {ignored.length > 0 && (
        <Alert
          className="page-hint"
          type="warning"
          showIcon
          title={`链接中的部分筛选条件无法识别，已忽略：${ignored.join('、')}`}
        />
      )}
      <TicketFilterBar
        filters={filters}
        onChange={setFilters}
        subsystems={subsystems}
        assignees={assignees.data ?? []}
        currentUser={currentUser}
        searchRef={searchRef}
      />
      {filters.text.trim() !== '' && searchIndex !== null && (
        <Alert
          className="page-hint"
          type="info"
          showIcon
          data-testid="search-index-building"
          title={`正在为同步来的工单建立搜索索引（已处理 ${searchIndex.indexed} 张）：搜索结果是完整的，只是暂时会慢一些。`}
        />
      )}
      {list.isError ? (
        <Result
          status="error"
          title="无法读取工单"
          subTitle={<span className="error-reason">{list.error.message}</span>}
          extra={<Button onClick={() => void list.refetch()}>重新读取</Button>}
        />
      ) : list.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : rows.length === 0 && !hasNextPage ? (
        <EmptyList
          anyTicket={anyTicket.data ?? false}
          filtered={hasActiveFilters(filters)}
          onNew={newTicket}
          onClear={() => setFilters(EMPTY_FILTERS)}
        />
      ) : (
        <TicketVirtualList
          rows={rows}
          hasMore={hasNextPage}
          loadingMore={isFetchingNextPage}
          onLoadMore={loadMore}
          rules={rules}
          subsystems={subsystems}
          currentUser={currentUser}
          footer={`已显示全部 ${rows.length} 张工单`}
        />
      )}
    </section>
  );
}

function EmptyList(props: {
  readonly anyTicket: boolean;
  readonly filtered: boolean;
  readonly onNew: () => void;
  readonly onClear: () => void;
}) {
  if (props.filtered && props.anyTicket) {
    return (
      <Empty
        className="tickets-empty"
        data-testid="tickets-empty"
        description="没有符合筛选条件的工单。换个关键词，或清除筛选后查看全部工单。"
      >
        <Button onClick={props.onClear}>清除筛选</Button>
      </Empty>
    );
  }
  return (
    <Empty
      className="tickets-empty"
      data-testid="tickets-empty"
      description={
        <>
          还没有工单。接到电话、微信群或 QQ 群的报障时，按 <Typography.Text keyboard>N</Typography.Text>{' '}
          新建工单； 群消息可以直接粘贴进“从聊天粘贴”，自动填好报告人和时间。
        </>
      }
    >
      <Button type="primary" icon={<PlusOutlined />} onClick={props.onNew}>
        新建工单
      </Button>
    </Empty>
  );
}
