import { loadDefaultProfile } from '@core/profile';
import type { Training } from '@core/records/kinds';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { progressRows, requirementSummary, trainingRows, trainingVerdict } from './training-view';

const profile = loadDefaultProfile();
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const SLIDES = { sha256: 'b'.repeat(64), name: '课件.pptx', mime: 'application/octet-stream', size: 5000 };
let serial = 0;

function training(overrides: Partial<Training>): Training {
  serial += 1;
  return {
    id: `01JTRAINING${String(serial).padStart(15, '0')}`,
    subsystemId: 9,
    createdBy: 'sunjiu',
    createdAt: 0,
    updatedAt: 0,
    deleted: false,
    requirementId: 's9-system',
    unitId: null,
    topic: '系统操作培训',
    audience: '',
    startAt: parseInstant('2026-03-10 09:00'),
    durationMinutes: 180,
    delivery: 'in_person',
    place: '会议室',
    trainers: [{ name: '王老师', title: '', level: 'intermediate' }],
    attendance: {
      kind: 'list',
      attendees: ['甲', '乙', '丙', '丁', '戊'].map((name) => ({ name, unit: '' })),
    },
    materials: [SLIDES],
    satisfaction: null,
    notes: '',
    ...overrides,
  };
}

const everyone = () => true;

describe('requirementSummary', () => {
  it('says what the tender asks in one line', () => {
    const s8 = profile.subsystems.find((subsystem) => subsystem.id === 8)?.trainings[0];
    if (s8 === undefined) throw new Error('profile has no requirement of subsystem 8');
    expect(requirementSummary(s8)).toBe(
      '讲师不少于 1 名 · 讲师资格：中级讲师 · 每次不少于 2 小时 · 参训不少于 12 人 · 每年 1 场 · 提供培训方案、培训计划安排、培训课件（电子版）',
    );
  });
});

describe('trainingVerdict', () => {
  it('names the requirement met, or gives the reasons it is not', () => {
    expect(trainingVerdict(training({}), profile.subsystems, profile.documentSystem)).toEqual({
      state: 'met',
      requirement: '系统操作培训',
      reasons: [],
    });
    const short = trainingVerdict(
      training({ attendance: { kind: 'list', attendees: [{ name: '甲', unit: '' }] } }),
      profile.subsystems,
      profile.documentSystem,
    );
    expect(short.state).toBe('not_met');
    expect(short.reasons).toEqual(['参训人数少 4 人：合同要求不少于 5 人，本次 1 人']);
  });

  it('counts a training for no requirement as neither met nor a fault', () => {
    expect(
      trainingVerdict(training({ requirementId: null }), profile.subsystems, profile.documentSystem).state,
    ).toBe('no_requirement');
  });
});

describe('progressRows', () => {
  it('counts sessions that meet a requirement this year and says what is still owed', () => {
    const rows = progressRows(
      profile.subsystems,
      profile.documentSystem,
      [
        training({}),
        training({ trainers: [{ name: '新老师', title: '', level: 'junior' }] }),
        training({ subsystemId: 8, requirementId: 's8-annual', startAt: parseInstant('2025-12-30 09:00') }),
      ],
      YEAR,
      everyone,
    );
    const s9 = rows.find((row) => row.requirementId === 's9-system');
    expect(s9).toMatchObject({
      done: 1,
      notMet: 1,
      remaining: 0,
      complete: true,
      subsystemLabel: '9 人才博览会',
    });
    expect(s9?.status).toBe('已完成 1 场，本年度要求已满足，另有 1 场未达到要求');
    expect(rows.find((row) => row.requirementId === 's8-annual')?.status).toBe('已完成 0 场，还差 1 场');
    expect(rows.find((row) => row.requirementId === 's5-admin')?.status).toBe(
      '已开展 0 场（按需开展，合同未规定次数）',
    );
  });

  it('counts a per-unit requirement unit by unit', () => {
    const rows = progressRows(
      profile.subsystems,
      profile.documentSystem,
      [
        training({
          subsystemId: 3,
          requirementId: 's3-admin',
          unitId: 2,
          trainers: [{ name: '李老师', title: '', level: null }],
          durationMinutes: 120,
        }),
      ],
      YEAR,
      everyone,
    );
    const admin = rows.find((row) => row.requirementId === 's3-admin');
    expect(admin?.units).toHaveLength(10);
    expect(admin?.units.find((unit) => unit.unitId === 2)).toMatchObject({
      unitName: '贵州省就业局',
      done: 1,
    });
    expect(admin?.status).toBe('已完成 1 场，还差 9 场');
  });

  it('leaves out the subsystems this user does not receive', () => {
    const rows = progressRows(profile.subsystems, profile.documentSystem, [], YEAR, (id) => id === 9);
    expect(rows.map((row) => row.requirementId)).toEqual(['s9-system']);
  });
});

describe('trainingRows', () => {
  it('lists the latest first, with the unit and the head count', () => {
    const early = training({ startAt: parseInstant('2026-02-01 09:00') });
    const late = training({
      subsystemId: 3,
      requirementId: null,
      unitId: 4,
      startAt: parseInstant('2026-05-01 09:00'),
    });
    const rows = trainingRows([early, late], profile.subsystems, profile.documentSystem);
    expect(rows.map((row) => [row.id, row.unitName, row.attendees])).toEqual([
      [late.id, '贵州省人才服务局', 5],
      [early.id, null, 5],
    ]);
  });
});
