import { describe, expect, it } from 'vitest';
import { type UserScope, userScopeSchema } from './roles';
import { canReadSubsystem, checkRead, checkWrite, visibleSubsystems, writableSubsystems } from './scope';

const context = { documentSystemSubsystemId: 3 };
const engineer: UserScope = { role: 'engineer', subsystemIds: [5, 1] };
const manager: UserScope = { role: 'service_manager', unitIds: [2, 4] };

describe('visibility', () => {
  it('gives engineers their subsystems, service managers the document system, the rest everything', () => {
    expect(visibleSubsystems(engineer, context)).toEqual({ all: false, subsystemIds: [1, 5] });
    expect(visibleSubsystems(manager, context)).toEqual({ all: false, subsystemIds: [3] });
    expect(visibleSubsystems(manager, { documentSystemSubsystemId: null })).toEqual({
      all: false,
      subsystemIds: [],
    });
    expect(visibleSubsystems({ role: 'project_lead' }, context)).toEqual({ all: true });
    expect(visibleSubsystems({ role: 'auditor' }, context)).toEqual({ all: true });
  });

  it('explains a refused read', () => {
    expect(canReadSubsystem(engineer, 5, context)).toBe(true);
    expect(checkRead(engineer, 3, context)).toEqual({
      ok: false,
      reason: '您负责运维子项 5、1，无权查看运维子项 3 的记录',
    });
    expect(checkRead(manager, 3, context)).toEqual({ ok: true });
    expect(checkRead(manager, 4, context)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('运维子项 3'),
    });
  });
});

describe('checkWrite', () => {
  it('lets engineers write only their own subsystems, naming the foreign ones', () => {
    expect(checkWrite(engineer, 'ticket', [1, 5])).toEqual({ ok: true });
    expect(checkWrite(engineer, 'ticket', [1, 3])).toEqual({
      ok: false,
      reason: '您负责运维子项 5、1，不能修改运维子项 3 的工单',
    });
  });

  it('leaves inspection templates to the project lead', () => {
    expect(checkWrite(engineer, 'inspection_template', [5])).toEqual({
      ok: false,
      reason: '巡检模板由项目负责人维护，驻场工程师不能修改',
    });
    expect(checkWrite(engineer, 'inspection_run', [5])).toEqual({ ok: true });
  });

  it('keeps auditors read-only and service managers off tickets and inspections', () => {
    expect(checkWrite({ role: 'auditor' }, 'ticket', [1])).toEqual({
      ok: false,
      reason: '审计员账户只读，不能修改任何记录',
    });
    expect(checkWrite(manager, 'inspection_run', [3])).toEqual({
      ok: false,
      reason: '服务经理不能修改巡检记录（只能登记回访记录）',
    });
    expect(checkWrite({ role: 'project_lead' }, 'inspection_template', [13])).toEqual({ ok: true });
  });
});

describe('writableSubsystems', () => {
  const contract = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

  it('offers an engineer only the subsystems they keep, in the contract’s order', () => {
    expect(writableSubsystems({ role: 'engineer', subsystemIds: [5, 1] }, 'ticket', contract)).toEqual({
      subsystemIds: [1, 5],
      reason: null,
    });
    expect(writableSubsystems({ role: 'project_lead' }, 'ticket', contract).subsystemIds).toEqual(contract);
  });

  it('says why nothing is offered', () => {
    expect(writableSubsystems(manager, 'ticket', contract)).toEqual({
      subsystemIds: [],
      reason: '服务经理不能修改工单（只能登记回访记录）',
    });
    expect(writableSubsystems({ role: 'auditor' }, 'inspection_run', contract).reason).toBe(
      '审计员账户只读，不能修改任何记录',
    );
    expect(
      writableSubsystems({ role: 'engineer', subsystemIds: [1, 5] }, 'inspection_template', contract),
    ).toEqual({
      subsystemIds: [],
      reason: '巡检模板由项目负责人维护，驻场工程师不能修改',
    });
    expect(writableSubsystems({ role: 'engineer', subsystemIds: [20] }, 'ticket', contract).reason).toBe(
      '您负责的运维子项 20 不在合同档案中，无法登记工单：请项目负责人核对您的账户',
    );
  });
});

describe('userScopeSchema', () => {
  it('requires the subsystems or units a role is bound to', () => {
    expect(userScopeSchema.safeParse({ role: 'engineer', subsystemIds: [] }).error?.issues[0]?.message).toBe(
      '驻场工程师至少要负责一个运维子项',
    );
    expect(userScopeSchema.safeParse({ role: 'engineer', subsystemIds: [14] }).success).toBe(false);
    expect(
      userScopeSchema.safeParse({ role: 'service_manager', unitIds: [1, 1] }).error?.issues[0]?.message,
    ).toBe('单位不能重复');
    expect(userScopeSchema.safeParse({ role: 'auditor', subsystemIds: [1] }).success).toBe(false);
  });
});
