import type { RecordType } from '@core/records';
import { formatInstant } from '@core/time/shanghai-time';
import { Alert, Empty, Skeleton, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { groupBySave, type SaveGroup } from './group-history';
import { EMPTY_VALUE, describeChanges, fieldLabel, formatValue, type LabelContext } from './history-labels';
import { Change } from './Change';
import { ServerHistoryTimeline } from './ServerHistoryTimeline';
import { useRecordHistory } from './use-record-history';
import { useServerHistory } from './use-server-history';
import { SYSTEM_ACTOR } from '../../store';
import './history.css';

/** Fields a creation lists: what was logged, not the bookkeeping every record has. */
const CREATION_SKIPPED = new Set([
  'id',
  'createdBy',
  'createdAt',
  'updatedAt',
  'deleted',
  'events',
  'status',
]);

export interface RecordHistoryProps {
  readonly recordType: RecordType;
  readonly recordId: string;
  readonly context: LabelContext;
}

/**
 * 修改历史: every save of the record, newest first — who, when, and each field as old → new (the
 * audit trail an acceptance review asks for). For a server account online it is the server's
 * history, every PC's edits included, with the writes that lost a conflict marked; otherwise (local
 * user, offline, server not answering) the history this PC recorded.
 */
export function RecordHistory(props: RecordHistoryProps) {
  const server = useServerHistory(props.recordType, props.recordId);
  const local = useRecordHistory(props.recordId);
  // What this PC computed itself (deadlines recomputed for a new calendar notice) is in no server's
  // history: it is shown among the server's saves, by its time.
  const computedHere = useMemo(
    () =>
      groupBySave(local.data ?? [], props.recordType)
        .filter((group) => group.actor === SYSTEM_ACTOR)
        .map((group) => ({
          key: group.hlc,
          at: group.at,
          content: <SaveEntry group={group} recordType={props.recordType} context={props.context} />,
        })),
    [local.data, props.recordType, props.context],
  );
  if (!server.available) return <LocalHistory {...props} />;
  if (server.query.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (server.query.isSuccess) {
    return (
      <ServerHistoryTimeline
        history={server.query.data}
        recordType={props.recordType}
        context={props.context}
        computedHere={computedHere}
      />
    );
  }
  return (
    <>
      <Alert
        type="info"
        showIcon
        title="暂时无法读取服务器上的修改历史，以下是本机记录的历史"
        description={server.query.error.message}
        style={{ marginBottom: 12 }}
        data-testid="history-server-unavailable"
      />
      <LocalHistory {...props} />
    </>
  );
}

/** The history this PC recorded: its own saves and the changes pulled from the server. */
function LocalHistory({ recordType, recordId, context }: RecordHistoryProps) {
  const history = useRecordHistory(recordId);
  const groups = useMemo(
    () =>
      groupBySave(history.data ?? [], recordType).filter(
        (group) => group.created || describeChanges(recordType, group.entries, context).length > 0,
      ),
    [history.data, recordType, context],
  );
  if (history.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (history.isError)
    return <Alert type="error" showIcon title="无法读取修改历史" description={history.error.message} />;
  if (groups.length === 0) return <Empty description="还没有修改记录" />;
  return (
    <Timeline
      className="record-history"
      data-testid="record-history"
      data-source="local"
      items={groups.map((group) => ({
        key: group.hlc,
        color: group.created ? 'green' : 'blue',
        content: <SaveEntry group={group} recordType={recordType} context={context} />,
      }))}
    />
  );
}

function SaveEntry({
  group,
  recordType,
  context,
}: {
  readonly group: SaveGroup;
  readonly recordType: RecordType;
  readonly context: LabelContext;
}) {
  const who = group.actor === context.currentUser.id ? context.currentUser.displayName : group.actor;
  const when = formatInstant(group.at).slice(0, 19).replace('T', ' ');
  return (
    <div className="history-save" data-testid="history-save">
      <div className="history-save__head">
        <Typography.Text strong>{who}</Typography.Text>
        <Typography.Text type="secondary">{when}</Typography.Text>
        {group.created && <Typography.Text type="success">创建</Typography.Text>}
      </div>
      {group.created ? (
        <ul className="history-save__changes">
          {group.entries
            .filter((entry) => !CREATION_SKIPPED.has(entry.field))
            .filter((entry) => formatValue(recordType, entry.field, entry.newValue, context) !== EMPTY_VALUE)
            .map((entry) => (
              <li key={entry.id} data-testid="history-change" data-field={entry.field}>
                <span className="history-save__label">{fieldLabel(recordType, entry.field)}：</span>
                <span className="history-save__value">
                  {formatValue(recordType, entry.field, entry.newValue, context)}
                </span>
              </li>
            ))}
        </ul>
      ) : (
        <ul className="history-save__changes">
          {describeChanges(recordType, group.entries, context).map(({ field, view }) => (
            <li key={field} data-testid="history-change" data-field={field}>
              <Change view={view} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
