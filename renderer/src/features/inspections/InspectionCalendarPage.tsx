import { SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';
import { useSlaRules } from '../../store';
import { useNow } from '../today/use-now';
import { monthSlots, todayTasks } from './inspection-slots';
import { RunList } from './RunList';
import { slotKeyText } from './shanghai-format';
import { SlotCalendar } from './SlotCalendar';
import { subsystemNames } from './subsystem-names';
import { TodayTaskList } from './TodayTaskList';
import {
  useInspectionProfile,
  useMonthRuns,
  useRecentRuns,
  useTemplateCatalogue,
} from './use-inspection-data';
import './inspections.css';

const ALL = 'all';

/** 巡检: today's due list on top, then the month's slots in a calendar and the list of past runs. */
export function InspectionCalendarPage() {
  const navigate = useNavigate();
  const now = useNow();
  const { calendar } = useSlaRules();
  const today = dayNumberToIsoDate(dayNumberOf(now));
  const [month, setMonth] = useState(today.slice(0, 7));
  const [subsystemFilter, setSubsystemFilter] = useState<number | typeof ALL>(ALL);
  const [templateFilter, setTemplateFilter] = useState<string>(ALL);

  const profile = useInspectionProfile();
  const catalogue = useTemplateCatalogue();
  // Only the templates this user may run: another subsystem's checks are not theirs to do (or to miss).
  const latest = useMemo(() => catalogue.data?.runnable ?? [], [catalogue.data]);
  const templateIds = useMemo(() => latest.map((template) => template.templateId), [latest]);
  const currentRuns = useMonthRuns(templateIds, today.slice(0, 7));
  const viewedRuns = useMonthRuns(templateIds, month);
  const recentRuns = useRecentRuns();

  const shown = latest.filter(
    (template) =>
      (subsystemFilter === ALL || template.subsystemId === subsystemFilter) &&
      (templateFilter === ALL || template.templateId === templateFilter),
  );

  const error = catalogue.error ?? currentRuns.error ?? viewedRuns.error ?? recentRuns.error;
  if (error !== null) {
    return (
      <Result
        status="error"
        title="无法读取巡检数据"
        subTitle={<span className="error-reason">{error.message}</span>}
      />
    );
  }
  if (catalogue.isPending || profile.data === undefined || currentRuns.data === undefined) {
    return (
      <div aria-busy="true" aria-label="正在读取巡检数据">
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  }

  const subsystemName = subsystemNames(profile.data);
  const todayView = todayTasks(latest, currentRuns.data, now, calendar);
  // Another month's runs are read when it is first shown; meanwhile only the calendar waits.
  const monthView =
    viewedRuns.data === undefined
      ? undefined
      : monthSlots(shown, viewedRuns.data, month, now, calendar, catalogue.data?.inUseSince ?? new Map());
  const subsystemsWithTemplates = [...new Set(latest.map((template) => template.subsystemId))];
  const urgent = todayView.tasks.filter((task) => task.entry?.status.state === 'overdue').length;

  return (
    <section className="inspections-page" aria-labelledby="inspections-title">
      <header className="page-header inspections-page__header">
        <Typography.Title level={4} id="inspections-title" className="page-header__title">
          巡检
        </Typography.Title>
        <Typography.Text type="secondary">
          共 {latest.length} 个巡检模板 · 今日 {todayView.tasks.filter((task) => task.entry !== null).length}{' '}
          项应检
          {urgent > 0 ? `，${urgent} 项已逾期` : ''}
        </Typography.Text>
        <Button
          className="inspections-page__templates"
          icon={<SettingOutlined />}
          onClick={() => void navigate('/inspections/templates')}
        >
          巡检模板
        </Button>
      </header>
      <div className="inspections-panel">
        <Typography.Title level={5} className="inspections-panel__title">
          今日巡检（{slotKeyText(today)}）
        </Typography.Title>
        {catalogue.data !== undefined && catalogue.data.notRunnable !== null && (
          <Alert
            type="info"
            showIcon
            title="您没有需要做的巡检"
            description={catalogue.data.notRunnable}
            className="page-hint"
            data-testid="inspections-not-offered"
          />
        )}
        {todayView.problems.map((problem) => (
          <Alert
            key={problem.template.templateId}
            type="warning"
            showIcon
            title={problem.reason}
            className="page-hint"
          />
        ))}
        <TodayTaskList tasks={todayView.tasks} subsystemName={subsystemName} />
      </div>
      <div className="inspections-panel">
        <Tabs
          items={[
            {
              key: 'calendar',
              label: '巡检日历',
              children: (
                <>
                  <Space className="inspections-filters" wrap>
                    <Select
                      aria-label="按运维子项筛选"
                      value={subsystemFilter}
                      style={{ width: 180 }}
                      onChange={(value) => {
                        setSubsystemFilter(value);
                        setTemplateFilter(ALL);
                      }}
                      options={[
                        { value: ALL, label: '全部运维子项' },
                        ...subsystemsWithTemplates.map((id) => ({ value: id, label: subsystemName(id) })),
                      ]}
                    />
                    <Select
                      aria-label="按巡检模板筛选"
                      value={templateFilter}
                      style={{ width: 320 }}
                      onChange={setTemplateFilter}
                      options={[
                        { value: ALL, label: '全部巡检模板' },
                        ...latest
                          .filter(
                            (template) => subsystemFilter === ALL || template.subsystemId === subsystemFilter,
                          )
                          .map((template) => ({ value: template.templateId, label: template.name })),
                      ]}
                    />
                  </Space>
                  {monthView === undefined ? (
                    <Skeleton active paragraph={{ rows: 8 }} />
                  ) : (
                    <SlotCalendar
                      month={month}
                      onMonthChange={setMonth}
                      today={today}
                      slots={monthView}
                      subsystemName={subsystemName}
                    />
                  )}
                </>
              ),
            },
            {
              key: 'runs',
              label: '巡检记录',
              children:
                recentRuns.data === undefined ? (
                  <Skeleton active />
                ) : (
                  <RunList
                    runs={recentRuns.data}
                    templates={catalogue.data?.all ?? []}
                    subsystemName={subsystemName}
                  />
                ),
            },
          ]}
        />
      </div>
    </section>
  );
}
