import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  EditOutlined,
  InfoCircleOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ContractProfile } from '@core/profile';
import {
  LECTURER_LEVEL_LABELS,
  TRAINING_DELIVERY_LABELS,
  attendeeCount,
  type Training,
} from '@core/records/kinds';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useCurrentUser, usePlainRecord } from '../../store';
import { AttachmentList } from '../attachments';
import { RecordHistory } from '../history';
import { useWritableSubsystems } from '../session';
import { ShortcutHelp } from '../shortcuts';
import { TrainingForm } from './TrainingForm';
import type { SavedTrainingState } from './TrainingNewPage';
import { formatMinute } from '../tickets/format-time';
import {
  VERDICT_LABELS,
  subsystemLabel,
  trainingVerdict,
  unitName,
  type TrainingVerdict,
} from './training-view';
import { useOfferTrainingUndo, useTrainingProfile } from './use-training-data';
import './trainings.css';

/** 培训记录: one training, whether it meets its contract requirement and why not, and its history. */
export function TrainingDetailPage() {
  const { id = '' } = useParams();
  const training = usePlainRecord('training', id);
  const profile = useTrainingProfile();
  if (training.isPending || profile.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (training.isError || profile.isError) {
    return (
      <Result
        status="error"
        title="无法读取培训记录"
        subTitle={<span className="error-reason">{(training.error ?? profile.error)?.message}</span>}
      />
    );
  }
  if (training.data === null) {
    return (
      <Result
        status="404"
        title="找不到这条培训记录"
        subTitle="本机数据库中没有这个编号的培训：可能是您无权查看的运维子项的培训、尚未同步，或链接有误。"
        extra={<BackToList />}
      />
    );
  }
  if (training.data.deleted) {
    return (
      <Result
        status="info"
        title={`培训“${training.data.topic}”已删除`}
        subTitle="修改历史仍然保留。"
        extra={<BackToList />}
      />
    );
  }
  return <TrainingDetail key={training.data.id} training={training.data} profile={profile.data} />;
}

function BackToList() {
  return (
    <Link to="/trainings">
      <Button icon={<ArrowLeftOutlined />}>返回培训列表</Button>
    </Link>
  );
}

function TrainingDetail({
  training,
  profile,
}: {
  readonly training: Training;
  readonly profile: ContractProfile;
}) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const offerUndo = useOfferTrainingUndo();
  const [editing, setEditing] = useState(false);
  const contractSubsystemIds = useMemo(() => profile.subsystems.map((subsystem) => subsystem.id), [profile]);
  // 修改 only for those who may write the training's subsystem: an auditor reads it, sync would refuse an edit.
  const canEdit = useWritableSubsystems('training', contractSubsystemIds).subsystemIds.includes(
    training.subsystemId,
  );
  // Opened from a long form that was scrolled down (or left by one): the record reads from its top.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [editing]);

  // Arriving from 登记培训: say it was saved, with the undo, once.
  const created = (location.state as SavedTrainingState | null)?.saved;
  useEffect(() => {
    if (created === undefined) return;
    offerUndo(created, training.id);
    void navigate(location.pathname, { replace: true, state: null });
  }, [created, training.id, offerUndo, navigate, location.pathname]);

  if (editing) {
    return (
      <TrainingForm
        profile={profile}
        before={training}
        heading="修改培训记录"
        onSaved={(saved) => {
          setEditing(false);
          offerUndo(`培训“${saved.topic}”已保存`, saved.id);
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }

  const subsystems = profile.subsystems;
  const verdict = trainingVerdict(training, subsystems, profile.documentSystem);
  const unit = unitName(profile.documentSystem, training.unitId);
  const attendance = training.attendance;
  return (
    <section
      className="training-detail"
      aria-labelledby="training-title"
      data-testid="training-detail"
      data-training-id={training.id}
    >
      <header className="page-header">
        <Link to="/trainings" className="training-detail__back">
          <ArrowLeftOutlined /> 培训
        </Link>
        <Typography.Title
          level={4}
          id="training-title"
          className="page-header__title"
          data-testid="training-title"
        >
          {training.topic}
        </Typography.Title>
        <div className="page-header__actions">
          {canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-training">
              修改
            </Button>
          )}
          <ShortcutHelp />
        </div>
      </header>
      <VerdictCard verdict={verdict} />
      <div className="training-detail__grid">
        <div className="training-detail__main">
          <Card size="small" title="培训信息" className="training-card">
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label="运维子项">
                {subsystemLabel(subsystems, training.subsystemId)}
              </Descriptions.Item>
              <Descriptions.Item label="合同培训要求">
                {verdict.requirement ?? '不对应合同要求'}
              </Descriptions.Item>
              {unit !== null && <Descriptions.Item label="培训单位">{unit}</Descriptions.Item>}
              <Descriptions.Item label="培训对象">
                {training.audience === '' ? '—' : training.audience}
              </Descriptions.Item>
              <Descriptions.Item label="开始时间">{formatMinute(training.startAt)}</Descriptions.Item>
              <Descriptions.Item label="时长">{formatDuration(training.durationMinutes)}</Descriptions.Item>
              <Descriptions.Item label="培训方式">
                {TRAINING_DELIVERY_LABELS[training.delivery]}
              </Descriptions.Item>
              <Descriptions.Item label={training.delivery === 'online' ? '线上平台' : '培训地点'}>
                {training.place === '' ? '—' : training.place}
              </Descriptions.Item>
              <Descriptions.Item label="讲师" span={2}>
                <span data-testid="training-trainers">
                  {training.trainers
                    .map((trainer) =>
                      [
                        trainer.name,
                        trainer.title,
                        trainer.level === null ? '' : LECTURER_LEVEL_LABELS[trainer.level],
                      ]
                        .filter((part) => part !== '')
                        .join(' · '),
                    )
                    .join('；')}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="满意度" span={2}>
                {training.satisfaction === null
                  ? '未填写'
                  : `${training.satisfaction.score} 分${training.satisfaction.comments === '' ? '' : `：${training.satisfaction.comments}`}`}
              </Descriptions.Item>
              {training.notes !== '' && (
                <Descriptions.Item label="备注" span={2}>
                  {training.notes}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card size="small" className="training-card">
            <Tabs
              items={[
                {
                  key: 'attendance',
                  label: `签到（${attendeeCount(attendance)} 人）`,
                  children:
                    attendance.kind === 'list' ? (
                      <ol className="training-detail__attendees" data-testid="training-attendees">
                        {attendance.attendees.map((attendee) => (
                          <li key={`${attendee.unit}\u0000${attendee.name}`}>
                            {attendee.name}
                            {attendee.unit === '' ? '' : `（${attendee.unit}）`}
                          </li>
                        ))}
                      </ol>
                    ) : (
                      <div data-testid="training-attendees">
                        <Typography.Paragraph>
                          参训 {attendance.count} 人，纸质签到表照片：
                        </Typography.Paragraph>
                        <AttachmentList attachments={[attendance.signInSheet]} />
                      </div>
                    ),
                },
                {
                  key: 'history',
                  label: '修改历史',
                  children: (
                    <RecordHistory
                      recordType="training"
                      recordId={training.id}
                      context={{ subsystems, currentUser: user }}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </div>
        <aside className="training-detail__side">
          <Card
            size="small"
            title={`培训资料（${training.materials.length}）`}
            className="training-card"
            data-testid="training-materials-view"
          >
            {training.materials.length === 0 ? (
              <Typography.Text type="secondary">
                没有上传资料。负责该运维子项的工程师可以点“修改”添加课件、操作手册或现场照片。
              </Typography.Text>
            ) : (
              <AttachmentList attachments={training.materials} />
            )}
          </Card>
        </aside>
      </div>
    </section>
  );
}

function VerdictCard({ verdict }: { readonly verdict: TrainingVerdict }) {
  if (verdict.state === 'no_requirement') {
    return (
      <Alert
        type="info"
        showIcon
        icon={<InfoCircleOutlined />}
        className="training-verdict"
        data-testid="training-verdict"
        data-state={verdict.state}
        title={VERDICT_LABELS[verdict.state]}
        description="这次培训没有选择对应的合同培训要求，不计入年度培训完成情况。"
      />
    );
  }
  const met = verdict.state === 'met';
  return (
    <Alert
      type={met ? 'success' : 'warning'}
      showIcon
      icon={met ? <CheckCircleOutlined /> : <WarningOutlined />}
      className="training-verdict"
      data-testid="training-verdict"
      data-state={verdict.state}
      title={`${VERDICT_LABELS[verdict.state]}${verdict.requirement === null ? '' : `：${verdict.requirement}`}`}
      description={
        met ? (
          '讲师、时长、人数和资料均达到合同要求，计入本年度培训完成情况。'
        ) : (
          <ul className="training-verdict__reasons">
            {verdict.reasons.map((reason) => (
              <li key={reason} data-testid="verdict-reason">
                {reason}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}

function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} 分钟`;
  return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分钟`;
}
