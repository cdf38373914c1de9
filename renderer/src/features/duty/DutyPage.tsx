import { Alert, DatePicker, Result, Segmented, Skeleton, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { dutiesOf, type RosterEntry } from '@core/records/kinds';
import { useCurrentUser, usePlainRecords } from '../../store';
import { useNow } from '../today/use-now';
import {
  awaitingSignOff,
  dutyRangeFromParams,
  dutyScopes,
  missingDutyDays,
  provisionalRosterNote,
  rosterRows,
  scopeFromKey,
  scopeKey,
} from './duty-view';
import { AwaitingSignOff, MyDuties } from './MyDuties';
import { RosterTable } from './RosterTable';
import { SensitivePeriods } from './SensitivePeriods';
import { SwapDialog } from './SwapDialog';
import { todayIso, useDutyData, useDutyPowers, usePeopleChoices } from './use-duty-data';
import './duty.css';

type DutyTab = 'roster' | 'mine' | 'periods';

/** How many gap sentences the page lists before saying how many more there are. */
const GAPS_SHOWN = 5;

/**
 * 值班: the roster of a period from the working calendar (weekends, statutory holidays and the
 * sensitive periods), the signed-in person's own duty days, the hand-overs waiting for their
 * sign-off, and the sensitive periods the project lead defines. Every gap (no one rostered, no log,
 * not handed over, not signed off) is listed with its sentence.
 */
export function DutyPage() {
  const now = useNow();
  const today = todayIso(now);
  const me = useCurrentUser().id;
  const powers = useDutyPowers();
  const [params, setParams] = useSearchParams();
  const range = useMemo(() => dutyRangeFromParams(params, today), [params, today]);
  const data = useDutyData(range);
  const allLogs = usePlainRecords('dutyLog');
  const people = usePeopleChoices(range);
  const [swapping, setSwapping] = useState<RosterEntry | null>(null);
  const tab: DutyTab =
    params.get('tab') === 'mine' || params.get('tab') === 'periods'
      ? (params.get('tab') as DutyTab)
      : 'roster';

  const scopes = useMemo(
    () => dutyScopes(data.profile, data.periods, data.assignments, powers.readable),
    [data.profile, data.periods, data.assignments, powers.readable],
  );
  const mine = useMemo(() => dutiesOf(data.roster, me), [data.roster, me]);
  const wantedScope = scopeFromKey(params.get('scope'));
  const scope =
    scopes.find((candidate) => candidate.subsystemId === wantedScope) ??
    scopes.find((candidate) => candidate.subsystemId === mine[0]?.subsystemId) ??
    scopes[0];
  const subsystemId = scope?.subsystemId ?? null;
  const rows = useMemo(
    () => rosterRows(data.calendar, data.days, data.roster, data.logs, subsystemId, today),
    [data.calendar, data.days, data.roster, data.logs, subsystemId, today],
  );
  const gaps = missingDutyDays(rows);
  const awaiting = awaitingSignOff(allLogs.data ?? [], me);
  const provisional = provisionalRosterNote(data.days);
  const subsystems = data.profile.subsystems;
  const scopeLabel = (id: number | null) =>
    scopes.find((candidate) => candidate.subsystemId === id)?.label ??
    (id === null
      ? '全合同'
      : `${id} ${subsystems.find((subsystem) => subsystem.id === id)?.shortName ?? ''}`);

  const update = (changes: Readonly<Record<string, string | null>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const error = data.error ?? allLogs.error;
  if (error !== null) {
    return (
      <Result
        status="error"
        title="无法读取值班数据"
        subTitle={<span className="error-reason">{error.message}</span>}
      />
    );
  }
  if (data.pending) {
    return (
      <div aria-busy="true" aria-label="正在读取值班数据">
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  }

  return (
    <section className="duty-page" aria-labelledby="duty-title">
      <header className="page-header duty-page__header">
        <Typography.Title level={4} id="duty-title" className="page-header__title">
          值班
        </Typography.Title>
        <DatePicker.RangePicker
          aria-label="排班时段"
          allowClear={false}
          value={[dayjs(range.from), dayjs(range.to)]}
          onChange={(_dates, [from, to]) =>
            update({ from: from === '' ? null : from, to: to === '' ? null : to })
          }
          data-testid="duty-range"
        />
      </header>
      {!powers.writes && powers.readable !== 'all' && (
        <Alert
          type="info"
          showIcon
          title="值班由驻场工程师和项目负责人负责，服务经理无需值班"
          data-testid="duty-role-notice"
        />
      )}
      {provisional !== null && (
        <Alert type="warning" showIcon title={provisional} data-testid="duty-provisional" />
      )}
      <AwaitingSignOff logs={awaiting} />
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key === 'roster' ? null : key })}
        items={[
          {
            key: 'roster',
            label: '排班',
            children: (
              <div className="duty-panel">
                <div className="duty-panel__head">
                  <Segmented<string>
                    aria-label="值班范围"
                    value={scopeKey(subsystemId)}
                    options={scopes.map((candidate) => ({
                      value: scopeKey(candidate.subsystemId),
                      label: candidate.label,
                    }))}
                    onChange={(key) => update({ scope: key })}
                    data-testid="duty-scope"
                  />
                  {scope !== undefined && scope.clause !== null && (
                    <Typography.Text
                      type="secondary"
                      className="duty-panel__clause"
                      ellipsis={{ tooltip: scope.clause }}
                    >
                      合同要求：{scope.clause}
                    </Typography.Text>
                  )}
                </div>
                {gaps.length > 0 && (
                  <Alert
                    type="error"
                    showIcon
                    className="duty-gaps"
                    title={`${gaps.length} 个值班日缺少排班、值班记录、交接或签收`}
                    description={
                      <ul className="duty-gaps__list" data-testid="duty-gaps">
                        {gaps.slice(0, GAPS_SHOWN).map((gap) => (
                          <li key={gap.day.date}>{gap.status.reason}</li>
                        ))}
                        {gaps.length > GAPS_SHOWN && <li>……另有 {gaps.length - GAPS_SHOWN} 天，见下表</li>}
                      </ul>
                    }
                  />
                )}
                <RosterTable
                  rows={rows}
                  subsystemId={subsystemId}
                  assignments={data.assignments}
                  logs={data.logs}
                  people={people}
                  canAssign={powers.plans}
                  canWrite={powers.writes}
                  onSwap={setSwapping}
                />
              </div>
            ),
          },
          {
            key: 'mine',
            label: `我的值班（${mine.length}）`,
            children: (
              <div className="duty-panel">
                <MyDuties
                  duties={mine}
                  logs={data.logs}
                  me={me}
                  today={today}
                  scopeLabel={scopeLabel}
                  onSwap={setSwapping}
                />
              </div>
            ),
          },
          {
            key: 'periods',
            label: '重要时期',
            children: (
              <SensitivePeriods periods={data.periods} subsystems={subsystems} canEdit={powers.plans} />
            ),
          },
        ]}
      />
      {swapping !== null && (
        <SwapDialog shift={swapping} roster={data.roster} people={people} onClose={() => setSwapping(null)} />
      )}
    </section>
  );
}
