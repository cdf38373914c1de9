import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { DutyLog, RosterEntry } from '@core/records/kinds';
import { logOf, scopeKey, weekdayLabel } from './duty-view';

export interface MyDutiesProps {
  readonly duties: readonly RosterEntry[];
  readonly logs: readonly DutyLog[];
  readonly me: string;
  readonly today: string;
  readonly scopeLabel: (subsystemId: number | null) => string;
  readonly onSwap: (shift: RosterEntry) => void;
}

/** 我的值班: the signed-in person's duty days in the period, with their log and 调班. */
export function MyDuties({ duties, logs, me, today, scopeLabel, onSwap }: MyDutiesProps) {
  if (duties.length === 0) {
    return (
      <Empty
        description="这段时间没有您的值班。排班由项目负责人在“排班”中安排；需要顶替别人时，请对方登记调班。"
        data-testid="my-duties-empty"
      />
    );
  }
  return (
    <List
      size="small"
      dataSource={[...duties]}
      data-testid="my-duties"
      renderItem={(entry) => {
        const log = logOf(logs, entry.date, entry.subsystemId, me);
        return (
          <List.Item
            data-testid="my-duty"
            data-date={entry.date}
            actions={[
              log === undefined ? (
                entry.date <= today ? (
                  <Link
                    key="write"
                    to={`/duty/log/new?date=${entry.date}&scope=${scopeKey(entry.subsystemId)}`}
                    data-testid="my-duty-write-log"
                  >
                    填写值班记录
                  </Link>
                ) : (
                  <Typography.Text key="wait" type="secondary">
                    当天填写记录
                  </Typography.Text>
                )
              ) : (
                <Link key="open" to={`/duty/log/${log.id}`} data-testid="my-duty-log">
                  查看值班记录
                </Link>
              ),
              ...(entry.date >= today
                ? [
                    <Button
                      key="swap"
                      size="small"
                      type="link"
                      onClick={() => onSwap(entry)}
                      data-testid="my-duty-swap"
                    >
                      调班
                    </Button>,
                  ]
                : []),
            ]}
          >
            <Space size={8} wrap>
              <Typography.Text strong>
                {entry.date} {weekdayLabel(entry.date)}
              </Typography.Text>
              <Tag>{scopeLabel(entry.subsystemId)}</Tag>
              {entry.assigned !== me && <Tag color="purple">替 {entry.assigned}</Tag>}
              {log !== undefined && log.handOverTo === null && <Tag color="red">未交接</Tag>}
              {log !== undefined && log.handOverTo !== null && log.signedOffAt === null && (
                <Tag color="orange">待 {log.handOverTo} 签收</Tag>
              )}
              {log !== undefined && log.signedOffAt !== null && <Tag color="green">交接已签收</Tag>}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}

/** 待我签收的交接: hand-overs given to me, each opening its log to sign off. */
export function AwaitingSignOff({ logs }: { readonly logs: readonly DutyLog[] }) {
  if (logs.length === 0) return null;
  return (
    <div className="duty-panel duty-panel--attention" data-testid="duty-awaiting">
      <Typography.Title level={5} className="duty-panel__title">
        待我签收的交接（{logs.length}）
      </Typography.Title>
      <ul className="duty-awaiting">
        {logs.map((log) => (
          <li key={log.id}>
            <Link to={`/duty/log/${log.id}`} data-testid="duty-awaiting-log">
              {log.date} {weekdayLabel(log.date)} · {log.onDuty} 交接给我
            </Link>
            {log.handOverNote !== '' && (
              <Typography.Text type="secondary" ellipsis className="duty-awaiting__note">
                {log.handOverNote}
              </Typography.Text>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
