import { App, Flex, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { StoreProvider, useDatabase } from '../../store';
import { SyncProvider } from '../../sync';
import { DEFAULT_IDLE_LOCK_MINUTES } from './idle-timer';
import { IdleLock } from './IdleLock';
import { LoginFailure } from './login-failure';
import { LoginScreen } from './LoginScreen';
import { forgetRememberedUser, rememberUser } from './remembered-user';
import { rememberLoginTab, rememberLock, setActiveAccount } from './remembered-sign-in';
import { resumeSession, type ResumedSession } from './resume-session';
import { verifyAccountPassword, signInToServer, type ServerSignIn } from './server-sign-in';
import { signOutOfServer } from './server-sign-out';
import { SessionContext, type ServerSession, type Session } from './session-context';
import { useSessionServices, type SessionServices } from './use-session-services';

type GateState = { readonly phase: 'checking' } | ResumedSession;

/** Back to the login screen from scratch: no cache, draft or undo of one user survives into the next. */
function restartAtLogin(): void {
  forgetRememberedUser();
  setActiveAccount(null);
  rememberLock(false);
  window.location.hash = '#/';
  window.location.reload();
}

/**
 * Nothing below the gate renders without a session: it resumes the one of this window (or the
 * remembered local user), or shows the login screen. Signed in, the user's database is opened, the
 * sync engine runs for a server account, and the idle lock watches over it all.
 */
export function SessionGate({ children }: { readonly children: ReactNode }) {
  const services = useSessionServices();
  const [state, setState] = useState<GateState>({ phase: 'checking' });
  const onRenewed = useCallback((signIn: ServerSignIn) => setState(serverState(signIn)), []);

  useEffect(() => {
    let cancelled = false;
    resumeSession(services)
      .then((resumed) => {
        if (!cancelled) setState(resumed);
      })
      .catch((error: unknown) => {
        console.error('恢复上次的登录失败，请重新登录：', error);
        if (!cancelled) setState({ kind: 'none' });
      });
    return () => {
      cancelled = true;
    };
  }, [services]);

  if ('phase' in state) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  if (state.kind === 'none') {
    return (
      <LoginScreen
        services={services}
        onLocalUser={(user) => {
          setActiveAccount(null);
          rememberUser(user.id);
          rememberLoginTab('local');
          setState({ kind: 'local', user });
        }}
        onServerSignIn={(signIn) => {
          forgetRememberedUser();
          setActiveAccount({ serverKey: signIn.account.serverKey, username: signIn.account.username });
          rememberLoginTab('server');
          setState(serverState(signIn));
        }}
      />
    );
  }
  if (state.kind === 'local') {
    const session: Session = {
      kind: 'local',
      user: { id: state.user.id, displayName: state.user.displayName },
      idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
      switchUser: restartAtLogin,
    };
    return <SignedIn session={session}>{children}</SignedIn>;
  }
  return (
    <ServerSignedIn state={state} services={services} onRenewed={onRenewed}>
      {children}
    </ServerSignedIn>
  );
}

function serverState(signIn: ServerSignIn): Extract<ResumedSession, { kind: 'server' }> {
  return {
    kind: 'server',
    account: signIn.account,
    token: signIn.token,
    signedInOffline: signIn.offlineReason,
  };
}

function ServerSignedIn({
  state,
  services,
  onRenewed,
  children,
}: {
  readonly state: Extract<ResumedSession, { kind: 'server' }>;
  readonly services: SessionServices;
  readonly onRenewed: (signIn: ServerSignIn) => void;
  readonly children: ReactNode;
}) {
  const { modal } = App.useApp();
  const { account, token, signedInOffline } = state;

  const renewSignIn = useCallback(
    async (password: string) => {
      const signIn = await signInToServer(
        {
          address: { baseUrl: account.baseUrl, serverKey: account.serverKey },
          username: account.username,
          password,
        },
        services,
      );
      if (signIn.mode === 'offline') {
        throw new LoginFailure(
          'unreachable',
          `${signIn.offlineReason ?? '服务器连不上'}：请在能连上服务器时再登录`,
        );
      }
      onRenewed(signIn);
    },
    [account, services, onRenewed],
  );

  const signOut = useCallback(async () => {
    const result = await signOutOfServer(account, token, services);
    if (result.revoked) {
      restartAtLogin();
      return;
    }
    modal.warning({
      title: '已在本机退出登录',
      content: `未能通知服务器作废登录凭据（${result.reason ?? '原因不明'}）：本机已删除该凭据，服务器上的凭据到期后自动失效。`,
      okText: '返回登录页',
      onOk: restartAtLogin,
    });
  }, [account, token, services, modal]);

  // The engine restarts when this object changes: only a new account or token may change it.
  const syncAccount = useMemo(
    () => (token === null ? null : { baseUrl: account.baseUrl, token: token.token, user: account.user }),
    [account, token],
  );
  const session = useMemo<ServerSession>(
    () => ({
      kind: 'server',
      user: { id: account.username, displayName: account.username },
      account,
      syncAccount,
      signedInOffline,
      idleLockMinutes: account.idleLockMinutes,
      switchUser: restartAtLogin,
      renewSignIn,
      signOut,
    }),
    [account, syncAccount, signedInOffline, renewSignIn, signOut],
  );
  return <SignedIn session={session}>{children}</SignedIn>;
}

function SignedIn({ session, children }: { readonly session: Session; readonly children: ReactNode }) {
  const verify =
    session.kind === 'server' ? (password: string) => verifyAccountPassword(session.account, password) : null;
  return (
    <SessionContext.Provider value={session}>
      <IdleLock minutes={session.idleLockMinutes} userName={session.user.displayName} verify={verify}>
        <StoreProvider
          user={session.user}
          {...(session.kind === 'server' ? { serverKey: session.account.serverKey } : {})}
        >
          <SyncMount account={session.kind === 'server' ? session.syncAccount : null}>{children}</SyncMount>
        </StoreProvider>
      </IdleLock>
    </SessionContext.Provider>
  );
}

/** The sync engine over the user's open database; it does nothing for a local user (account null). */
function SyncMount({
  account,
  children,
}: {
  readonly account: ServerSession['syncAccount'];
  readonly children: ReactNode;
}) {
  const db = useDatabase();
  return (
    <SyncProvider db={db} account={account}>
      {children}
    </SyncProvider>
  );
}
