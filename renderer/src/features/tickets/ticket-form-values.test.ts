import { newTicket } from '@core/records';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { defaultFormValues, draftFromForm, type TicketFormValues } from './ticket-form-values';

const NOW = parseInstant('2026-03-10 09:05');
const base = (): TicketFormValues => ({
  ...defaultFormValues({ now: NOW, subsystemId: 5, assignee: 'zhangsan' }),
  title: '门户网站首页打不开',
  reporter: { unit: '省人社厅办公室', person: '王老师', phone: '0851-86812345' },
});

describe('defaultFormValues', () => {
  it('defaults to a phone call received now, an ordinary fault, assigned to the engineer', () => {
    expect(defaultFormValues({ now: NOW, subsystemId: undefined, assignee: 'zhangsan' })).toEqual({
      subsystemId: undefined,
      channel: 'phone',
      category: 'fault',
      severity: 'ordinary',
      assignee: 'zhangsan',
      title: '',
      description: '',
      reporter: { unit: '', person: '', phone: '' },
      receivedAt: '2026-03-10 09:05',
      evidence: { sender: '', group: '', sentAt: '', text: '' },
    });
  });
});

describe('draftFromForm', () => {
  it('makes a draft newTicket accepts', () => {
    const result = draftFromForm(base(), [], NOW);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.draft).toMatchObject({
      subsystemId: 5,
      receivedAt: NOW,
      assignee: 'zhangsan',
      chatEvidence: null,
    });
    expect(newTicket(result.draft, { actor: 'zhangsan', at: NOW }).ok).toBe(true);
  });

  it('names each bad field with core’s Chinese message', () => {
    const result = draftFromForm(
      {
        ...base(),
        title: '  ',
        subsystemId: undefined,
        reporter: { unit: '', person: '', phone: '电话0851' },
      },
      [],
      NOW,
    );
    expect(result).toEqual({
      ok: false,
      // In the form's reading order, so the first problem is the one focused.
      errors: [
        { name: ['title'], message: '请填写标题' },
        { name: ['reporter', 'phone'], message: '电话号码只能包含数字、空格、+、-、括号、#、* 和“转”' },
        { name: ['subsystemId'], message: '请选择运维子项' },
      ],
    });
  });

  it('refuses a received time that is not a time or still to come', () => {
    const typo = draftFromForm({ ...base(), receivedAt: '2026-03-10 9点' }, [], NOW);
    expect(typo.ok === false && typo.errors[0]?.name).toEqual(['receivedAt']);
    expect(typo.ok === false && typo.errors[0]?.message).toMatch(/^不是有效的时间/);
    expect(draftFromForm({ ...base(), receivedAt: '2026-03-10 09:06' }, [], NOW)).toEqual({
      ok: false,
      errors: [{ name: ['receivedAt'], message: '接报时间不能晚于现在（2026-03-10 09:05）' }],
    });
    expect(draftFromForm({ ...base(), receivedAt: '' }, [], NOW)).toEqual({
      ok: false,
      errors: [{ name: ['receivedAt'], message: '请填写时间（如 2026-02-14 09:30）' }],
    });
  });

  it('keeps chat evidence when there is any, and puts its problems on the evidence fields', () => {
    const evidence = {
      sender: '张三',
      group: '运维群',
      sentAt: '2026-03-10 09:01',
      text: '张三 09:01\n打不开',
    };
    const result = draftFromForm({ ...base(), channel: 'wechat', evidence }, [], NOW);
    expect(result.ok && result.draft.chatEvidence).toEqual({
      sender: '张三',
      group: '运维群',
      sentAt: parseInstant('2026-03-10 09:01'),
      text: '张三 09:01\n打不开',
    });
    const nameless = draftFromForm({ ...base(), evidence: { ...evidence, sender: ' ' } }, [], NOW);
    expect(nameless).toEqual({
      ok: false,
      errors: [{ name: ['evidence', 'sender'], message: '请填写发送人' }],
    });
  });
});
