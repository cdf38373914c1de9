import { describe, expect, it } from 'vitest';
import { type UserScope, userScopeSchema } from './roles';
import { CONTRACT_WIDE } from '../records/record-placement';
import {
  canReadSubsystem,
  canSee,
  checkOwnership,
  checkRead,
  checkWrite,
  visibleSubsystems,
  writableSubsystems,
} from './scope';

/** Records of these subsystems. */
const in_ = (...subsystemIds: number[]) => subsystemIds.map((subsystemId) => ({ subsystemId, unitIds: [] }));
/** A visit to these units. */
const visit = (...unitIds: number[]) => ({ subsystemId: CONTRACT_WIDE, unitIds });
const visiting = (...unitIds: number[]) => [visit(...unitIds)];

const context = { documentSystemSubsystemId: 3 };
const engineer: UserScope = { role: 'engineer', subsystemIds: [5, 1] };
const manager: UserScope = { role: 'service_manager', unitIds: [2, 4] };

describe('visibility', () => {
  it('gives engineers their subsystems, service managers the document system, the rest everything', () => {
    expect(visibleSubsystems(engineer, context)).toEqual({
      all: false,
      subsystemIds: [1, 5],
      unitIds: [],
    });
    expect(visibleSubsystems(manager, context)).toEqual({ all: false, subsystemIds: [3], unitIds: [2, 4] });
    expect(visibleSubsystems(manager, { documentSystemSubsystemId: null })).toEqual({
      all: false,
      subsystemIds: [],
      unitIds: [2, 4],
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
    expect(checkWrite(engineer, 'ticket', in_(1, 5))).toEqual({ ok: true });
    expect(checkWrite(engineer, 'ticket', in_(1, 3))).toEqual({
      ok: false,
      reason: '您负责运维子项 5、1，不能修改运维子项 3 的工单',
    });
  });

  it('leaves inspection templates to the project lead', () => {
    expect(checkWrite(engineer, 'inspection_template', in_(5))).toEqual({
      ok: false,
      reason: '巡检模板由项目负责人维护，驻场工程师不能修改',
    });
    expect(checkWrite(engineer, 'inspection_run', in_(5))).toEqual({ ok: true });
  });

  it('keeps auditors read-only and service managers off tickets and inspections', () => {
    expect(checkWrite({ role: 'auditor' }, 'ticket', in_(1))).toEqual({
      ok: false,
      reason: '审计员账户只读，不能修改任何记录',
    });
    expect(checkWrite(manager, 'inspection_run', in_(3))).toEqual({
      ok: false,
      reason: '服务经理不能修改巡检记录（只能登记回访记录）',
    });
    expect(checkWrite({ role: 'project_lead' }, 'inspection_template', in_(13))).toEqual({ ok: true });
  });
});

describe('records of no one subsystem', () => {
  const engineerSees = visibleSubsystems(engineer, context);
  const managerSees = visibleSubsystems(manager, context);

  it('shows contract-wide records to everyone and a visit only to the managers of its units', () => {
    expect(canSee(engineerSees, { subsystemId: CONTRACT_WIDE, unitIds: [] })).toBe(true);
    expect(canSee(engineerSees, { subsystemId: 3, unitIds: [] })).toBe(false);
    expect(canSee(engineerSees, visit(2))).toBe(false);
    expect(canSee(managerSees, visit(1, 2))).toBe(true);
    expect(canSee(managerSees, visit(1, 3))).toBe(false);
    expect(canSee({ all: true }, visit(7))).toBe(true);
  });

  it('lets a service manager record visits to their own units only', () => {
    expect(checkWrite(manager, 'visit', visiting(2, 4))).toEqual({ ok: true });
    expect(checkWrite(manager, 'visit', [...visiting(2), ...visiting(2, 5)])).toEqual({
      ok: false,
      reason: '您负责单位 2、4，不能登记或修改单位 5 的回访记录',
    });
    expect(checkWrite(engineer, 'visit', visiting(2))).toEqual({
      ok: false,
      reason: '回访记录由服务经理登记，驻场工程师不能修改',
    });
    expect(checkWrite({ role: 'project_lead' }, 'visit', visiting(9))).toEqual({ ok: true });
  });

  it('lets an engineer keep contract-wide duty but not a foreign subsystem’s, and leaves the roster to the lead', () => {
    expect(checkWrite(engineer, 'duty_log', in_(CONTRACT_WIDE))).toEqual({ ok: true });
    expect(checkWrite(engineer, 'duty_log', in_(5))).toEqual({ ok: true });
    expect(checkWrite(engineer, 'duty_log', in_(3))).toMatchObject({ ok: false });
    expect(checkWrite(engineer, 'training', in_(CONTRACT_WIDE))).toEqual({
      ok: false,
      reason: '驻场工程师不能修改培训记录',
    });
    expect(checkWrite(engineer, 'duty_assignment', in_(CONTRACT_WIDE))).toEqual({
      ok: false,
      reason: '排班由项目负责人安排；需要换班请在“值班”页登记调班',
    });
    expect(checkWrite(engineer, 'sensitive_period', in_(CONTRACT_WIDE))).toMatchObject({ ok: false });
  });

  it('lets an engineer mark their subsystem’s report handed in, and only the lead an acceptance’s documents', () => {
    expect(checkWrite(engineer, 'report_submission', in_(5))).toEqual({ ok: true });
    expect(checkWrite(engineer, 'report_submission', in_(3))).toMatchObject({ ok: false });
    expect(checkWrite(engineer, 'report_submission', in_(CONTRACT_WIDE))).toEqual({
      ok: false,
      reason: '验收材料的报送只能由项目负责人登记和修改',
    });
    // Moving one's own subsystem's hand-in to the whole contract is the same write.
    expect(checkWrite(engineer, 'report_submission', in_(5, CONTRACT_WIDE))).toMatchObject({ ok: false });
    expect(checkWrite({ role: 'project_lead' }, 'report_submission', in_(CONTRACT_WIDE))).toEqual({
      ok: true,
    });
  });
});

describe('checkOwnership', () => {
  const log = { onDuty: 'zhang', handOverTo: 'li', signedOffAt: null };

  it('lets the person on duty write their log and the receiver only sign it off', () => {
    const write = (user: string, fields: string[], after: object = log) =>
      checkOwnership(engineer, user, 'duty_log', { before: log, after: { ...after }, fields });
    expect(write('zhang', ['notes', 'updatedAt'])).toEqual({ ok: true });
    expect(write('li', ['signedOffAt', 'updatedAt'])).toEqual({ ok: true });
    expect(write('li', ['signedOffAt', 'notes'])).toEqual({
      ok: false,
      reason: '作为交接接收人，您只能签收这条值班记录，不能修改其他内容',
    });
    expect(write('wang', ['notes'])).toEqual({
      ok: false,
      reason: '只有值班人本人或项目负责人可以登记和修改值班记录',
    });
  });

  it('refuses taking a record over by renaming its person, and a receiver writing a new log', () => {
    expect(
      checkOwnership(engineer, 'wang', 'duty_log', {
        before: log,
        after: { ...log, onDuty: 'wang' },
        fields: ['onDuty'],
      }),
    ).toMatchObject({ ok: false });
    expect(
      checkOwnership(engineer, 'li', 'duty_log', { before: undefined, after: log, fields: ['onDuty'] }),
    ).toMatchObject({ ok: false });
    expect(
      checkOwnership({ role: 'project_lead' }, 'lead', 'duty_log', {
        before: log,
        after: { ...log, onDuty: 'wang' },
        fields: ['onDuty'],
      }),
    ).toEqual({ ok: true });
  });

  it('does not restrict a kind without owners', () => {
    expect(
      checkOwnership(engineer, 'x', 'training', { before: undefined, after: {}, fields: ['topic'] }),
    ).toEqual({
      ok: true,
    });
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
