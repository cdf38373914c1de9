import { LockOutlined, LogoutOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@core/auth/roles';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useLockNow } from './idle-lock-context';
import { useSession } from './session-context';

/** The header's user badge: who is signed in, locking the screen, switching user, signing out. */
export function UserSwitcher() {
  const session = useSession();
  const lockNow = useLockNow();
  const { modal } = App.useApp();
  if (session === null) return null;

  const items: NonNullable<MenuProps['items']> = [
    {
      key: 'who',
      type: 'group',
      label:
        session.kind === 'server'
          ? `${session.user.displayName}（${ROLE_LABELS[session.account.user.role]}）· ${session.account.baseUrl}`
          : `${session.user.displayName}（本机用户，不联网）`,
    },
    { key: 'lock', icon: <LockOutlined />, label: '锁定屏幕' },
    { key: 'switch', icon: <SwapOutlined />, label: '切换用户' },
    ...(session.kind === 'server' ? [{ key: 'sign-out', icon: <LogoutOutlined />, label: '退出登录' }] : []),
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'lock') lockNow?.();
    if (key === 'switch') session.switchUser();
    if (key === 'sign-out' && session.kind === 'server') {
      modal.confirm({
        title: '退出登录？',
        content: '退出后需要重新输入密码才能使用。尚未同步的修改保留在本机，下次登录后继续同步。',
        okText: '退出登录',
        cancelText: '取消',
        onOk: () => session.signOut(),
      });
    }
  };

  return (
    // No opening animation: the popup is aligned while it animates (scaled), so on a busy PC it was
    // first placed over the header and moved below only later; a click arriving in between (as in the
    // e2e suite, 1 run in 4) pressed on one spot and released on another, and 切换用户 never ran.
    <Dropdown trigger={['click']} placement="bottomRight" transitionName="" menu={{ items, onClick }}>
      <Button type="text" icon={<UserOutlined />} className="app-header__user" data-testid="current-user">
        {session.user.displayName}
      </Button>
    </Dropdown>
  );
}
