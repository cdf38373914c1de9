import { describe, expect, it } from 'vitest';
import { parseInstant } from '../time/shanghai-time';
import { newTicket } from './ticket-create';
import { deleteTicket, restoreTicket } from './ticket-delete';
import { transition } from './ticket-status';
import type { Ticket } from './ticket';

const at = (text: string) => parseInstant(`${text}:00+08:00`);

function ticket(): Ticket {
  const created = newTicket(
    {
      subsystemId: 5,
      channel: 'phone',
      reporter: { unit: '社保局信息科', person: '王老师', phone: '0851-86812345' },
      category: 'fault',
      severity: 'ordinary',
      title: '网站首页打不开',
      description: '显示 502',
      receivedAt: at('2026-03-10T09:00'),
    },
    { actor: 'zhangsan', at: at('2026-03-10T09:01') },
  );
  if (!created.ok) throw new Error(created.reason);
  return created.ticket;
}

describe('deleteTicket', () => {
  it('makes a tombstone and writes the reason on the timeline', () => {
    const deleted = deleteTicket(ticket(), {
      actor: 'zhangsan',
      at: at('2026-03-10T09:05'),
      reason: ' 重复登记 ',
    });
    expect(deleted.ok).toBe(true);
    if (!deleted.ok) return;
    expect(deleted.ticket.deleted).toBe(true);
    expect(deleted.ticket.status).toBe('new');
    expect(deleted.ticket.events.at(-1)).toMatchObject({
      kind: 'comment',
      text: '删除工单：重复登记',
      author: 'zhangsan',
    });
  });

  it('refuses without a reason, and twice', () => {
    expect(deleteTicket(ticket(), { actor: 'zhangsan', at: at('2026-03-10T09:05'), reason: '  ' })).toEqual({
      ok: false,
      reason: '删除工单须填写原因（如重复登记、误登记）',
    });
    const deleted = deleteTicket(ticket(), {
      actor: 'zhangsan',
      at: at('2026-03-10T09:05'),
      reason: '误登记',
    });
    if (!deleted.ok) throw new Error(deleted.reason);
    expect(
      deleteTicket(deleted.ticket, { actor: 'zhangsan', at: at('2026-03-10T09:06'), reason: '再删' }),
    ).toEqual({
      ok: false,
      reason: '工单已删除',
    });
  });

  it('leaves a deleted ticket closed to every action until it is restored', () => {
    const deleted = deleteTicket(ticket(), {
      actor: 'zhangsan',
      at: at('2026-03-10T09:05'),
      reason: '误登记',
    });
    if (!deleted.ok) throw new Error(deleted.reason);
    expect(transition(deleted.ticket, 'respond', { actor: 'zhangsan', at: at('2026-03-10T09:06') }).ok).toBe(
      false,
    );
    const restored = restoreTicket(deleted.ticket, {
      actor: 'lisi',
      at: at('2026-03-10T09:07'),
      reason: '并非重复',
    });
    if (!restored.ok) throw new Error(restored.reason);
    expect(restored.ticket.deleted).toBe(false);
    expect(restored.ticket.events.at(-1)).toMatchObject({ kind: 'comment', text: '恢复工单：并非重复' });
    expect(transition(restored.ticket, 'respond', { actor: 'zhangsan', at: at('2026-03-10T09:08') }).ok).toBe(
      true,
    );
  });

  it('refuses to restore a ticket that is not deleted', () => {
    expect(
      restoreTicket(ticket(), { actor: 'zhangsan', at: at('2026-03-10T09:05'), reason: '恢复' }),
    ).toEqual({
      ok: false,
      reason: '工单没有被删除，无需恢复',
    });
  });
});
