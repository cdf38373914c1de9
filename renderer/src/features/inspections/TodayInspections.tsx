import { dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';
import { Skeleton, Typography } from 'antd';
import { useSlaRules } from '../../store';
import { useNow } from '../today/use-now';
import { todayTasks } from './inspection-slots';
import { subsystemNames } from './subsystem-names';
import { TodayTaskList } from './TodayTaskList';
import { useInspectionProfile, useMonthRuns, useTemplateCatalogue } from './use-inspection-data';
import './inspections.css';

/** 今日巡检 for the home page: what this user's templates ask for today, each one click from its run. */
export function TodayInspections() {
  // The store's calendar: shipped years, the notices an admin added, provisional ones after those.
  const { calendar } = useSlaRules();
  const now = useNow();
  const month = dayNumberToIsoDate(dayNumberOf(now)).slice(0, 7);
  const profile = useInspectionProfile();
  const catalogue = useTemplateCatalogue();
  const runnable = catalogue.data?.runnable ?? [];
  const runs = useMonthRuns(
    runnable.map((template) => template.templateId),
    month,
  );
  const error = catalogue.error ?? runs.error;
  if (error !== null) {
    return <Typography.Text type="danger">无法读取巡检：{error.message}</Typography.Text>;
  }
  if (catalogue.data === undefined || profile.data === undefined || runs.data === undefined) {
    return <Skeleton active paragraph={{ rows: 2 }} />;
  }
  if (catalogue.data.notRunnable !== null) {
    return <Typography.Text type="secondary">{catalogue.data.notRunnable}</Typography.Text>;
  }
  const { tasks } = todayTasks(runnable, runs.data, now, calendar);
  return <TodayTaskList tasks={tasks} subsystemName={subsystemNames(profile.data)} />;
}
