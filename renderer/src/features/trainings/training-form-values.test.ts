import { loadDefaultProfile } from '@core/profile';
import { checkTraining } from '@core/records/kinds';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import {
  attendeesFromPaste,
  defaultFormValues,
  formValuesOf,
  trainingFromForm,
  withRequirement,
  type TrainingFormValues,
} from './training-form-values';

const profile = loadDefaultProfile();
const subsystem = (id: number) => {
  const found = profile.subsystems.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`profile has no subsystem ${id}`);
  return found;
};
const NOW = parseInstant('2026-12-07 10:30');
const SHEET = { sha256: 'a'.repeat(64), name: '签到表.jpg', mime: 'image/jpeg', size: 1200 };
const SLIDES = { sha256: 'b'.repeat(64), name: '课件.pptx', mime: 'application/octet-stream', size: 5000 };
const context = {
  before: null,
  actor: 'sunjiu',
  now: NOW,
  subsystems: profile.subsystems,
  documentSystem: profile.documentSystem,
};

/** A filled-in form for 人才博览会's yearly training (中级讲师 1 名, 半天, 不少于 5 人). */
function filled(overrides: Partial<TrainingFormValues> = {}): TrainingFormValues {
  return {
    ...defaultFormValues({ now: NOW, subsystem: subsystem(9) }),
    place: '省人才大市场三楼会议室',
    trainers: [{ name: '王老师', title: '高级工程师', level: 'intermediate' }],
    attendees: ['甲', '乙', '丙', '丁', '戊'].map((name) => ({ name: `张${name}`, unit: '人才服务局' })),
    materials: [SLIDES],
    ...overrides,
  };
}

describe('defaultFormValues', () => {
  it('picks the subsystem’s only requirement and fills in its topic, audience and length', () => {
    const values = defaultFormValues({ now: NOW, subsystem: subsystem(9) });
    expect(values).toMatchObject({
      subsystemId: 9,
      requirementId: 's9-system',
      topic: '系统操作培训',
      durationHours: 3,
      startAt: '2026-12-07 09:00',
      attendanceKind: 'list',
      trainers: [{ name: '', title: '', level: '' }],
    });
  });

  it('leaves the requirement open where the subsystem has several', () => {
    const values = defaultFormValues({ now: NOW, subsystem: subsystem(3) });
    expect(values.requirementId).toBe('');
    expect(values.topic).toBe('');
  });
});

describe('withRequirement', () => {
  it('never writes over what was typed', () => {
    const typed = {
      ...defaultFormValues({ now: NOW, subsystem: subsystem(3) }),
      topic: '公文系统新版本培训',
    };
    const picked = withRequirement(typed, subsystem(3), 's3-admin');
    expect(picked.requirementId).toBe('s3-admin');
    expect(picked.topic).toBe('公文系统新版本培训');
    expect(picked.audience).toBe('各单位系统管理员');
  });
});

describe('trainingFromForm', () => {
  it('makes a training that meets its requirement from a filled-in form', () => {
    const result = trainingFromForm(filled(), context);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.training).toMatchObject({
      subsystemId: 9,
      requirementId: 's9-system',
      unitId: null,
      startAt: parseInstant('2026-12-07 09:00'),
      durationMinutes: 180,
      createdBy: 'sunjiu',
      createdAt: NOW,
      deleted: false,
      trainers: [{ name: '王老师', title: '高级工程师', level: 'intermediate' }],
      attendance: { kind: 'list' },
      satisfaction: null,
    });
    expect(checkTraining(result.training, subsystem(9), profile.documentSystem).met).toBe(true);
  });

  it('keeps a count and the photographed sign-in sheet, and asks for the photo when it is missing', () => {
    const counted = trainingFromForm(
      filled({ attendanceKind: 'count', attendeeCount: 18, signInSheet: SHEET }),
      context,
    );
    if (!counted.ok) throw new Error(JSON.stringify(counted.errors));
    expect(counted.training.attendance).toEqual({ kind: 'count', count: 18, signInSheet: SHEET });

    const noPhoto = trainingFromForm(filled({ attendanceKind: 'count', attendeeCount: 18 }), context);
    expect(noPhoto.ok ? [] : noPhoto.errors).toEqual([
      { name: ['signInSheet'], message: '请上传签到表照片' },
    ]);
  });

  it('puts each problem beside its field, in the order the form reads', () => {
    const result = trainingFromForm(
      filled({
        topic: ' ',
        startAt: '明天上午',
        durationHours: null,
        place: '',
        trainers: [
          { name: '王老师', title: '', level: '' },
          { name: '王老师', title: '', level: 'senior' },
        ],
        attendees: [],
        surveyComments: '讲得很清楚',
      }),
      context,
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((error) => error.name.join('.'))).toEqual([
      'topic',
      'startAt',
      'durationHours',
      'place',
      'trainers.1.name',
      'attendees',
      'surveyScore',
    ]);
    expect(errors.find((error) => error.name[0] === 'place')?.message).toBe('现场培训请填写培训地点');
    expect(errors.find((error) => error.name[0] === 'attendees')?.message).toBe('请至少登记一名参训人员');
    expect(errors.find((error) => error.name[0] === 'trainers')?.message).toBe('讲师“王老师”重复');
    expect(errors.every((error) => /[\u4e00-\u9fff]/.test(error.message))).toBe(true);
  });

  it('asks for the unit of a requirement owed to each unit, and drops a unit elsewhere', () => {
    const base = defaultFormValues({ now: NOW, subsystem: subsystem(3) });
    const noUnit = trainingFromForm(
      {
        ...withRequirement(base, subsystem(3), 's3-end-user'),
        place: '会议室',
        durationHours: 2,
        trainers: [{ name: '李老师', title: '', level: '' }],
        attendees: [{ name: '赵一', unit: '' }],
      },
      context,
    );
    expect(noUnit.ok ? [] : noUnit.errors.map((error) => error.name.join('.'))).toEqual(['unitId']);

    const elsewhere = trainingFromForm(filled({ unitId: 2 }), context);
    expect(elsewhere.ok && elsewhere.training.unitId).toBe(null);
  });

  it('keeps the envelope of the training being edited, round-tripping through the form', () => {
    const first = trainingFromForm(filled({ surveyScore: 92, surveyComments: '满意' }), context);
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const later = NOW + 3_600_000;
    const again = trainingFromForm(
      { ...formValuesOf(first.training), notes: '补充了课件' },
      { ...context, before: first.training, actor: 'someone-else', now: later },
    );
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.training).toEqual({ ...first.training, notes: '补充了课件', updatedAt: later });
  });

  it('records a training for no requirement', () => {
    const result = trainingFromForm(filled({ requirementId: '' }), context);
    expect(result.ok && result.training.requirementId).toBe(null);
  });
});

describe('attendeesFromPaste', () => {
  it('takes a column of names, a second column as the unit, and skips blanks and repeats', () => {
    const { added, repeated } = attendeesFromPaste(
      '张三\r\n李四\t就业局\n\n  王五 \n张三\n赵六，人才服务局\n',
      '信息中心',
      [{ name: '王五', unit: '信息中心' }],
    );
    expect(added).toEqual([
      { name: '张三', unit: '信息中心' },
      { name: '李四', unit: '就业局' },
      { name: '赵六', unit: '人才服务局' },
    ]);
    expect(repeated).toEqual(['王五', '张三']);
  });
});
