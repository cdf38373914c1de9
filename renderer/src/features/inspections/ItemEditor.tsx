import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, InputNumber, Select, Tooltip, Typography } from 'antd';
import { INSPECTION_ITEM_KINDS, INSPECTION_ITEM_KIND_LABELS, type InspectionItemKind } from '@core/records';
import { AddonField } from './AddonField';
import { changeItemKind, type ItemInput } from './template-draft';

interface ItemEditorProps {
  readonly index: number;
  readonly count: number;
  readonly item: ItemInput;
  readonly problem: string;
  readonly readOnly: boolean;
  readonly onChange: (item: ItemInput) => void;
  readonly onMove: (offset: number) => void;
  readonly onRemove: () => void;
}

/** One item of the template being edited: name, kind, required, and what its kind needs. */
export function ItemEditor({
  index,
  count,
  item,
  problem,
  readOnly,
  onChange,
  onMove,
  onRemove,
}: ItemEditorProps) {
  const name = item.label === '' ? `第 ${index + 1} 项` : `“${item.label}”`;
  return (
    <li className="inspections-editor-item" data-testid="template-item" data-item-id={item.id}>
      <div className="inspections-editor-item__row">
        <span className="inspections-item__index">{index + 1}</span>
        <Input
          aria-label={`第 ${index + 1} 项名称`}
          placeholder="检查项名称，如“CPU 使用率”"
          // A just-added item (still unnamed, last) takes the focus, which also scrolls it into view.
          autoFocus={item.label === '' && index === count - 1}
          value={item.label}
          disabled={readOnly}
          maxLength={200}
          status={problem === '' ? undefined : 'error'}
          onChange={(event) => onChange({ ...item, label: event.target.value })}
        />
        <Select<InspectionItemKind>
          aria-label={`第 ${index + 1} 项类型`}
          value={item.kind}
          disabled={readOnly}
          style={{ width: 116 }}
          onChange={(kind) => onChange(changeItemKind(item, kind))}
          options={INSPECTION_ITEM_KINDS.map((kind) => ({
            value: kind,
            label: INSPECTION_ITEM_KIND_LABELS[kind],
          }))}
        />
        <Checkbox
          checked={item.required}
          disabled={readOnly}
          onChange={(event) => onChange({ ...item, required: event.target.checked })}
        >
          必填
        </Checkbox>
        {readOnly ? null : (
          <span className="inspections-editor-item__buttons">
            <Tooltip title="上移">
              <Button
                size="small"
                icon={<ArrowUpOutlined />}
                disabled={index === 0}
                onClick={() => onMove(-1)}
                aria-label={`上移${name}`}
              />
            </Tooltip>
            <Tooltip title="下移">
              <Button
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={index === count - 1}
                onClick={() => onMove(1)}
                aria-label={`下移${name}`}
              />
            </Tooltip>
            <Tooltip title="删除">
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                disabled={count === 1}
                onClick={onRemove}
                aria-label={`删除${name}`}
              />
            </Tooltip>
          </span>
        )}
      </div>
      <KindFields item={item} index={index} readOnly={readOnly} onChange={onChange} />
      {problem === '' ? null : (
        <Typography.Text
          type="danger"
          className="inspections-editor__problem"
          data-testid="template-item-problem"
        >
          {problem}
        </Typography.Text>
      )}
    </li>
  );
}

function KindFields({
  item,
  index,
  readOnly,
  onChange,
}: {
  readonly item: ItemInput;
  readonly index: number;
  readonly readOnly: boolean;
  readonly onChange: (item: ItemInput) => void;
}) {
  if (item.kind === 'number') {
    return (
      <div className="inspections-editor-item__kind">
        <AddonField before="单位" width={170}>
          <Input
            aria-label={`第 ${index + 1} 项单位`}
            placeholder="如 %、GB、秒"
            value={item.unit}
            disabled={readOnly}
            maxLength={20}
            onChange={(event) => onChange({ ...item, unit: event.target.value })}
          />
        </AddonField>
        <AddonField before="下限" width={170}>
          <InputNumber<number>
            aria-label={`第 ${index + 1} 项下限`}
            placeholder="不限"
            value={item.min ?? null}
            disabled={readOnly}
            style={{ width: '100%' }}
            onChange={(min) => onChange({ ...item, min: min ?? undefined })}
          />
        </AddonField>
        <AddonField before="上限" width={170}>
          <InputNumber<number>
            aria-label={`第 ${index + 1} 项上限`}
            placeholder="不限"
            value={item.max ?? null}
            disabled={readOnly}
            style={{ width: '100%' }}
            onChange={(max) => onChange({ ...item, max: max ?? undefined })}
          />
        </AddonField>
        <Typography.Text type="secondary">超出范围的读数会标为异常</Typography.Text>
      </div>
    );
  }
  if (item.kind === 'choice') {
    return (
      <div className="inspections-editor-item__kind">
        <Select
          mode="tags"
          aria-label={`第 ${index + 1} 项选项`}
          placeholder="输入选项后按回车"
          value={item.options}
          disabled={readOnly}
          style={{ flex: 1, minWidth: 220 }}
          open={false}
          onChange={(options: string[]) => onChange({ ...item, options })}
        />
        <Select
          mode="multiple"
          aria-label={`第 ${index + 1} 项异常选项`}
          placeholder="选中即判为异常的选项"
          value={item.abnormalOptions ?? []}
          disabled={readOnly}
          style={{ flex: 1, minWidth: 220 }}
          onChange={(abnormalOptions: string[]) => onChange({ ...item, abnormalOptions })}
          options={item.options.map((option) => ({ value: option, label: option }))}
        />
      </div>
    );
  }
  return null;
}
