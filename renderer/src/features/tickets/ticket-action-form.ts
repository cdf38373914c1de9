import { allowedActions, editTicket, transition, type Ticket, type TicketAction } from '@core/records';
import type { Instant } from '@core/time/shanghai-time';
import { formatMinute, parseMinute } from './format-time';

/** The status actions the ticket page offers as buttons (备注 has its own box). */
export const STATUS_ACTIONS: readonly Exclude<TicketAction, 'comment'>[] = [
  'respond',
  'progress',
  'wait',
  'resume',
  'resolve',
  'close',
  'reopen',
];

/** What each action's dialog asks for. */
export interface ActionFields {
  /** wait: what is awaited; reopen: why. Required. */
  readonly reason: boolean;
  /** resolve: the 处理结果 the ticket must have. Required. */
  readonly resolution: boolean;
  /** An optional note on the status change. */
  readonly note: boolean;
}

export function actionFields(action: Exclude<TicketAction, 'comment'>): ActionFields {
  return {
    reason: action === 'wait' || action === 'reopen',
    resolution: action === 'resolve',
    note: action !== 'wait' && action !== 'reopen',
  };
}

export interface ActionInput {
  /** When it happened, Beijing time as typed: a call answered at 09:01 may be logged at 09:05. */
  readonly at: string;
  readonly reason: string;
  readonly resolution: string;
  readonly note: string;
}

/**
 * The ticket after the action, or the reason it is refused (core's reasons, plus the dialog's own for
 * a time that is not a time or is still to come). Resolving writes the 处理结果 in the same save.
 */
export function applyAction(
  ticket: Ticket,
  action: Exclude<TicketAction, 'comment'>,
  input: ActionInput,
  context: { readonly actor: string; readonly now: Instant },
): { readonly ok: true; readonly ticket: Ticket } | { readonly ok: false; readonly reason: string } {
  const at = parseMinute(input.at);
  if (!at.ok) return { ok: false, reason: `发生时间：${at.reason}` };
  if (at.instant > context.now)
    return { ok: false, reason: `发生时间不能晚于现在（${formatMinute(context.now)}）` };
  let subject = ticket;
  if (action === 'resolve' && input.resolution !== ticket.resolution) {
    const edited = editTicket(ticket, { resolution: input.resolution });
    if (!edited.ok) return edited;
    subject = edited.ticket;
  }
  const moved = transition(subject, action, {
    actor: context.actor,
    at: at.instant,
    reason: input.reason,
    note: input.note.trim() === '' ? undefined : input.note,
  });
  return moved.ok ? { ok: true, ticket: moved.ticket } : moved;
}

/**
 * Why a button is disabled: core's refusal of the action in the ticket's status; null when the status
 * allows it (what the dialog asks for, a reason or a resolution, is checked when it is submitted).
 */
export function refusalOf(ticket: Ticket, action: TicketAction, actor: string, now: Instant): string | null {
  if (allowedActions(ticket).includes(action)) return null;
  const attempt = transition(ticket, action, { actor, at: now, reason: '—', note: '—' });
  return attempt.ok ? null : attempt.reason;
}
