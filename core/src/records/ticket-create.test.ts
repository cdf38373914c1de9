import { describe, expect, it } from 'vitest';
import { parseInstant } from '../time/shanghai-time';
import { editTicket, newTicket, type TicketDraft } from './ticket-create';
import { MAX_ATTACHMENT_BYTES, ticketSchema } from './ticket';

const at = parseInstant;
const ID = '3f2b8c1e-8d4a-4c3b-9e2f-1a2b3c4d5e6f';
const EVENT_ID = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

const phoneCall: TicketDraft = {
  subsystemId: 5,
  channel: 'phone',
  reporter: { unit: '省人社厅办公室', person: '王老师', phone: '0851-86812345' },
  category: 'fault',
  severity: 'major',
  title: '门户网站首页打不开',
  description: '上午九点起首页显示 502',
  receivedAt: at('2026-03-10T09:02'),
};

function created(draft: TicketDraft = phoneCall) {
  const result = newTicket(draft, {
    actor: 'zhangsan',
    at: at('2026-03-10T09:05'),
    id: ID,
    eventId: EVENT_ID,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

describe('newTicket', () => {
  it('opens a ticket in status new with a “登记” event and the defaults filled in', () => {
    const ticket = created();
    expect(ticket).toEqual({
      ...phoneCall,
      id: ID,
      createdBy: 'zhangsan',
      createdAt: at('2026-03-10T09:05'),
      updatedAt: at('2026-03-10T09:05'),
      deleted: false,
      assignee: null,
      rootCause: '',
      resolution: '',
      chatEvidence: null,
      attachments: [],
      inspectionLink: null,
      status: 'new',
      events: [{ id: EVENT_ID, kind: 'created', at: at('2026-03-10T09:05'), author: 'zhangsan' }],
    });
    expect(ticketSchema.parse(ticket)).toEqual(ticket);
  });

  it('keeps chat evidence verbatim', () => {
    const evidence = {
      sender: '李科长',
      group: '人社厅运维群',
      sentAt: at('2026-03-10T08:58'),
      text: '@运维 网站又挂了',
    };
    expect(created({ ...phoneCall, channel: 'wechat', chatEvidence: evidence }).chatEvidence).toEqual(
      evidence,
    );
  });

  it('refuses bad input, naming each field and what is wrong', () => {
    const result = newTicket(
      { ...phoneCall, title: '  ', subsystemId: 14, reporter: { ...phoneCall.reporter, phone: '打我手机' } },
      { actor: 'zhangsan', at: at('2026-03-10T09:05') },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain('工单数据无效');
    expect(result.reason).toContain('subsystemId: 运维子项编号应在 1–13 之间');
    expect(result.reason).toContain('reporter.phone: 电话号码只能包含数字、空格、+、-、括号、#、* 和“转”');
    expect(result.reason).toContain('title: 请填写标题');
  });

  it('explains wrong types and unknown keys in Chinese too', () => {
    const draft = { ...phoneCall, reporter: undefined, priority: 'high' } as unknown as TicketDraft;
    const result = newTicket(draft, { actor: 'zhangsan', at: at('2026-03-10T09:05') });
    expect(result.ok ? '' : result.reason).toMatch(/reporter: 无效输入/);
    expect(result.ok ? '' : result.reason).toContain('出现未知的键(key): "priority"');
  });

  it('refuses a report received after it was logged', () => {
    const result = newTicket(
      { ...phoneCall, receivedAt: at('2026-03-10T10:00') },
      { actor: 'zhangsan', at: at('2026-03-10T09:05') },
    );
    expect(result).toEqual({
      ok: false,
      reason: '接报时间 2026-03-10T10:00:00+08:00 不能晚于登记时间 2026-03-10T09:05:00+08:00',
    });
  });

  it('enforces the attachment size limit with a clear message', () => {
    const big = {
      sha256: 'a'.repeat(64),
      name: '截图.png',
      mime: 'image/png',
      size: MAX_ATTACHMENT_BYTES + 1,
    };
    const result = newTicket(
      { ...phoneCall, attachments: [big] },
      { actor: 'zhangsan', at: at('2026-03-10T09:05') },
    );
    expect(result.ok ? '' : result.reason).toContain('attachments.0.size: 单个附件不能超过 20 MB');
    const twice = newTicket(
      {
        ...phoneCall,
        attachments: [
          { ...big, size: 10 },
          { ...big, size: 10 },
        ],
      },
      { actor: 'zhangsan', at: at('2026-03-10T09:05') },
    );
    expect(twice.ok ? '' : twice.reason).toContain('同一附件不能重复添加');
  });
});

describe('editTicket', () => {
  it('changes content fields', () => {
    const result = editTicket(created(), {
      severity: 'emergency',
      assignee: 'lisi',
      rootCause: '负载均衡配置错误',
    });
    expect(result.ok && [result.ticket.severity, result.ticket.assignee, result.ticket.rootCause]).toEqual([
      'emergency',
      'lisi',
      '负载均衡配置错误',
    ]);
  });

  it('refuses to touch status, timeline or envelope', () => {
    const patch = { status: 'closed', events: [] } as unknown as Parameters<typeof editTicket>[1];
    expect(editTicket(created(), patch)).toEqual({
      ok: false,
      reason: '不能直接修改这些字段：status、events（状态和处理记录只能通过处理操作变更）',
    });
  });

  it('refuses a received time later than a status change already made', () => {
    const ticket = {
      ...created(),
      status: 'responded' as const,
      events: [
        ...created().events,
        {
          id: '0a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
          kind: 'responded' as const,
          at: at('2026-03-10T09:10'),
          author: 'zhangsan',
        },
      ],
    };
    const result = editTicket(ticket, { receivedAt: at('2026-03-10T09:30') });
    expect(result.ok ? '' : result.reason).toContain(
      'events.1.at: 状态变化的时间不能早于接报时间或上一次状态变化',
    );
  });

  it('refuses to edit a deleted ticket', () => {
    expect(editTicket({ ...created(), deleted: true }, { title: '新标题' })).toEqual({
      ok: false,
      reason: '工单已删除，不能再修改',
    });
  });
});
