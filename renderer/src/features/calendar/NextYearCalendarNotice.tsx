import { Alert } from 'antd';
import { Link } from 'react-router';
import { sessionScope, useSession } from '../session';
import { useWorkingCalendar } from './use-calendar';
import { beijingYearMonth, missingNextYear } from './year-grid-data';

/** From 1 November on, until next year's notice is added, the project lead's home page says so. */
export function NextYearCalendarNotice({ now }: { readonly now: number }) {
  const scope = sessionScope(useSession());
  const { calendar } = useWorkingCalendar();
  if (scope !== null && scope.role !== 'project_lead') return null;
  const missing = missingNextYear(beijingYearMonth(now), calendar);
  if (missing === null) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="page-hint"
      data-testid="next-year-calendar"
      title={`${missing} 年的节假日安排尚未添加`}
      description={
        <>
          跨入 {missing} 年的时限目前按法定节假日暂定，调休上班日未计入。国务院通知发布后，请在
          <Link to="/calendar">日历</Link>页添加，各电脑同步后自动重新计算。
        </>
      }
    />
  );
}
