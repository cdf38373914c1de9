import { TICKET_ACTION_LABELS, type Ticket } from '@core/records';
import { Alert, Button, Form, Input, Modal, Space, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useCurrentUser } from '../../store';
import { SAVE, useShortcut } from '../shortcuts';
import { BeijingTimeInput } from './BeijingTimeInput';
import { formatMinute } from './format-time';
import { actionFields, applyAction, refusalOf, STATUS_ACTIONS, type ActionInput } from './ticket-action-form';

type StatusAction = (typeof STATUS_ACTIONS)[number];

const REASON_LABELS: Partial<Record<StatusAction, { label: string; placeholder: string }>> = {
  wait: { label: '等待什么（暂停计时的原因）', placeholder: '如：等待报告人提供报错截图' },
  reopen: { label: '重新打开的原因', placeholder: '如：报告人反馈问题再次出现' },
};

export interface TicketActionBarProps {
  readonly ticket: Ticket;
  /** Saves the changed ticket; resolves true when it was saved. */
  readonly onSave: (after: Ticket, done: string) => Promise<boolean>;
  readonly saving: boolean;
  /** The page's own shortcuts pause while a dialog is open. */
  readonly onDialogChange: (open: boolean) => void;
}

/**
 * The status actions: the ones the status allows are buttons, the others are shown disabled with
 * core's reason (hover or focus). Each opens a dialog asking what the action needs.
 */
export function TicketActionBar({ ticket, onSave, saving, onDialogChange }: TicketActionBarProps) {
  const user = useCurrentUser();
  const [action, setAction] = useState<StatusAction | null>(null);
  const refusals = STATUS_ACTIONS.map((candidate) => ({
    action: candidate,
    refusal: refusalOf(ticket, candidate, user.id, ticket.updatedAt),
  }));
  const firstAllowed = refusals.find((entry) => entry.refusal === null)?.action;
  const open = (next: StatusAction | null) => {
    setAction(next);
    onDialogChange(next !== null);
  };
  // After an action the keyboard focus goes to the next step's button, not back to the button just
  // used (now disabled, with its tooltip up).
  const primary = useRef<HTMLButtonElement>(null);
  const focusNextStep = useRef(false);
  useEffect(() => {
    if (!focusNextStep.current) return;
    focusNextStep.current = false;
    primary.current?.focus();
  }, [ticket]);
  return (
    <>
      <Space wrap className="ticket-actions" data-testid="ticket-actions">
        {refusals.map(({ action: candidate, refusal }) =>
          refusal === null ? (
            <Button
              key={candidate}
              autoInsertSpace={false}
              type={candidate === firstAllowed ? 'primary' : 'default'}
              ref={candidate === firstAllowed ? primary : undefined}
              onClick={() => open(candidate)}
              data-testid={`action-${candidate}`}
            >
              {TICKET_ACTION_LABELS[candidate]}
            </Button>
          ) : (
            // A disabled button fires no mouse events, so the tooltip listens on a wrapper: otherwise a
            // tooltip opened over a button that just became disabled would never close.
            <Tooltip key={candidate} title={refusal}>
              <span className="ticket-actions__refused">
                <Button
                  disabled
                  autoInsertSpace={false}
                  data-testid={`action-${candidate}`}
                  aria-description={refusal}
                >
                  {TICKET_ACTION_LABELS[candidate]}
                </Button>
              </span>
            </Tooltip>
          ),
        )}
      </Space>
      {action !== null && (
        <ActionDialog
          key={action}
          ticket={ticket}
          action={action}
          saving={saving}
          onCancel={() => open(null)}
          onDone={async (after) => {
            focusNextStep.current = true;
            if (await onSave(after, `已${TICKET_ACTION_LABELS[action]}`)) open(null);
            else focusNextStep.current = false;
          }}
        />
      )}
    </>
  );
}

function ActionDialog({
  ticket,
  action,
  saving,
  onCancel,
  onDone,
}: {
  readonly ticket: Ticket;
  readonly action: StatusAction;
  readonly saving: boolean;
  readonly onCancel: () => void;
  readonly onDone: (after: Ticket) => Promise<void>;
}) {
  const user = useCurrentUser();
  const fields = actionFields(action);
  const [form] = Form.useForm<ActionInput>();
  const [initialValues] = useState<ActionInput>(() => ({
    at: formatMinute(Date.now()),
    reason: '',
    resolution: ticket.resolution,
    note: '',
  }));
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = async () => {
    const values = { ...initialValues, ...form.getFieldsValue(true) };
    const result = applyAction(ticket, action, values, { actor: user.id, now: Date.now() });
    if (!result.ok) {
      setRefusal(result.reason);
      return;
    }
    setRefusal(null);
    await onDone(result.ticket);
  };
  useShortcut(SAVE, () => void submit(), { inTextFields: true });
  const reasonText = REASON_LABELS[action];
  return (
    <Modal
      open
      title={`${TICKET_ACTION_LABELS[action]}：${ticket.title}`}
      okText={`确认${TICKET_ACTION_LABELS[action]}（Ctrl+Enter）`}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
      focusTriggerAfterClose={false}
      data-testid="action-dialog"
    >
      <Form form={form} layout="vertical" initialValues={initialValues} className="action-form">
        {fields.reason && reasonText !== undefined && (
          <Form.Item label={reasonText.label} name="reason" required>
            <Input.TextArea
              rows={2}
              autoFocus
              placeholder={reasonText.placeholder}
              data-testid="action-reason"
            />
          </Form.Item>
        )}
        {fields.resolution && (
          <Form.Item label="处理结果" name="resolution" required>
            <Input.TextArea
              rows={3}
              autoFocus
              placeholder="如：重启应用服务后恢复，已请报告人确认"
              data-testid="action-resolution"
            />
          </Form.Item>
        )}
        {fields.note && (
          <Form.Item label="说明（可不填）" name="note">
            <Input.TextArea rows={2} autoFocus={!fields.resolution} data-testid="action-note" />
          </Form.Item>
        )}
        <Form.Item label="发生时间（北京时间，可改为实际时间）" name="at">
          <BeijingTimeInput testId="action-at" />
        </Form.Item>
      </Form>
      {refusal !== null && (
        <Alert type="error" showIcon title={refusal} data-testid="action-refusal" role="alert" />
      )}
    </Modal>
  );
}
