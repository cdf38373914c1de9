import { Input, InputNumber, Select, Space, Typography } from 'antd';
import { AddonField } from './AddonField';
import { inspectionScheduleSchema, safeParseInChinese, type InspectionSchedule } from '@core/records';

interface ScheduleEditorProps {
  readonly value: InspectionSchedule | null;
  readonly disabled: boolean;
  readonly onChange: (schedule: InspectionSchedule | null) => void;
}

type Kind = 'none' | 'daily' | 'monthly';

/** When runs are due: never by itself (不定期), daily (every day or working days, optionally by a time), monthly. */
export function ScheduleEditor({ value, disabled, onChange }: ScheduleEditorProps) {
  const kind: Kind = value === null ? 'none' : value.kind;
  const problem = scheduleProblem(value);
  const changeKind = (next: Kind) => {
    if (next === 'none') onChange(null);
    else if (next === 'daily') onChange({ kind: 'daily', days: 'every_day' });
    else onChange({ kind: 'monthly' });
  };
  return (
    <div className="inspections-schedule">
      <Space wrap>
        <Select<Kind>
          aria-label="巡检周期"
          value={kind}
          disabled={disabled}
          style={{ width: 150 }}
          onChange={changeKind}
          options={[
            { value: 'daily', label: '每日巡检' },
            { value: 'monthly', label: '每月巡检' },
            { value: 'none', label: '不定期（需要时开始）' },
          ]}
        />
        {value?.kind === 'daily' ? (
          <>
            <Select
              aria-label="巡检日"
              value={value.days}
              disabled={disabled}
              style={{ width: 170 }}
              onChange={(days) => onChange({ ...value, days })}
              options={[
                { value: 'every_day', label: '每天（含节假日）' },
                { value: 'workdays', label: '工作日（按调休安排）' },
              ]}
            />
            <AddonField before="截止时间" after="前" width={220}>
              <Input
                aria-label="截止时间"
                placeholder="当天内，或如 08:30"
                allowClear
                disabled={disabled}
                value={value.dueBy ?? ''}
                onChange={(event) => {
                  const text = event.target.value.trim();
                  onChange(
                    text === ''
                      ? { kind: 'daily', days: value.days }
                      : { kind: 'daily', days: value.days, dueBy: text },
                  );
                }}
              />
            </AddonField>
          </>
        ) : null}
        {value?.kind === 'monthly' ? (
          <AddonField before="每月" after="日内完成" width={220}>
            <InputNumber<number>
              aria-label="每月截止日"
              placeholder="月底"
              min={1}
              max={31}
              precision={0}
              disabled={disabled}
              style={{ width: '100%' }}
              value={value.dueDay ?? null}
              onChange={(dueDay) =>
                onChange(dueDay === null ? { kind: 'monthly' } : { kind: 'monthly', dueDay })
              }
            />
          </AddonField>
        ) : null}
      </Space>
      {problem === '' ? null : (
        <Typography.Text type="danger" className="inspections-editor__problem">
          {problem}
        </Typography.Text>
      )}
    </div>
  );
}

/** What is wrong with a schedule (a time that is not HH:MM), or ''. */
export function scheduleProblem(schedule: InspectionSchedule | null): string {
  if (schedule === null) return '';
  const parsed = safeParseInChinese(inspectionScheduleSchema, schedule);
  return parsed.success ? '' : parsed.error.issues.map((issue) => issue.message).join('；');
}
