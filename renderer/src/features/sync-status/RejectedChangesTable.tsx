import { DeleteOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { discardRejectedChange, resendRejectedChange, useDatabase, type RejectedChange } from '../../store';
import { useSyncNow } from '../../sync';
import { changedFieldsText } from '../history';
import { useNow } from '../today/use-now';
import { REJECTION_ADVICE, RECORD_TYPE_LABELS, formatBeijingShort, recordPath } from './sync-status-text';
import { REJECTIONS_KEY, useRejectedChanges } from './use-rejected-changes';

/**
 * The changes the server refused, with its reason and what to do: open the record to fix it, then
 * 重新发送; or 放弃 (asked twice, since the change is then gone from the outbox for good).
 */
export function RejectedChangesTable() {
  const db = useDatabase();
  const rejected = useRejectedChanges();
  const syncNow = useSyncNow();
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();
  const now = useNow();
  const [busyId, setBusyId] = useState<string | null>(null);

  const act = async (change: RejectedChange, action: 'resend' | 'discard') => {
    setBusyId(change.id);
    try {
      if (action === 'resend') await resendRejectedChange(db, change.id);
      else await discardRejectedChange(db, change.id);
      await queryClient.invalidateQueries({ queryKey: [REJECTIONS_KEY] });
      syncNow();
      void message.success(action === 'resend' ? '已放回待同步队列，正在重新发送' : '已放弃这条修改');
    } catch (error) {
      void message.error(
        `${action === 'resend' ? '重新发送' : '放弃'}失败：${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setBusyId(null);
    }
  };

  const confirmDiscard = (change: RejectedChange) =>
    modal.confirm({
      title: '放弃这条修改？',
      content: `“${titleOf(change)}”的这次修改将不再发送，服务器上的内容保持不变；本机的这条记录会在下次同步时恢复为服务器上的内容。此操作会记入修改历史，不能撤销。`,
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '保留',
      onOk: () => act(change, 'discard'),
    });

  if (rejected.isError) {
    return <Alert type="error" showIcon title="无法读取被拒绝的修改" description={rejected.error.message} />;
  }
  return (
    <Table<RejectedChange>
      rowKey="id"
      size="small"
      loading={rejected.isPending}
      dataSource={rejected.data ?? []}
      pagination={false}
      data-testid="rejected-changes"
      locale={{ emptyText: <Empty description="没有被拒绝的修改" /> }}
      onRow={(change) =>
        ({ 'data-testid': 'rejected-change', 'data-code': change.code }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          key: 'record',
          title: '记录',
          width: 260,
          render: (_value, change) => (
            <Space direction="vertical" size={0}>
              <span>
                <Tag>{RECORD_TYPE_LABELS[change.op.recordType]}</Tag>
                {titleOf(change)}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {changedFieldsText(
                  change.op.recordType,
                  change.op.fields.map((write) => write.field),
                )}
              </Typography.Text>
            </Space>
          ),
        },
        {
          key: 'reason',
          title: '被拒绝的原因',
          render: (_value, change) => (
            <Space direction="vertical" size={0}>
              <Typography.Text type="danger" data-testid="rejected-reason">
                {change.reason}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {REJECTION_ADVICE[change.code]}
              </Typography.Text>
            </Space>
          ),
        },
        {
          key: 'at',
          title: '被拒时间',
          width: 110,
          render: (_value, change) => formatBeijingShort(change.rejectedAt, now),
        },
        {
          key: 'actions',
          title: '处理',
          width: 280,
          render: (_value, change) => (
            <Space size="small" wrap>
              <Link to={recordPath(change.op.recordType, change.op.recordId)}>
                <Button size="small" icon={<EditOutlined />}>
                  打开记录修改
                </Button>
              </Link>
              <Button
                size="small"
                type="primary"
                icon={<SendOutlined />}
                loading={busyId === change.id}
                onClick={() => void act(change, 'resend')}
                data-testid="rejected-resend"
              >
                重新发送
              </Button>
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                disabled={busyId === change.id}
                onClick={() => confirmDiscard(change)}
                data-testid="rejected-discard"
              >
                放弃
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}

function titleOf(change: RejectedChange): string {
  return (
    change.recordTitle ?? `${RECORD_TYPE_LABELS[change.op.recordType]} ${change.op.recordId.slice(0, 8)}`
  );
}
