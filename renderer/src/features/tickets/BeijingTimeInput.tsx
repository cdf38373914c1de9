import { Button, DatePicker, Space } from 'antd';
import dayjs from 'dayjs';
import { formatMinute } from './format-time';

const FORMAT = 'YYYY-MM-DD HH:mm';

/**
 * A date-time field holding Beijing time as text ("2026-03-10 09:02"), whatever the PC's zone: the
 * picker only ever sees and returns the digits, never an instant in the host's zone. "现在" fills in
 * the current Beijing time (the picker's own "now" button would use the host's zone, so it is off).
 */
export function BeijingTimeInput({
  value,
  onChange,
  id,
  testId,
}: {
  readonly value?: string;
  readonly onChange?: (value: string) => void;
  readonly id?: string;
  readonly testId?: string;
}) {
  const parsed = value === undefined || value === '' ? null : dayjs(value, FORMAT);
  return (
    <Space.Compact block>
      <DatePicker
        id={id}
        data-testid={testId}
        className="beijing-time-input"
        showTime={{ format: 'HH:mm' }}
        showNow={false}
        format={FORMAT}
        allowClear={false}
        value={parsed !== null && parsed.isValid() ? parsed : null}
        onChange={(_date, text) => onChange?.(typeof text === 'string' ? text : '')}
      />
      <Button
        autoInsertSpace={false}
        onClick={() => onChange?.(formatMinute(Date.now()))}
        title="填入当前北京时间"
      >
        现在
      </Button>
    </Space.Compact>
  );
}
