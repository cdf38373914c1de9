import { PlusOutlined } from '@ant-design/icons';
import {
  COVERAGE_STATE_LABELS,
  contractYearOf,
  monthLabel,
  visitCoverage,
  type CoverageCell,
  type CoverageRow,
  type CoverageState,
} from '@core/records/kinds';
import { dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';
import { Alert, Button, Drawer, Empty, Result, Skeleton, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCurrentUser, usePlainRecords } from '../../store';
import { NEW_VISIT, ShortcutHelp, useShortcut } from '../shortcuts';
import { useNow } from '../today/use-now';
import { useDocumentSystem, useVisitScope } from './use-visit-data';
import {
  cellTitle,
  coverageCounts,
  documentSystemOfUnits,
  visitListItems,
  type VisitListItem,
} from './visit-list';
import { offeredVisitUnits, visibleVisitUnits } from './visit-scope';
import './visits.css';

const STATES: readonly CoverageState[] = ['visited', 'due', 'missed', 'upcoming'];
/** Short words for a cell 70 pixels wide; the full words are in its title and the legend. */
const CELL_TEXT: Readonly<Record<CoverageState, string>> = {
  visited: '已访',
  due: '待访',
  missed: '未访',
  upcoming: '—',
};

interface OpenCell {
  readonly row: CoverageRow;
  readonly cell: CoverageCell;
}

/**
 * 回访: the units × months of the contract year (visited, due this month, missed, upcoming; a cell opens
 * its visits), and every visit of the year below. A user sees only the units whose visits they receive.
 */
export function VisitsPage() {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const now = useNow();
  const today = dayNumberToIsoDate(dayNumberOf(now));
  const year = useMemo(() => contractYearOf(now), [now]);
  const documentSystem = useDocumentSystem();
  const scope = useVisitScope();
  const visible = visibleVisitUnits(scope, documentSystem);
  const offered = offeredVisitUnits(scope, documentSystem);
  const visits = usePlainRecords('visit', { from: year.from, to: year.to });
  const [open, setOpen] = useState<OpenCell | null>(null);

  const coverage = useMemo(
    () =>
      documentSystem === undefined
        ? null
        : visitCoverage(
            documentSystemOfUnits(documentSystem, visible.unitIds),
            visits.data ?? [],
            year,
            today,
          ),
    [documentSystem, visible.unitIds, visits.data, year, today],
  );
  const items = useMemo(
    () => visitListItems(visits.data ?? [], documentSystem),
    [visits.data, documentSystem],
  );

  const canRecord = offered.reason === null;
  useShortcut(NEW_VISIT, () => void navigate('/visits/new'), { enabled: canRecord });

  if (visits.error !== null) {
    return (
      <Result
        status="error"
        title="无法读取回访记录"
        subTitle={<span className="error-reason">{visits.error.message}</span>}
      />
    );
  }

  const header = (
    <header className="page-header">
      <Typography.Title level={4} className="page-header__title">
        回访
      </Typography.Title>
      <Typography.Text type="secondary">
        {year.label}走访情况 · 每个单位每月至少回访 {documentSystem?.visitsPerUnitPerMonth ?? 1} 次
      </Typography.Text>
      <div className="page-header__actions">
        {canRecord && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/visits/new')}
            data-testid="new-visit"
          >
            登记回访（V）
          </Button>
        )}
        <ShortcutHelp />
      </div>
    </header>
  );

  if (visible.reason !== null || coverage === null) {
    return (
      <section className="visits-page" aria-label="回访">
        {header}
        <Alert
          type="info"
          showIcon
          title="没有可查看的回访记录"
          description={visible.reason}
          data-testid="visits-not-visible"
        />
      </section>
    );
  }
  if (visits.data === undefined) {
    return (
      <section className="visits-page" aria-label="回访">
        {header}
        <Skeleton active />
      </section>
    );
  }

  const counts = coverageCounts(coverage);
  const openVisits = open === null ? [] : items.filter((item) => open.cell.visitIds.includes(item.id));
  return (
    <section className="visits-page" aria-label="回访">
      {header}
      <div className="visits-legend" data-testid="coverage-legend">
        {STATES.map((state) => (
          <span key={state} className={`visits-legend__item coverage-cell--${state}`}>
            {COVERAGE_STATE_LABELS[state]} {counts[state]}
          </span>
        ))}
      </div>
      <Table<CoverageRow>
        className="visits-coverage"
        data-testid="visit-coverage"
        size="small"
        pagination={false}
        rowKey="unitId"
        dataSource={[...coverage.rows]}
        columns={[
          {
            title: '单位',
            dataIndex: 'unitName',
            width: 230,
            ellipsis: true,
          },
          ...coverage.months.map((month, index) => ({
            title: `${Number(month.slice(5, 7))}月`,
            key: month,
            align: 'center' as const,
            render: (_: unknown, row: CoverageRow) => {
              const cell = row.cells[index];
              if (cell === undefined) return null;
              const title = cellTitle(row.unitName, monthLabel(month), cell.state, cell.visits);
              return (
                <button
                  type="button"
                  className={`coverage-cell coverage-cell--${cell.state}`}
                  title={title}
                  aria-label={title}
                  data-testid="coverage-cell"
                  data-unit={row.unitId}
                  data-month={month}
                  data-state={cell.state}
                  onClick={() => setOpen({ row, cell })}
                >
                  {CELL_TEXT[cell.state]}
                  {cell.visits > 1 ? ` ${cell.visits}` : ''}
                </button>
              );
            },
          })),
        ]}
      />
      {coverage.gaps.length > 0 && (
        <Alert
          className="page-hint"
          type="warning"
          showIcon
          title={`有 ${coverage.gaps.length} 个单位月份未回访`}
          description={coverage.gaps.slice(0, 6).join('；') + (coverage.gaps.length > 6 ? ' 等' : '')}
          data-testid="coverage-gaps"
        />
      )}
      <Typography.Title level={5} className="visits-page__list-title">
        本年度回访记录（{items.length}）
      </Typography.Title>
      <VisitTable
        items={items}
        userId={user.id}
        userName={user.displayName}
        empty={canRecord ? '还没有回访记录：点“登记回访”（或按 V）记下第一次走访' : '还没有回访记录'}
        onOpen={(id) => void navigate(`/visits/${id}`)}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size={560}
        title={open === null ? '' : `${open.row.unitName} ${monthLabel(open.cell.month)}`}
        data-testid="coverage-drawer"
      >
        {open !== null && (
          <>
            <Typography.Paragraph>
              {COVERAGE_STATE_LABELS[open.cell.state]}
              {open.cell.visits > 0 ? `，共 ${open.cell.visits} 次` : ''}
            </Typography.Paragraph>
            {openVisits.length > 0 ? (
              <VisitTable
                compact
                items={openVisits}
                userId={user.id}
                userName={user.displayName}
                empty=""
                onOpen={(id) => void navigate(`/visits/${id}`)}
              />
            ) : (
              <Empty description="这个月还没有回访这个单位" />
            )}
            {canRecord && offered.unitIds.includes(open.row.unitId) && open.cell.state !== 'upcoming' && (
              <Button
                className="visits-drawer__new"
                icon={<PlusOutlined />}
                onClick={() => void navigate(`/visits/new?unit=${open.row.unitId}`)}
              >
                登记对该单位的回访
              </Button>
            )}
          </>
        )}
      </Drawer>
    </section>
  );
}

function VisitTable(props: {
  /** In the drill-down drawer: the unit and the photo count are known or secondary there. */
  readonly compact?: boolean;
  readonly items: readonly VisitListItem[];
  readonly userId: string;
  readonly userName: string;
  readonly empty: string;
  readonly onOpen: (id: string) => void;
}) {
  return (
    <Table<VisitListItem>
      size="small"
      rowKey="id"
      data-testid="visit-list"
      dataSource={[...props.items]}
      pagination={props.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: <Empty description={props.empty} /> }}
      onRow={(item) => ({
        onClick: () => props.onOpen(item.id),
        onKeyDown: (event) => {
          if (event.key === 'Enter') props.onOpen(item.id);
        },
        tabIndex: 0,
        className: 'visits-row',
        'data-testid': 'visit-row',
      })}
      columns={[
        { title: '日期', dataIndex: 'date', width: 110 },
        ...(props.compact === true ? [] : [{ title: '走访单位', dataIndex: 'units', ellipsis: true }]),
        { title: '接待人员', dataIndex: 'people', ellipsis: true },
        { title: '满意度', dataIndex: 'satisfaction', ellipsis: true },
        {
          title: '回访人',
          dataIndex: 'visitor',
          width: 100,
          render: (visitor: string) => (visitor === props.userId ? props.userName : visitor),
        },
        ...(props.compact === true
          ? []
          : [{ title: '照片', dataIndex: 'photos', width: 60, align: 'center' as const }]),
      ]}
    />
  );
}
