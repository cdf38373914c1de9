import {
  CloudOutlined,
  CloudSyncOutlined,
  DisconnectOutlined,
  ExclamationCircleOutlined,
} from '@ant-design/icons';
import { Button, Popover } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useSyncStatus } from '../../sync';
import { useSession, type ServerSession } from '../session';
import { useNow } from '../today/use-now';
import { SyncStatusSummary } from './SyncStatusSummary';
import { describeSyncStatus, type StatusTone } from './sync-status-text';
import './sync-status.css';

const ICONS: Readonly<Record<StatusTone, ReactNode>> = {
  success: <CloudOutlined />,
  processing: <CloudSyncOutlined />,
  warning: <DisconnectOutlined />,
  error: <ExclamationCircleOutlined />,
};

/** The header's sync state for a server account; a click shows the details and 立即同步. */
export function SyncStatusBadge() {
  const session = useSession();
  if (session?.kind !== 'server') return null;
  return <ServerSyncBadge session={session} />;
}

function ServerSyncBadge({ session }: { readonly session: ServerSession }) {
  const status = useSyncStatus();
  const now = useNow();
  const [open, setOpen] = useState(false);
  const view = describeSyncStatus(status, now);
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      title="同步状态"
      content={
        <div className="sync-status__popover" data-testid="sync-popover">
          <SyncStatusSummary session={session} />
          <Link to="/sync" onClick={() => setOpen(false)} className="sync-status__more">
            查看同步详情和被拒绝的修改
          </Link>
        </div>
      }
    >
      <Button
        type="text"
        icon={ICONS[view.tone]}
        className={`sync-badge sync-badge--${view.tone}`}
        data-testid="sync-status"
        data-phase={status.phase}
        data-pending={status.pendingOps}
        data-rejected={status.rejectedOps}
        data-last-success={status.lastSuccessAt ?? ''}
        aria-label={`同步状态：${view.label}`}
      >
        {view.label}
      </Button>
    </Popover>
  );
}
