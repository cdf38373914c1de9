import { Layout, Menu, Typography } from 'antd';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useContractProfile } from '../features/contract-profile/use-contract-profile';
import { UserSwitcher, useWritableSubsystems } from '../features/session';
import { ReminderBell } from '../features/reminders/ReminderBell';
import { AppShortcuts } from '../features/shortcuts';
import { SyncStatusBadge } from '../features/sync-status';
import { TodayStatus } from '../features/today/TodayStatus';
import { useDatabase } from '../store';
import { menuItems, menuKeyOf } from './app-menu';
import { HostVersion } from './HostVersion';

const PRODUCT_NAME = '运维台';

function ContractName() {
  const profile = useContractProfile();
  if (profile.isSuccess) {
    return (
      <span className="app-header__contract" title={profile.data.contractName} data-testid="contract-name">
        {profile.data.contractName}
      </span>
    );
  }
  return (
    <span className="app-header__contract">{profile.isError ? '合同档案读取失败' : '正在读取合同档案…'}</span>
  );
}

/** Header with product, contract, today, sync state and the signed-in user; a navigation sider; the page. */
export function AppFrame({ children }: { readonly children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const menuKey = menuKeyOf(location.pathname);
  const profile = useDatabase().slaRules.profile;
  const contractSubsystemIds = useMemo(() => profile.subsystems.map((subsystem) => subsystem.id), [profile]);
  const canLogTickets = useWritableSubsystems('ticket', contractSubsystemIds).reason === null;
  const items = useMemo(() => menuItems({ canLogTickets }), [canLogTickets]);
  // A page opens at its top: the window keeps its scroll across routes, so a page opened from the
  // bottom of a long list would show its middle.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [location.pathname]);
  return (
    <Layout className="app-frame">
      <AppShortcuts />
      <Layout.Header className="app-header">
        <div className="app-header__brand">
          <img src="/favicon.svg" alt="" className="app-header__logo" />
          <Typography.Title level={1} className="app-header__product">
            {PRODUCT_NAME}
          </Typography.Title>
        </div>
        <ContractName />
        <TodayStatus />
        <ReminderBell />
        <SyncStatusBadge />
        <UserSwitcher />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={176} className="app-sider" theme="light">
          <Menu
            mode="inline"
            selectedKeys={menuKey === null ? [] : [menuKey]}
            items={items}
            onClick={({ key }) => void navigate(key)}
            className="app-sider__menu"
          />
          <div className="app-sider__footer">
            <HostVersion />
          </div>
        </Layout.Sider>
        <Layout.Content className="app-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
