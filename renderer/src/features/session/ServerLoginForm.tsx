import { CloudServerOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { LoginFailure } from './login-failure';
import { parseServerAddress } from './server-address';
import { checkUsername, signInToServer, type ServerSignIn } from './server-sign-in';
import { rememberServerLogin } from './remembered-sign-in';
import type { SessionServices } from './use-session-services';

interface LoginFields {
  readonly server: string;
  readonly username: string;
  readonly password: string;
}

interface ServerLoginFormProps {
  readonly services: SessionServices;
  readonly initialServer: string;
  readonly initialUsername: string;
  readonly onSignedIn: (signIn: ServerSignIn) => void;
}

type FormError = { readonly kind: string; readonly message: string };

const rule = (check: (value: string) => string | null) => ({
  validator: (_rule: unknown, value: unknown) => {
    const reason = check(typeof value === 'string' ? value : '');
    return reason === null ? Promise.resolve() : Promise.reject(new Error(reason));
  },
});

/**
 * 登录服务器账号: online through POST /api/v1/auth/login, offline against this PC's verifier when the
 * server cannot be reached. The address and the user name are remembered on this PC; the password never.
 */
export function ServerLoginForm({
  services,
  initialServer,
  initialUsername,
  onSignedIn,
}: ServerLoginFormProps) {
  const [form] = Form.useForm<LoginFields>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  const submit = async (fields: LoginFields) => {
    const address = parseServerAddress(fields.server);
    if (!address.ok) return;
    setBusy(true);
    setError(null);
    try {
      const signIn = await signInToServer(
        { address: address.address, username: fields.username, password: fields.password },
        services,
      );
      rememberServerLogin(address.address.baseUrl, signIn.account.username);
      onSignedIn(signIn);
    } catch (caught) {
      setError(
        caught instanceof LoginFailure
          ? { kind: caught.kind, message: caught.message }
          : {
              kind: 'error',
              message: `登录失败：${caught instanceof Error ? caught.message : String(caught)}`,
            },
      );
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="登录服务器账号" data-testid="server-login">
      <Typography.Paragraph type="secondary">
        使用管理员分配的账号登录。连不上服务器时，本机登录过的账号可以离线登录，修改会在联网后自动同步。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{ server: initialServer, username: initialUsername, password: '' }}
        data-testid="login-form"
      >
        <Form.Item
          name="server"
          label="服务器地址"
          rules={[
            rule((value) => {
              const parsed = parseServerAddress(value);
              return parsed.ok ? null : parsed.reason;
            }),
          ]}
        >
          <Input
            prefix={<CloudServerOutlined />}
            placeholder="例如 http://10.1.2.3:8080"
            autoComplete="url"
            data-testid="login-server"
          />
        </Form.Item>
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            rule((value) => {
              const checked = checkUsername(value);
              return checked.ok ? null : checked.reason;
            }),
          ]}
        >
          <Input
            prefix={<UserOutlined />}
            placeholder="例如 zhangsan"
            autoComplete="username"
            autoFocus={initialUsername === ''}
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            autoFocus={initialUsername !== ''}
            data-testid="login-password"
          />
        </Form.Item>
        {error !== null && (
          <Alert
            type={error.kind === 'unreachable' || error.kind === 'never_online' ? 'warning' : 'error'}
            showIcon
            title={error.message}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
            data-kind={error.kind}
          />
        )}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {busy ? '正在登录…' : '登录'}
        </Button>
      </Form>
    </Card>
  );
}
