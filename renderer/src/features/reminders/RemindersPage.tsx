import { DownOutlined } from '@ant-design/icons';
import { REMINDER_KIND_LABELS, REMINDER_KINDS, type ReminderKind } from '@core/reminders';
import type { ReminderReceipt } from '@core/records/kinds';
import {
  Alert,
  Button,
  Card,
  Dropdown,
  Empty,
  List,
  Result,
  Skeleton,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useNavigate } from 'react-router';
import { useSaveRecord, useShowStoreError } from '../../store';
import { useKindsOff, useReminderSettings } from './reminder-settings';
import {
  type ReminderItem,
  SNOOZE_CHOICES,
  SNOOZE_LABELS,
  type SnoozeChoice,
  snoozedUntil,
  whenText,
} from './reminder-view';
import { useSchedulerStatus } from './scheduler-status';
import { useReminders } from './use-reminders';
import './reminders.css';

const KIND_COLORS: Readonly<Record<ReminderKind, string>> = {
  inspection: 'blue',
  ticket_clock: 'red',
  report: 'purple',
  duty: 'cyan',
  handover: 'orange',
  visit: 'green',
};

/** 提醒: what is due for the signed-in user now, to open, snooze or dismiss; and which kinds to receive. */
export function RemindersPage() {
  const { view, error, user, now } = useReminders();
  const status = useSchedulerStatus();
  const header = (
    <header className="page-header">
      <Typography.Title level={4} className="page-header__title">
        提醒
      </Typography.Title>
      <Typography.Text type="secondary">
        到点的巡检、快到时限的工单、报告、值班和回访，每条只提醒一次
      </Typography.Text>
    </header>
  );
  if (error !== null) {
    return (
      <Result
        status="error"
        title="无法读取提醒"
        subTitle={<span className="error-reason">{error.message}</span>}
      />
    );
  }
  return (
    <section className="reminders-page" aria-label="提醒">
      {header}
      {status.notifyProblem !== null && (
        <Alert
          type="warning"
          showIcon
          title="系统通知没有弹出，提醒仍列在这里"
          description={status.notifyProblem}
          data-testid="reminder-notify-problem"
        />
      )}
      {status.saveProblem !== null && (
        <Alert type="error" showIcon title="提醒记录没有保存，稍后会再试" description={status.saveProblem} />
      )}
      {view === undefined ? (
        <Skeleton active />
      ) : (
        <List
          bordered
          data-testid="reminder-list"
          dataSource={view.items}
          locale={{
            emptyText: (
              <Empty description="现在没有待处理的提醒。到点的巡检、快到时限的工单、临近的报告和值班会出现在这里，并弹出系统通知。" />
            ),
          }}
          renderItem={(item) => <ReminderRow item={item} user={user} now={now} />}
        />
      )}
      <KindSwitches user={user} />
    </section>
  );
}

function ReminderRow({
  item,
  user,
  now,
}: {
  readonly item: ReminderItem;
  readonly user: string;
  readonly now: number;
}) {
  const navigate = useNavigate();
  const save = useSaveRecord();
  const showError = useShowStoreError();
  const { reminder } = item;
  const change = (patch: Pick<ReminderReceipt, 'snoozedUntil' | 'dismissedAt'>) => {
    const at = Date.now();
    const before = item.receipt;
    const after: ReminderReceipt =
      before === null
        ? {
            id: item.receiptId,
            createdBy: user,
            createdAt: at,
            updatedAt: at,
            deleted: false,
            user,
            cause: reminder.cause,
            firedAt: at,
            ...patch,
          }
        : { ...before, ...patch };
    save.mutate({ recordType: 'reminderReceipt', before, after }, { onError: showError });
  };
  const snooze = (choice: SnoozeChoice) =>
    change({ snoozedUntil: snoozedUntil(choice, Date.now()), dismissedAt: null });
  return (
    <List.Item
      data-testid="reminder-item"
      data-cause={reminder.cause}
      data-kind={reminder.kind}
      actions={[
        <Button key="open" type="link" onClick={() => void navigate(reminder.link)}>
          打开
        </Button>,
        <Dropdown
          key="snooze"
          trigger={['click']}
          menu={{
            items: SNOOZE_CHOICES.map((choice) => ({ key: choice, label: SNOOZE_LABELS[choice] })),
            onClick: ({ key }) => snooze(key as SnoozeChoice),
          }}
        >
          <Button type="link" disabled={save.isPending}>
            稍后提醒 <DownOutlined />
          </Button>
        </Dropdown>,
        <Button
          key="dismiss"
          type="link"
          disabled={save.isPending}
          onClick={() => change({ snoozedUntil: null, dismissedAt: Date.now() })}
        >
          知道了
        </Button>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space size={8} wrap>
            <Tag color={KIND_COLORS[reminder.kind]}>{REMINDER_KIND_LABELS[reminder.kind]}</Tag>
            <span data-testid="reminder-title">{reminder.title}</span>
          </Space>
        }
        description={
          <Space size={16} wrap>
            <span data-testid="reminder-body">{reminder.body}</span>
            <Typography.Text type="secondary" className="reminder-item__time">
              {whenText(reminder.firesAt, now)}
            </Typography.Text>
          </Space>
        }
      />
    </List.Item>
  );
}

function KindSwitches({ user }: { readonly user: string }) {
  const off = useKindsOff(user);
  const setKindOn = useReminderSettings((state) => state.setKindOn);
  return (
    <Card size="small" title="接收哪些提醒（仅本机，对当前用户生效）">
      <div className="reminder-kinds">
        {REMINDER_KINDS.map((kind) => (
          <label key={kind} className="reminder-kinds__kind">
            <Switch
              size="small"
              checked={!off.includes(kind)}
              onChange={(on) => setKindOn(user, kind, on)}
              data-testid={`reminder-kind-${kind}`}
            />
            {REMINDER_KIND_LABELS[kind]}
          </label>
        ))}
      </div>
    </Card>
  );
}
