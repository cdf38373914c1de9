import { newTicket, type Ticket } from '@core/records';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { actionFields, applyAction, refusalOf } from './ticket-action-form';

const at = (time: string) => parseInstant(`2026-03-10 ${time}`);
const actor = 'zhangsan';

function ticket(): Ticket {
  const result = newTicket(
    {
      subsystemId: 5,
      channel: 'phone',
      reporter: { unit: '', person: '王老师', phone: '' },
      category: 'fault',
      severity: 'ordinary',
      title: '首页打不开',
      receivedAt: at('09:00'),
    },
    { actor, at: at('09:02') },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

const input = (values: Partial<{ at: string; reason: string; resolution: string; note: string }> = {}) => ({
  at: '2026-03-10 09:05',
  reason: '',
  resolution: '',
  note: '',
  ...values,
});

function step(subject: Ticket, action: Parameters<typeof applyAction>[1], values = input()): Ticket {
  const result = applyAction(subject, action, values, { actor, now: at('10:00') });
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

describe('actionFields', () => {
  it('asks for a reason to wait or reopen, a resolution to resolve, a note otherwise', () => {
    expect(actionFields('wait')).toEqual({ reason: true, resolution: false, note: false });
    expect(actionFields('reopen')).toEqual({ reason: true, resolution: false, note: false });
    expect(actionFields('resolve')).toEqual({ reason: false, resolution: true, note: true });
    expect(actionFields('respond')).toEqual({ reason: false, resolution: false, note: true });
  });
});

describe('applyAction', () => {
  it('walks respond → wait (with a reason) → resume → resolve (writing the resolution) → close', () => {
    const responded = step(ticket(), 'respond', input({ note: '电话中已答复' }));
    expect(responded.status).toBe('responded');
    expect(responded.events.at(-1)).toMatchObject({
      kind: 'responded',
      at: at('09:05'),
      note: '电话中已答复',
    });
    const waiting = step(
      responded,
      'wait',
      input({ at: '2026-03-10 09:10', reason: '等待对方提供报错截图' }),
    );
    expect(waiting.status).toBe('waiting');
    const resumed = step(waiting, 'resume', input({ at: '2026-03-10 09:30' }));
    expect(resumed.status).toBe('responded');
    const resolved = step(
      resumed,
      'resolve',
      input({ at: '2026-03-10 09:40', resolution: '重启 Nginx 后恢复' }),
    );
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolution).toBe('重启 Nginx 后恢复');
    expect(step(resolved, 'close', input({ at: '2026-03-10 09:45' })).status).toBe('closed');
  });

  it('refuses with core’s reason: no waiting reason, no resolution, time before the last change', () => {
    const responded = step(ticket(), 'respond');
    const context = { actor, now: at('10:00') };
    expect(applyAction(responded, 'wait', input(), context)).toEqual({
      ok: false,
      reason: '转为等待报告人须填写原因（等待什么）',
    });
    expect(applyAction(responded, 'resolve', input(), context)).toEqual({
      ok: false,
      reason: '请先填写处理结果，再标记为已解决',
    });
    expect(applyAction(responded, 'progress', input({ at: '2026-03-10 09:04' }), context)).toEqual({
      ok: false,
      reason: '时间 2026-03-10T09:04:00+08:00 早于上一次状态变化 2026-03-10T09:05:00+08:00',
    });
  });

  it('refuses a time that is not a time or is still to come', () => {
    const context = { actor, now: at('10:00') };
    expect(applyAction(ticket(), 'respond', input({ at: '2026-03-10 10:01' }), context)).toEqual({
      ok: false,
      reason: '发生时间不能晚于现在（2026-03-10 10:00）',
    });
    const typo = applyAction(ticket(), 'respond', input({ at: '十点' }), context);
    expect(typo.ok === false && typo.reason).toMatch(/^发生时间：不是有效的时间/);
  });
});

describe('refusalOf', () => {
  it('says why a button is disabled, and nothing for an allowed one', () => {
    expect(refusalOf(ticket(), 'respond', actor, at('09:05'))).toBeNull();
    expect(refusalOf(ticket(), 'resolve', actor, at('09:05'))).toBe('工单尚未响应，请先响应再标记为已解决');
    expect(refusalOf(ticket(), 'close', actor, at('09:05'))).toBe('只有已解决的工单才能关闭（当前：新建）');
    // Resolving needs a resolution, which the dialog asks for: the button stays enabled.
    expect(refusalOf(step(ticket(), 'respond'), 'resolve', actor, at('09:06'))).toBeNull();
  });
});
