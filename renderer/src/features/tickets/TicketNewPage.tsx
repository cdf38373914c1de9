import { SaveOutlined } from '@ant-design/icons';
import { newTicket, type Attachment } from '@core/records';
import { Alert, App, Button, Form, Input, Select, Space, Typography, type FormInstance } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../store';
import { useWritableSubsystems } from '../session';
import { AttachmentDropZone, AttachmentList, takePastedFiles, useAddAttachments } from '../attachments';
import { CANCEL, SAVE, ShortcutHelp, useShortcut } from '../shortcuts';
import { BeijingTimeInput } from './BeijingTimeInput';
import { ChatPastePanel } from './ChatPastePanel';
import { parseChatText, type ChatApp } from './chat-parse';
import { prefillFromChat } from './chat-prefill';
import { formatMinute } from './format-time';
import { CATEGORY_OPTIONS, INTAKE_CHANNEL_OPTIONS, SEVERITY_OPTIONS, userLabel } from './labels';
import { readLastSubsystem, rememberLastSubsystem } from './last-subsystem';
import {
  defaultFormValues,
  draftFromForm,
  type FieldPath,
  type TicketFormValues,
} from './ticket-form-values';
import { cancelOutcome, changedFieldPaths, mergeAttachments, receivedAtConcern } from './new-ticket-intake';
import { useClockRules, useKnownAssignees, useSubsystems } from './use-ticket-data';
import { useSaveTicket } from './use-ticket-save';
import './tickets.css';

/** What the detail page shows after a ticket was created here (with the undo). */
export interface CreatedTicketState {
  readonly saved: string;
}

/**
 * 新建工单: fast enough that a phone call becomes a saved ticket in under 30 seconds without the mouse:
 * the title has the focus, everything else has a sensible default, Tab walks the fields in reading
 * order, Ctrl+Enter saves and Esc cancels. A chat message pasted on the right prefills it.
 */
export function TicketNewPage() {
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const subsystems = useSubsystems();
  const rules = useClockRules();
  const contractSubsystemIds = useMemo(() => subsystems.map((subsystem) => subsystem.id), [subsystems]);
  // Only what sync will accept is offered: a ticket for a subsystem the user does not keep would be
  // saved here and refused by the server.
  const writable = useWritableSubsystems('ticket', contractSubsystemIds);
  const assignees = useKnownAssignees();
  const [form] = Form.useForm<TicketFormValues>();
  const [initialValues] = useState(() =>
    defaultFormValues({
      now: Date.now(),
      subsystemId: readLastSubsystem(localStorage, user.id, writable.subsystemIds),
      assignee: user.id,
    }),
  );
  const [attachments, setAttachments] = useState<readonly Attachment[]>([]);
  /** The tab the user picked (kept whatever a paste looks like), or null while they picked none. */
  const [chosenApp, setChosenApp] = useState<ChatApp | null>(null);
  const [shownApp, setShownApp] = useState<ChatApp>('wechat');
  const phase = useRef<'editing' | 'saving' | 'saved'>('editing');
  const [notices, setNotices] = useState<readonly string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const { add, adding } = useAddAttachments();
  const { save, saving } = useSaveTicket();

  const addFiles = async (files: readonly File[]) => {
    const added = await add(files, attachments);
    if (added.length > 0) setAttachments((current) => mergeAttachments(current, added));
  };

  const applyChat = (raw: string) => {
    if (raw.trim() === '') return;
    const now = Date.now();
    const prefill = prefillFromChat(raw, parseChatText(raw, now), { now, chosenApp });
    const current = form.getFieldsValue(true);
    setShownApp(prefill.channel);
    setNotices(prefill.notices);
    const filled = {
      channel: prefill.channel,
      receivedAt: formatMinute(prefill.receivedAt),
      title: current.title.trim() === '' ? prefill.title : current.title,
      description: current.description.trim() === '' ? prefill.description : current.description,
      reporter: {
        ...current.reporter,
        unit: current.reporter.unit.trim() === '' ? prefill.reporterUnit : current.reporter.unit,
        person: current.reporter.person.trim() === '' ? prefill.reporterPerson : current.reporter.person,
      },
      evidence: prefill.evidence,
    };
    form.setFieldsValue(filled);
    // Filled in by the paste rather than typed, so the form's change handler does not see it.
    form.setFields(changedFieldPaths(filled).map((name) => fieldErrors(name, [])));
  };

  const onChatPaste = (text: string, files: File[]) => {
    if (text !== '') applyChat(text);
    else form.setFieldsValue({ channel: chosenApp ?? shownApp });
    if (files.length > 0) void addFiles(files);
  };

  const confirmReceivedAt = (concern: { readonly title: string; readonly content: string }) =>
    new Promise<boolean>((resolve) => {
      setConfirming(true);
      modal.confirm({
        title: concern.title,
        content: concern.content,
        okText: '按这个时间保存',
        cancelText: '返回修改',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
        afterClose: () => setConfirming(false),
      });
    });

  const submit = async () => {
    if (phase.current !== 'editing' || writable.reason !== null) return;
    const values = form.getFieldsValue(true);
    const now = Date.now();
    form.setFields(fieldNames(values).map((name) => fieldErrors(name, [])));
    const result = draftFromForm(values, attachments, now);
    if (!result.ok) {
      form.setFields(result.errors.map((error) => fieldErrors(error.name, [error.message])));
      const first = result.errors[0];
      if (first !== undefined) form.focusField(fieldErrors(first.name, []).name);
      void message.error(
        `还有 ${result.errors.length} 处需要改正：${result.errors.map((error) => error.message).join('；')}`,
      );
      return;
    }
    const created = newTicket(result.draft, { actor: user.id, at: now });
    if (!created.ok) {
      void message.error(created.reason);
      return;
    }
    const concern = receivedAtConcern(created.ticket, rules, now);
    if (concern !== null && !(await confirmReceivedAt(concern))) {
      form.focusField('receivedAt');
      return;
    }
    phase.current = 'saving';
    const saved = await save(null, created.ticket, null);
    if (saved === null) {
      phase.current = 'editing';
      return;
    }
    phase.current = 'saved';
    rememberLastSubsystem(localStorage, user.id, saved.subsystemId);
    const state: CreatedTicketState = { saved: `工单“${saved.title}”已登记` };
    void navigate(`/tickets/${saved.id}`, { state });
  };

  const cancel = () => {
    // Compared with the defaults, not "touched": a pasted chat fills fields without touching them.
    const dirty =
      JSON.stringify(form.getFieldsValue(true)) !== JSON.stringify(initialValues) || attachments.length > 0;
    const outcome = cancelOutcome(phase.current, dirty);
    if (outcome === 'ignore') return;
    if (outcome === 'leave') {
      void navigate('/tickets');
      return;
    }
    setConfirming(true);
    modal.confirm({
      title: '放弃这张未保存的工单？',
      content: '已填写的内容不会保存。',
      okText: '放弃',
      okButtonProps: { danger: true },
      cancelText: '继续填写',
      onOk: () => void navigate('/tickets'),
      afterClose: () => setConfirming(false),
    });
  };

  useShortcut(SAVE, () => void submit(), { inTextFields: true, enabled: !confirming });
  useShortcut(CANCEL, cancel, { inTextFields: true, enabled: !confirming });

  const people = [...new Set([user.id, ...(assignees.data ?? [])])];
  return (
    <section
      className="ticket-new"
      aria-labelledby="ticket-new-title"
      onPaste={(event) => {
        // A screenshot pasted anywhere on the form is attached, unless the chat box (or the drop zone)
        // already took this paste: one paste, one attachment.
        const files = takePastedFiles(event);
        if (files.length > 0) void addFiles(files);
      }}
    >
      <header className="page-header tickets-page__header">
        <Typography.Title level={4} id="ticket-new-title" className="page-header__title">
          新建工单
        </Typography.Title>
        <Typography.Text type="secondary">
          <Typography.Text keyboard>Ctrl + Enter</Typography.Text> 保存 ·{' '}
          <Typography.Text keyboard>Esc</Typography.Text> 取消 · 截图可直接粘贴
        </Typography.Text>
        <div className="page-header__actions">
          <ShortcutHelp />
        </div>
      </header>
      {writable.reason !== null && (
        <Alert
          type="info"
          showIcon
          className="page-hint"
          title="您不能登记工单"
          description={writable.reason}
          data-testid="ticket-new-not-offered"
        />
      )}
      <Form<TicketFormValues>
        form={form}
        disabled={writable.reason !== null}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={(changed: Readonly<Record<string, unknown>>) =>
          form.setFields(changedFieldPaths(changed).map((name) => fieldErrors(name, [])))
        }
        className="ticket-new__form"
        requiredMark
      >
        <div className="ticket-new__main">
          <Form.Item label="标题（问题概述）" name="title" required>
            <Input autoFocus maxLength={200} placeholder="如：门户网站首页打不开" data-testid="field-title" />
          </Form.Item>
          <Form.Item label="问题描述" name="description">
            <Input.TextArea rows={3} placeholder="现象、报错内容、影响范围" data-testid="field-description" />
          </Form.Item>
          <div className="form-row form-row--3">
            <Form.Item label="报告单位" name={['reporter', 'unit']}>
              <Input placeholder="如：省人社厅办公室" data-testid="field-reporter-unit" />
            </Form.Item>
            <Form.Item label="报告人" name={['reporter', 'person']}>
              <Input placeholder="姓名" data-testid="field-reporter-person" />
            </Form.Item>
            <Form.Item label="联系电话" name={['reporter', 'phone']}>
              <Input placeholder="如：0851-86812345" data-testid="field-reporter-phone" />
            </Form.Item>
          </div>
          <div className="form-row form-row--3">
            <Form.Item label="运维子项" name="subsystemId" required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择或输入编号、名称"
                data-testid="field-subsystem"
                options={subsystems
                  .filter((subsystem) => writable.subsystemIds.includes(subsystem.id))
                  .map((subsystem) => ({
                    value: subsystem.id,
                    label: `${subsystem.id} ${subsystem.shortName}`,
                  }))}
              />
            </Form.Item>
            <Form.Item label="问题分类" name="category">
              <Select
                options={CATEGORY_OPTIONS.map((option) => ({ ...option }))}
                data-testid="field-category"
              />
            </Form.Item>
            <Form.Item label="紧急程度" name="severity">
              <Select
                options={SEVERITY_OPTIONS.map((option) => ({ ...option }))}
                data-testid="field-severity"
              />
            </Form.Item>
          </div>
          <div className="form-row form-row--3">
            <Form.Item label="来源渠道" name="channel">
              <Select
                options={INTAKE_CHANNEL_OPTIONS.map((option) => ({ ...option }))}
                data-testid="field-channel"
              />
            </Form.Item>
            <Form.Item label="接报时间（北京时间）" name="receivedAt">
              <BeijingTimeInput testId="field-received-at" />
            </Form.Item>
            <Form.Item label="处理人" name="assignee">
              <Select
                data-testid="field-assignee"
                options={[
                  { value: '', label: '未指派' },
                  ...people.map((person) => ({ value: person, label: userLabel(person, user) })),
                ]}
              />
            </Form.Item>
          </div>
          <Space className="ticket-new__buttons">
            <Button
              type="primary"
              onClick={() => void submit()}
              icon={<SaveOutlined />}
              loading={saving}
              data-testid="save-ticket"
            >
              保存工单（Ctrl+Enter）
            </Button>
            <Button onClick={cancel}>取消（Esc）</Button>
          </Space>
        </div>
        <aside className="ticket-new__side">
          <ChatPastePanel
            onPaste={onChatPaste}
            onReread={() => applyChat(form.getFieldValue(['evidence', 'text']) as string)}
            app={chosenApp ?? shownApp}
            onAppChange={(app) => {
              setChosenApp(app);
              setShownApp(app);
              form.setFieldsValue({ channel: app });
            }}
            notices={notices}
          />
          <section className="ticket-new__attachments" aria-label="附件">
            <Typography.Title level={5} className="chat-paste__title">
              附件
            </Typography.Title>
            <AttachmentDropZone onFiles={(files) => void addFiles(files)} adding={adding} />
            <AttachmentList
              attachments={attachments}
              onRemove={(sha256) =>
                setAttachments((current) => current.filter((attachment) => attachment.sha256 !== sha256))
              }
            />
          </section>
        </aside>
      </Form>
    </section>
  );
}

type FieldErrors = Parameters<FormInstance<TicketFormValues>['setFields']>[0][number];

/** A field's errors as the form takes them; paths come from the form values' own shape. */
function fieldErrors(name: FieldPath, errors: string[]): FieldErrors {
  return { name: [...name] as FieldErrors['name'], errors };
}

/** Every field name the form has, to clear their errors before validating again. */
function fieldNames(values: TicketFormValues): FieldPath[] {
  return [
    ...Object.keys(values)
      .filter((key) => key !== 'reporter' && key !== 'evidence')
      .map((key) => [key]),
    ...Object.keys(values.reporter).map((key) => ['reporter', key]),
    ...Object.keys(values.evidence).map((key) => ['evidence', key]),
  ];
}
