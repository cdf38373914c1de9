import { Typography } from 'antd';
import { formatReading, type InspectionItem, type InspectionValue } from '@core/records';
import { PhotoValue } from './PhotoValue';

/** A finished run's value as plain text (readable on screen and in a printout), the photo as a thumbnail. */
export function ItemValueText({
  item,
  value,
}: {
  readonly item: InspectionItem;
  readonly value: InspectionValue | undefined;
}) {
  if (value === undefined || value === null || value === '') {
    return <Typography.Text type="secondary">未填写</Typography.Text>;
  }
  switch (item.kind) {
    case 'pass-fail':
      return (
        <Typography.Text strong data-testid="item-value">
          {value === true ? '正常' : '异常'}
        </Typography.Text>
      );
    case 'number':
      return (
        <Typography.Text strong data-testid="item-value">
          {typeof value === 'number' ? formatReading(value, item.unit) : String(value)}
        </Typography.Text>
      );
    case 'text':
    case 'choice':
      return <Typography.Text data-testid="item-value">{String(value)}</Typography.Text>;
    case 'photo':
      return (
        <PhotoValue
          label={`${item.label}的照片`}
          sha256={typeof value === 'string' ? value : undefined}
          disabled
          onPhoto={() => undefined}
        />
      );
  }
}
