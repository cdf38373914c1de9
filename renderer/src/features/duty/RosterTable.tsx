import { Button, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import {
  DUTY_DAY_STATE_LABELS,
  type DutyAssignment,
  type DutyDayState,
  type DutyLog,
  type RosterEntry,
} from '@core/records/kinds';
import { useCurrentUser } from '../../store';
import { newAssignment } from './duty-records';
import {
  assignedPeople,
  assignmentEdits,
  logOf,
  personNameProblem,
  scopeKey,
  type RosterRow,
} from './duty-view';
import { useDutySave } from './use-duty-save';

const STATE_COLORS: Readonly<Record<DutyDayState, string>> = {
  upcoming: 'default',
  today: 'processing',
  unassigned: 'warning',
  missing_log: 'error',
  no_hand_over: 'error',
  unsigned: 'warning',
  complete: 'success',
};

export interface RosterTableProps {
  readonly rows: readonly RosterRow[];
  readonly subsystemId: number | null;
  readonly assignments: readonly DutyAssignment[];
  readonly logs: readonly DutyLog[];
  readonly people: readonly string[];
  readonly canAssign: boolean;
  readonly canWrite: boolean;
  readonly onSwap: (shift: RosterEntry) => void;
}

/** 排班: each duty day of the scope, who is on duty, and what is missing. The lead assigns here. */
export function RosterTable(props: RosterTableProps) {
  const { rows, subsystemId, assignments, logs, people, canAssign, canWrite, onSwap } = props;
  const me = useCurrentUser().id;
  const { save, refuse } = useDutySave();

  const assign = async (date: string, wanted: readonly string[]) => {
    const edits = assignmentEdits(assignments, date, subsystemId, wanted);
    const problems = edits.add.map(personNameProblem).filter((problem) => problem !== null);
    if (problems.length > 0) {
      refuse(problems.join('；'));
      return;
    }
    for (const person of edits.add) {
      const result = newAssignment(date, subsystemId, person, me, Date.now());
      if (!result.ok) {
        refuse(result.reason);
        return;
      }
      const saved = await save(
        { recordType: 'dutyAssignment', before: null, after: result.assignment },
        `已安排 ${person} 于 ${date} 值班`,
        `已撤销 ${person} ${date} 的值班安排`,
      );
      if (!saved) return;
    }
    for (const assignment of edits.remove) {
      const saved = await save(
        {
          recordType: 'dutyAssignment',
          before: assignment,
          after: { ...assignment, deleted: true, updatedAt: Date.now() },
        },
        `已取消 ${assignment.person} ${date} 的值班`,
        `已恢复 ${assignment.person} ${date} 的值班`,
      );
      if (!saved) return;
    }
  };

  return (
    <Table<RosterRow>
      size="small"
      rowKey={(row) => row.day.date}
      dataSource={[...rows]}
      pagination={{ pageSize: 16, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="duty-roster"
      onRow={(row) => ({ 'data-date': row.day.date, 'data-state': row.status.state }) as object}
      locale={{ emptyText: <Empty description="这段时间没有值班日（周末、法定节假日或重要时期）" /> }}
      columns={[
        {
          title: '日期',
          key: 'date',
          width: 150,
          render: (_value, row) => (
            <Space size={4}>
              <span>
                {row.day.date} {row.weekday}
              </span>
              {row.day.provisional && (
                <Tooltip title="该年的节假日安排尚未发布，值班日按周末和法定节假日暂定">
                  <Tag color="orange">暂定</Tag>
                </Tooltip>
              )}
            </Space>
          ),
        },
        { title: '值班原因', dataIndex: 'reasonText', width: 200, ellipsis: true },
        {
          title: '值班人员',
          key: 'people',
          render: (_value, row) =>
            canAssign ? (
              <div className="duty-roster__assign">
                <Select<string[]>
                  mode="tags"
                  size="small"
                  className="duty-roster__people"
                  aria-label={`${row.day.date} 值班人员`}
                  placeholder="选择或输入登录名"
                  value={assignedPeople(assignments, row.day.date, subsystemId)}
                  options={people.map((name) => ({ value: name, label: name }))}
                  onChange={(wanted) => void assign(row.day.date, wanted)}
                  tokenSeparators={[',', '，', ' ']}
                  data-testid="roster-people"
                />
                {row.entries
                  .filter((entry) => entry.person !== entry.assigned)
                  .map((entry) => (
                    <Typography.Text
                      key={entry.assignmentId}
                      type="secondary"
                      className="duty-roster__swapped"
                    >
                      调班后由 {entry.person} 替 {entry.assigned}
                    </Typography.Text>
                  ))}
              </div>
            ) : (
              <PeopleText entries={row.entries} me={me} />
            ),
        },
        {
          title: '状态',
          key: 'state',
          width: 170,
          render: (_value, row) => (
            <Tooltip title={row.status.reason === '' ? undefined : row.status.reason}>
              <Tag color={STATE_COLORS[row.status.state]} data-testid="roster-state">
                {DUTY_DAY_STATE_LABELS[row.status.state]}
              </Tag>
            </Tooltip>
          ),
        },
        {
          title: '值班记录与调班',
          key: 'logs',
          width: 230,
          render: (_value, row) => (
            <Space size={2} wrap>
              {logs
                .filter((log) => !log.deleted && log.date === row.day.date && log.subsystemId === subsystemId)
                .map((log) => (
                  <Link key={log.id} to={`/duty/log/${log.id}`} data-testid="roster-log">
                    {log.onDuty} 的记录
                  </Link>
                ))}
              {canWrite &&
                row.entries.some((entry) => entry.person === me) &&
                logOf(logs, row.day.date, subsystemId, me) === undefined && (
                  <Link
                    to={`/duty/log/new?date=${row.day.date}&scope=${scopeKey(subsystemId)}`}
                    data-testid="roster-write-log"
                  >
                    填写值班记录
                  </Link>
                )}
              {canWrite &&
                row.entries
                  .filter((entry) => canAssign || entry.person === me)
                  .map((entry) => (
                    <Button
                      key={entry.assignmentId}
                      size="small"
                      type="link"
                      onClick={() => onSwap(entry)}
                      data-testid="roster-swap"
                    >
                      {canAssign ? `${entry.person} 调班` : '调班'}
                    </Button>
                  ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

function PeopleText({ entries, me }: { readonly entries: readonly RosterEntry[]; readonly me: string }) {
  if (entries.length === 0) return <Typography.Text type="secondary">未排班</Typography.Text>;
  return (
    <Space size={4} wrap>
      {entries.map((entry) => (
        <Tag key={entry.assignmentId} color={entry.person === me ? 'blue' : undefined}>
          {entry.person === me ? `${entry.person}（我）` : entry.person}
          {entry.person !== entry.assigned && `（替 ${entry.assigned}）`}
        </Tag>
      ))}
    </Space>
  );
}
