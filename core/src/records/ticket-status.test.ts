import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUTE_MS, parseInstant } from '../time/shanghai-time';
import { type Ticket, ticketSchema } from './ticket';
import { newTicket } from './ticket-create';
import {
  TICKET_ACTIONS,
  type TicketAction,
  type TransitionContext,
  allowedActions,
  statusFromEvents,
  transition,
} from './ticket-status';

const at = parseInstant;
const T0 = at('2026-03-10T09:05');

function fresh(resolution = ''): Ticket {
  const result = newTicket(
    {
      subsystemId: 7,
      channel: 'qq',
      reporter: { unit: '信息中心', person: '赵工', phone: '13800000000' },
      category: 'fault',
      severity: 'ordinary',
      title: '大数据平台接口超时',
      receivedAt: at('2026-03-10T09:00'),
      resolution,
    },
    { actor: 'zhangsan', at: T0 },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

function apply(ticket: Ticket, action: TicketAction, context: Partial<TransitionContext> = {}): Ticket {
  const result = transition(ticket, action, { actor: 'zhangsan', at: T0, ...context });
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

function refusal(ticket: Ticket, action: TicketAction, context: Partial<TransitionContext> = {}): string {
  const result = transition(ticket, action, { actor: 'zhangsan', at: T0, ...context });
  if (result.ok) throw new Error(`expected ${action} to be refused`);
  return result.reason;
}

describe('the ticket status machine', () => {
  it('runs the whole flow, appending one event per action', () => {
    let ticket = fresh('重启接口服务');
    ticket = apply(ticket, 'respond', { at: at('2026-03-10T09:06'), note: '已电话联系' });
    expect(ticket.status).toBe('responded');
    ticket = apply(ticket, 'progress', { at: at('2026-03-10T09:10') });
    expect(ticket.status).toBe('in_progress');
    ticket = apply(ticket, 'wait', { at: at('2026-03-10T09:20'), reason: '等待对方提供报错截图' });
    expect(ticket.status).toBe('waiting');
    ticket = apply(ticket, 'resume', { at: at('2026-03-10T10:00') });
    expect(ticket.status).toBe('in_progress');
    ticket = apply(ticket, 'resolve', { at: at('2026-03-10T10:30') });
    ticket = apply(ticket, 'close', { at: at('2026-03-10T11:00') });
    expect(ticket.status).toBe('closed');
    expect(ticket.events.map((event) => event.kind)).toEqual([
      'created',
      'responded',
      'progress',
      'waiting',
      'resumed',
      'resolved',
      'closed',
    ]);
    expect(ticket.events[3]).toMatchObject({
      reason: '等待对方提供报错截图',
      resumeTo: 'in_progress',
      author: 'zhangsan',
    });
    expect(ticketSchema.parse(ticket)).toEqual(ticket);
  });

  it('returns from waiting to the status it left', () => {
    const responded = apply(fresh(), 'respond');
    const waiting = apply(responded, 'wait', { reason: '等待用户确认账号' });
    expect(apply(waiting, 'resume').status).toBe('responded');
  });

  it('lets a ticket settled on the spot go from responded to resolved', () => {
    expect(apply(apply(fresh('已电话解答'), 'respond'), 'resolve').status).toBe('resolved');
  });

  it('reopens a resolved or closed ticket into in_progress, with a reason', () => {
    const resolved = apply(apply(fresh('已处理'), 'respond'), 'resolve');
    const closed = apply(resolved, 'close');
    expect(apply(resolved, 'reopen', { reason: '问题复现' }).status).toBe('in_progress');
    expect(apply(closed, 'reopen', { reason: '问题复现' }).status).toBe('in_progress');
    expect(refusal(closed, 'reopen')).toBe('重新打开须填写原因');
  });

  it('refuses illegal transitions with a reason', () => {
    const closed = apply(apply(apply(fresh('已处理'), 'respond'), 'resolve'), 'close');
    expect(refusal(closed, 'resolve')).toBe('已关闭的工单不能直接标记为已解决，请先重新打开');
    expect(refusal(fresh(), 'resolve')).toBe('工单尚未响应，请先响应再标记为已解决');
    expect(refusal(fresh(), 'progress')).toBe('工单尚未响应，请先响应再开始处理');
    expect(refusal(fresh(), 'wait', { reason: 'x' })).toBe('工单尚未响应，请先响应再转为等待报告人');
    expect(refusal(fresh(), 'close')).toBe('只有已解决的工单才能关闭（当前：新建）');
    expect(refusal(fresh(), 'reopen', { reason: 'x' })).toBe(
      '只有已解决或已关闭的工单才能重新打开（当前：新建）',
    );
    expect(refusal(apply(fresh(), 'respond'), 'respond')).toBe('工单已响应过（当前：已响应），不能重复响应');
    expect(refusal(apply(fresh(), 'respond'), 'resume')).toBe(
      '工单没有在等待报告人（当前：已响应），无需恢复处理',
    );
    const waiting = apply(apply(fresh('x'), 'respond'), 'wait', { reason: '等待回复' });
    expect(refusal(waiting, 'resolve')).toBe('工单正在等待报告人，请先恢复处理再标记为已解决');
    expect(refusal(waiting, 'wait', { reason: '再等' })).toBe('工单已在等待报告人');
  });

  it('needs a reason to wait, a note to comment and a resolution to resolve', () => {
    const responded = apply(fresh(), 'respond');
    expect(refusal(responded, 'wait', { reason: '  ' })).toBe('转为等待报告人须填写原因（等待什么）');
    expect(refusal(responded, 'comment')).toBe('备注内容不能为空');
    expect(refusal(responded, 'resolve')).toBe('请先填写处理结果，再标记为已解决');
  });

  it('keeps status changes in time order but lets comments fall anywhere', () => {
    const responded = apply(fresh(), 'respond', { at: at('2026-03-10T09:30') });
    expect(refusal(responded, 'progress', { at: at('2026-03-10T09:20') })).toBe(
      '时间 2026-03-10T09:20:00+08:00 早于上一次状态变化 2026-03-10T09:30:00+08:00',
    );
    expect(refusal(fresh(), 'respond', { at: at('2026-03-10T08:59') })).toBe(
      '时间 2026-03-10T08:59:00+08:00 早于接报时间 2026-03-10T09:00:00+08:00',
    );
    // A call answered at 09:01 and logged at 09:05: the response may be earlier than the save.
    expect(apply(fresh(), 'respond', { at: at('2026-03-10T09:01') }).status).toBe('responded');
    expect(apply(responded, 'comment', { at: at('2026-03-10T09:10'), note: '补记：用户来电' }).status).toBe(
      'responded',
    );
  });

  it('comments in every status without changing it', () => {
    const waiting = apply(apply(fresh(), 'respond'), 'wait', { reason: '等待回复' });
    const commented = apply(waiting, 'comment', { note: '已再次电话催促' });
    expect(commented.status).toBe('waiting');
    expect(commented.events.at(-1)).toMatchObject({ kind: 'comment', text: '已再次电话催促' });
  });

  it('refuses everything on a deleted ticket and offers no actions', () => {
    const deleted = { ...fresh(), deleted: true };
    expect(refusal(deleted, 'respond')).toBe('工单已删除，不能再变更');
    expect(allowedActions(deleted)).toEqual([]);
  });

  it('refuses an event with a bad author', () => {
    expect(refusal(fresh(), 'respond', { actor: '' })).toBe('处理记录无效：author: 用户不能为空');
  });

  it('offers exactly the actions it accepts, and stays valid, under any sequence (property)', () => {
    const step = fc.record({
      action: fc.constantFrom(...TICKET_ACTIONS),
      minutes: fc.integer({ min: 0, max: 600 }),
      withReason: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let ticket = fresh('已处理');
        let now = T0;
        let statusBeforeWait = ticket.status;
        for (const { action, minutes, withReason } of steps) {
          now += minutes * MINUTE_MS;
          const context = { actor: 'lisi', at: now, ...(withReason ? { reason: '原因', note: '说明' } : {}) };
          const result = transition(ticket, action, context);
          const needsText = action === 'wait' || action === 'reopen' || action === 'comment';
          expect(result.ok).toBe(allowedActions(ticket).includes(action) && (withReason || !needsText));
          if (!result.ok) continue;
          if (action === 'wait') statusBeforeWait = ticket.status;
          if (action === 'resume') expect(result.ticket.status).toBe(statusBeforeWait);
          ticket = result.ticket;
          expect(ticket.status).toBe(statusFromEvents(ticket.events));
          expect(ticketSchema.safeParse(ticket).success).toBe(true);
        }
      }),
    );
  });
});
