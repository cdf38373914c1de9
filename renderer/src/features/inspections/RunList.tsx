import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useNavigate } from 'react-router';
import type { InspectionRun, InspectionTemplate } from '@core/records';
import { summarizeRun } from './item-state';
import { formatMinute, slotKeyText } from './shanghai-format';
import { RECENT_RUN_LIMIT } from './use-inspection-data';

interface RunListProps {
  readonly runs: readonly InspectionRun[];
  /** Every saved template version, to name each run by the version it used. */
  readonly templates: readonly InspectionTemplate[];
  readonly subsystemName: (subsystemId: number) => string;
}

/** The latest runs, newest first: what was checked, by whom, when, and what went wrong. */
export function RunList({ runs, templates, subsystemName }: RunListProps) {
  const navigate = useNavigate();
  const versions = new Map(
    templates.map((template) => [`${template.templateId}@${template.version}`, template]),
  );
  const templateOf = (run: InspectionRun) => versions.get(`${run.templateId}@${run.templateVersion}`);

  const columns: ColumnsType<InspectionRun> = [
    {
      title: '巡检模板',
      key: 'template',
      ellipsis: true,
      render: (_, run) => (
        <span className="inspections-runs__template">
          <Tag>{subsystemName(run.subsystemId)}</Tag>
          <Typography.Text ellipsis={{ tooltip: templateOf(run)?.name }}>
            {templateOf(run)?.name ?? '模板尚未同步到本机'}
          </Typography.Text>
          <Typography.Text type="secondary"> 第 {run.templateVersion} 版</Typography.Text>
        </span>
      ),
    },
    {
      title: '应检时段',
      key: 'slot',
      width: 130,
      render: (_, run) => (run.scheduledFor === null ? '不定期' : slotKeyText(run.scheduledFor)),
    },
    { title: '巡检人', dataIndex: 'inspector', width: 100, ellipsis: true },
    { title: '开始', key: 'startedAt', width: 140, render: (_, run) => formatMinute(run.startedAt) },
    {
      title: '完成',
      key: 'finishedAt',
      width: 140,
      render: (_, run) =>
        run.finishedAt === null ? (
          <Tag color="purple" variant="filled">
            进行中
          </Tag>
        ) : (
          formatMinute(run.finishedAt)
        ),
    },
    {
      title: '结果',
      key: 'result',
      width: 160,
      render: (_, run) => {
        const template = templateOf(run);
        if (template === undefined)
          return <Typography.Text type="warning">缺少模板第 {run.templateVersion} 版</Typography.Text>;
        const summary = summarizeRun(run, template.items);
        return (
          <span data-testid="run-result-summary">
            {summary.abnormal > 0 ? (
              <Tag color="error" variant="filled">
                {summary.abnormal} 项异常
              </Tag>
            ) : run.finishedAt === null ? (
              <Typography.Text type="secondary">
                已填 {summary.filled}/{summary.total}
              </Typography.Text>
            ) : (
              <Tag color="success" variant="filled">
                全部正常
              </Tag>
            )}
            {summary.ticketed > 0 ? (
              <Typography.Text type="secondary">{summary.ticketed} 张工单</Typography.Text>
            ) : null}
          </span>
        );
      },
    },
    {
      title: '操作',
      key: 'open',
      width: 80,
      render: (_, run) => (
        <Button size="small" onClick={() => void navigate(`/inspections/run/${run.id}`)}>
          查看
        </Button>
      ),
    },
  ];

  return (
    <Table<InspectionRun>
      className="inspections-runs"
      data-testid="run-list"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={[...runs]}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: '还没有巡检记录。在上方“今日巡检”中点击“开始巡检”，完成后的记录会显示在这里。' }}
      footer={runs.length >= RECENT_RUN_LIMIT ? () => `只显示最近 ${RECENT_RUN_LIMIT} 次巡检。` : undefined}
      onRow={(run) => ({ 'data-run-id': run.id }) as HTMLAttributes<HTMLElement>}
    />
  );
}
