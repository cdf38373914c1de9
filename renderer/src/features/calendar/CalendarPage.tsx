import { Alert, Button, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { sessionScope, useSession } from '../session';
import { useNow } from '../today/use-now';
import { NoticeEditor } from './NoticeEditor';
import { useWorkingCalendar } from './use-calendar';
import { beijingYearMonth, holidaySummary, missingNextYear } from './year-grid-data';
import { YearGrid } from './YearGrid';
import './calendar.css';

/**
 * 日历: the working calendar every clock counts by, year by year: holidays and 调休 days from the State
 * Council's notices, a year without one marked 暂定. The project lead adds next year's notice here.
 */
export function CalendarPage() {
  const session = useSession();
  const scope = sessionScope(session);
  const canEdit = scope === null || scope.role === 'project_lead';
  const { calendar, added } = useWorkingCalendar();
  const today = beijingYearMonth(useNow());
  const thisYear = today.year;
  const years = [...new Set([...calendar.years(), thisYear, thisYear + 1])].sort((a, b) => a - b);
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState(false);
  const missing = missingNextYear(today, calendar);
  const published = calendar.hasYear(year);
  const addedNotice = added.find((notice) => notice.year === year);

  return (
    <section className="calendar-page" aria-labelledby="calendar-title">
      <header className="page-header calendar-page__header">
        <Typography.Title level={4} id="calendar-title" className="page-header__title">
          节假日与工作日历
        </Typography.Title>
        {canEdit && (
          <Button type="primary" onClick={() => setEditing(true)} data-testid="calendar-add">
            添加年度节假日安排
          </Button>
        )}
      </header>
      {missing !== null && (
        <Alert
          type="warning"
          showIcon
          className="page-hint"
          title={`${missing} 年的节假日安排尚未添加`}
          description={`在添加之前，跨入 ${missing} 年的时限按法定节假日暂定（调休上班日未计入），并标为“暂定”。国务院通知发布后${canEdit ? '请在这里添加' : '请项目负责人添加'}。`}
          data-testid="calendar-missing"
        />
      )}
      <div className="calendar-page__years">
        <Segmented<number>
          options={years.map((candidate) => ({ label: `${candidate} 年`, value: candidate }))}
          value={year}
          onChange={setYear}
          aria-label="年份"
        />
        {published ? (
          <Tag color="green" data-testid="calendar-year-state">
            {addedNotice === undefined ? '已发布（随软件提供）' : '已发布（管理员添加）'}
          </Tag>
        ) : (
          <Tag color="orange" data-testid="calendar-year-state">
            暂定：尚无国务院通知
          </Tag>
        )}
      </div>
      <ul className="calendar-page__summary" data-testid="calendar-summary">
        {holidaySummary(calendar, year).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <YearGrid calendar={calendar} year={year} />
      <Typography.Paragraph type="secondary" className="calendar-page__legend">
        <span className="year-grid__day year-grid__day--holiday">休</span> 放假
        <span className="year-grid__day year-grid__day--adjusted-workday">班</span> 调休上班
        <span className="year-grid__day year-grid__day--weekend">六</span> 周末
        <span className="year-grid__day year-grid__day--provisional">暂</span> 暂定（尚无通知）
      </Typography.Paragraph>
      {editing && (
        <NoticeEditor
          open={editing}
          initialYear={missing ?? year}
          added={added}
          onClose={() => setEditing(false)}
        />
      )}
    </section>
  );
}
