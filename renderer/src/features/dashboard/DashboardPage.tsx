import type { ChartModel } from '@core/charts';
import {
  OBLIGATION_KIND_LABELS,
  OBLIGATION_STATE_LABELS,
  type Obligation,
  type ObligationState,
} from '@core/obligations';
import { formatDateTime } from '@core/reports';
import { Alert, Button, Card, Drawer, List, Skeleton, Tag, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  type DashboardFigures,
  PRESSING_LISTED,
  type RecordLink,
  type RecordLinks,
} from './dashboard-figures';
import { type ChartPoint, EChart } from './EChart';
import { type SubmissionRights, canMarkSubmitted } from './report-submission-form';
import { useDashboard } from './use-dashboard';
import { ReportSubmissionDialog } from './ReportSubmissionDialog';
import { useSlaRules } from '../../store';
import { sessionScope, useSession, useWritableSubsystems } from '../session';
import './dashboard.css';

const STATE_COLORS: Readonly<Record<ObligationState, string>> = {
  broken: 'red',
  overdue: 'volcano',
  at_risk: 'orange',
  due: 'blue',
  met: 'green',
};

const COUNTED: readonly ObligationState[] = ['broken', 'overdue', 'at_risk', 'due'];

interface Opened {
  readonly title: string;
  readonly links: readonly RecordLink[];
}

/**
 * 项目总览: the contract's obligations as pictures, for the signed-in user's scope (the lead: all; an
 * engineer: their subsystems; the service manager: their units), from this PC's records. Every point
 * of a chart opens the records behind it: one goes straight to its page, several are listed.
 */
export function DashboardPage() {
  const { figures, error, scopeText, now } = useDashboard();
  const navigate = useNavigate();
  const [opened, setOpened] = useState<Opened | null>(null);

  function open(title: string, recordIds: readonly string[], fallback?: string) {
    const links = recordIds.flatMap((id) => {
      const link = figures?.links.get(id);
      return link === undefined ? [] : [link];
    });
    if (links.length === 1 && links[0] !== undefined) navigate(links[0].path);
    else if (links.length > 1) setOpened({ title, links });
    else if (fallback !== undefined) navigate(fallback);
    else setOpened({ title, links: [] });
  }

  const onChart = (title: string, fallback?: string) => (point: ChartPoint) =>
    open(title, point.recordIds, fallback);

  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <header className="page-header">
        <Typography.Title level={4} id="dashboard-title" className="page-header__title">
          项目总览
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="dashboard-scope">
          {scopeText} · 截至 {formatDateTime(now)}
        </Typography.Text>
      </header>
      {error !== null && <Alert type="error" showIcon title={`无法读取本机记录：${error.message}`} />}
      {figures === undefined ? (
        error === null && <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <DashboardBody figures={figures} onChart={onChart} />
      )}
      <Drawer
        open={opened !== null}
        title={opened?.title}
        onClose={() => setOpened(null)}
        size="default"
        data-testid="dashboard-records"
      >
        {opened !== null && opened.links.length === 0 ? (
          <Typography.Text type="secondary">这里没有对应的记录。</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={opened?.links ?? []}
            renderItem={(link) => (
              <List.Item>
                <Link to={link.path}>{link.label}</Link>
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </section>
  );
}

function DashboardBody({
  figures,
  onChart,
}: {
  readonly figures: DashboardFigures;
  readonly onChart: (title: string, fallback?: string) => (point: ChartPoint) => void;
}) {
  const rights = useSubmissionRights();
  const [handingIn, setHandingIn] = useState<Obligation | null>(null);
  return (
    <div className="dashboard__grid">
      <div className="dashboard__counts" data-testid="dashboard-counts">
        {COUNTED.map((state) => (
          <Card size="small" key={state} className={`dashboard__count dashboard__count--${state}`}>
            <Typography.Text type="secondary">{OBLIGATION_STATE_LABELS[state]}</Typography.Text>
            <div className="dashboard__count-number" data-testid={`dashboard-count-${state}`}>
              {figures.counts[state]}
            </div>
          </Card>
        ))}
      </div>
      <ChartCard
        model={figures.slaMonth}
        label="本月各子项 SLA 达标率"
        testId="chart-sla-month"
        onPoint={onChart('本月超时工单')}
      />
      <ChartCard
        model={figures.slaYear}
        label="本年度各子项 SLA 达标率"
        testId="chart-sla-year"
        onPoint={onChart('本年度超时工单')}
      />
      <ChartCard
        model={figures.openTickets}
        label="未解决工单按子项和已开时长"
        testId="chart-open-tickets"
        onPoint={onChart('未解决工单')}
      />
      <Card size="small" title="报告与验收" className="dashboard__card" data-testid="dashboard-coming-due">
        <ObligationList
          obligations={figures.comingDue.slice(0, 8)}
          empty="本年度没有待报送的报告"
          action={(obligation) =>
            canMarkSubmitted(obligation, rights) && (
              <Button size="small" onClick={() => setHandingIn(obligation)} data-testid="mark-submitted">
                标记为已提交
              </Button>
            )
          }
        />
        {handingIn !== null && (
          <ReportSubmissionDialog obligation={handingIn} onClose={() => setHandingIn(null)} />
        )}
      </Card>
      <ChartCard
        model={figures.inspections}
        label="本年度每日巡检完成情况日历"
        testId="chart-inspections"
        height={220}
        wide
        onPoint={onChart('当日巡检记录', '/inspections')}
      />
      {figures.trainings !== null && (
        <ChartCard
          model={figures.trainings}
          label="培训要求已完成与尚欠场次"
          testId="chart-trainings"
          height={280}
          onPoint={onChart('培训记录', '/trainings')}
        />
      )}
      {figures.visits !== null && (
        <ChartCard
          model={figures.visits}
          label="各单位各月现场回访情况"
          testId="chart-visits"
          height={280}
          onPoint={onChart('回访记录', '/visits')}
        />
      )}
      {figures.onSite !== null && (
        <ChartCard
          model={figures.onSite}
          label="现场服务工作日与合同要求"
          testId="chart-onsite"
          height={200}
          onPoint={onChart('驻场记录', '/onsite')}
        />
      )}
      <ChartCard
        model={figures.duty}
        label="节假日值班按月份和状态"
        testId="chart-duty"
        height={200}
        onPoint={onChart('值班记录', '/duty')}
      />
      <Card
        size="small"
        title="需要关注"
        className="dashboard__card dashboard__card--wide"
        data-testid="dashboard-pressing"
      >
        <ObligationList
          obligations={figures.pressing}
          empty="没有已违约、已逾期或有风险的事项"
          links={figures.links}
        />
        {figures.pressingTotal > PRESSING_LISTED && (
          <Typography.Text type="secondary">
            另有 {figures.pressingTotal - PRESSING_LISTED} 项未列出
          </Typography.Text>
        )}
      </Card>
    </div>
  );
}

function ChartCard({
  model,
  label,
  testId,
  onPoint,
  height = 260,
  wide = false,
}: {
  readonly model: ChartModel;
  readonly label: string;
  readonly testId: string;
  readonly onPoint: (point: ChartPoint) => void;
  readonly height?: number;
  readonly wide?: boolean;
}) {
  return (
    <Card size="small" className={wide ? 'dashboard__card dashboard__card--wide' : 'dashboard__card'}>
      <EChart model={model} height={height} label={label} testId={testId} onPoint={onPoint} />
    </Card>
  );
}

/** Whose reports the user may mark handed in: their subsystems' (as sync allows), and the lead all. */
function useSubmissionRights(): SubmissionRights {
  const session = useSession();
  const { profile } = useSlaRules();
  const contractIds = useMemo(() => profile.subsystems.map((subsystem) => subsystem.id), [profile]);
  const writable = useWritableSubsystems('report_submission', contractIds);
  const scope = sessionScope(session);
  const contractWide = scope === null || scope.role === 'project_lead';
  return useMemo(
    () => ({ subsystemIds: writable.subsystemIds, contractWide }),
    [writable.subsystemIds, contractWide],
  );
}

function ObligationList({
  obligations,
  empty,
  links,
  action,
}: {
  readonly obligations: readonly Obligation[];
  readonly empty: string;
  readonly links?: RecordLinks;
  /** What the user can do about an item (标记为已提交), shown at its end. */
  readonly action?: (obligation: Obligation) => ReactNode;
}) {
  if (obligations.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={[...obligations]}
      renderItem={(obligation) => {
        const link =
          obligation.recordIds.length === 1 ? links?.get(obligation.recordIds[0] ?? '') : undefined;
        return (
          <List.Item data-testid="dashboard-obligation" extra={action?.(obligation)}>
            <Tag color={STATE_COLORS[obligation.state]}>{OBLIGATION_STATE_LABELS[obligation.state]}</Tag>
            <div className="dashboard__obligation">
              <div className="dashboard__obligation-title">
                {link === undefined ? obligation.title : <Link to={link.path}>{obligation.title}</Link>}
              </div>
              <Typography.Text type="secondary" className="dashboard__obligation-detail">
                {OBLIGATION_KIND_LABELS[obligation.kind]} · {obligation.detail}
              </Typography.Text>
            </div>
          </List.Item>
        );
      }}
    />
  );
}
