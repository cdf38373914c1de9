import { CheckCircleOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { PRESENCE_LABELS, contractYearOf, monthLabel, type OnSiteDay } from '@core/records/kinds';
import { canReadSubsystem } from '@core/auth';
import { dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Result,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useCurrentUser, usePlainRecords, useSlaRules } from '../../store';
import { sessionScope, useSession, useWritableSubsystems } from '../session';
import { ON_SITE_TODAY, ShortcutHelp, shortcutText, useShortcut } from '../shortcuts';
import { useNow } from '../today/use-now';
import { OnSiteDayDialog } from './OnSiteDayDialog';
import {
  defaultSubsystem,
  monthDays,
  monthRange,
  shiftMonth,
  subsystemPresence,
  todayOnSite,
} from './onsite-view';
import { useSaveOnSiteDay } from './use-onsite-save';
import './onsite.css';

/** The dialog: closed, a new day (another date, remote, leave), or an existing day to change. */
type Dialog = null | { readonly day: OnSiteDay | null };

/**
 * 驻场: the stationed engineer's day in one keystroke (T: on site, 8 hours, yesterday's summary), their
 * days of a month, and per subsystem the working days on site against the contract and the days short
 * of the stationed headcount.
 */
export function OnSitePage() {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const session = useSession();
  const scope = sessionScope(session);
  const { profile, calendar } = useSlaRules();
  const now = useNow();
  const today = dayNumberToIsoDate(dayNumberOf(now));
  const year = useMemo(() => contractYearOf(now), [now]);
  const contractIds = useMemo(() => profile.subsystems.map((subsystem) => subsystem.id), [profile]);
  const writable = useWritableSubsystems('onsite_day', contractIds);
  const days = usePlainRecords('onSiteDay', { from: year.from, to: year.to });
  const [month, setMonth] = useState(today.slice(0, 7));
  const range = useMemo(() => monthRange(month), [month]);
  const shownMonth = usePlainRecords('onSiteDay', range);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const [dialog, setDialog] = useState<Dialog>(null);
  const busy = useRef(false);
  const { save, saving } = useSaveOnSiteDay();

  const ownDays = useMemo(
    () => (days.data ?? []).filter((day) => day.engineer === user.id),
    [days.data, user.id],
  );
  const subsystemId = chosen ?? defaultSubsystem(writable.subsystemIds, profile.subsystems, ownDays);
  const today_ =
    subsystemId === undefined
      ? null
      : todayOnSite(days.data ?? [], {
          engineer: user.id,
          subsystemId,
          today,
          at: now,
        });
  const presence = useMemo(
    () =>
      subsystemPresence(
        profile.subsystems,
        (id) =>
          scope === null ||
          canReadSubsystem(scope, id, {
            documentSystemSubsystemId: profile.documentSystem?.subsystemId ?? null,
          }),
        [...(days.data ?? []), ...(shownMonth.data ?? [])],
        calendar,
        { year, month: range },
        today,
      ),
    [profile, scope, days.data, shownMonth.data, calendar, year, range, today],
  );
  const nameOf = (id: number) =>
    profile.subsystems.find((subsystem) => subsystem.id === id)?.shortName ?? `子项 ${id}`;

  const recordToday = async () => {
    if (busy.current || dialog !== null || today_ === null || days.data === undefined) return;
    if (today_.kind === 'refused') {
      void message.error(today_.reason);
      return;
    }
    if (today_.kind === 'recorded') {
      void message.info(
        `今天（${nameOf(today_.day.subsystemId)}）已登记：${PRESENCE_LABELS[today_.day.presence]} ${today_.day.hours} 小时`,
      );
      return;
    }
    busy.current = true;
    await save(
      null,
      today_.day,
      `已登记今天驻场（${nameOf(today_.day.subsystemId)}，${today_.day.hours} 小时）`,
    );
    busy.current = false;
  };

  const canWrite = writable.reason === null && subsystemId !== undefined;
  useShortcut(ON_SITE_TODAY, () => void recordToday(), { enabled: canWrite && dialog === null });

  const error = days.error ?? shownMonth.error;
  if (error !== null) {
    return (
      <Result
        status="error"
        title="无法读取驻场记录"
        subTitle={<span className="error-reason">{error.message}</span>}
      />
    );
  }
  if (days.data === undefined) return <Skeleton active />;

  const rows = monthDays(shownMonth.data ?? [], user.id, month);
  return (
    <section className="onsite-page" aria-labelledby="onsite-title">
      <header className="page-header">
        <Typography.Title level={4} id="onsite-title" className="page-header__title">
          驻场
        </Typography.Title>
        {canWrite && (
          <Space wrap>
            <Select
              className="onsite-page__subsystem"
              aria-label="运维子项"
              value={subsystemId}
              onChange={setChosen}
              options={writable.subsystemIds.map((id) => ({ value: id, label: `${id} ${nameOf(id)}` }))}
              data-testid="onsite-subsystem"
            />
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              loading={saving}
              disabled={today_?.kind === 'recorded'}
              onClick={() => void recordToday()}
              data-testid="onsite-today"
            >
              {today_?.kind === 'recorded' ? '今天已登记' : `今天驻场（${shortcutText(ON_SITE_TODAY)}）`}
            </Button>
            <Button
              icon={<PlusOutlined />}
              onClick={() => setDialog({ day: null })}
              data-testid="onsite-other-day"
            >
              登记其他情况
            </Button>
          </Space>
        )}
        <div className="page-header__actions">
          <ShortcutHelp />
        </div>
      </header>
      {writable.reason !== null && (
        <Alert
          className="page-hint"
          type="info"
          showIcon
          title="您不能登记驻场记录"
          description={writable.reason}
          data-testid="onsite-not-offered"
        />
      )}
      {today_ !== null && canWrite && (
        <Alert
          className="page-hint"
          type={today_.kind === 'recorded' ? 'success' : 'info'}
          showIcon
          data-testid="onsite-today-state"
          title={
            today_.kind === 'recorded'
              ? `今天 ${today} 已登记：${PRESENCE_LABELS[today_.day.presence]} ${today_.day.hours} 小时`
              : `今天 ${today} 还没有登记。按 ${shortcutText(ON_SITE_TODAY)} 登记为驻场 8 小时${today_.kind === 'ready' && today_.day.summary !== '' ? '，工作内容同上一天' : ''}`
          }
          description={today_.kind === 'recorded' ? today_.day.summary || '（未填写工作内容）' : undefined}
          action={
            today_.kind === 'recorded' ? (
              <Button
                size="small"
                onClick={() => setDialog({ day: today_.day })}
                data-testid="onsite-edit-today"
              >
                修改
              </Button>
            ) : undefined
          }
        />
      )}
      <div className="onsite-page__body">
        <Card
          size="small"
          className="onsite-page__month"
          title={
            <Space>
              <Button
                size="small"
                type="text"
                icon={<LeftOutlined />}
                aria-label="上个月"
                onClick={() => setMonth(shiftMonth(month, -1))}
              />
              <span data-testid="onsite-month">我的{monthLabel(month)}驻场记录</span>
              <Button
                size="small"
                type="text"
                icon={<RightOutlined />}
                aria-label="下个月"
                onClick={() => setMonth(shiftMonth(month, 1))}
              />
            </Space>
          }
          extra={
            <Typography.Text type="secondary">
              共 {rows.length} 天，驻场 {rows.filter((day) => day.presence === 'on_site').length} 天
            </Typography.Text>
          }
        >
          <Table<OnSiteDay>
            size="small"
            rowKey="id"
            dataSource={rows}
            data-testid="onsite-days"
            pagination={false}
            scroll={{ y: 360 }}
            locale={{
              emptyText: (
                <Empty
                  description={
                    canWrite
                      ? `这个月还没有记录：到岗后按 ${shortcutText(ON_SITE_TODAY)} 登记今天`
                      : '这个月没有记录'
                  }
                />
              ),
            }}
            columns={[
              { title: '日期', dataIndex: 'date', width: 104 },
              { title: '运维子项', dataIndex: 'subsystemId', width: 110, render: (id: number) => nameOf(id) },
              {
                title: '出勤',
                dataIndex: 'presence',
                width: 70,
                render: (value: OnSiteDay['presence']) => (
                  <Tag color={value === 'on_site' ? 'green' : value === 'remote' ? 'blue' : 'default'}>
                    {PRESENCE_LABELS[value]}
                  </Tag>
                ),
              },
              { title: '时长', dataIndex: 'hours', width: 64, render: (hours: number) => `${hours} 小时` },
              { title: '工作内容', dataIndex: 'summary', ellipsis: true },
              {
                title: '',
                key: 'edit',
                width: 60,
                render: (_: unknown, day: OnSiteDay) =>
                  canWrite ? (
                    <Button size="small" type="link" onClick={() => setDialog({ day })}>
                      修改
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
        <div className="onsite-page__presence" data-testid="onsite-presence">
          {presence.length === 0 ? (
            <Card size="small" title="驻场要求">
              <Empty description="您可查看的运维子项中没有驻场要求" />
            </Card>
          ) : (
            presence.map((item) => (
              <Card
                key={item.subsystemId}
                size="small"
                title={`${item.subsystemId} ${item.name}`}
                data-testid="onsite-subsystem-card"
                data-subsystem={item.subsystemId}
              >
                {item.workdays.required !== null && (
                  <div className="onsite-presence__line" data-testid="onsite-workdays">
                    <Typography.Text strong>{year.label}现场服务：</Typography.Text>已 {item.workdays.done}{' '}
                    个工作日 / 要求 ≥ {item.workdays.required} 个，本年度还剩 {item.workdays.workdaysLeft}{' '}
                    个工作日
                    {item.workdays.met ? (
                      <Tag color="green" className="onsite-presence__tag">
                        已达到
                      </Tag>
                    ) : item.workdays.required - item.workdays.done > item.workdays.workdaysLeft ? (
                      <Tag color="red" className="onsite-presence__tag">
                        已无法达到
                      </Tag>
                    ) : (
                      <Tag color="orange" className="onsite-presence__tag">
                        还差 {item.workdays.required - item.workdays.done} 个，仍可达到
                      </Tag>
                    )}
                  </div>
                )}
                {item.stationedEngineers > 0 && (
                  <div className="onsite-presence__line" data-testid="onsite-headcount">
                    <Typography.Text strong>驻场人数：</Typography.Text>
                    合同要求 {item.stationedEngineers} 人；{monthLabel(month)}
                    {item.headcount.shortDays.length === 0
                      ? '到昨天为止没有人数不足的工作日'
                      : `有 ${item.headcount.shortDays.length} 个工作日人数不足`}
                    {item.headcount.shortDays.length > 0 && (
                      <Typography.Paragraph
                        type="secondary"
                        className="onsite-presence__days"
                        ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}
                      >
                        {[...item.headcount.reasons].reverse().join('；')}
                      </Typography.Paragraph>
                    )}
                  </div>
                )}
              </Card>
            ))
          )}
        </div>
      </div>
      {dialog !== null && (
        <OnSiteDayDialog
          before={dialog.day}
          today={today}
          subsystemId={subsystemId}
          writableSubsystemIds={writable.subsystemIds}
          nameOf={nameOf}
          days={days.data}
          onSave={async (before, after, done) => (await save(before, after, done)) !== null}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
