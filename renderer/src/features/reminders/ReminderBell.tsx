import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useReminderScheduler } from './use-reminder-scheduler';
import { useReminders } from './use-reminders';
import './reminders.css';

/**
 * The header's bell with the count of reminders in the list; it also runs the scheduler, so reminders
 * fire wherever the signed-in app is open, offline too.
 */
export function ReminderBell() {
  const navigate = useNavigate();
  const { view, user } = useReminders();
  useReminderScheduler(view?.toFire, user);
  const count = view?.items.length ?? 0;
  const label = count === 0 ? '提醒：没有待处理的提醒' : `提醒：${count} 条待处理`;
  return (
    <Tooltip title={label}>
      <Badge count={count} size="small" offset={[-4, 4]} data-testid="reminder-count">
        <Button
          type="text"
          className="reminder-bell"
          icon={<BellOutlined />}
          aria-label={label}
          data-testid="reminder-bell"
          onClick={() => void navigate('/reminders')}
        />
      </Badge>
    </Tooltip>
  );
}
