import { Alert, Card, Flex, Typography } from 'antd';
import { useSession } from '../session';
import { RejectedChangesTable } from './RejectedChangesTable';
import { SyncStatusSummary } from './SyncStatusSummary';
import './sync-status.css';

/** 同步状态: the header's details, and every change the server refused with what to do about it. */
export function SyncStatusPage() {
  const session = useSession();
  return (
    <Flex vertical gap="middle" className="sync-page" data-testid="sync-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        同步状态
      </Typography.Title>
      {session?.kind === 'server' ? (
        <>
          <Card size="small" title="同步">
            <SyncStatusSummary session={session} />
          </Card>
          <Card size="small" title="被服务器拒绝的修改">
            <RejectedChangesTable />
          </Card>
        </>
      ) : (
        <Alert
          type="info"
          showIcon
          title="本机用户不同步"
          description="您以“本机用户（不联网）”使用运维台，记录只保存在这台电脑上。需要与总部同步时，请退出后用管理员分配的服务器账号登录。"
        />
      )}
    </Flex>
  );
}
