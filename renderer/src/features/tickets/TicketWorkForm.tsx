import { SaveOutlined } from '@ant-design/icons';
import { editTicket, type Ticket, type TicketCategory, type TicketSeverity } from '@core/records';
import { App, Button, Form, Input, Select } from 'antd';
import { useCurrentUser } from '../../store';
import { matchesShortcut, SAVE } from '../shortcuts';
import { CATEGORY_OPTIONS, SEVERITY_OPTIONS, userLabel } from './labels';
import { useKnownAssignees } from './use-ticket-data';

interface WorkValues {
  readonly assignee: string;
  readonly severity: TicketSeverity;
  readonly category: TicketCategory;
  readonly rootCause: string;
  readonly resolution: string;
}

function valuesOf(ticket: Ticket): WorkValues {
  return {
    assignee: ticket.assignee ?? '',
    severity: ticket.severity,
    category: ticket.category,
    rootCause: ticket.rootCause,
    resolution: ticket.resolution,
  };
}

/**
 * Remounting the form on this key shows what is stored whenever a save (an undo, another window, the
 * resolve dialog) changed these fields, and keeps what is being typed when a save changed others.
 */
export function workFormKey(ticket: Ticket): string {
  return JSON.stringify(valuesOf(ticket));
}

/**
 * 处理信息: what the engineer fills in while working — assignee, severity, category, root cause and
 * resolution — saved together (Ctrl+Enter). The page remounts it by `workFormKey`.
 */
export function TicketWorkForm({
  ticket,
  onSave,
  saving,
}: {
  readonly ticket: Ticket;
  readonly onSave: (after: Ticket, done: string) => Promise<boolean>;
  readonly saving: boolean;
}) {
  const [form] = Form.useForm<WorkValues>();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const assignees = useKnownAssignees();
  const initial = valuesOf(ticket);
  const dirty = Form.useWatch(
    (values: WorkValues) => JSON.stringify({ ...initial, ...values }) !== JSON.stringify(initial),
    form,
  );
  const people = [
    ...new Set([user.id, ...(ticket.assignee === null ? [] : [ticket.assignee]), ...(assignees.data ?? [])]),
  ];

  const save = async () => {
    const values: WorkValues = { ...initial, ...form.getFieldsValue(true) };
    const edited = editTicket(ticket, {
      ...values,
      assignee: values.assignee === '' ? null : values.assignee,
    });
    if (!edited.ok) {
      void message.error(edited.reason);
      return;
    }
    await onSave(edited.ticket, '已保存处理信息');
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      className="ticket-work"
      data-testid="ticket-work"
      onKeyDown={(event) => {
        if (matchesShortcut(event.nativeEvent, SAVE)) {
          event.preventDefault();
          void save();
        }
      }}
    >
      <div className="form-row form-row--3">
        <Form.Item label="处理人" name="assignee">
          <Select
            data-testid="work-assignee"
            options={[
              { value: '', label: '未指派' },
              ...people.map((person) => ({ value: person, label: userLabel(person, user) })),
            ]}
          />
        </Form.Item>
        <Form.Item label="紧急程度" name="severity">
          <Select options={SEVERITY_OPTIONS.map((option) => ({ ...option }))} data-testid="work-severity" />
        </Form.Item>
        <Form.Item label="问题分类" name="category">
          <Select options={CATEGORY_OPTIONS.map((option) => ({ ...option }))} data-testid="work-category" />
        </Form.Item>
      </div>
      <Form.Item label="原因分析" name="rootCause">
        <Input.TextArea rows={2} placeholder="查明的原因" data-testid="work-root-cause" />
      </Form.Item>
      <Form.Item label="处理结果" name="resolution">
        <Input.TextArea
          rows={2}
          placeholder="采取的措施和结果；标记为已解决前须填写"
          data-testid="work-resolution"
        />
      </Form.Item>
      <div className="ticket-work__buttons">
        <Button
          type="primary"
          icon={<SaveOutlined />}
          onClick={() => void save()}
          disabled={dirty !== true}
          loading={saving}
          data-testid="save-work"
        >
          保存处理信息（Ctrl+Enter）
        </Button>
        {dirty === true && <Button onClick={() => form.resetFields()}>放弃修改</Button>}
      </div>
    </Form>
  );
}
