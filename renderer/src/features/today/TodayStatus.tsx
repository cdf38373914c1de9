import { Tag, Typography } from 'antd';
import { useSlaRules } from '../../store';
import { describeToday } from './describe-today';
import { useNow } from './use-now';

/** Beijing time and whether today is a working day: the two facts every SLA clock on screen depends on. */
export function TodayStatus() {
  const today = describeToday(useNow(), useSlaRules().calendar);
  const color = today.isWorkday === undefined ? 'warning' : today.isWorkday ? 'processing' : 'default';
  return (
    <div className="today-status" data-testid="today-status">
      <Typography.Text className="today-status__clock">
        北京时间 <span data-testid="today-date">{today.date}</span>{' '}
        <span data-testid="today-time">{today.time}</span>
      </Typography.Text>
      <Tag color={color} variant="filled" data-testid="today-kind">
        {today.dayKind}
      </Tag>
    </div>
  );
}
