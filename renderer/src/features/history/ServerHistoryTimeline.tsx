import type { RecordType } from '@core/records';
import type { HistoryResponse } from '@core/sync/protocol';
import { formatInstant } from '@core/time/shanghai-time';
import { Empty, Tag, Timeline, Tooltip, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useSyncStatus } from '../../sync';
import {
  describeChange,
  fieldLabel,
  formatValue,
  isNoChange,
  type ChangeView,
  type LabelContext,
} from './history-labels';
import { Change } from './Change';
import { groupServerHistory, type ServerChange, type ServerSave } from './server-history';

const CREATION_SKIPPED = new Set(['id', 'createdBy', 'createdAt', 'deleted', 'events', 'status']);
const second = (instant: number) => formatInstant(instant).slice(0, 19).replace('T', ' ');

/** The server's history: every PC's saves, newest first; a write that lost a conflict says so. */
export function ServerHistoryTimeline({
  history,
  recordType,
  context,
  computedHere = [],
}: {
  readonly history: HistoryResponse;
  readonly recordType: RecordType;
  readonly context: LabelContext;
  /** Entries this PC computed itself (no server has them), placed among the saves by time. */
  readonly computedHere?: readonly {
    readonly key: string;
    readonly at: number;
    readonly content: ReactNode;
  }[];
}) {
  const { pendingOps } = useSyncStatus();
  const saves = useMemo(() => groupServerHistory(history.entries, recordType), [history.entries, recordType]);
  const items = useMemo(
    () =>
      [
        ...saves.map((save) => ({
          key: save.opId,
          at: save.at,
          color: save.created ? 'green' : save.changes.every((change) => change.superseded) ? 'gray' : 'blue',
          content: <ServerSaveEntry save={save} recordType={recordType} context={context} />,
        })),
        ...computedHere.map((entry) => ({ ...entry, color: 'orange' })),
      ]
        .sort((a, b) => b.at - a.at)
        .map(({ key, color, content }) => ({ key, color, content })),
    [saves, computedHere, recordType, context],
  );
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        服务器上的修改历史，包括其他电脑上的修改。
        {pendingOps > 0 && `本机还有 ${pendingOps} 条修改未同步，同步后显示在这里。`}
      </Typography.Paragraph>
      {items.length === 0 ? (
        <Empty description="服务器上还没有这条记录的修改" />
      ) : (
        <Timeline
          className="record-history"
          data-testid="record-history"
          data-source="server"
          items={items}
        />
      )}
    </>
  );
}

function ServerSaveEntry({
  save,
  recordType,
  context,
}: {
  readonly save: ServerSave;
  readonly recordType: RecordType;
  readonly context: LabelContext;
}) {
  const who = save.user === context.currentUser.id ? context.currentUser.displayName : save.user;
  const changes = save.created
    ? save.changes.filter(
        (change) =>
          change.superseded ||
          (!CREATION_SKIPPED.has(change.field) &&
            formatValue(recordType, change.field, change.after, context) !== '（空）'),
      )
    : save.changes.filter(
        (change) =>
          change.superseded ||
          !isNoChange(
            mergedView(
              describeChange(recordType, change.field, change.before, change.after, context),
              change,
            ),
          ),
      );
  return (
    <div className="history-save" data-testid="history-save">
      <div className="history-save__head">
        <Typography.Text strong>{who}</Typography.Text>
        <Tooltip title={`服务器收到于 ${second(save.receivedAt)}`}>
          <Typography.Text type="secondary">{second(save.at)}</Typography.Text>
        </Tooltip>
        {save.created && <Typography.Text type="success">创建</Typography.Text>}
      </div>
      <ul className="history-save__changes">
        {changes.map((change) => (
          <li
            key={change.key}
            data-testid="history-change"
            data-field={change.field}
            data-superseded={change.superseded ? 'true' : undefined}
            className={change.superseded ? 'history-save__superseded' : undefined}
          >
            <ServerChangeView
              change={change}
              recordType={recordType}
              context={context}
              created={save.created}
            />
            {change.superseded && (
              <Tag color="orange" className="history-save__conflict" data-testid="history-superseded">
                冲突中未被采用
              </Tag>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ServerChangeView({
  change,
  recordType,
  context,
  created,
}: {
  readonly change: ServerChange;
  readonly recordType: RecordType;
  readonly context: LabelContext;
  readonly created: boolean;
}) {
  if (created || change.superseded) {
    // A loser never replaced anything: what it proposed is the news, not an old → new.
    return (
      <>
        <span className="history-save__label">{fieldLabel(recordType, change.field)}：</span>
        <span className="history-save__value">
          {formatValue(recordType, change.field, change.after, context)}
        </span>
      </>
    );
  }
  return (
    <Change
      view={mergedView(
        describeChange(recordType, change.field, change.before, change.after, context),
        change,
      )}
    />
  );
}

/** A union merge keeps everything: items missing from the write were not removed. */
function mergedView(view: ChangeView, change: ServerChange): ChangeView {
  return change.merged && view.kind === 'items' ? { ...view, removed: [] } : view;
}
