import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Result, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { openUserDatabase } from '../database/open-database';
import type { StoreNotice } from '../database/store-notices';
import type { YunweiDatabase } from '../database/yunwei-database';
import { toStoreError } from '../errors/to-store-error';
import { loadStoredCalendar } from '../calendar/calendar-notices';
import { invalidateAfterChange } from './invalidate-after-save';
import { openStoreBroadcast } from './store-broadcast';
import { StoreContext, type CurrentUser, type StoreContextValue } from './store-context';

type OpenState =
  | { readonly phase: 'opening'; readonly blocked: string | null }
  | { readonly phase: 'open'; readonly db: YunweiDatabase }
  | { readonly phase: 'failed'; readonly message: string };

export interface StoreProviderProps {
  /** Whose database to open. Switching user closes one database and opens the other. */
  readonly user: CurrentUser;
  /**
   * Which server the user signed in to (features/session server-address); absent for a local profile.
   * Part of the database name, so a local profile and a server account of the same name, or one name on
   * two servers, never share a database.
   */
  readonly serverKey?: string;
  readonly children: ReactNode;
}

/**
 * Opens the signed-in user's database and provides it (useDatabase, useCurrentUser, useSaveRecord).
 * While it opens, a blocked upgrade says which window to close; if it cannot open, the reason is
 * shown instead of the app; if a newer window takes the database over later, a dialog asks to reload.
 */
export function StoreProvider({ user, serverKey, children }: StoreProviderProps) {
  // A new user is a new database: remounting starts its opening from scratch.
  return (
    <UserStore
      key={`${serverKey ?? ''}/${user.id}`}
      user={user}
      {...(serverKey === undefined ? {} : { serverKey })}
    >
      {children}
    </UserStore>
  );
}

function UserStore({ user, serverKey, children }: StoreProviderProps) {
  const [state, setState] = useState<OpenState>({ phase: 'opening', blocked: null });
  const { modal } = App.useApp();
  // The database is opened once per user; the dialog API is read when a notice arrives.
  const modalRef = useRef(modal);
  useEffect(() => {
    modalRef.current = modal;
  }, [modal]);

  useEffect(() => {
    let cancelled = false;
    let opened: YunweiDatabase | undefined;
    const onNotice = (notice: StoreNotice) => {
      if (cancelled) return;
      if (notice.kind === 'blocked') {
        setState((current) =>
          current.phase === 'opening' ? { phase: 'opening', blocked: notice.message } : current,
        );
        return;
      }
      modalRef.current.warning({
        title: '请重新加载运维台',
        content: notice.message,
        okText: '重新加载',
        closable: false,
        keyboard: false,
        onOk: () => window.location.reload(),
      });
    };
    openUserDatabase(user.id, { onNotice, ...(serverKey === undefined ? {} : { serverKey }) })
      .then((db) => {
        opened = db;
        if (cancelled) db.close();
        else setState({ phase: 'open', db });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ phase: 'failed', message: toStoreError(error, '打开本地数据库').message });
      });
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [user.id, serverKey]);

  if (state.phase === 'failed') {
    return (
      <Result
        status="error"
        title="无法打开本地数据库"
        subTitle={state.message}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            重新加载
          </Button>
        }
      />
    );
  }
  if (state.phase === 'opening') {
    return (
      <Flex vertical align="center" justify="center" gap="middle" style={{ minHeight: 240 }}>
        <Spin size="large" />
        <span>正在打开 {user.displayName} 的本地数据…</span>
        {state.blocked !== null && <Alert type="warning" showIcon title={state.blocked} />}
      </Flex>
    );
  }
  return (
    <OpenStore db={state.db} user={user}>
      {children}
    </OpenStore>
  );
}

function OpenStore({
  db,
  user,
  children,
}: {
  readonly db: YunweiDatabase;
  readonly user: CurrentUser;
  /**
   * Which server the user signed in to (features/session server-address); absent for a local profile.
   * Part of the database name, so a local profile and a server account of the same name, or one name on
   * two servers, never share a database.
   */
  readonly serverKey?: string;
  readonly children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const broadcast = useMemo(() => openStoreBroadcast(db.name), [db]);
  useEffect(() => {
    // Records another window's sync changed may be deadlines it recomputed for a new calendar notice:
    // the rules are read again (one meta row) before the views refetch with them.
    const stopListening = broadcast.listen((change) => {
      const rules = change.recordType === 'synced' ? loadStoredCalendar(db) : Promise.resolve();
      void rules.then(() => invalidateAfterChange(queryClient, change));
    });
    return () => {
      stopListening();
      broadcast.close();
    };
  }, [broadcast, db, queryClient]);
  const value = useMemo<StoreContextValue>(() => ({ db, user, broadcast }), [db, user, broadcast]);
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
}
