import { EditOutlined } from '@ant-design/icons';
import { TICKET_CHANNEL_LABELS, editTicket, type Ticket, type TicketChannel } from '@core/records';
import { App, Button, Descriptions, Form, Input, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useCurrentUser } from '../../store';
import { useWritableSubsystems } from '../session';
import { matchesShortcut, SAVE } from '../shortcuts';
import { BeijingTimeInput } from './BeijingTimeInput';
import { formatMinute, parseMinute } from './format-time';
import { INTAKE_CHANNEL_OPTIONS, subsystemLabel, userLabel } from './labels';
import type { SubsystemName } from './use-ticket-data';

interface ReportValues {
  readonly title: string;
  readonly description: string;
  readonly subsystemId: number;
  readonly channel: TicketChannel;
  readonly receivedAt: string;
  readonly reporter: { readonly unit: string; readonly person: string; readonly phone: string };
}

/** 报障信息: who reported what, when and how; editable in a dialog (a typo in the title, the caller's phone). */
export function TicketReportCard({
  ticket,
  subsystems,
  onSave,
  saving,
  onDialogChange,
}: {
  readonly ticket: Ticket;
  readonly subsystems: readonly SubsystemName[];
  readonly onSave: (after: Ticket, done: string) => Promise<boolean>;
  readonly saving: boolean;
  readonly onDialogChange: (open: boolean) => void;
}) {
  const user = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const setOpen = (open: boolean) => {
    setEditing(open);
    onDialogChange(open);
  };
  const reporter = ticket.reporter;
  return (
    <div className="ticket-report">
      <Descriptions
        size="small"
        column={3}
        data-testid="ticket-report"
        items={[
          { key: 'subsystem', label: '运维子项', children: subsystemLabel(ticket.subsystemId, subsystems) },
          { key: 'channel', label: '来源渠道', children: TICKET_CHANNEL_LABELS[ticket.channel] },
          {
            key: 'received',
            label: '接报时间',
            children: <span data-testid="ticket-received-at">{formatMinute(ticket.receivedAt)}</span>,
          },
          { key: 'unit', label: '报告单位', children: reporter.unit || '—' },
          {
            key: 'person',
            label: '报告人',
            children: <span data-testid="ticket-reporter">{reporter.person || '—'}</span>,
          },
          { key: 'phone', label: '联系电话', children: reporter.phone || '—' },
          {
            key: 'created',
            label: '登记',
            children: `${userLabel(ticket.createdBy, user)} ${formatMinute(ticket.createdAt)}`,
          },
          { key: 'updated', label: '最后保存', children: formatMinute(ticket.updatedAt) },
          {
            key: 'id',
            label: '编号',
            children: (
              <Typography.Text copyable={{ text: ticket.id }}>{ticket.id.slice(0, 8)}</Typography.Text>
            ),
          },
        ]}
      />
      <div className="ticket-report__description">
        <Typography.Text type="secondary">问题描述</Typography.Text>
        <Typography.Paragraph className="ticket-report__text" data-testid="ticket-description">
          {ticket.description === '' ? '（未填写）' : ticket.description}
        </Typography.Paragraph>
      </div>
      <Button size="small" icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="edit-report">
        修改报障信息
      </Button>
      {editing && (
        <ReportDialog
          ticket={ticket}
          subsystems={subsystems}
          saving={saving}
          onClose={() => setOpen(false)}
          onSave={onSave}
        />
      )}
    </div>
  );
}

function ReportDialog({
  ticket,
  subsystems,
  saving,
  onClose,
  onSave,
}: {
  readonly ticket: Ticket;
  readonly subsystems: readonly SubsystemName[];
  readonly saving: boolean;
  readonly onClose: () => void;
  readonly onSave: (after: Ticket, done: string) => Promise<boolean>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const contractSubsystemIds = useMemo(() => subsystems.map((subsystem) => subsystem.id), [subsystems]);
  // A ticket moves only to a subsystem the user keeps: sync would refuse any other.
  const writable = useWritableSubsystems('ticket', contractSubsystemIds);
  const [initial] = useState<ReportValues>(() => ({
    title: ticket.title,
    description: ticket.description,
    subsystemId: ticket.subsystemId,
    channel: ticket.channel,
    receivedAt: formatMinute(ticket.receivedAt),
    reporter: ticket.reporter,
  }));
  const submit = async () => {
    const values: ReportValues = { ...initial, ...form.getFieldsValue(true) };
    const receivedAt = parseMinute(values.receivedAt);
    if (!receivedAt.ok) {
      form.setFields([{ name: 'receivedAt', errors: [receivedAt.reason] }]);
      return;
    }
    // Keep the exact instant when the minute shown was not changed (it may carry seconds).
    const unchangedTime = values.receivedAt === initial.receivedAt;
    const edited = editTicket(ticket, {
      ...values,
      receivedAt: unchangedTime ? ticket.receivedAt : receivedAt.instant,
    });
    if (!edited.ok) {
      void message.error(edited.reason);
      return;
    }
    if (await onSave(edited.ticket, '已修改报障信息')) onClose();
  };
  return (
    <Modal
      open
      title="修改报障信息"
      okText="保存（Ctrl+Enter）"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      width={720}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onKeyDown={(event) => {
          if (matchesShortcut(event.nativeEvent, SAVE)) {
            event.preventDefault();
            void submit();
          }
        }}
      >
        <Form.Item label="标题" name="title" required>
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <Form.Item label="问题描述" name="description">
          <Input.TextArea rows={3} />
        </Form.Item>
        <div className="form-row form-row--3">
          <Form.Item label="报告单位" name={['reporter', 'unit']}>
            <Input />
          </Form.Item>
          <Form.Item label="报告人" name={['reporter', 'person']}>
            <Input />
          </Form.Item>
          <Form.Item label="联系电话" name={['reporter', 'phone']}>
            <Input />
          </Form.Item>
        </div>
        <div className="form-row form-row--3">
          <Form.Item label="运维子项" name="subsystemId">
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={subsystems
                .filter(
                  (subsystem) =>
                    subsystem.id === ticket.subsystemId || writable.subsystemIds.includes(subsystem.id),
                )
                .map((subsystem) => ({
                  value: subsystem.id,
                  label: `${subsystem.id} ${subsystem.shortName}`,
                }))}
            />
          </Form.Item>
          <Form.Item label="来源渠道" name="channel">
            <Select
              options={[
                ...INTAKE_CHANNEL_OPTIONS.map((option) => ({ ...option })),
                ...(ticket.channel === 'inspection'
                  ? [{ value: 'inspection', label: TICKET_CHANNEL_LABELS.inspection }]
                  : []),
              ]}
            />
          </Form.Item>
          <Form.Item label="接报时间（北京时间）" name="receivedAt">
            <BeijingTimeInput />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
