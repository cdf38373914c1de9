import { DeleteOutlined, UndoOutlined } from '@ant-design/icons';
import {
  deleteTicket,
  restoreTicket,
  type DeleteContext,
  type Ticket,
  type TicketResult,
} from '@core/records';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useCurrentUser, useDatabase } from '../../store';
import { SAVE, useShortcut } from '../shortcuts';
import { useSaveTicket } from './use-ticket-save';

interface TombstoneAction {
  readonly label: string;
  readonly danger: boolean;
  readonly icon: ReactNode;
  readonly placeholder: string;
  readonly explanation: string;
  readonly apply: (ticket: Ticket, context: DeleteContext) => TicketResult;
  readonly done: string;
}

const DELETE: TombstoneAction = {
  label: '删除工单',
  danger: true,
  icon: <DeleteOutlined />,
  placeholder: '如：与另一张工单重复登记',
  explanation:
    '删除后工单不再出现在工单列表中，同步后其他电脑上也会删除；处理记录和修改历史仍然保留，需要时可以恢复。',
  apply: deleteTicket,
  done: '已删除工单',
};

const RESTORE: TombstoneAction = {
  label: '恢复工单',
  danger: false,
  icon: <UndoOutlined />,
  placeholder: '如：并非重复，删除有误',
  explanation: '恢复后工单回到删除前的状态，同步后其他电脑上也会恢复。',
  apply: restoreTicket,
  done: '已恢复工单',
};

/** 删除工单: a tombstone with the reason on the timeline (a mistaken or duplicate ticket). */
export function DeleteTicketButton({ ticket }: { readonly ticket: Ticket }) {
  return <TombstoneButton ticket={ticket} action={DELETE} testId="ticket-delete" />;
}

/** 恢复工单: the explicit restore, the only thing that brings a deleted ticket back. */
export function RestoreTicketButton({ ticket }: { readonly ticket: Ticket }) {
  return <TombstoneButton ticket={ticket} action={RESTORE} testId="ticket-restore" />;
}

function TombstoneButton({
  ticket,
  action,
  testId,
}: {
  readonly ticket: Ticket;
  readonly action: TombstoneAction;
  readonly testId: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button danger={action.danger} icon={action.icon} onClick={() => setOpen(true)} data-testid={testId}>
        {action.label}
      </Button>
      {open && <ReasonDialog ticket={ticket} action={action} onClose={() => setOpen(false)} />}
    </>
  );
}

function ReasonDialog({
  ticket,
  action,
  onClose,
}: {
  readonly ticket: Ticket;
  readonly action: TombstoneAction;
  readonly onClose: () => void;
}) {
  const db = useDatabase();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const { save, saving } = useSaveTicket();
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = async () => {
    const result = action.apply(ticket, { actor: user.id, at: Date.now(), reason });
    if (!result.ok) {
      setRefusal(result.reason);
      return;
    }
    const saved = await save(ticket, result.ticket, action.done);
    if (saved === null) return;
    queryClient.setQueryData(['tickets', 'detail', db.name, ticket.id], saved);
    onClose();
  };
  // The shortcut help promises Ctrl+Enter confirms a dialog; registered last, this wins over the
  // page's own Ctrl+Enter while the dialog is open.
  useShortcut(SAVE, () => void submit(), { inTextFields: true, enabled: !saving });
  return (
    <Modal
      open
      title={`${action.label}：${ticket.title}`}
      okText={`确认${action.label}`}
      okButtonProps={{ danger: action.danger }}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="tombstone-dialog"
    >
      <Alert type={action.danger ? 'warning' : 'info'} showIcon title={action.explanation} />
      <Form layout="vertical" className="action-form">
        <Form.Item label="原因" required>
          <Input.TextArea
            rows={2}
            autoFocus
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder={action.placeholder}
            data-testid="tombstone-reason"
          />
        </Form.Item>
      </Form>
      {refusal !== null && <Alert type="error" showIcon title={refusal} role="alert" />}
    </Modal>
  );
}
