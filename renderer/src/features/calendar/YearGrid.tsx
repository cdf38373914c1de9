import type { WorkingCalendar } from '@core/calendar';
import { Tooltip } from 'antd';
import { type GridDay, yearGrid } from './year-grid-data';

const WEEK_HEADINGS = ['一', '二', '三', '四', '五', '六', '日'];
const KIND_WORDS = {
  workday: '工作日',
  weekend: '休息日',
  holiday: '放假',
  'adjusted-workday': '调休上班',
} as const;

/** A year's twelve months: holidays in red with 休, 调休 working days with 班, weekends grey. */
export function YearGrid({ calendar, year }: { readonly calendar: WorkingCalendar; readonly year: number }) {
  return (
    <div className="year-grid" data-testid="year-grid" aria-label={`${year} 年日历`}>
      {yearGrid(calendar, year).map((month) => (
        <div className="year-grid__month" key={month.month}>
          <div className="year-grid__title">{month.month} 月</div>
          <div className="year-grid__days" role="grid">
            {WEEK_HEADINGS.map((heading) => (
              <span key={heading} className="year-grid__heading">
                {heading}
              </span>
            ))}
            {Array.from({ length: month.leadingBlanks }, (_, index) => (
              <span key={`blank-${index}`} />
            ))}
            {month.days.map((day) => (
              <DayCell key={day.date} day={day} />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

function DayCell({ day }: { readonly day: GridDay }) {
  const mark = day.kind === 'holiday' ? '休' : day.kind === 'adjusted-workday' ? '班' : '';
  const label = `${day.date} ${KIND_WORDS[day.kind]}${day.name === undefined ? '' : `（${day.name}）`}${
    day.provisional ? '，暂定' : ''
  }`;
  const cell = (
    <span
      className={`year-grid__day year-grid__day--${day.kind}${day.provisional ? ' year-grid__day--provisional' : ''}`}
      data-date={day.date}
      data-kind={day.kind}
      aria-label={label}
    >
      {day.dayOfMonth}
      {mark !== '' && <sup className="year-grid__mark">{mark}</sup>}
    </span>
  );
  return day.name === undefined ? cell : <Tooltip title={label}>{cell}</Tooltip>;
}
