import { PlusOutlined } from '@ant-design/icons';
import type { ContractProfile } from '@core/profile';
import { contractYearOf } from '@core/records/kinds';
import { Alert, Button, Card, Empty, Progress, Result, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePlainRecords } from '../../store';
import { useWritableSubsystems } from '../session';
import { ShortcutHelp } from '../shortcuts';
import { formatMinute } from '../tickets/format-time';
import {
  VERDICT_LABELS,
  progressRows,
  trainingRows,
  type ProgressRow,
  type TrainingRow,
} from './training-view';
import { useReadableSubsystem, useTrainingProfile } from './use-training-data';
import './trainings.css';

const VERDICT_COLORS = { met: 'success', not_met: 'warning', no_requirement: 'default' } as const;

/** 培训: this contract year's sessions per requirement and what is still owed, then every training. */
export function TrainingListPage() {
  const profile = useTrainingProfile();
  if (profile.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (profile.isError) {
    return (
      <Result
        status="error"
        title="无法读取合同配置"
        subTitle={<span className="error-reason">{profile.error.message}</span>}
      />
    );
  }
  return <TrainingList profile={profile.data} />;
}

function TrainingList({ profile }: { readonly profile: ContractProfile }) {
  const navigate = useNavigate();
  const trainings = usePlainRecords('training');
  const readable = useReadableSubsystem(profile);
  const contractSubsystemIds = useMemo(() => profile.subsystems.map((subsystem) => subsystem.id), [profile]);
  const writable = useWritableSubsystems('training', contractSubsystemIds);
  const canRecord = writable.reason === null;
  const [year] = useState(() => contractYearOf(Date.now()));
  // Left from a long form or record that was scrolled down: the list reads from its top.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);
  const progress = useMemo(
    () => progressRows(profile.subsystems, profile.documentSystem, trainings.data ?? [], year, readable),
    [profile, trainings.data, year, readable],
  );
  const rows = useMemo(
    () => trainingRows(trainings.data ?? [], profile.subsystems, profile.documentSystem),
    [trainings.data, profile],
  );

  return (
    <section className="trainings-page" aria-labelledby="trainings-title" data-testid="trainings-page">
      <header className="page-header">
        <Typography.Title level={4} id="trainings-title" className="page-header__title">
          培训
        </Typography.Title>
        <Typography.Text type="secondary">
          合同年度：{year.label}（{year.from} 至 {year.to}）
        </Typography.Text>
        <div className="page-header__actions">
          {canRecord && (
            <Link to="/trainings/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-training">
                登记培训
              </Button>
            </Link>
          )}
          <ShortcutHelp />
        </div>
      </header>
      {trainings.isError && (
        <Alert type="error" showIcon title="无法读取培训记录" description={trainings.error.message} />
      )}
      <Card size="small" title="本年度培训要求完成情况" className="training-card">
        {progress.length === 0 ? (
          <Typography.Text type="secondary" data-testid="training-progress-empty">
            您负责的运维子项在合同中没有培训要求。
          </Typography.Text>
        ) : (
          <Table<ProgressRow>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={progress}
            data-testid="training-progress"
            onRow={(row) => ({ 'data-requirement': row.requirementId }) as HTMLAttributes<HTMLElement>}
            expandable={{
              rowExpandable: (row) => row.units.length > 0,
              expandedRowRender: (row) => <UnitCounts row={row} />,
            }}
            columns={[
              { title: '运维子项', dataIndex: 'subsystemLabel', width: 140 },
              { title: '培训要求', dataIndex: 'topic', ellipsis: true },
              {
                title: '完成',
                width: 150,
                render: (_, row) =>
                  row.owed === null ? (
                    <Typography.Text>{row.done} 场</Typography.Text>
                  ) : (
                    <Progress
                      percent={
                        row.owed === 0
                          ? 100
                          : Math.round(((row.owed - (row.remaining ?? 0)) / row.owed) * 100)
                      }
                      size="small"
                      format={() =>
                        `${row.owed === null ? row.done : row.owed - (row.remaining ?? 0)}/${row.owed}`
                      }
                    />
                  ),
              },
              {
                title: '情况',
                width: 330,
                render: (_, row) => (
                  <Typography.Text type={row.complete ? 'success' : undefined} data-testid="progress-status">
                    {row.status}
                  </Typography.Text>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={`培训记录（${rows.length}）`} className="training-card">
        <Table<TrainingRow>
          size="small"
          rowKey="id"
          dataSource={rows}
          loading={trainings.isPending}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          data-testid="training-list"
          locale={{
            emptyText: (
              <Empty
                description={
                  canRecord
                    ? '还没有培训记录。每次培训结束后点“登记培训”，填写讲师、签到名单或签到表照片和培训资料，系统会核对是否达到合同要求。'
                    : `还没有培训记录。${writable.reason ?? ''}`
                }
                data-testid="trainings-empty"
              />
            ),
          }}
          onRow={(row) =>
            ({
              onClick: () => void navigate(`/trainings/${row.id}`),
              className: 'training-list__row',
              'data-testid': 'training-row',
            }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: '开始时间', width: 140, render: (_, row) => formatMinute(row.startAt) },
            { title: '运维子项', dataIndex: 'subsystemLabel', width: 130 },
            {
              title: '培训主题',
              ellipsis: true,
              render: (_, row) => (
                <Link to={`/trainings/${row.id}`} onClick={(event) => event.stopPropagation()}>
                  {row.topic}
                  {row.unitName === null ? '' : `（${row.unitName}）`}
                </Link>
              ),
            },
            { title: '人数', dataIndex: 'attendees', width: 64 },
            {
              title: '合同要求',
              width: 150,
              render: (_, row) => (
                <Tag color={VERDICT_COLORS[row.verdict.state]} data-testid="training-row-verdict">
                  {VERDICT_LABELS[row.verdict.state]}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </section>
  );
}

function UnitCounts({ row }: { readonly row: ProgressRow }) {
  return (
    <ul className="training-units" data-testid="training-units">
      {row.units.map((unit) => (
        <li key={unit.unitId}>
          <span>{unit.unitName}</span>
          <Tag color={unit.done >= unit.owed ? 'success' : 'default'}>
            {unit.done}/{unit.owed}
          </Tag>
        </li>
      ))}
    </ul>
  );
}
