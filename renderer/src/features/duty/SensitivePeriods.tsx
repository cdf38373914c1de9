import {
  type ButtonProps,
  Button,
  DatePicker,
  Empty,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { SensitivePeriod } from '@core/records/kinds';
import { isoDateToDayNumber } from '@core/time/shanghai-time';
import { useCurrentUser } from '../../store';
import { SAVE, useShortcut } from '../shortcuts';
import { periodValuesOf, sensitivePeriodFromForm, type SensitivePeriodValues } from './duty-records';
import { periodScopeText, periodsNewestFirst } from './duty-view';
import { useDutySave } from './use-duty-save';

export interface SensitivePeriodsProps {
  readonly periods: readonly SensitivePeriod[];
  readonly subsystems: readonly { readonly id: number; readonly shortName: string }[];
  readonly canEdit: boolean;
}

const EMPTY_VALUES: SensitivePeriodValues = { name: '', from: null, to: null, subsystemIds: null, note: '' };

/** 重要时期: the periods the lead defines (两会, 国庆); every day of one is a duty day for its scope. */
export function SensitivePeriods({ periods, subsystems, canEdit }: SensitivePeriodsProps) {
  const [editing, setEditing] = useState<{ readonly before: SensitivePeriod | null } | null>(null);
  const { save } = useDutySave();
  const me = useCurrentUser().id;
  const label = (id: number) =>
    `${id} ${subsystems.find((subsystem) => subsystem.id === id)?.shortName ?? ''}`;
  const shown = periodsNewestFirst(periods);

  const remove = (period: SensitivePeriod) =>
    void save(
      {
        recordType: 'sensitivePeriod',
        before: period,
        after: { ...period, deleted: true, updatedAt: Date.now() },
      },
      `已删除重要时期“${period.name}”`,
      `已恢复重要时期“${period.name}”`,
    );

  return (
    <div className="duty-panel" data-testid="duty-periods">
      <div className="duty-panel__head">
        <Typography.Text type="secondary">
          重要时期（如两会、国庆）的每一天都是值班日，可指定运维子项或全合同。
        </Typography.Text>
        {canEdit && (
          <Button type="primary" onClick={() => setEditing({ before: null })} data-testid="period-add">
            添加重要时期
          </Button>
        )}
      </div>
      <Table<SensitivePeriod>
        size="small"
        rowKey="id"
        dataSource={shown}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{
          emptyText: (
            <Empty
              description={
                canEdit
                  ? '还没有重要时期。点击“添加重要时期”设定两会、国庆等需要值班的日期。'
                  : '项目负责人尚未设定重要时期'
              }
            />
          ),
        }}
        columns={[
          { title: '名称', dataIndex: 'name', width: 160 },
          {
            title: '日期',
            key: 'dates',
            width: 230,
            render: (_value, period) =>
              `${period.from} 至 ${period.to}（${isoDateToDayNumber(period.to) - isoDateToDayNumber(period.from) + 1} 天）`,
          },
          { title: '范围', key: 'scope', render: (_value, period) => periodScopeText(period, label) },
          { title: '备注', dataIndex: 'note', ellipsis: true },
          ...(canEdit
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 120,
                  render: (_value: unknown, period: SensitivePeriod) => (
                    <Space size={4}>
                      <Button size="small" type="link" onClick={() => setEditing({ before: period })}>
                        编辑
                      </Button>
                      <Popconfirm
                        title={`删除重要时期“${period.name}”？`}
                        description="其中的工作日将不再是值班日；已排的班次保留。"
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() => remove(period)}
                      >
                        <Button size="small" type="link" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== null && (
        <PeriodEditor
          before={editing.before}
          subsystems={subsystems}
          actor={me}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

interface PeriodEditorProps {
  readonly before: SensitivePeriod | null;
  readonly subsystems: readonly { readonly id: number; readonly shortName: string }[];
  readonly actor: string;
  readonly onClose: () => void;
}

function PeriodEditor({ before, subsystems, actor, onClose }: PeriodEditorProps) {
  const [values, setValues] = useState<SensitivePeriodValues>(
    before === null ? EMPTY_VALUES : periodValuesOf(before),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const { save, saving } = useDutySave();
  const submit = async () => {
    const result = sensitivePeriodFromForm(before, values, actor, Date.now());
    if (!result.ok) {
      setProblem(result.reason);
      return;
    }
    setProblem(null);
    const saved = await save(
      { recordType: 'sensitivePeriod', before, after: result.period },
      `已保存重要时期“${result.period.name}”`,
      before === null ? `已撤销重要时期“${result.period.name}”` : `已恢复重要时期“${before.name}”原来的设定`,
    );
    if (saved) onClose();
  };
  useShortcut(SAVE, () => void submit(), { inTextFields: true });

  return (
    <Modal
      open
      title={before === null ? '添加重要时期' : `编辑重要时期“${before.name}”`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'period-save' } as ButtonProps}
      destroyOnHidden
    >
      <div className="duty-form">
        <label className="duty-form__field">
          <span>名称</span>
          <Input
            value={values.name}
            maxLength={50}
            placeholder="如：全国两会、国庆节安保"
            onChange={(event) => setValues({ ...values, name: event.target.value })}
            data-testid="period-name"
          />
        </label>
        <div className="duty-form__field">
          <span>起止日期</span>
          <DatePicker.RangePicker
            aria-label="起止日期"
            placeholder={['开始日期', '结束日期']}
            value={[
              values.from === null ? null : dayjs(values.from),
              values.to === null ? null : dayjs(values.to),
            ]}
            onChange={(_dates, [from, to]) =>
              setValues({ ...values, from: from === '' ? null : from, to: to === '' ? null : to })
            }
            data-testid="period-dates"
          />
        </div>
        <div className="duty-form__field">
          <span>范围</span>
          <Radio.Group
            value={values.subsystemIds === null ? 'all' : 'some'}
            onChange={(event) =>
              setValues({ ...values, subsystemIds: event.target.value === 'all' ? null : [] })
            }
            data-testid="period-scope"
          >
            <Radio value="all">全合同</Radio>
            <Radio value="some">指定运维子项</Radio>
          </Radio.Group>
          {values.subsystemIds !== null && (
            <Select<number[]>
              mode="multiple"
              aria-label="运维子项"
              placeholder="选择需要值班的运维子项"
              value={[...values.subsystemIds]}
              optionFilterProp="label"
              options={subsystems.map((subsystem) => ({
                value: subsystem.id,
                label: `${subsystem.id} ${subsystem.shortName}`,
              }))}
              onChange={(ids) => setValues({ ...values, subsystemIds: ids })}
              data-testid="period-subsystems"
            />
          )}
        </div>
        <label className="duty-form__field">
          <span>备注</span>
          <Input.TextArea
            value={values.note}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder="如：采购人通知的保障要求"
            onChange={(event) => setValues({ ...values, note: event.target.value })}
          />
        </label>
        {problem !== null && (
          <Typography.Text type="danger" role="alert" data-testid="period-problem">
            {problem}
          </Typography.Text>
        )}
      </div>
    </Modal>
  );
}
