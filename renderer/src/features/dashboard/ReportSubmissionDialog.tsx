import type { Obligation } from '@core/obligations';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { SAVE, useShortcut } from '../shortcuts';
import { BeijingTimeInput } from '../tickets/BeijingTimeInput';
import { formatMinute } from '../tickets/format-time';
import { type SubmissionInput, handInOf } from './report-submission-form';
import { useMarkSubmitted } from './use-mark-submitted';

/**
 * 标记为已提交 of one report or acceptance: when it was handed in (now unless changed: a report taken
 * to the office on the 10th and marked on the 11th was still on time) and a note (to whom, on paper or
 * by e-mail). Nothing is saved until 确认已提交; a time that cannot be is said in words.
 */
export function ReportSubmissionDialog({
  obligation,
  onClose,
}: {
  readonly obligation: Obligation;
  readonly onClose: () => void;
}) {
  const { mark, saving } = useMarkSubmitted();
  const [form] = Form.useForm<SubmissionInput>();
  const [initialValues] = useState<SubmissionInput>(() => ({
    submittedAt: formatMinute(Date.now()),
    note: '',
  }));
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = async () => {
    if (saving) return;
    const values = { ...initialValues, ...form.getFieldsValue(true) };
    const read = handInOf(values, obligation, Date.now());
    if (!read.ok) {
      setRefusal(read.reason);
      return;
    }
    setRefusal(null);
    if (await mark(obligation, read.handIn, Date.now())) onClose();
  };
  useShortcut(SAVE, () => void submit(), { inTextFields: true });
  return (
    <Modal
      open
      title="标记为已提交"
      okText="确认已提交（Ctrl+Enter）"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      focusTriggerAfterClose={false}
      data-testid="submission-dialog"
    >
      <Typography.Paragraph strong>{obligation.title}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initialValues}>
        <Form.Item label="提交时间（北京时间，可改为实际报送时间）" name="submittedAt">
          <BeijingTimeInput testId="submission-at" />
        </Form.Item>
        <Form.Item label="报送说明（可不填）" name="note">
          <Input.TextArea
            rows={2}
            maxLength={1000}
            placeholder="如：纸质版已交信息中心，电子版已发邮箱"
            data-testid="submission-note"
          />
        </Form.Item>
      </Form>
      {refusal !== null && (
        <Alert type="error" showIcon title={refusal} data-testid="submission-refusal" role="alert" />
      )}
    </Modal>
  );
}
