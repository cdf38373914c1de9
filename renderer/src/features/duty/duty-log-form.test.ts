import { dutyLogSchema, handOverDuty, signOffHandOver, type DutyLog } from '@core/records/kinds';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_DUTY_LOG_VALUES,
  dutyLogFormProblems,
  dutyLogFromForm,
  formValuesOf,
  signOffTime,
} from './duty-log-form';

const at = parseInstant('2026-10-01 18:00');
const subject = { date: '2026-10-01', subsystemId: 5, onDuty: 'zhangsan' } as const;
const ticketId = '00000000-0000-4000-8000-000000000900';

function saved(values = EMPTY_DUTY_LOG_VALUES): DutyLog {
  const result = dutyLogFromForm(null, subject, values, 'zhangsan', at);
  if (!result.ok) throw new Error(result.reason);
  return result.log;
}

describe('dutyLogFromForm: the form as a duty log', () => {
  it('makes a new log of the day, scope and person, not yet handed over', () => {
    const log = saved({
      callsReceived: 3,
      events: [
        { summary: ' 网站群首页无法访问，重启后恢复 ', ticketIds: [ticketId] },
        { summary: '', ticketIds: [] },
      ],
      notes: '夜间无异常',
    });
    expect(log).toMatchObject({
      date: '2026-10-01',
      subsystemId: 5,
      onDuty: 'zhangsan',
      createdBy: 'zhangsan',
      callsReceived: 3,
      events: [{ summary: '网站群首页无法访问，重启后恢复', ticketIds: [ticketId] }],
      notes: '夜间无异常',
      handOverTo: null,
      signedOffAt: null,
    });
    expect(dutyLogSchema.safeParse(log).success).toBe(true);
  });

  it('edits only the form’s fields of a log, keeping its hand-over', () => {
    const handed = handOverDuty(saved(), 'lisi', '留意社保查询', 'zhangsan', at + 60_000);
    if (!handed.ok) throw new Error(handed.reason);
    const edited = dutyLogFromForm(
      handed.log,
      subject,
      { ...formValuesOf(handed.log), callsReceived: 5 },
      'zhangsan',
      at + 120_000,
    );
    if (!edited.ok) throw new Error(edited.reason);
    expect(edited.log).toMatchObject({
      id: handed.log.id,
      callsReceived: 5,
      handOverTo: 'lisi',
      updatedAt: at + 120_000,
    });
  });

  it('refuses a cleared call count and an event without a summary, saying where in the user’s words', () => {
    const values = { callsReceived: null, events: [{ summary: '', ticketIds: [ticketId] }], notes: '' };
    expect(dutyLogFormProblems(values)).toEqual([
      '请填写接听电话数（没有来电填 0）',
      '第 1 条事件：请填写事件说明',
    ]);
    const result = dutyLogFromForm(null, subject, values, 'zhangsan', at);
    expect(result).toEqual({
      ok: false,
      reason: '请填写接听电话数（没有来电填 0）；第 1 条事件：请填写事件说明',
    });
  });

  it('refuses a negative or fractional call count', () => {
    expect(dutyLogFormProblems({ ...EMPTY_DUTY_LOG_VALUES, callsReceived: -1 })).toEqual([
      '接听电话数应为不小于 0 的整数',
    ]);
    expect(dutyLogFormProblems({ ...EMPTY_DUTY_LOG_VALUES, callsReceived: 1.5 })).toEqual([
      '接听电话数应为不小于 0 的整数',
    ]);
  });
});

describe('signOffTime: a receiver whose clock runs behind the giver’s can still sign off', () => {
  it('signs at the hand-over time when this PC’s clock is earlier, and at now otherwise', () => {
    const handed = handOverDuty(saved(), 'lisi', '', 'zhangsan', at + 10 * 60_000);
    if (!handed.ok) throw new Error(handed.reason);
    const behind = at + 5 * 60_000;
    expect(signOffHandOver(handed.log, 'lisi', behind).ok).toBe(false);
    const signed = signOffHandOver(handed.log, 'lisi', signOffTime(handed.log, behind));
    expect(signed.ok && signed.log.signedOffAt).toBe(at + 10 * 60_000);
    expect(signOffTime(handed.log, at + 20 * 60_000)).toBe(at + 20 * 60_000);
  });
});
