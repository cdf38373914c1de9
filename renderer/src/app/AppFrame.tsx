import { TableOutlined } from '@ant-design/icons';
import { Layout, Menu, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useContractProfile } from '../features/contract-profile/use-contract-profile';
import { TodayStatus } from '../features/today/TodayStatus';
import { HostVersion } from './HostVersion';

const PRODUCT_NAME = '运维台';

const MENU_ITEMS = [
  {
    type: 'group' as const,
    label: '合同',
    children: [{ key: 'subsystems', icon: <TableOutlined />, label: '运维子项与时限' }],
  },
];

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

/** Header with product and contract, a navigation sider, and the page. */
export function AppFrame({ children }: { readonly children: ReactNode }) {
  return (
    <Layout className="app-frame">
      <Layout.Header className="app-header">
        <div className="app-header__brand">
          <img src="/favicon.svg" alt="" className="app-header__logo" />
          <Typography.Title level={1} className="app-header__product">
            {PRODUCT_NAME}
          </Typography.Title>
        </div>
        <ContractName />
        <TodayStatus />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={176} className="app-sider" theme="light">
          <Menu mode="inline" selectedKeys={['subsystems']} items={MENU_ITEMS} className="app-sider__menu" />
          <div className="app-sider__footer">
            <HostVersion />
          </div>
        </Layout.Sider>
        <Layout.Content className="app-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
