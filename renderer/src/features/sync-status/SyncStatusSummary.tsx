import { SyncOutlined } from '@ant-design/icons';
import { Badge, Button, Descriptions, Flex, Typography } from 'antd';
import { useSyncNow, useSyncStatus } from '../../sync';
import { RenewSignInButton, type ServerSession } from '../session';
import { useNow } from '../today/use-now';
import { describeLastSuccess, describeSyncStatus, type StatusTone } from './sync-status-text';

export const BADGE_STATUS: Readonly<Record<StatusTone, 'success' | 'processing' | 'warning' | 'error'>> = {
  success: 'success',
  processing: 'processing',
  warning: 'warning',
  error: 'error',
};

/** Pending count, last success, what fails and why, 立即同步: the popover's and the page's top part. */
export function SyncStatusSummary({ session }: { readonly session: ServerSession }) {
  const status = useSyncStatus();
  const syncNow = useSyncNow();
  const now = useNow();
  const view = describeSyncStatus(status, now);
  return (
    <Flex vertical gap="small" data-testid="sync-status-summary" data-phase={status.phase}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'state',
            label: '状态',
            children: <Badge status={BADGE_STATUS[view.tone]} text={view.label} />,
          },
          { key: 'server', label: '服务器', children: session.account.baseUrl },
          {
            key: 'pending',
            label: '待同步',
            children: <span data-testid="sync-pending">{status.pendingOps} 条</span>,
          },
          {
            key: 'rejected',
            label: '被拒绝',
            children: <span data-testid="sync-rejected">{status.rejectedOps} 条</span>,
          },
          {
            key: 'last',
            label: '上次成功同步',
            children: (
              <span data-testid="sync-last-success">{describeLastSuccess(status.lastSuccessAt, now)}</span>
            ),
          },
        ]}
      />
      {view.details.length > 0 && (
        <ul className="sync-status__details" data-testid="sync-status-details">
          {view.details.map((detail) => (
            <li key={detail}>
              <Typography.Text type={view.tone === 'error' ? 'danger' : 'secondary'}>
                {detail}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
      <Flex gap="small">
        {status.phase === 'signed-out' ? (
          <RenewSignInButton />
        ) : (
          <Button
            type="primary"
            icon={<SyncOutlined spin={status.phase === 'syncing'} />}
            onClick={syncNow}
            disabled={status.phase === 'outdated'}
            data-testid="sync-now"
          >
            立即同步
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
