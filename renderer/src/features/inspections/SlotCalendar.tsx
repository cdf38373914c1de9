import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Calendar, Empty, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { SLOT_STATE_LABELS, type SlotState } from '@core/records';
import type { MonthSlots, SlotEntry } from './inspection-slots';
import { slotKeyText } from './shanghai-format';
import { slotDeadlineText, slotLabel, SLOT_STATE_COLORS } from './slot-appearance';

interface SlotCalendarProps {
  /** `YYYY-MM`, a Shanghai month. */
  readonly month: string;
  readonly onMonthChange: (month: string) => void;
  /** Today's Shanghai date, `YYYY-MM-DD`. */
  readonly today: string;
  readonly slots: MonthSlots;
  readonly subsystemName: (subsystemId: number) => string;
}

const LEGEND: readonly SlotState[] = ['done', 'due', 'overdue', 'missed', 'upcoming'];

/**
 * The month's slots: daily ones in the day cells, monthly ones above the grid. Days are Shanghai days;
 * the cells are drawn by us (fullCellRender) so “today” is Beijing's today, not the PC's.
 */
export function SlotCalendar({ month, onMonthChange, today, slots, subsystemName }: SlotCalendarProps) {
  const value = dayjs(`${month}-01`);
  const shift = (months: number) => onMonthChange(value.add(months, 'month').format('YYYY-MM'));
  const cell = (date: Dayjs) => {
    const iso = date.format('YYYY-MM-DD');
    const inMonth = iso.startsWith(month);
    const entries = inMonth ? (slots.daily.get(iso) ?? []) : [];
    const classes = ['inspections-day'];
    if (!inMonth) classes.push('inspections-day--outside');
    if (iso === today) classes.push('inspections-day--today');
    return (
      <div className={classes.join(' ')} data-testid="calendar-day" data-date={iso}>
        <div className="inspections-day__number">
          {date.date()}
          {iso === today ? <span className="inspections-day__today">今天</span> : null}
        </div>
        <ul className="inspections-day__slots">
          {entries.map((entry) => (
            <li key={entry.template.templateId}>
              <SlotChip entry={entry} subsystemName={subsystemName} />
            </li>
          ))}
        </ul>
      </div>
    );
  };

  return (
    <div className="inspections-calendar" data-testid="slot-calendar" data-month={month}>
      <div className="inspections-calendar__bar">
        <Space size={4}>
          <Button icon={<LeftOutlined />} onClick={() => shift(-1)} aria-label="上个月" />
          <Typography.Text strong className="inspections-calendar__month" data-testid="calendar-month">
            {slotKeyText(month)}
          </Typography.Text>
          <Button icon={<RightOutlined />} onClick={() => shift(1)} aria-label="下个月" />
          <Button onClick={() => onMonthChange(today.slice(0, 7))} disabled={today.startsWith(month)}>
            本月
          </Button>
        </Space>
        <Space size={4} wrap className="inspections-calendar__legend" aria-label="图例">
          {LEGEND.map((state) => (
            <Tag key={state} color={SLOT_STATE_COLORS[state]} variant="filled">
              {SLOT_STATE_LABELS[state]}
            </Tag>
          ))}
        </Space>
      </div>
      {slots.problems.map((problem) => (
        <Alert
          key={problem.template.templateId}
          type="warning"
          showIcon
          title={problem.reason}
          className="page-hint"
        />
      ))}
      <MonthlyStrip entries={slots.monthly} subsystemName={subsystemName} />
      <Calendar
        value={value}
        fullCellRender={(date, info) => (info.type === 'date' ? cell(date) : info.originNode)}
        headerRender={() => null}
      />
    </div>
  );
}

function MonthlyStrip({
  entries,
  subsystemName,
}: {
  readonly entries: readonly SlotEntry[];
  readonly subsystemName: (subsystemId: number) => string;
}) {
  if (entries.length === 0) {
    return (
      <Empty
        className="inspections-monthly inspections-monthly--empty"
        image={null}
        description="所选范围没有每月巡检。"
      />
    );
  }
  return (
    <div className="inspections-monthly" data-testid="monthly-slots">
      <Typography.Text type="secondary">本月巡检：</Typography.Text>
      {entries.map((entry) => (
        <span key={entry.template.templateId} className="inspections-monthly__entry">
          <SlotChip entry={entry} subsystemName={subsystemName} full />
          <Typography.Text type="secondary" className="inspections-monthly__deadline">
            {slotDeadlineText(entry.slot)}
          </Typography.Text>
        </span>
      ))}
    </div>
  );
}

/**
 * One slot: its state in colour and words, and the template; a link when a run exists. A day cell
 * is narrow, so there the template is its subsystem and deadline (“网站群 08:30 前”); the full name is
 * in the tooltip.
 */
function SlotChip({
  entry,
  subsystemName,
  full = false,
}: {
  readonly entry: SlotEntry;
  readonly subsystemName: (subsystemId: number) => string;
  readonly full?: boolean;
}) {
  const navigate = useNavigate();
  const run = entry.status.run ?? entry.openRun;
  const label = slotLabel(entry.status, entry.openRun !== undefined);
  const subsystem = subsystemName(entry.template.subsystemId);
  const fullName = `${subsystem} · ${entry.template.name}`;
  const dueBy = entry.template.schedule?.kind === 'daily' ? entry.template.schedule.dueBy : undefined;
  const name = full ? fullName : dueBy === undefined ? subsystem : `${subsystem} ${dueBy} 前`;
  const content = (
    <>
      <span className={`inspections-chip__state inspections-chip__state--${entry.status.state}`}>
        {label}
      </span>
      <span className="inspections-chip__name">{name}</span>
    </>
  );
  const common = {
    className: `inspections-chip inspections-chip--${entry.status.state}`,
    title: `${fullName}：${label}`,
    'data-testid': 'slot-chip',
    'data-template-id': entry.template.templateId,
    'data-state': entry.status.state,
  };
  if (run === undefined) return <span {...common}>{content}</span>;
  return (
    <button type="button" {...common} onClick={() => void navigate(`/inspections/run/${run.id}`)}>
      {content}
    </button>
  );
}
