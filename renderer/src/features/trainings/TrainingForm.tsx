import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import type { ContractProfile } from '@core/profile';
import {
  LECTURER_LEVELS,
  LECTURER_LEVEL_LABELS,
  TRAINING_DELIVERIES,
  TRAINING_DELIVERY_LABELS,
  type Training,
} from '@core/records/kinds';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
  type FormInstance,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useCurrentUser } from '../../store';
import { useWritableSubsystems } from '../session';
import { CANCEL, SAVE, ShortcutHelp, useShortcut } from '../shortcuts';
import { BeijingTimeInput } from '../tickets/BeijingTimeInput';
import { AttendeeListInput } from './AttendeeListInput';
import { MaterialsInput, SignInSheetInput } from './TrainingAttachmentInputs';
import {
  EMPTY_TRAINER,
  defaultFormValues,
  formValuesOf,
  trainingFromForm,
  withRequirement,
  type FieldPath,
  type TrainingFormValues,
} from './training-form-values';
import { requirementSummary } from './training-view';
import { useSaveTraining } from './use-training-data';

const MAX_TRAINERS = 20;

/**
 * 登记培训 / 修改培训: one form for a new training and a stored one. Ctrl+Enter saves, Esc cancels;
 * a refused save leaves everything typed in place with each problem beside its field.
 */
export function TrainingForm({
  profile,
  before,
  heading,
  onSaved,
  onCancel,
}: {
  readonly profile: ContractProfile;
  readonly before: Training | null;
  readonly heading: string;
  readonly onSaved: (training: Training) => void;
  readonly onCancel: () => void;
}) {
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const contractSubsystemIds = useMemo(() => profile.subsystems.map((subsystem) => subsystem.id), [profile]);
  // Only what sync will accept is offered: a training of a subsystem the user does not keep would be
  // saved here and refused by the server.
  const writable = useWritableSubsystems('training', contractSubsystemIds);
  const offered = profile.subsystems.filter((subsystem) => writable.subsystemIds.includes(subsystem.id));
  const [form] = Form.useForm<TrainingFormValues>();
  const [initialValues] = useState(() =>
    before === null ? defaultFormValues({ now: Date.now(), subsystem: offered[0] }) : formValuesOf(before),
  );
  const subsystemId = Form.useWatch('subsystemId', form) ?? initialValues.subsystemId;
  const requirementId = Form.useWatch('requirementId', form) ?? initialValues.requirementId;
  const attendanceKind = Form.useWatch('attendanceKind', form) ?? initialValues.attendanceKind;
  const delivery = Form.useWatch('delivery', form) ?? initialValues.delivery;
  const subsystem = profile.subsystems.find((candidate) => candidate.id === subsystemId);
  const requirement = subsystem?.trainings.find((candidate) => candidate.id === requirementId);
  const documentSystem = profile.documentSystem;
  const forUnits = documentSystem !== undefined && documentSystem.subsystemId === subsystemId;
  const phase = useRef<'editing' | 'saving' | 'saved'>('editing');
  const [confirming, setConfirming] = useState(false);
  const { save, saving } = useSaveTraining();
  const blocked = writable.reason !== null && before === null;

  const onValuesChange = (changed: Partial<TrainingFormValues>) => {
    const values = form.getFieldsValue(true) as TrainingFormValues;
    form.setFields(
      allFieldNames(values)
        .filter((name) => Object.hasOwn(changed, String(name[0])))
        .map((name) => fieldErrors(name, [])),
    );
    if (changed.subsystemId !== undefined) {
      const picked = profile.subsystems.find((candidate) => candidate.id === changed.subsystemId);
      const only = picked?.trainings.length === 1 ? (picked.trainings[0]?.id ?? '') : '';
      form.setFieldsValue(withRequirement({ ...values, unitId: undefined }, picked, only));
    } else if (changed.requirementId !== undefined) {
      form.setFieldsValue(withRequirement(values, subsystem, changed.requirementId));
    }
  };

  const submit = async () => {
    if (phase.current !== 'editing' || blocked) return;
    const values = form.getFieldsValue(true) as TrainingFormValues;
    form.setFields(allFieldNames(values).map((name) => fieldErrors(name, [])));
    const result = trainingFromForm(values, {
      before,
      actor: user.id,
      now: Date.now(),
      subsystems: profile.subsystems,
      documentSystem,
    });
    if (!result.ok) {
      form.setFields(result.errors.map((error) => fieldErrors(error.name, [error.message])));
      const first = result.errors[0];
      if (first !== undefined) form.focusField(fieldErrors(first.name, []).name);
      void message.error(
        `还有 ${result.errors.length} 处需要改正：${result.errors.map((error) => error.message).join('；')}`,
      );
      return;
    }
    phase.current = 'saving';
    const saved = await save(before, result.training);
    if (saved === null) {
      phase.current = 'editing';
      return;
    }
    phase.current = 'saved';
    onSaved(saved);
  };

  const cancel = () => {
    if (phase.current !== 'editing') return;
    const dirty = JSON.stringify(form.getFieldsValue(true)) !== JSON.stringify(initialValues);
    if (!dirty) {
      onCancel();
      return;
    }
    setConfirming(true);
    modal.confirm({
      title: before === null ? '放弃这条未保存的培训记录？' : '放弃对这条培训记录的修改？',
      content: '已填写的内容不会保存。',
      okText: '放弃',
      okButtonProps: { danger: true },
      cancelText: '继续填写',
      onOk: onCancel,
      afterClose: () => setConfirming(false),
    });
  };

  useShortcut(SAVE, () => void submit(), { inTextFields: true, enabled: !confirming });
  useShortcut(CANCEL, cancel, { inTextFields: true, enabled: !confirming });

  return (
    <section className="training-form" aria-labelledby="training-form-title" data-testid="training-form">
      <header className="page-header">
        <Typography.Title level={4} id="training-form-title" className="page-header__title">
          {heading}
        </Typography.Title>
        <Typography.Text type="secondary">
          <Typography.Text keyboard>Ctrl + Enter</Typography.Text> 保存 ·{' '}
          <Typography.Text keyboard>Esc</Typography.Text> 取消
        </Typography.Text>
        <div className="page-header__actions">
          <ShortcutHelp />
        </div>
      </header>
      {blocked && (
        <Alert
          type="info"
          showIcon
          className="page-hint"
          title="您不能登记培训"
          description={writable.reason}
          data-testid="training-not-offered"
        />
      )}
      <Form<TrainingFormValues>
        form={form}
        disabled={blocked}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        requiredMark
      >
        <Card size="small" title="培训要求" className="training-card">
          <div className="training-row training-row--3">
            <Form.Item label="运维子项" name="subsystemId" required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择或输入编号、名称"
                data-testid="field-subsystem"
                disabled={before !== null}
                options={(before === null ? offered : profile.subsystems).map((candidate) => ({
                  value: candidate.id,
                  label: `${candidate.id} ${candidate.shortName}`,
                }))}
              />
            </Form.Item>
            <Form.Item
              label="对应的合同培训要求"
              name="requirementId"
              className="training-row__wide"
              extra={
                <span data-testid="requirement-summary">
                  {requirement === undefined
                    ? '不计入合同培训要求的培训也可以登记'
                    : requirementSummary(requirement)}
                </span>
              }
            >
              <Select
                data-testid="field-requirement"
                options={[
                  ...(subsystem?.trainings ?? []).map((candidate) => ({
                    value: candidate.id,
                    label: candidate.topic,
                  })),
                  { value: '', label: '不对应合同要求' },
                ]}
              />
            </Form.Item>
          </div>
          {forUnits && (
            <Form.Item label="培训单位" name="unitId" required={requirement?.perDocumentSystemUnit === true}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择本次培训的公文系统单位"
                data-testid="field-unit"
                options={documentSystem.units.map((unit) => ({ value: unit.id, label: unit.name }))}
              />
            </Form.Item>
          )}
        </Card>

        <Card size="small" title="培训内容" className="training-card">
          <div className="training-row training-row--2">
            <Form.Item label="培训主题" name="topic" required>
              <Input maxLength={200} data-testid="field-topic" />
            </Form.Item>
            <Form.Item label="培训对象" name="audience">
              <Input maxLength={200} data-testid="field-audience" />
            </Form.Item>
          </div>
          <div className="training-row training-row--4">
            <Form.Item label="开始时间（北京时间）" name="startAt" required>
              <BeijingTimeInput testId="field-start-at" />
            </Form.Item>
            <Form.Item label="时长（小时）" name="durationHours" required>
              <InputNumber
                min={0}
                step={0.5}
                precision={2}
                className="training-number"
                data-testid="field-duration"
              />
            </Form.Item>
            <Form.Item label="培训方式" name="delivery">
              <Radio.Group
                optionType="button"
                options={TRAINING_DELIVERIES.map((value) => ({
                  value,
                  label: TRAINING_DELIVERY_LABELS[value],
                }))}
              />
            </Form.Item>
            <Form.Item
              label={delivery === 'online' ? '线上平台或会议号' : '培训地点'}
              name="place"
              required={delivery === 'in_person'}
            >
              <Input
                maxLength={200}
                placeholder={delivery === 'online' ? '如：腾讯会议 123 456 789' : '如：省人社厅 5 楼会议室'}
                data-testid="field-place"
              />
            </Form.Item>
          </div>
        </Card>

        <Card size="small" title="讲师" className="training-card">
          <Form.List name="trainers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <div key={field.key} className="training-row training-trainer" data-testid="trainer-row">
                    <Form.Item label={index === 0 ? '姓名' : undefined} name={[field.name, 'name']} required>
                      <Input
                        maxLength={50}
                        data-testid="trainer-name"
                        aria-label={`第 ${index + 1} 位讲师姓名`}
                      />
                    </Form.Item>
                    <Form.Item label={index === 0 ? '职称' : undefined} name={[field.name, 'title']}>
                      <Input maxLength={50} placeholder="如：高级工程师" data-testid="trainer-title" />
                    </Form.Item>
                    <Form.Item label={index === 0 ? '讲师级别' : undefined} name={[field.name, 'level']}>
                      <Select
                        data-testid="trainer-level"
                        aria-label={`第 ${index + 1} 位讲师级别`}
                        options={[
                          { value: '', label: '无' },
                          ...LECTURER_LEVELS.map((level) => ({
                            value: level,
                            label: LECTURER_LEVEL_LABELS[level],
                          })),
                        ]}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`移除第 ${index + 1} 位讲师`}
                      disabled={fields.length === 1}
                      onClick={() => remove(field.name)}
                      className={index === 0 ? 'training-trainer__remove--first' : undefined}
                    />
                  </div>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add(EMPTY_TRAINER)}
                  disabled={fields.length >= MAX_TRAINERS}
                  data-testid="trainer-add"
                >
                  添加讲师
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card size="small" title="签到" className="training-card">
          <Form.Item name="attendanceKind">
            <Radio.Group
              data-testid="field-attendance-kind"
              options={[
                { value: 'list', label: '逐人签到（录入名单）' },
                { value: 'count', label: '人数 + 纸质签到表照片' },
              ]}
            />
          </Form.Item>
          {attendanceKind === 'list' ? (
            <Form.Item label="签到名单" name="attendees" required>
              <AttendeeListInput />
            </Form.Item>
          ) : (
            <div className="training-row training-row--sheet">
              <Form.Item label="参训人数" name="attendeeCount" required>
                <InputNumber
                  min={0}
                  precision={0}
                  className="training-number"
                  data-testid="field-attendee-count"
                />
              </Form.Item>
              <Form.Item label="签到表照片" name="signInSheet" required>
                <SignInSheetInput />
              </Form.Item>
            </div>
          )}
        </Card>

        <Card size="small" title="培训资料与满意度" className="training-card">
          <Form.Item
            label="培训资料（课件、操作手册、现场照片等）"
            name="materials"
            extra={
              requirement?.materials !== undefined && requirement.materials.length > 0
                ? `合同要求提供：${requirement.materials.join('、')}`
                : undefined
            }
          >
            <MaterialsInput testId="training-materials" />
          </Form.Item>
          <div className="training-row training-row--survey">
            <Form.Item label="满意度得分（0–100）" name="surveyScore">
              <InputNumber min={0} max={100} className="training-number" data-testid="field-survey-score" />
            </Form.Item>
            <Form.Item label="满意度意见" name="surveyComments">
              <Input.TextArea rows={2} maxLength={5000} data-testid="field-survey-comments" />
            </Form.Item>
          </div>
          <Form.Item label="备注" name="notes">
            <Input.TextArea rows={2} maxLength={10000} data-testid="field-notes" />
          </Form.Item>
        </Card>

        <Space className="training-form__buttons">
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            onClick={() => void submit()}
            data-testid="save-training"
          >
            保存培训记录（Ctrl+Enter）
          </Button>
          <Button onClick={cancel}>取消（Esc）</Button>
        </Space>
      </Form>
    </section>
  );
}

type FieldErrors = Parameters<FormInstance<TrainingFormValues>['setFields']>[0][number];

function fieldErrors(name: FieldPath, errors: string[]): FieldErrors {
  return { name: [...name] as FieldErrors['name'], errors };
}

/** Every field the form has, to clear their errors before validating again. */
function allFieldNames(values: TrainingFormValues): FieldPath[] {
  return [
    ...Object.keys(values)
      .filter((key) => key !== 'trainers')
      .map((key) => [key]),
    ...values.trainers.flatMap((_, index) => [
      ['trainers', index, 'name'],
      ['trainers', index, 'title'],
      ['trainers', index, 'level'],
    ]),
  ];
}
