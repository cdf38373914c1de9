import {
  BellOutlined,
  CalendarOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FormOutlined,
  CloudSyncOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ReadOutlined,
  ScheduleOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';

type MenuItems = NonNullable<MenuProps['items']>;

/**
 * The sider's navigation; item keys are the routes they open. 登记工单 is left out for a user who may
 * log no ticket (a service manager, an auditor): the form would only say so.
 */
export function menuItems(options: { readonly canLogTickets: boolean }): MenuItems {
  return [
    {
      type: 'group',
      label: '日常工作',
      children: [
        { key: '/', icon: <HomeOutlined />, label: '我的工作' },
        { key: '/dashboard', icon: <DashboardOutlined />, label: '项目总览' },
        { key: '/reminders', icon: <BellOutlined />, label: '提醒' },
        { key: '/tickets', icon: <ProfileOutlined />, label: '工单' },
        ...(options.canLogTickets
          ? [{ key: '/tickets/new', icon: <FormOutlined />, label: '登记工单' }]
          : []),
        { key: '/inspections', icon: <CalendarOutlined />, label: '巡检' },
        { key: '/duty', icon: <SafetyCertificateOutlined />, label: '值班' },
        { key: '/trainings', icon: <ReadOutlined />, label: '培训' },
        { key: '/visits', icon: <TeamOutlined />, label: '回访' },
        { key: '/onsite', icon: <EnvironmentOutlined />, label: '驻场' },
        { key: '/reports', icon: <FileDoneOutlined />, label: '报表' },
      ],
    },
    ...MENU_REST,
  ];
}

const MENU_REST: MenuItems = [
  {
    type: 'group',
    label: '设置',
    children: [
      { key: '/inspections/templates', icon: <FileTextOutlined />, label: '巡检模板' },
      { key: '/sync', icon: <CloudSyncOutlined />, label: '同步状态' },
    ],
  },
  {
    type: 'group',
    label: '合同',
    children: [
      { key: '/subsystems', icon: <TableOutlined />, label: '运维子项与时限' },
      { key: '/calendar', icon: <ScheduleOutlined />, label: '节假日日历' },
    ],
  },
];

const MENU_KEYS = [
  '/tickets/new',
  '/tickets',
  '/inspections/templates',
  '/inspections',
  '/duty',
  '/sync',
  '/trainings',
  '/visits',
  '/onsite',
  '/reports',
  '/subsystems',
  '/calendar',
  '/dashboard',
  '/reminders',
  '/',
];

/** The menu item a path belongs to (/tickets/abc → 工单); null for a path no item leads to. */
export function menuKeyOf(pathname: string): string | null {
  return (
    MENU_KEYS.find((key) =>
      key === '/' ? pathname === '/' : pathname === key || pathname.startsWith(`${key}/`),
    ) ?? null
  );
}
