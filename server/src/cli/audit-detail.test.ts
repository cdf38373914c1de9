import { describe, expect, it } from 'vitest';
import { describeAuditDetail } from './audit-detail';

describe('describeAuditDetail', () => {
  it('gives a refused login its reason in Chinese', () => {
    expect(describeAuditDetail({ reason: 'wrong_password' })).toBe('原因：密码错误');
    expect(describeAuditDetail({ reason: 'unknown_user' })).toBe('原因：没有这个用户');
    expect(describeAuditDetail({ reason: 'locked', lockedUntil: '2026-03-10T01:15:00.000Z' })).toBe(
      '原因：账户已锁定；锁定至 2026-03-10 09:15:00',
    );
    expect(describeAuditDetail({ reason: 'disabled' })).toBe('原因：账户已停用');
    expect(describeAuditDetail({ reason: 'rate_limited' })).toBe('原因：尝试过于频繁');
  });

  it('gives a lockout its time in Beijing time, like the 时间 column', () => {
    expect(describeAuditDetail({ failures: 5, lockedUntil: '2026-03-10T16:30:00.000Z' })).toBe(
      '连续失败 5 次；锁定至 2026-03-11 00:30:00',
    );
  });

  it('describes account changes and refused sync operations in words', () => {
    expect(describeAuditDetail({ role: 'engineer', scope: '驻场工程师（运维子项 1、5）' })).toBe(
      '角色：驻场工程师；权限：驻场工程师（运维子项 1、5）',
    );
    expect(describeAuditDetail({ endedSessions: 2, wasLocked: true })).toBe('终止登录 2 个；原已锁定');
    expect(describeAuditDetail({ from: '审计员', to: '项目负责人', endedSessions: 0 })).toBe(
      '原为：审计员；改为：项目负责人；终止登录 0 个',
    );
    expect(
      describeAuditDetail({
        code: 'forbidden',
        reason: '不能修改运维子项 3 的记录',
        clientId: 'k3j9x2m1qa',
        seq: 12,
        opId: '3e8c9f25-0000-4000-8000-000000000001',
        fields: ['title', 'subsystemId'],
      }),
    ).toBe(
      '类别：超出权限；原因：不能修改运维子项 3 的记录；客户端：k3j9x2m1qa；序号：12；' +
        '操作：3e8c9f25-0000-4000-8000-000000000001；字段：title、subsystemId',
    );
    expect(describeAuditDetail({ outcome: 'replaced', holidays: 7 })).toBe('结果：替换原有安排；节假日 7 项');
    expect(describeAuditDetail({})).toBe('');
  });

  it('never shows an English code or a UTC time', () => {
    const text = describeAuditDetail({ reason: 'wrong_password', lockedUntil: '2026-03-10T01:15:00.000Z' });
    expect(text).not.toMatch(/wrong_password|Z$|T\d/);
  });
});
