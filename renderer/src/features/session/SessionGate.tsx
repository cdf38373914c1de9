import { Flex, Spin } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { StoreProvider } from '../../store';
import { findLocalUser, type LocalUser } from './local-user-registry';
import { ProfileChooser } from './ProfileChooser';
import { forgetRememberedUser, rememberedUserId, rememberUser } from './remembered-user';
import { SessionContext, type Session } from './session-context';
import { useLocalUserRegistry } from './use-local-users';

type GateState =
  | { readonly phase: 'checking' }
  | { readonly phase: 'choosing' }
  | { readonly phase: 'signed-in'; readonly user: LocalUser };

/**
 * Nothing below the gate renders without a local user: it opens the remembered user's database, or
 * asks who is working. Switching user reloads the page at the start, so no cache, draft or undo of
 * one user survives into the other's session.
 */
export function SessionGate({ children }: { readonly children: ReactNode }) {
  const registry = useLocalUserRegistry();
  const [remembered] = useState(rememberedUserId);
  const [state, setState] = useState<GateState>(
    remembered === null ? { phase: 'choosing' } : { phase: 'checking' },
  );

  useEffect(() => {
    if (remembered === null) return;
    let cancelled = false;
    findLocalUser(registry, remembered)
      .then((user) => {
        if (!cancelled) setState(user === undefined ? { phase: 'choosing' } : { phase: 'signed-in', user });
      })
      .catch((error: unknown) => {
        console.error('读取上次使用的本机用户失败，请重新选择：', error);
        if (!cancelled) setState({ phase: 'choosing' });
      });
    return () => {
      cancelled = true;
    };
  }, [registry, remembered]);

  const session = useMemo<Session | null>(
    () =>
      state.phase === 'signed-in'
        ? {
            user: state.user,
            switchUser: () => {
              forgetRememberedUser();
              window.location.hash = '#/';
              window.location.reload();
            },
          }
        : null,
    [state],
  );

  if (state.phase === 'checking') {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  if (session === null) {
    return (
      <ProfileChooser
        registry={registry}
        onChoose={(user) => {
          rememberUser(user.id);
          setState({ phase: 'signed-in', user });
        }}
      />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <StoreProvider user={session.user}>{children}</StoreProvider>
    </SessionContext.Provider>
  );
}
