import { LockOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { LockNowContext } from './idle-lock-context';
import { idleLockMs, startIdleTimer, type IdleClock } from './idle-timer';
import { isLockRemembered, rememberLock } from './remembered-sign-in';
import { useSession } from './session-context';
import './session.css';

/** Idle: the timer ran out; manual: 锁定屏幕 (or a reload of a locked window). */
type LockReason = 'idle' | 'manual';

const ACTIVITY_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

const browserClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

export interface IdleLockProps {
  readonly minutes: number;
  readonly userName: string;
  /** Checks the password on this PC; null for a local user, who has none. */
  readonly verify: ((password: string) => Promise<boolean>) | null;
  readonly children: ReactNode;
}

/**
 * 等保 idle lock: after `minutes` without mouse or keyboard the app is covered by a lock screen that
 * asks for the password again (checked offline, so it works without the server). The app stays
 * mounted underneath, made inert, so a half-typed form is exactly as it was after unlocking.
 */
export function IdleLock({ minutes, userName, verify, children }: IdleLockProps) {
  const [locked, setLocked] = useState<LockReason | null>(() => (isLockRemembered() ? 'manual' : null));
  const lockNow = useCallback(() => {
    rememberLock(true);
    setLocked('manual');
  }, []);
  const lockIdle = useCallback(() => {
    rememberLock(true);
    setLocked('idle');
  }, []);

  useEffect(() => {
    if (locked !== null) return;
    const timer = startIdleTimer(idleLockMs(minutes), lockIdle, browserClock);
    const onActivity = () => timer.activity();
    for (const event of ACTIVITY_EVENTS)
      window.addEventListener(event, onActivity, { capture: true, passive: true });
    return () => {
      timer.stop();
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, onActivity, { capture: true });
    };
  }, [locked, minutes, lockIdle]);

  return (
    <LockNowContext.Provider value={lockNow}>
      <div className="idle-lock__app" inert={locked !== null}>
        {children}
      </div>
      {locked !== null && (
        <LockScreen
          reason={locked}
          minutes={minutes}
          userName={userName}
          verify={verify}
          onUnlock={() => {
            rememberLock(false);
            setLocked(null);
          }}
        />
      )}
    </LockNowContext.Provider>
  );
}

function LockScreen({
  reason,
  minutes,
  userName,
  verify,
  onUnlock,
}: {
  readonly reason: LockReason;
  readonly minutes: number;
  readonly userName: string;
  readonly verify: IdleLockProps['verify'];
  readonly onUnlock: () => void;
}) {
  const session = useSession();
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ password: string }>();

  const submit = async ({ password }: { password: string }) => {
    if (verify === null) {
      onUnlock();
      return;
    }
    setChecking(true);
    setError(null);
    try {
      if (await verify(password)) {
        onUnlock();
        return;
      }
      setError('密码错误，请重新输入');
      form.setFieldValue('password', '');
    } catch (caught) {
      setError(`无法核对密码：${caught instanceof Error ? caught.message : String(caught)}`);
    } finally {
      setChecking(false);
    }
  };

  return (
    <div
      className="idle-lock"
      role="dialog"
      aria-modal="true"
      aria-labelledby="idle-lock-title"
      data-testid="idle-lock"
    >
      <Card className="idle-lock__card">
        <Flex vertical gap="middle">
          <Typography.Title level={3} id="idle-lock-title" style={{ margin: 0 }}>
            <LockOutlined /> 运维台已锁定
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {reason === 'idle'
              ? `${userName} 超过 ${minutes} 分钟没有操作，已自动锁定。`
              : `${userName} 锁定了运维台。`}
            未保存的内容都还在，解锁后继续。
          </Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            {verify === null ? (
              <Typography.Paragraph>本机用户没有密码，点击“解锁”继续。</Typography.Paragraph>
            ) : (
              <Form.Item
                name="password"
                label={`${userName} 的密码`}
                rules={[{ required: true, message: '请输入密码' }]}
              >
                <Input.Password autoFocus autoComplete="current-password" data-testid="idle-lock-password" />
              </Form.Item>
            )}
            {error !== null && (
              <Alert
                type="error"
                showIcon
                title={error}
                style={{ marginBottom: 16 }}
                data-testid="idle-lock-error"
              />
            )}
            <Flex justify="space-between">
              <Button icon={<SwapOutlined />} onClick={() => session?.switchUser()}>
                切换用户
              </Button>
              <Button
                type="primary"
                htmlType="submit"
                loading={checking}
                autoFocus={verify === null}
                data-testid="idle-lock-unlock"
              >
                解锁
              </Button>
            </Flex>
          </Form>
        </Flex>
      </Card>
    </div>
  );
}
