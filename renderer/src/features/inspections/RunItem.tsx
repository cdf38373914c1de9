import { ExclamationCircleFilled, CheckCircleFilled, FileAddOutlined } from '@ant-design/icons';
import { Button, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  INSPECTION_ITEM_KIND_LABELS,
  TICKET_STATUS_LABELS,
  type InspectionItem,
  type InspectionResult,
  type InspectionValue,
  type Ticket,
  valuesEqual,
} from '@core/records';
import { itemState, thresholdText } from './item-state';
import { ItemValueInput } from './ItemValueInput';
import { ItemValueText } from './ItemValueText';

interface RunItemProps {
  readonly runId: string;
  readonly index: number;
  readonly item: InspectionItem;
  readonly result: InspectionResult | undefined;
  /** The linked ticket when the result opened one: undefined while loading or if it is missing. */
  readonly ticket: Ticket | undefined;
  readonly ticketMissing: boolean;
  readonly finished: boolean;
  readonly busy: boolean;
  readonly onValue: (value: InspectionValue) => Promise<void>;
  readonly onNote: (note: string) => Promise<void>;
  readonly onPhoto: (file: Blob, name: string) => Promise<void>;
  readonly onOpenTicket: () => Promise<void>;
  readonly onRebuildTicket: () => Promise<void>;
}

/**
 * One checklist item: its input, its judgement (flagged the moment a value is out of threshold or
 * failed, with core's reason), its note, and its ticket.
 */
export function RunItem(props: RunItemProps) {
  const { index, item, result, finished, busy } = props;
  const [draft, setDraft] = useState<{ readonly value: InspectionValue } | undefined>();
  const [noteDraft, setNoteDraft] = useState<string | undefined>();
  const shown = draft === undefined ? result?.value : draft.value;
  const state = itemState(item, shown);
  const threshold = thresholdText(item);

  /** Saves the draft (or a clicked value) when it differs from what is stored. */
  const commit = async (value: InspectionValue) => {
    const normalized = value === '' ? null : value;
    if (valuesEqual(normalized, result?.value ?? null)) {
      setDraft(undefined);
      return;
    }
    setDraft({ value: normalized });
    try {
      await props.onValue(normalized);
    } finally {
      setDraft(undefined);
    }
  };

  const commitNote = async () => {
    if (noteDraft === undefined || noteDraft.trim() === (result?.note ?? '')) {
      setNoteDraft(undefined);
      return;
    }
    try {
      await props.onNote(noteDraft.trim());
    } finally {
      setNoteDraft(undefined);
    }
  };

  const openTicket = async () => {
    if (draft !== undefined) await commit(draft.value);
    await props.onOpenTicket();
  };

  return (
    <li
      className={`inspections-item inspections-item--${state.kind}`}
      data-testid="run-item"
      data-item-id={item.id}
      data-state={state.kind}
      data-busy={busy ? 'true' : undefined}
    >
      <div className="inspections-item__head">
        <span className="inspections-item__index">{index + 1}</span>
        <div className="inspections-item__label">
          <Typography.Text strong>{item.label}</Typography.Text>
          <span className="inspections-item__meta">
            <Tag>{INSPECTION_ITEM_KIND_LABELS[item.kind]}</Tag>
            {item.required ? <Tag color="blue">必填</Tag> : <Tag>选填</Tag>}
            {threshold === '' ? null : (
              <Typography.Text type="secondary" data-testid="item-threshold">
                {threshold}
              </Typography.Text>
            )}
          </span>
        </div>
        <div className="inspections-item__input">
          {finished ? (
            <ItemValueText item={item} value={shown} />
          ) : (
            <ItemValueInput
              item={item}
              value={shown}
              disabled={busy}
              onDraft={(value) => setDraft({ value })}
              onCommit={(value) => void commit(value)}
              onPhoto={(file, name) => void props.onPhoto(file, name)}
            />
          )}
        </div>
        <ItemVerdict state={state.kind} />
      </div>
      {state.kind === 'abnormal' || state.kind === 'invalid' ? (
        <div className="inspections-item__flag" role="alert" data-testid="item-flag">
          <Typography.Text type={state.kind === 'abnormal' ? 'danger' : 'warning'}>
            {state.reason}
          </Typography.Text>
          {state.kind === 'abnormal' ? <TicketLink {...props} onOpen={openTicket} /> : null}
        </div>
      ) : null}
      {finished ? (
        result === undefined || result.note === '' ? null : (
          <Typography.Text className="inspections-item__note" data-testid="item-note">
            备注：{result.note}
          </Typography.Text>
        )
      ) : (
        <Input
          className="inspections-item__note"
          aria-label={`${item.label}的备注`}
          placeholder={result === undefined ? '先填写结果，再写备注' : '备注（选填）：现象、处理情况等'}
          disabled={busy || result === undefined}
          maxLength={2_000}
          value={noteDraft ?? result?.note ?? ''}
          onChange={(event) => setNoteDraft(event.target.value)}
          onBlur={() => void commitNote()}
          onPressEnter={() => void commitNote()}
        />
      )}
    </li>
  );
}

function ItemVerdict({ state }: { readonly state: ReturnType<typeof itemState>['kind'] }) {
  switch (state) {
    case 'ok':
      return (
        <span className="inspections-item__verdict inspections-item__verdict--ok">
          <CheckCircleFilled /> 正常
        </span>
      );
    case 'abnormal':
      return (
        <span className="inspections-item__verdict inspections-item__verdict--abnormal">
          <ExclamationCircleFilled /> 异常
        </span>
      );
    case 'invalid':
      return <span className="inspections-item__verdict inspections-item__verdict--invalid">无法保存</span>;
    case 'empty':
      return <span className="inspections-item__verdict">未填写</span>;
  }
}

function TicketLink(props: RunItemProps & { readonly onOpen: () => Promise<void> }) {
  const { result, ticket, ticketMissing, busy } = props;
  // Not `busy`: leaving the number field for this button starts a save, and a button that turns to
  // “loading” under the pointer swallows the click. The ticket waits for that save in the queue.
  const [opening, setOpening] = useState(false);
  const open = async () => {
    setOpening(true);
    try {
      await props.onOpen();
    } finally {
      setOpening(false);
    }
  };
  if (result === undefined || result.ticketId === null) {
    return (
      <Button
        danger
        size="small"
        icon={<FileAddOutlined />}
        loading={opening}
        onClick={() => void open()}
        data-testid="item-open-ticket"
      >
        生成工单
      </Button>
    );
  }
  if (ticketMissing) {
    return (
      <span className="inspections-item__ticket">
        <Typography.Text type="warning">已关联的工单没有保存完成（保存时页面可能被关闭）</Typography.Text>
        <Button size="small" onClick={() => void props.onRebuildTicket()} loading={busy}>
          补建工单
        </Button>
      </span>
    );
  }
  // Both directions are shown as stored: the result names the ticket, the ticket names this result.
  const linkedBack =
    ticket !== undefined &&
    ticket.inspectionLink !== null &&
    ticket.inspectionLink.runId === props.runId &&
    ticket.inspectionLink.itemId === props.item.id;
  return (
    <span className="inspections-item__ticket" data-testid="item-ticket">
      <Typography.Text type="secondary">已生成工单：</Typography.Text>
      <Link to={`/tickets/${result.ticketId}`} data-testid="item-ticket-link">
        {ticket?.title ?? '打开工单'}
      </Link>
      {ticket === undefined ? null : (
        <>
          <Tag>{TICKET_STATUS_LABELS[ticket.status]}</Tag>
          {linkedBack ? (
            <Tag color="green" data-testid="item-ticket-linked">
              已互相关联
            </Tag>
          ) : (
            <Typography.Text type="warning">该工单没有指回本检查项</Typography.Text>
          )}
        </>
      )}
    </span>
  );
}
