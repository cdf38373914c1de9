import { LoginOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from './session-context';

/**
 * 重新登录 without leaving the page: the token expired or was revoked, the work on screen stays. Asks
 * the server again (an online login); the new token restarts sync. Nothing for a local user.
 */
export function RenewSignInButton({ size }: { readonly size?: 'small' | 'middle' }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ password: string }>();
  if (session?.kind !== 'server') return null;

  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await session.renewSignIn(password);
      setOpen(false);
      form.resetFields();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size={size} icon={<LoginOutlined />} onClick={() => setOpen(true)} data-testid="renew-sign-in">
        重新登录
      </Button>
      <Modal
        open={open}
        title="重新登录服务器"
        okText="登录"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {session.user.displayName} 在 {session.account.baseUrl}{' '}
          的登录已失效。输入密码重新登录后继续同步，页面上的内容不受影响。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoFocus autoComplete="current-password" data-testid="renew-sign-in-password" />
          </Form.Item>
        </Form>
        {error !== null && <Alert type="error" showIcon title={error} />}
      </Modal>
    </>
  );
}
