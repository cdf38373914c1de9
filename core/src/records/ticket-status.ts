import { formatInstant, type Instant } from '../time/shanghai-time';
import { newRecordId } from './record-id';
import { TICKET_STATUS_LABELS, type Ticket, type TicketStatus } from './ticket';
import { STATUS_EVENT_KINDS, type TicketEvent, ticketEventSchema } from './ticket-event';
import { describeSchemaIssues } from '../host/schema-issues';
import { type Refusal, refuse, safeParseInChinese } from './validation';

/**
 * The ticket status machine (docs/records.md has the full table):
 *
 *   new ─respond→ responded ─progress→ in_progress ─resolve→ resolved ─close→ closed
 *   responded ─resolve→ resolved        (answered and settled on the spot, e.g. a consultation)
 *   responded | in_progress ─wait→ waiting ─resume→ the status it left
 *   resolved | closed ─reopen→ in_progress
 *   comment: in every status, changes only the timeline
 */
export const TICKET_ACTIONS = [
  'respond',
  'progress',
  'wait',
  'resume',
  'resolve',
  'close',
  'reopen',
  'comment',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export const TICKET_ACTION_LABELS: Readonly<Record<TicketAction, string>> = {
  respond: '响应',
  progress: '开始处理',
  wait: '等待报告人',
  resume: '恢复处理',
  resolve: '标记为已解决',
  close: '关闭',
  reopen: '重新打开',
  comment: '添加备注',
};

export interface TransitionContext {
  readonly actor: string;
  /** When it happened; may be earlier than the save (a call answered before it was logged). */
  readonly at: Instant;
  /** Required for `wait` and `reopen`. */
  readonly reason?: string;
  /** An optional note on a status change; the text of a `comment` (required there). */
  readonly note?: string;
  /** The new event's id; a fresh UUID when absent. */
  readonly eventId?: string;
}

export type TransitionResult =
  { readonly ok: true; readonly ticket: Ticket; readonly event: TicketEvent } | Refusal;

const ALLOWED: Readonly<Record<TicketStatus, readonly TicketAction[]>> = {
  new: ['respond', 'comment'],
  responded: ['progress', 'wait', 'resolve', 'comment'],
  in_progress: ['wait', 'resolve', 'comment'],
  waiting: ['resume', 'comment'],
  resolved: ['close', 'reopen', 'comment'],
  closed: ['reopen', 'comment'],
};

/** The actions a ticket accepts now, for the buttons the UI offers. */
export function allowedActions(ticket: Pick<Ticket, 'status' | 'deleted'>): readonly TicketAction[] {
  return ticket.deleted ? [] : ALLOWED[ticket.status];
}

/**
 * Applies an action: the new ticket with one event appended and its status moved, or a refusal with
 * the reason in Chinese. Only `status` and `events` change; the store stamps `updatedAt` when it saves.
 */
export function transition(
  ticket: Ticket,
  action: TicketAction,
  context: TransitionContext,
): TransitionResult {
  if (ticket.deleted) return refuse('工单已删除，不能再变更');
  if (!ALLOWED[ticket.status].includes(action)) return refuse(illegalReason(ticket.status, action));

  const timeProblem = checkTime(ticket, action, context.at);
  if (timeProblem !== undefined) return refuse(timeProblem);
  if ((action === 'wait' || action === 'reopen') && (context.reason ?? '').trim() === '') {
    return refuse(action === 'wait' ? '转为等待报告人须填写原因（等待什么）' : '重新打开须填写原因');
  }
  if (action === 'comment' && (context.note ?? '').trim() === '') return refuse('备注内容不能为空');
  if (action === 'resolve' && ticket.resolution.trim() === '') {
    return refuse('请先填写处理结果，再标记为已解决');
  }

  const draft = buildEvent(ticket, action, context);
  const parsed = safeParseInChinese(ticketEventSchema, draft);
  if (!parsed.success) return refuse(`处理记录无效：${describeSchemaIssues(parsed.error)}`);
  const event = parsed.data;
  return {
    ok: true,
    event,
    ticket: { ...ticket, status: nextStatus(ticket, event), events: [...ticket.events, event] },
  };
}

/** Replays the status events; what `status` must equal for a ticket whose timeline is complete. */
export function statusFromEvents(events: readonly TicketEvent[]): TicketStatus {
  let status: TicketStatus = 'new';
  let resumeTo: TicketStatus = 'in_progress';
  for (const event of events) {
    switch (event.kind) {
      case 'responded':
        status = 'responded';
        break;
      case 'progress':
      case 'reopened':
        status = 'in_progress';
        break;
      case 'waiting':
        status = 'waiting';
        resumeTo = event.resumeTo;
        break;
      case 'resumed':
        status = resumeTo;
        break;
      case 'resolved':
        status = 'resolved';
        break;
      case 'closed':
        status = 'closed';
        break;
      case 'created':
      case 'comment':
        break;
    }
  }
  return status;
}

function nextStatus(ticket: Ticket, event: TicketEvent): TicketStatus {
  if (event.kind === 'comment') return ticket.status;
  return statusFromEvents([...ticket.events, event]);
}

function buildEvent(ticket: Ticket, action: TicketAction, context: TransitionContext): unknown {
  const base = { id: context.eventId ?? newRecordId(), at: context.at, author: context.actor };
  const note = context.note?.trim() ? { note: context.note } : {};
  switch (action) {
    case 'respond':
      return { ...base, kind: 'responded', ...note };
    case 'progress':
      return { ...base, kind: 'progress', ...note };
    case 'wait':
      return { ...base, kind: 'waiting', reason: context.reason, resumeTo: ticket.status };
    case 'resume':
      return { ...base, kind: 'resumed', ...note };
    case 'resolve':
      return { ...base, kind: 'resolved', ...note };
    case 'close':
      return { ...base, kind: 'closed', ...note };
    case 'reopen':
      return { ...base, kind: 'reopened', reason: context.reason };
    case 'comment':
      return { ...base, kind: 'comment', text: context.note };
  }
}

/** Status changes keep the timeline in order, so the clocks can be read from it; comments may not. */
function checkTime(ticket: Ticket, action: TicketAction, at: Instant): string | undefined {
  if (!Number.isInteger(at) || at < 0) return `时间无效：${at}`;
  if (action === 'comment') return undefined;
  if (at < ticket.receivedAt) {
    return `时间 ${formatInstant(at)} 早于接报时间 ${formatInstant(ticket.receivedAt)}`;
  }
  const lastStatusAt = ticket.events.reduce(
    (latest, event) => (STATUS_EVENT_KINDS.has(event.kind) ? Math.max(latest, event.at) : latest),
    ticket.receivedAt,
  );
  if (at < lastStatusAt) {
    return `时间 ${formatInstant(at)} 早于上一次状态变化 ${formatInstant(lastStatusAt)}`;
  }
  return undefined;
}

function illegalReason(status: TicketStatus, action: TicketAction): string {
  const label = TICKET_STATUS_LABELS[status];
  switch (action) {
    case 'respond':
      return `工单已响应过（当前：${label}），不能重复响应`;
    case 'progress':
      if (status === 'new') return '工单尚未响应，请先响应再开始处理';
      if (status === 'in_progress') return '工单已在处理中';
      if (status === 'waiting') return '工单正在等待报告人，请先恢复处理';
      return `${label}的工单不能开始处理，请先重新打开`;
    case 'wait':
      if (status === 'new') return '工单尚未响应，请先响应再转为等待报告人';
      if (status === 'waiting') return '工单已在等待报告人';
      return `${label}的工单不能转为等待报告人`;
    case 'resume':
      return `工单没有在等待报告人（当前：${label}），无需恢复处理`;
    case 'resolve':
      if (status === 'new') return '工单尚未响应，请先响应再标记为已解决';
      if (status === 'waiting') return '工单正在等待报告人，请先恢复处理再标记为已解决';
      if (status === 'resolved') return '工单已是已解决状态';
      return `${label}的工单不能直接标记为已解决，请先重新打开`;
    case 'close':
      if (status === 'closed') return '工单已关闭';
      return `只有已解决的工单才能关闭（当前：${label}）`;
    case 'reopen':
      return `只有已解决或已关闭的工单才能重新打开（当前：${label}）`;
    case 'comment':
      return `${label}的工单不能添加备注`;
  }
}
