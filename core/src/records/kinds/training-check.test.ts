import { describe, expect, it } from 'vitest';
import { findSubsystem } from '../../profile/find-sla-clock';
import { loadDefaultProfile } from '../../profile/default-profile';
import { parseInstant } from '../../time/shanghai-time';
import { parseRecord } from '../validation';
import { checkTraining, requiredMinutes, trainingProgress } from './training-check';
import { type Training, trainingSchema } from './training';

const profile = loadDefaultProfile();
const documentSystem = profile.documentSystem;
const SHA = 'a'.repeat(64);
let serial = 0;

function id(): string {
  serial += 1;
  return `00000000-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
}

function attendees(count: number) {
  return Array.from({ length: count }, (_, index) => ({ name: `学员${index + 1}`, unit: '信息中心' }));
}

function training(overrides: Partial<Training>): Training {
  const at = parseInstant('2026-04-10 09:00');
  return trainingSchema.parse({
    id: id(),
    subsystemId: 8,
    createdBy: 'zhang',
    createdAt: at,
    updatedAt: at,
    deleted: false,
    requirementId: 's8-annual',
    unitId: null,
    topic: '社保基金监管系统操作培训',
    audience: '软件操作人员',
    startAt: at,
    durationMinutes: 120,
    delivery: 'in_person',
    place: '信息中心 3 楼会议室',
    trainers: [{ name: '王老师', title: '高级工程师', level: 'intermediate' }],
    attendance: { kind: 'list', attendees: attendees(12) },
    materials: [{ sha256: SHA, name: '培训课件.pptx', mime: 'application/vnd.ms-powerpoint', size: 1000 }],
    satisfaction: { score: 95, comments: '' },
    notes: '',
    ...overrides,
  });
}

describe('checkTraining against the requirement it fulfils', () => {
  const s8 = findSubsystem(profile, 8);

  it('meets subsystem 8’s annual training with 12 attendees, an intermediate lecturer and 2 hours', () => {
    expect(checkTraining(training({}), s8, documentSystem)).toEqual({ met: true, reasons: [] });
  });

  it('is not met one attendee short, and says so', () => {
    const check = checkTraining(
      training({ attendance: { kind: 'list', attendees: attendees(11) } }),
      s8,
      documentSystem,
    );
    expect(check).toEqual({ met: false, reasons: ['参训人数少 1 人：合同要求不少于 12 人，本次 11 人'] });
  });

  it('counts a photographed sign-in sheet by its count', () => {
    const signInSheet = { sha256: SHA, name: '签到表.jpg', mime: 'image/jpeg', size: 2000 };
    expect(
      checkTraining(training({ attendance: { kind: 'count', count: 12, signInSheet } }), s8, documentSystem)
        .met,
    ).toBe(true);
    expect(
      checkTraining(training({ attendance: { kind: 'count', count: 11, signInSheet } }), s8, documentSystem)
        .reasons,
    ).toEqual(['参训人数少 1 人：合同要求不少于 12 人，本次 11 人']);
  });

  it('is not met one trainer short where the tender asks for two (subsystem 4)', () => {
    const s4 = findSubsystem(profile, 4);
    const check = checkTraining(
      training({
        subsystemId: 4,
        requirementId: 's4-system',
        attendance: { kind: 'list', attendees: attendees(3) },
      }),
      s4,
      documentSystem,
    );
    expect(check).toEqual({ met: false, reasons: ['讲师少 1 名：合同要求不少于 2 名，本次 1 名'] });
  });

  it('is not met too short or with a junior lecturer, naming each shortfall', () => {
    const check = checkTraining(
      training({ durationMinutes: 90, trainers: [{ name: '李老师', title: '', level: 'junior' }] }),
      s8,
      documentSystem,
    );
    expect(check.reasons).toEqual([
      '讲师级别不足：合同要求中级讲师及以上 1 名，本次 0 名',
      '培训时长不足：合同要求不少于 2 小时，本次 1 小时 30 分钟',
    ]);
  });

  it('accepts a senior lecturer for an intermediate requirement but not a trainer with no level', () => {
    expect(
      checkTraining(
        training({ trainers: [{ name: '赵老师', title: '', level: 'senior' }] }),
        s8,
        documentSystem,
      ).met,
    ).toBe(true);
    expect(
      checkTraining(training({ trainers: [{ name: '赵老师', title: '', level: null }] }), s8, documentSystem)
        .met,
    ).toBe(false);
  });

  it('reads the tender’s 半天 as three hours (subsystem 13)', () => {
    const s13 = findSubsystem(profile, 13);
    const [portal] = s13.trainings;
    if (portal === undefined) throw new Error('subsystem 13 has a training requirement');
    expect(requiredMinutes(portal)).toBe(180);
    const short = training({ subsystemId: 13, requirementId: 's13-portal', durationMinutes: 150 });
    expect(checkTraining(short, s13, documentSystem).reasons).toEqual([
      '培训时长不足：合同要求不少于 3 小时，本次 2 小时 30 分钟',
    ]);
  });

  it('asks for the unit of a training owed once per document-system unit', () => {
    const s3 = findSubsystem(profile, 3);
    const withoutUnit = training({ subsystemId: 3, requirementId: 's3-admin' });
    expect(checkTraining(withoutUnit, s3, documentSystem).reasons).toEqual([
      '这项培训须逐个单位开展，请选择本次培训的单位',
    ]);
    expect(checkTraining({ ...withoutUnit, unitId: 11 }, s3, documentSystem).reasons).toEqual([
      '所选培训单位不在合同的公文系统单位名单中',
    ]);
    expect(checkTraining({ ...withoutUnit, unitId: 2 }, s3, documentSystem).met).toBe(true);
  });

  it('requires the materials the tender lists', () => {
    expect(checkTraining(training({ materials: [] }), s8, documentSystem).reasons).toEqual([
      '未上传培训资料：合同要求提供培训方案、培训计划安排、培训课件（电子版）',
    ]);
  });

  it('is not met for a training of another subsystem or with no requirement', () => {
    expect(checkTraining(training({ subsystemId: 9 }), s8, documentSystem).met).toBe(false);
    expect(checkTraining(training({ requirementId: null }), s8, documentSystem).reasons).toEqual([
      '这次培训没有对应合同中的培训要求',
    ]);
  });
});

describe('trainingProgress over a contract year', () => {
  const year = { from: '2026-01-01', to: '2026-12-31' };
  const s3 = findSubsystem(profile, 3);
  const s8 = findSubsystem(profile, 8);

  it('owes the document system an admin and an end-user training per unit, 10 units each', () => {
    const held = [
      training({ subsystemId: 3, requirementId: 's3-admin', unitId: 1 }),
      training({ subsystemId: 3, requirementId: 's3-admin', unitId: 2 }),
      // A second session for unit 2 does not make up for unit 3.
      training({ subsystemId: 3, requirementId: 's3-admin', unitId: 2 }),
      training({ subsystemId: 3, requirementId: 's3-end-user', unitId: 1 }),
      // Not met: no unit; counted as held but not done.
      training({ subsystemId: 3, requirementId: 's3-end-user', unitId: null }),
      // Outside the contract year.
      training({
        subsystemId: 3,
        requirementId: 's3-end-user',
        unitId: 4,
        startAt: parseInstant('2027-01-05 09:00'),
      }),
      // Deleted.
      training({ subsystemId: 3, requirementId: 's3-end-user', unitId: 5, deleted: true }),
    ];
    const [admin, endUser] = trainingProgress([s3], documentSystem, held, year);
    expect(admin).toMatchObject({ requirementId: 's3-admin', owed: 10, done: 3, notMet: 0, remaining: 8 });
    expect(admin?.units.map((unit) => unit.done)).toEqual([1, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(admin?.units[1]).toEqual({ unitId: 2, unitName: '贵州省就业局', done: 2, owed: 1 });
    expect(endUser).toMatchObject({
      requirementId: 's3-end-user',
      owed: 10,
      done: 1,
      notMet: 1,
      remaining: 9,
    });
  });

  it('counts only met sessions against sessions per year, and leaves 按需 requirements unnumbered', () => {
    const s5 = findSubsystem(profile, 5);
    const progress = trainingProgress(
      [s8, s5],
      documentSystem,
      [training({ attendance: { kind: 'list', attendees: attendees(11) } })],
      year,
    );
    expect(progress).toEqual([
      {
        subsystemId: 8,
        requirementId: 's8-annual',
        topic: s8.trainings[0]?.topic,
        owed: 1,
        done: 0,
        notMet: 1,
        remaining: 1,
        units: [],
      },
      {
        subsystemId: 5,
        requirementId: 's5-admin',
        topic: s5.trainings[0]?.topic,
        owed: null,
        done: 0,
        notMet: 0,
        remaining: null,
        units: [],
      },
    ]);
  });
});

describe('trainingSchema', () => {
  it('refuses an in-person training without a place, in Chinese', () => {
    const result = parseRecord(trainingSchema, { ...training({}), place: '' }, '培训记录');
    expect(result).toEqual({ ok: false, reason: '培训记录数据无效：place: 现场培训请填写培训地点' });
  });

  it('refuses a sign-in count without the photographed sheet', () => {
    const result = parseRecord(
      trainingSchema,
      { ...training({}), attendance: { kind: 'count', count: 12 } },
      '培训记录',
    );
    expect(result).toEqual({
      ok: false,
      reason: '培训记录数据无效：attendance.signInSheet: 请上传签到表照片',
    });
  });

  it('refuses an absent top-level field rather than defaulting it', () => {
    const { satisfaction: _omitted, ...withoutSatisfaction } = training({});
    expect(parseRecord(trainingSchema, withoutSatisfaction, '培训记录').ok).toBe(false);
  });
});
