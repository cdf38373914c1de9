import { builtinCalendar } from '@core/calendar';
import { loadDefaultProfile } from '@core/profile';
import { newTicket, type Attachment, type Ticket } from '@core/records';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { cancelOutcome, changedFieldPaths, mergeAttachments, receivedAtConcern } from './new-ticket-intake';

const rules = { profile: loadDefaultProfile(), calendar: builtinCalendar() };
const NOW = parseInstant('2026-03-10 09:05');

function ticket(receivedAt: number): Ticket {
  const result = newTicket(
    {
      subsystemId: 5,
      channel: 'wechat',
      reporter: { unit: '', person: '', phone: '' },
      category: 'fault',
      severity: 'ordinary',
      title: '首页打不开',
      receivedAt,
    },
    { actor: 'zhangsan', at: NOW },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

const screenshot = (sha: string, name = '截图.png'): Attachment => ({
  sha256: sha.repeat(64),
  name,
  mime: 'image/png',
  size: 10,
});

describe('mergeAttachments', () => {
  it('keeps one attachment per content when the same screenshot arrives twice', () => {
    const first = screenshot('a', '截图-1.png');
    const again = screenshot('a', '截图-2.png');
    const other = screenshot('b');
    expect(mergeAttachments([first], [again, other, other])).toEqual([first, other]);
  });

  it('leaves the list as it was when nothing new came', () => {
    const list = [screenshot('a')];
    expect(mergeAttachments(list, [screenshot('a')])).toBe(list);
  });
});

describe('receivedAtConcern', () => {
  it('asks about a received time far in the past, naming the days and what it does to the clocks', () => {
    const concern = receivedAtConcern(ticket(parseInstant('2000-01-01 00:00')), rules, NOW);
    expect(concern?.title).toBe('接报时间 2000-01-01 00:00 是 9565 天前');
    expect(concern?.content).toContain('一登记就按超时计算');
  });

  it('asks when the received time makes the ticket late the moment it is saved', () => {
    // Pasted at 09:05 on Tuesday: "10:32" without a date is Monday's, nearly a whole day ago.
    const concern = receivedAtConcern(ticket(parseInstant('2026-03-09 10:32')), rules, NOW);
    expect(concern?.title).toMatch(/^按接报时间 2026-03-09 10:32 计算，这张工单保存时.*已超时$/);
  });

  it('says nothing about a report that just came in', () => {
    expect(receivedAtConcern(ticket(parseInstant('2026-03-10 09:00')), rules, NOW)).toBeNull();
  });
});

describe('cancelOutcome', () => {
  it('does nothing once the save started, so Esc never offers to discard a saved ticket', () => {
    expect(cancelOutcome('saving', true)).toBe('ignore');
    expect(cancelOutcome('saved', true)).toBe('ignore');
  });

  it('asks before discarding a filled form and leaves an untouched one', () => {
    expect(cancelOutcome('editing', true)).toBe('ask');
    expect(cancelOutcome('editing', false)).toBe('leave');
  });
});

describe('changedFieldPaths', () => {
  it('names the changed fields, reporter and evidence by their inner fields', () => {
    expect(changedFieldPaths({ title: '首页打不开', subsystemId: 5 })).toEqual([['title'], ['subsystemId']]);
    expect(
      changedFieldPaths({ reporter: { unit: '办公室' }, evidence: { sender: '张三', text: 'x' } }),
    ).toEqual([
      ['reporter', 'unit'],
      ['evidence', 'sender'],
      ['evidence', 'text'],
    ]);
  });
});
