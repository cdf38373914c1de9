import { Alert, Button, Card, Typography } from 'antd';
import { Link } from 'react-router';
import { useDatabase } from '../../store';
import { useSyncStatus } from '../../sync';
import { NextYearCalendarNotice } from '../calendar/NextYearCalendarNotice';
import { TodayInspections } from '../inspections';
import { sessionScope, useSession } from '../session';
import { describeSyncStatus } from '../sync-status/sync-status-text';
import { MyOpenTickets } from '../tickets';
import { roleNotice } from './my-work';
import { useNow } from './use-now';
import './today.css';

/**
 * 我的工作, where the app opens after sign-in: the user's own open tickets with their clocks, today's
 * inspections and what still waits for sync. A role with none of these to do is told what it can do.
 */
export function MyWorkPage() {
  const session = useSession();
  const scope = sessionScope(session);
  const notice = roleNotice(scope, useDatabase().slaRules.profile);
  const doesTheWork = notice === null;
  return (
    <section className="my-work" aria-labelledby="my-work-title">
      <header className="page-header">
        <Typography.Title level={4} id="my-work-title" className="page-header__title">
          我的工作
        </Typography.Title>
      </header>
      <NextYearCalendarNotice now={useNow()} />
      {notice !== null && (
        <Alert
          type="info"
          showIcon
          className="page-hint"
          title={notice.title}
          description={notice.description}
          data-testid="role-notice"
        />
      )}
      <div className="my-work__panels">
        {doesTheWork && (
          <Card
            size="small"
            title="我的未完成工单"
            extra={
              <Link to="/tickets/new">
                <Button size="small" type="primary">
                  登记工单（N）
                </Button>
              </Link>
            }
            data-testid="my-work-tickets"
          >
            <MyOpenTickets />
          </Card>
        )}
        {doesTheWork && (
          <Card
            size="small"
            title="今日巡检"
            extra={<Link to="/inspections">全部巡检</Link>}
            data-testid="my-work-inspections"
          >
            <TodayInspections />
          </Card>
        )}
        <Card size="small" title="同步" extra={<Link to="/sync">同步状态</Link>} data-testid="my-work-sync">
          {session?.kind === 'server' ? (
            <PendingSync />
          ) : (
            <Typography.Text type="secondary">本机用户不联网，记录只保存在这台电脑上。</Typography.Text>
          )}
        </Card>
      </div>
    </section>
  );
}

function PendingSync() {
  const status = useSyncStatus();
  const view = describeSyncStatus(status, useNow());
  return (
    <div data-testid="my-work-sync-state">
      <Typography.Text strong>{view.label}</Typography.Text>
      {view.details.map((detail) => (
        <Typography.Paragraph key={detail} type="secondary" className="my-work__sync-detail">
          {detail}
        </Typography.Paragraph>
      ))}
    </div>
  );
}
