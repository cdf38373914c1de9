import type { SubsystemDisplay } from '@core/profile';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { SlaClockGrid } from './SlaClockGrid';
import { budgetText } from './sla-clock-text';

const columns: TableColumnsType<SubsystemDisplay> = [
  { title: '序号', dataIndex: 'id', width: 48, align: 'center' },
  {
    title: '运维子项',
    key: 'name',
    width: 196,
    render: (_, subsystem) => (
      <div className="subsystem-name">
        <Typography.Text strong data-testid="subsystem-short-name">
          {subsystem.shortName}
        </Typography.Text>
        <Typography.Text type="secondary" className="subsystem-name__full" data-testid="subsystem-name">
          {subsystem.name}
        </Typography.Text>
      </div>
    ),
  },
  {
    title: (
      <span className="two-line-title">
        预算
        <br />
        （万元）
      </span>
    ),
    dataIndex: 'budget',
    width: 76,
    align: 'right',
    render: (budget: number) => <span data-testid="subsystem-budget">{budgetText(budget)}</span>,
  },
  {
    title: '服务方式',
    dataIndex: 'serviceModes',
    width: 96,
    render: (modes: readonly string[]) => (
      <div className="service-modes" data-testid="subsystem-modes">
        {modes.map((mode) => (
          <Tag key={mode} variant="outlined">
            {mode}
          </Tag>
        ))}
      </div>
    ),
  },
  {
    title: (
      <span className="two-line-title">
        驻场
        <br />
        人数
      </span>
    ),
    dataIndex: 'stationedEngineers',
    width: 60,
    align: 'center',
    render: (engineers: number) => (
      <span data-testid="subsystem-stationed">{engineers === 0 ? '无驻场' : `${engineers} 人`}</span>
    ),
  },
  {
    title: '服务时间',
    dataIndex: 'serviceHours',
    width: 176,
    render: (hours: string | undefined) =>
      hours === undefined ? (
        <Typography.Text type="secondary" data-testid="subsystem-hours">
          招标文件未规定
        </Typography.Text>
      ) : (
        <span data-testid="subsystem-hours">{hours}</span>
      ),
  },
  {
    title: (
      <div className="sla-grid__row sla-grid__row--head">
        <span>工单类别·级别</span>
        <span>响应时限</span>
        <span>解决时限</span>
      </div>
    ),
    key: 'clocks',
    render: (_, subsystem) => <SlaClockGrid clocks={subsystem.clocks} />,
  },
];

export function SubsystemTable({ subsystems }: { readonly subsystems: readonly SubsystemDisplay[] }) {
  return (
    <Table<SubsystemDisplay>
      className="subsystem-table"
      rowKey="id"
      size="small"
      bordered
      columns={columns}
      dataSource={[...subsystems]}
      pagination={false}
      tableLayout="fixed"
      locale={{ emptyText: '合同档案中没有运维子项' }}
      data-testid="subsystem-table"
    />
  );
}
