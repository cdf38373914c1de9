import { Flex, Spin, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { LocalUser } from './local-user-registry';
import { initialLoginTab, probeServer } from './login-tab';
import { ProfileChooser } from './ProfileChooser';
import { defaultServerAddress, parseServerAddress } from './server-address';
import { listServerAccounts } from './server-accounts';
import type { ServerSignIn } from './server-sign-in';
import {
  rememberedLoginTab,
  rememberedServerAddress,
  rememberedUsername,
  type LoginTab,
} from './remembered-sign-in';
import { ServerLoginForm } from './ServerLoginForm';
import type { SessionServices } from './use-session-services';
import './session.css';

interface LoginScreenProps {
  readonly services: SessionServices;
  readonly onLocalUser: (user: LocalUser) => void;
  readonly onServerSignIn: (signIn: ServerSignIn) => void;
}

/** 运维台 login: a server account (the default), or a local user for a PC without a server. */
export function LoginScreen({ services, onLocalUser, onServerSignIn }: LoginScreenProps) {
  const [server] = useState(() => rememberedServerAddress() ?? defaultServerAddress(window.location.origin));
  const [username] = useState(() => rememberedUsername() ?? '');
  const [tab, setTab] = useState<LoginTab | null>(rememberedLoginTab);

  useEffect(() => {
    if (tab !== null) return;
    let cancelled = false;
    const address = parseServerAddress(server);
    Promise.all([
      listServerAccounts(services.accounts).then((accounts) => accounts.length > 0),
      address.ok ? probeServer(address.address.baseUrl, services.fetch) : Promise.resolve(false),
    ])
      .then(([hasServerAccounts, serverReachable]) => {
        if (!cancelled) setTab(initialLoginTab({ remembered: null, hasServerAccounts, serverReachable }));
      })
      .catch((error: unknown) => {
        console.error('无法判断先显示哪种登录方式，先显示服务器账号：', error);
        if (!cancelled) setTab('server');
      });
    return () => {
      cancelled = true;
    };
  }, [tab, server, services]);

  return (
    <Flex vertical align="center" gap="large" className="login-screen">
      <Typography.Title level={2} style={{ margin: 0, letterSpacing: 2 }}>
        <img
          src="/favicon.svg"
          alt=""
          style={{ width: 32, height: 32, verticalAlign: -5, marginInlineEnd: 10 }}
        />
        运维台
      </Typography.Title>
      {tab === null ? (
        <Spin />
      ) : (
        <Tabs
          className="login-screen__tabs"
          activeKey={tab}
          onChange={(key) => setTab(key === 'local' ? 'local' : 'server')}
          centered
          items={[
            {
              key: 'server',
              label: '服务器账号',
              children: (
                <ServerLoginForm
                  services={services}
                  initialServer={server}
                  initialUsername={username}
                  onSignedIn={onServerSignIn}
                />
              ),
            },
            {
              key: 'local',
              label: '本机用户（不联网）',
              children: <ProfileChooser registry={services.localUsers} onChoose={onLocalUser} />,
            },
          ]}
        />
      )}
    </Flex>
  );
}
