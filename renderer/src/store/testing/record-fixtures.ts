import { newTicket, transition, type Ticket, type TicketDraft } from '@core/records';
import { parseInstant } from '@core/time/shanghai-time';

/** Records for the store's tests (and the bench), built with the core domain functions. */
export const at = parseInstant;

export const phoneCall: TicketDraft = {
  subsystemId: 5,
  channel: 'phone',
  reporter: { unit: '省人社厅办公室', person: '王老师', phone: '0851-86812345' },
  category: 'fault',
  severity: 'major',
  title: '门户网站首页打不开',
  description: '上午九点起首页显示 502',
  receivedAt: at('2026-03-10T09:02'),
};

export function createdTicket(
  draft: Partial<TicketDraft> = {},
  savedAt: number = at('2026-03-10T09:05'),
): Ticket {
  const result = newTicket({ ...phoneCall, ...draft }, { actor: 'zhangsan', at: savedAt });
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

export function respondedTicket(ticket: Ticket, respondedAt: number): Ticket {
  const result = transition(ticket, 'respond', { actor: 'zhangsan', at: respondedAt });
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}
