import { DeleteOutlined, MinusCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import type { Attachment } from '@core/records';
import { VISIT_SATISFACTION_LABELS, VISIT_SATISFACTION_LEVELS, type Visit } from '@core/records/kinds';
import { dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Radio,
  Result,
  Select,
  Skeleton,
  Space,
  Typography,
  type FormInstance,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useCurrentUser, usePlainRecord, useSlaRules } from '../../store';
import { AttachmentDropZone, AttachmentList, takePastedFiles, useAddAttachments } from '../attachments';
import { RecordHistory } from '../history';
import { CANCEL, SAVE, ShortcutHelp, useShortcut } from '../shortcuts';
import { useDocumentSystem, useDocumentSystemTickets, useVisitScope } from './use-visit-data';
import { useSaveVisit } from './use-visit-save';
import {
  emptyVisitForm,
  satisfactionRows,
  visitFormValues,
  visitFromForm,
  type VisitFieldPath,
  type VisitFormValues,
} from './visit-form';
import { offeredVisitUnits, visitEditRefusal } from './visit-scope';
import './visits.css';

/** 登记回访 (`/visits/new`, `?unit=N` to start with a unit) and a visit's page (`/visits/:id`). */
export function VisitEditPage() {
  const { id } = useParams();
  const stored = usePlainRecord('visit', id);
  if (id === undefined) return <VisitForm key="new" before={null} />;
  if (stored.error !== null) {
    return (
      <Result
        status="error"
        title="无法读取这条回访记录"
        subTitle={<span className="error-reason">{stored.error.message}</span>}
      />
    );
  }
  if (stored.data === undefined) return <Skeleton active />;
  if (stored.data === null) {
    return (
      <div data-testid="visit-missing">
        <Result
          status="warning"
          title="本机没有这条回访记录"
          subTitle="它可能属于您不负责的单位，或还没有同步到这台电脑。"
          extra={<Link to="/visits">回到回访</Link>}
        />
      </div>
    );
  }
  return <VisitForm key={stored.data.id} before={stored.data} />;
}

function VisitForm({ before }: { readonly before: Visit | null }) {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const { profile } = useSlaRules();
  const documentSystem = useDocumentSystem();
  const scope = useVisitScope();
  const offered = offeredVisitUnits(scope, documentSystem);
  const refusal = before === null ? offered.reason : visitEditRefusal(scope, user.id, before);
  const readOnly = refusal !== null || before?.deleted === true;
  const tickets = useDocumentSystemTickets(documentSystem?.subsystemId);
  const [form] = Form.useForm<VisitFormValues>();
  const [initialValues] = useState<VisitFormValues>(() => {
    if (before !== null) return visitFormValues(before);
    const today = dayNumberToIsoDate(dayNumberOf(Date.now()));
    const asked = Number(searchParams.get('unit'));
    const start = offered.unitIds.includes(asked) ? [asked] : offered.unitIds;
    return emptyVisitForm(today, start.length === 1 ? start : []);
  });
  const [photos, setPhotos] = useState<readonly Attachment[]>(before?.photos ?? []);
  const [confirming, setConfirming] = useState(false);
  const busy = useRef(false);
  const { add, adding } = useAddAttachments();
  const { save, saving } = useSaveVisit();
  const unitIds = Form.useWatch('unitIds', form) ?? initialValues.unitIds;

  const unitName = useMemo(() => {
    const names = new Map(documentSystem?.units.map((unit) => [unit.id, unit.name]));
    return (unitId: number) => names.get(unitId) ?? `单位 ${unitId}`;
  }, [documentSystem]);
  // An edit keeps the units already on the visit selectable even if the account changed since.
  const unitOptions = [...new Set([...offered.unitIds, ...(before?.unitIds ?? [])])].map((unitId) => ({
    value: unitId,
    label: unitName(unitId),
  }));

  const addPhotos = async (files: readonly File[]) => {
    if (readOnly) return;
    const added = await add(files, photos);
    if (added.length > 0) setPhotos((current) => [...current, ...added]);
  };

  const submit = async () => {
    if (readOnly || busy.current) return;
    const values = form.getFieldsValue(true);
    clearErrors(form, values);
    const result = visitFromForm(values, photos, {
      before,
      actor: user.id,
      at: Date.now(),
      documentSystem,
    });
    if (!result.ok) {
      form.setFields(result.errors.map((error) => fieldErrors(error.name, [error.message])));
      void message.error(
        `还有 ${result.errors.length} 处需要改正：${result.errors.map((error) => error.message).join('；')}`,
      );
      return;
    }
    busy.current = true;
    const done =
      before === null ? `已登记 ${result.visit.date} 的回访` : `已保存 ${result.visit.date} 的回访`;
    const saved = await save(before, result.visit, done);
    busy.current = false;
    if (saved !== null && before === null) void navigate(`/visits/${saved.id}`, { replace: true });
  };

  const remove = () => {
    if (before === null || readOnly) return;
    setConfirming(true);
    modal.confirm({
      title: '删除这条回访记录？',
      content: '删除后在回访统计中不再计入；修改历史会保留，可以撤销。',
      okText: '删除',
      okButtonProps: { danger: true, 'data-testid': 'confirm-delete-visit' },
      cancelText: '取消',
      onOk: async () => {
        const saved = await save(
          before,
          { ...before, deleted: true, updatedAt: Date.now() },
          `已删除 ${before.date} 的回访`,
        );
        if (saved !== null) void navigate('/visits');
      },
      afterClose: () => setConfirming(false),
    });
  };

  const leave = () => void navigate('/visits');
  useShortcut(SAVE, () => void submit(), { inTextFields: true, enabled: !confirming && !readOnly });
  useShortcut(CANCEL, leave, { inTextFields: true, enabled: !confirming });

  const title = before === null ? '登记回访' : `${before.date} 回访`;
  return (
    <section
      className="visit-edit"
      aria-labelledby="visit-edit-title"
      onPaste={(event) => {
        const files = takePastedFiles(event);
        if (files.length > 0) void addPhotos(files);
      }}
    >
      <header className="page-header">
        <Typography.Title level={4} id="visit-edit-title" className="page-header__title">
          {title}
        </Typography.Title>
        {!readOnly && (
          <Typography.Text type="secondary">
            <Typography.Text keyboard>Ctrl + Enter</Typography.Text> 保存 ·{' '}
            <Typography.Text keyboard>Esc</Typography.Text> 返回 · 照片可直接粘贴
          </Typography.Text>
        )}
        <div className="page-header__actions">
          <ShortcutHelp />
        </div>
      </header>
      {before?.deleted === true && (
        <Alert
          className="page-hint"
          type="warning"
          showIcon
          title="这条回访记录已删除"
          data-testid="visit-deleted"
        />
      )}
      {refusal !== null && (
        <Alert
          className="page-hint"
          type="info"
          showIcon
          title={before === null ? '您不能登记回访' : '您只能查看这条回访记录'}
          description={refusal}
          data-testid="visit-not-editable"
        />
      )}
      <Form<VisitFormValues>
        form={form}
        layout="vertical"
        disabled={readOnly}
        initialValues={initialValues}
        className="visit-edit__form"
        onValuesChange={(changed: Partial<VisitFormValues>) => {
          // The whole store, not antd's `allValues`: that has only the fields mounted at the time.
          const values = form.getFieldsValue(true) as VisitFormValues;
          if (changed.unitIds !== undefined) {
            form.setFieldValue('satisfaction', satisfactionRows(changed.unitIds, values.satisfaction));
          }
        }}
      >
        <div className="visit-edit__main">
          <div className="visit-edit__row">
            <Form.Item label="回访日期" name="date" required>
              <Input type="date" autoFocus data-testid="visit-date" />
            </Form.Item>
            <Form.Item label="走访单位" name="unitIds" required className="visit-edit__units">
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择本次走访的单位（可多选）"
                options={unitOptions}
                data-testid="visit-units"
              />
            </Form.Item>
          </div>
          <Typography.Title level={5}>接待人员</Typography.Title>
          <Form.List name="peopleMet">
            {(fields, { add: addPerson, remove: removePerson }) => (
              <div className="visit-edit__people" data-testid="visit-people">
                {fields.map((field) => (
                  <div key={field.key} className="visit-edit__person">
                    <Form.Item name={[field.name, 'name']} aria-label="姓名">
                      <Input placeholder="姓名" data-testid="person-name" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'unitId']}>
                      <Select
                        placeholder="所在单位"
                        options={unitIds.map((unitId) => ({ value: unitId, label: unitName(unitId) }))}
                        data-testid="person-unit"
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'title']}>
                      <Input placeholder="职务，如：办公室主任" data-testid="person-title" />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label="删除这位接待人员"
                      onClick={() => removePerson(field.name)}
                    />
                  </div>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    addPerson({ name: '', unitId: unitIds.length === 1 ? unitIds[0] : undefined, title: '' })
                  }
                  data-testid="add-person"
                >
                  添加接待人员
                </Button>
              </div>
            )}
          </Form.List>
          <Form.Item
            label="回访工单（本次回访涉及的公文系统工单）"
            name="ticketIds"
            className="visit-edit__tickets"
          >
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={tickets.data?.length === 0 ? '本机没有公文系统的工单' : '选择工单，可输入标题查找'}
              options={tickets.data ?? []}
              loading={tickets.isPending && tickets.fetchStatus !== 'idle'}
              data-testid="visit-tickets"
            />
          </Form.Item>
          <Form.Item label="服务提升建议" name="suggestions">
            <Input.TextArea
              rows={3}
              placeholder="单位提出的意见和建议，以及改进措施"
              data-testid="visit-suggestions"
            />
          </Form.Item>
          <Typography.Title level={5}>满意度</Typography.Title>
          {unitIds.length === 0 && (
            <Typography.Paragraph type="secondary">
              选择走访单位后，在这里逐个单位评价满意度。
            </Typography.Paragraph>
          )}
          <Form.List name="satisfaction">
            {(fields) => (
              <div className="visit-edit__ratings" data-testid="visit-ratings">
                {fields.map((field) => {
                  const unitId = form.getFieldValue(['satisfaction', field.name, 'unitId']) as
                    number | undefined;
                  return (
                    <div
                      key={field.key}
                      className="visit-edit__rating"
                      data-testid="visit-rating"
                      data-unit={unitId}
                    >
                      <Typography.Text strong className="visit-edit__rating-unit">
                        {unitId === undefined ? '' : unitName(unitId)}
                      </Typography.Text>
                      <Form.Item name={[field.name, 'level']}>
                        <Radio.Group
                          optionType="button"
                          options={VISIT_SATISFACTION_LEVELS.map((level) => ({
                            value: level,
                            label: VISIT_SATISFACTION_LABELS[level],
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'comment']}>
                        <Input placeholder="意见（可不填）" data-testid="rating-comment" />
                      </Form.Item>
                    </div>
                  );
                })}
              </div>
            )}
          </Form.List>
          <Space className="visit-edit__buttons">
            {!readOnly && (
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={saving}
                onClick={() => void submit()}
                data-testid="save-visit"
              >
                保存回访（Ctrl+Enter）
              </Button>
            )}
            <Button onClick={leave} disabled={false}>
              返回（Esc）
            </Button>
            {before !== null && !readOnly && (
              <Button danger icon={<DeleteOutlined />} onClick={remove} data-testid="delete-visit">
                删除
              </Button>
            )}
          </Space>
        </div>
        <aside className="visit-edit__side">
          <Card size="small" title={`现场照片（${photos.length}）`}>
            {!readOnly && <AttachmentDropZone onFiles={(files) => void addPhotos(files)} adding={adding} />}
            <AttachmentList
              attachments={photos}
              onRemove={
                readOnly
                  ? undefined
                  : (sha256) => setPhotos((current) => current.filter((photo) => photo.sha256 !== sha256))
              }
            />
          </Card>
        </aside>
      </Form>
      {before !== null && (
        <Card size="small" title="修改历史" className="visit-edit__history">
          <RecordHistory
            recordType="visit"
            recordId={before.id}
            context={{ subsystems: profile.subsystems, currentUser: user }}
          />
        </Card>
      )}
    </section>
  );
}

type FieldErrors = Parameters<FormInstance<VisitFormValues>['setFields']>[0][number];

function fieldErrors(name: VisitFieldPath, errors: string[]): FieldErrors {
  return { name: [...name] as FieldErrors['name'], errors };
}

/** Clears every error the last attempt set, before checking again. */
function clearErrors(form: FormInstance<VisitFormValues>, values: VisitFormValues): void {
  const names: VisitFieldPath[] = [
    ['date'],
    ['unitIds'],
    ['ticketIds'],
    ['suggestions'],
    ...values.peopleMet.flatMap((_, index) => [
      ['peopleMet', index, 'name'],
      ['peopleMet', index, 'unitId'],
      ['peopleMet', index, 'title'],
    ]),
    ...values.satisfaction.flatMap((_, index) => [
      ['satisfaction', index, 'level'],
      ['satisfaction', index, 'comment'],
    ]),
  ];
  form.setFields(names.map((name) => fieldErrors(name, [])));
}
