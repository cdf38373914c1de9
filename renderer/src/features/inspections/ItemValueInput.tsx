import { Input, InputNumber, Radio, Select } from 'antd';
import type { InspectionItem, InspectionValue } from '@core/records';
import { PhotoValue } from './PhotoValue';

interface ItemValueInputProps {
  readonly item: InspectionItem;
  /** What the field shows: the unsaved draft if any, else the stored value. */
  readonly value: InspectionValue | undefined;
  readonly disabled: boolean;
  /** Typing: numbers and text are kept as a draft until the field is left. */
  readonly onDraft: (value: InspectionValue) => void;
  /** A value to save now (a click, or leaving a typed field). */
  readonly onCommit: (value: InspectionValue) => void;
  readonly onPhoto: (file: Blob, name: string) => void;
}

/** The input each item kind needs: 正常/异常, a number with its unit, text, a choice, a photo. */
export function ItemValueInput({ item, value, disabled, onDraft, onCommit, onPhoto }: ItemValueInputProps) {
  const label = `${item.label}的结果`;
  switch (item.kind) {
    case 'pass-fail':
      return (
        <Radio.Group
          aria-label={label}
          optionType="button"
          buttonStyle="solid"
          disabled={disabled}
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(event) => onCommit(event.target.value as boolean)}
          options={[
            { value: true, label: '正常' },
            { value: false, label: '异常', className: 'inspections-item__fail-option' },
          ]}
        />
      );
    case 'number':
      return (
        <InputNumber<number>
          aria-label={label}
          className="inspections-item__number"
          disabled={disabled}
          value={typeof value === 'number' ? value : null}
          suffix={item.unit === '' ? undefined : item.unit}
          onChange={(next) => onDraft(next)}
          onBlur={() => onCommit(typeof value === 'number' ? value : null)}
          onPressEnter={() => onCommit(typeof value === 'number' ? value : null)}
        />
      );
    case 'text':
      return (
        <Input.TextArea
          aria-label={label}
          disabled={disabled}
          autoSize={{ minRows: 1, maxRows: 6 }}
          maxLength={10_000}
          value={typeof value === 'string' ? value : ''}
          placeholder={item.required ? '必填' : '选填'}
          onChange={(event) => onDraft(event.target.value)}
          onBlur={() => onCommit(typeof value === 'string' ? value : null)}
        />
      );
    case 'choice':
      return item.options.length <= 4 ? (
        <Radio.Group
          aria-label={label}
          optionType="button"
          buttonStyle="solid"
          disabled={disabled}
          value={typeof value === 'string' ? value : undefined}
          onChange={(event) => onCommit(event.target.value as string)}
          options={item.options.map((option) => ({ value: option, label: option }))}
        />
      ) : (
        <Select
          aria-label={label}
          className="inspections-item__choice"
          disabled={disabled}
          value={typeof value === 'string' ? value : undefined}
          placeholder="请选择"
          onChange={(next: string) => onCommit(next)}
          options={item.options.map((option) => ({ value: option, label: option }))}
        />
      );
    case 'photo':
      return (
        <PhotoValue
          label={label}
          sha256={typeof value === 'string' ? value : undefined}
          disabled={disabled}
          onPhoto={onPhoto}
        />
      );
  }
}
