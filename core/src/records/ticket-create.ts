import { z } from 'zod';
import { formatInstant, type Instant } from '../time/shanghai-time';
import { newRecordId } from './record-id';
import { ticketContentShape, ticketSchema, type Ticket } from './ticket';
import { parseRecord, type Refusal, refuse } from './validation';

/** What a form, a pasted chat message or a failed inspection item provides to open a ticket. */
export const ticketDraftSchema = z.strictObject({
  ...ticketContentShape,
  assignee: ticketContentShape.assignee.default(null),
  description: ticketContentShape.description.default(''),
  rootCause: ticketContentShape.rootCause.default(''),
  resolution: ticketContentShape.resolution.default(''),
  chatEvidence: ticketContentShape.chatEvidence.default(null),
  attachments: ticketContentShape.attachments.default([]),
  inspectionLink: ticketContentShape.inspectionLink.default(null),
});
export type TicketDraft = z.input<typeof ticketDraftSchema>;

/** The fields `editTicket` may change: the content, never the status, timeline or envelope. */
export type TicketContent = Pick<Ticket, keyof typeof ticketContentShape>;
export const TICKET_CONTENT_FIELDS = Object.keys(ticketContentShape) as readonly (keyof TicketContent)[];

export interface CreateContext {
  readonly actor: string;
  /** The save instant: createdAt, updatedAt and the “登记” event. */
  readonly at: Instant;
  readonly id?: string;
  readonly eventId?: string;
}

export type TicketResult = { readonly ok: true; readonly ticket: Ticket } | Refusal;

/** A new ticket in status `new`, its timeline opened by a “登记” event by the actor. */
export function newTicket(draft: TicketDraft, context: CreateContext): TicketResult {
  const content = parseRecord(ticketDraftSchema, draft, '工单');
  if (!content.ok) return content;
  if (content.value.receivedAt > context.at) {
    return refuse(
      `接报时间 ${formatInstant(content.value.receivedAt)} 不能晚于登记时间 ${formatInstant(context.at)}`,
    );
  }
  const candidate = {
    ...content.value,
    id: context.id ?? newRecordId(),
    createdBy: context.actor,
    createdAt: context.at,
    updatedAt: context.at,
    deleted: false,
    status: 'new',
    events: [
      { id: context.eventId ?? newRecordId(), kind: 'created', at: context.at, author: context.actor },
    ],
  };
  const ticket = parseRecord(ticketSchema, candidate, '工单');
  return ticket.ok ? { ok: true, ticket: ticket.value } : ticket;
}

/**
 * Changes content fields. Status and timeline change only through `transition`, the envelope only
 * through the store, so a patch naming them is refused rather than silently ignored.
 */
export function editTicket(ticket: Ticket, patch: Partial<TicketContent>): TicketResult {
  const forbidden = Object.keys(patch).filter(
    (key) => !(TICKET_CONTENT_FIELDS as readonly string[]).includes(key),
  );
  if (forbidden.length > 0) {
    return refuse(`不能直接修改这些字段：${forbidden.join('、')}（状态和处理记录只能通过处理操作变更）`);
  }
  if (ticket.deleted) return refuse('工单已删除，不能再修改');
  const edited = parseRecord(ticketSchema, { ...ticket, ...patch }, '工单');
  return edited.ok ? { ok: true, ticket: edited.value } : edited;
}
