import { PRESENCES, PRESENCE_LABELS, type OnSiteDay } from '@core/records/kinds';
import { App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useRef, useState } from 'react';
import { useCurrentUser } from '../../store';
import { SAVE, useShortcut } from '../shortcuts';
import { onSiteDayFromForm, onSiteFormValues, type OnSiteFormValues } from './onsite-form';

export interface OnSiteDayDialogProps {
  /** The day to change; null for a new one (another date, a remote day, leave). */
  readonly before: OnSiteDay | null;
  readonly today: string;
  readonly subsystemId: number | undefined;
  readonly writableSubsystemIds: readonly number[];
  readonly nameOf: (subsystemId: number) => string;
  /** The days already recorded, to refuse the same day twice. */
  readonly days: readonly OnSiteDay[];
  /** Resolves true when saved; on false the dialog stays open with what was typed. */
  readonly onSave: (before: OnSiteDay | null, after: OnSiteDay, done: string) => Promise<boolean>;
  readonly onClose: () => void;
}

/** One day in full: date, subsystem, on site / remote / leave, hours and what was done. */
export function OnSiteDayDialog(props: OnSiteDayDialogProps) {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<OnSiteFormValues>();
  const [initialValues] = useState<OnSiteFormValues>(() =>
    props.before === null
      ? { date: props.today, subsystemId: props.subsystemId, presence: 'on_site', hours: 8, summary: '' }
      : onSiteFormValues(props.before),
  );
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  const presence = Form.useWatch('presence', form) ?? initialValues.presence;
  // An edit keeps its subsystem selectable even if the account no longer keeps it (sync then says why).
  const subsystemIds = [
    ...new Set([...props.writableSubsystemIds, ...(props.before === null ? [] : [props.before.subsystemId])]),
  ];

  const submit = async () => {
    if (busy.current) return;
    const values = form.getFieldsValue(true);
    form.setFields(Object.keys(values).map((name) => ({ name: name as keyof OnSiteFormValues, errors: [] })));
    const result = onSiteDayFromForm(values, {
      before: props.before,
      actor: user.id,
      at: Date.now(),
      days: props.days,
    });
    if (!result.ok) {
      form.setFields(result.errors.map((error) => ({ name: error.name, errors: [error.message] })));
      void message.error(result.errors.map((error) => error.message).join('；'));
      return;
    }
    busy.current = true;
    setSaving(true);
    const day = result.day;
    const done = `已保存 ${day.date} ${props.nameOf(day.subsystemId)}：${PRESENCE_LABELS[day.presence]} ${day.hours} 小时`;
    const saved = await props.onSave(props.before, day, done);
    busy.current = false;
    setSaving(false);
    if (saved) props.onClose();
  };

  useShortcut(SAVE, () => void submit(), { inTextFields: true });

  return (
    <Modal
      open
      title={props.before === null ? '登记驻场记录' : `修改 ${props.before.date} 的驻场记录`}
      okText="保存（Ctrl+Enter）"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={props.onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'onsite-dialog-save' }}
      destroyOnHidden
      data-testid="onsite-dialog"
    >
      <Form<OnSiteFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={(changed: Partial<OnSiteFormValues>) => {
          if (changed.presence === 'leave') form.setFieldValue('hours', 0);
          else if (changed.presence !== undefined && form.getFieldValue('hours') === 0)
            form.setFieldValue('hours', 8);
        }}
      >
        <div className="onsite-dialog__row">
          <Form.Item label="日期" name="date" required>
            <Input type="date" data-testid="onsite-date" />
          </Form.Item>
          <Form.Item label="运维子项" name="subsystemId" required>
            <Select
              options={subsystemIds.map((id) => ({ value: id, label: `${id} ${props.nameOf(id)}` }))}
              data-testid="onsite-dialog-subsystem"
            />
          </Form.Item>
        </div>
        <div className="onsite-dialog__row">
          <Form.Item label="出勤方式" name="presence" required>
            <Radio.Group
              optionType="button"
              options={PRESENCES.map((value) => ({ value, label: PRESENCE_LABELS[value] }))}
              data-testid="onsite-presence-choice"
            />
          </Form.Item>
          <Form.Item label="工作时长（小时）" name="hours" required>
            <InputNumber
              min={0}
              max={24}
              step={0.5}
              disabled={presence === 'leave'}
              data-testid="onsite-hours"
            />
          </Form.Item>
        </div>
        <Form.Item label="工作内容" name="summary">
          <Input.TextArea
            rows={4}
            autoFocus
            placeholder="今天处理的问题、支持的用户、完成的工作"
            data-testid="onsite-summary"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
