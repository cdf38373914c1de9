import {
  linkResultToTicket,
  newTicket,
  ticketDraftFromFailedItem,
  type InspectionRun,
  type InspectionTemplate,
  type Refusal,
  refuse,
  type Ticket,
} from '@core/records';
import type { Instant } from '@core/time/shanghai-time';
import { itemState, resultOf } from './item-state';

export type TicketFromItem =
  { readonly ok: true; readonly ticket: Ticket; readonly run: InspectionRun } | Refusal;

/**
 * The one step from an abnormal item to a ticket: core's prefilled draft (channel 巡检, the run, the
 * value, the threshold and the note), opened as a new ticket, and the run with the result pointing at
 * it. Both are returned so the caller saves both: the ticket's `inspectionLink` and the result's
 * `ticketId` link them both ways.
 */
export function ticketFromFailedItem(
  run: InspectionRun,
  template: InspectionTemplate,
  itemId: string,
  context: { readonly actor: string; readonly at: Instant },
): TicketFromItem {
  if (run.templateId !== template.templateId || run.templateVersion !== template.version) {
    return refuse(
      `这次巡检按模板第 ${run.templateVersion} 版填写，与「${template.name}」第 ${template.version} 版不符`,
    );
  }
  const item = template.items.find((candidate) => candidate.id === itemId);
  if (item === undefined) return refuse(`「${template.name}」第 ${template.version} 版中没有这个检查项`);
  const result = resultOf(run, itemId);
  if (result === undefined) return refuse(`「${item.label}」还没有填写结果，不能生成工单`);
  if (result.ticketId !== null) return refuse(`「${item.label}」已经生成过工单`);
  if (itemState(item, result.value).kind !== 'abnormal') {
    return refuse(`「${item.label}」结果正常，无需生成工单`);
  }
  const opened = newTicket(ticketDraftFromFailedItem(run, template.name, item, result), context);
  if (!opened.ok) return opened;
  const linked = linkResultToTicket(run, itemId, opened.ticket.id);
  if (!linked.ok) return linked;
  return { ok: true, ticket: opened.ticket, run: linked.run };
}

/**
 * The ticket a result links to, made again with the linked id: for a run whose link was saved but
 * whose ticket was not (the page closed between the two saves).
 */
export function rebuildLinkedTicket(
  run: InspectionRun,
  template: InspectionTemplate,
  itemId: string,
  context: { readonly actor: string; readonly at: Instant },
): { readonly ok: true; readonly ticket: Ticket } | Refusal {
  const item = template.items.find((candidate) => candidate.id === itemId);
  const result = resultOf(run, itemId);
  if (item === undefined || result === undefined || result.ticketId === null) {
    return refuse(`「${item?.label ?? '这个检查项'}」没有关联工单，无需补建`);
  }
  if (itemState(item, result.value).kind !== 'abnormal') {
    return refuse(`「${item.label}」结果正常，无需补建工单`);
  }
  const draft = ticketDraftFromFailedItem(run, template.name, item, result);
  const opened = newTicket(draft, { ...context, id: result.ticketId });
  return opened.ok ? { ok: true, ticket: opened.ticket } : opened;
}
