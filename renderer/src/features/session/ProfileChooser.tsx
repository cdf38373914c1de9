import { PlusOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { formatInstant } from '@core/time/shanghai-time';
import { checkUserName, type LocalUser, type LocalUserRegistry } from './local-user-registry';
import { useCreateLocalUser, useLocalUsers } from './use-local-users';

interface ProfileChooserProps {
  readonly registry: LocalUserRegistry;
  readonly onChoose: (user: LocalUser) => void;
}

/**
 * Who is working at this PC without a server (本机用户（不联网）): a local user is a name, no password;
 * each has a separate database, so one engineer never sees another's records on a shared PC.
 */
export function ProfileChooser({ registry, onChoose }: ProfileChooserProps) {
  const users = useLocalUsers(registry);
  const createUser = useCreateLocalUser(registry);
  const [form] = Form.useForm<{ name: string }>();
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);

  const submit = async ({ name }: { name: string }) => {
    setCreating(true);
    setCreateError(null);
    try {
      onChoose(await createUser(name));
    } catch (error) {
      setCreateError(error instanceof Error ? error.message : String(error));
    } finally {
      setCreating(false);
    }
  };

  return (
    <Card
      title="选择本机用户"
      data-testid="profile-chooser"
      data-state={users.isPending ? 'loading' : 'ready'}
    >
      <Typography.Paragraph type="secondary">
        每位工程师的工单、巡检记录和附件保存在本机各自的数据库中，互相看不到。请选择您的名字，或新建一个。
      </Typography.Paragraph>
      {users.isError && (
        <Alert type="error" showIcon title={users.error.message} style={{ marginBottom: 16 }} />
      )}
      <List
        loading={users.isPending}
        dataSource={users.data ?? []}
        locale={{ emptyText: <Empty description="本机还没有用户：在下方输入您的姓名新建一个" /> }}
        renderItem={(user) => (
          <List.Item
            actions={[
              <Button
                key="choose"
                type="primary"
                onClick={() => onChoose(user)}
                aria-label={`以 ${user.displayName} 进入`}
              >
                进入
              </Button>,
            ]}
          >
            <List.Item.Meta
              avatar={<UserOutlined />}
              title={user.displayName}
              description={`创建于 ${formatInstant(user.createdAt).slice(0, 16).replace('T', ' ')}`}
            />
          </List.Item>
        )}
      />
      <Form form={form} layout="inline" onFinish={submit} style={{ marginTop: 16 }} requiredMark={false}>
        <Form.Item
          name="name"
          style={{ flex: 1 }}
          rules={[
            {
              validator: (_rule, value: unknown) => {
                const checked = checkUserName(typeof value === 'string' ? value : '');
                return checked.ok ? Promise.resolve() : Promise.reject(new Error(checked.reason));
              },
            },
          ]}
        >
          <Input placeholder="您的姓名，例如 张伟" aria-label="新用户姓名" maxLength={32} autoFocus />
        </Form.Item>
        <Form.Item style={{ marginInlineEnd: 0 }}>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={creating}>
            新建并进入
          </Button>
        </Form.Item>
      </Form>
      {createError !== null && <Alert type="error" showIcon title={createError} style={{ marginTop: 12 }} />}
    </Card>
  );
}
