import { SwapOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useSession } from './session-context';

/** The header's user badge: who is signed in, and the way back to the chooser. */
export function UserSwitcher() {
  const session = useSession();
  if (session === null) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [{ key: 'switch', icon: <SwapOutlined />, label: '切换用户' }],
        onClick: () => session.switchUser(),
      }}
    >
      <Button type="text" icon={<UserOutlined />} className="app-header__user" data-testid="current-user">
        {session.user.displayName}
      </Button>
    </Dropdown>
  );
}
