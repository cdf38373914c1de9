import { z } from 'zod';
import { instantSchema, recordEnvelopeShape } from '../record-envelope';
import { slugSchema } from '../inspection-template';
import { attachmentSchema } from '../ticket';
import { attachmentListSchema, freeTextSchema, personNameSchema } from './common';

/** A lecturer's level as contracts name it (初级/中级/高级讲师); null where the trainer has none. */
export const LECTURER_LEVELS = ['junior', 'intermediate', 'senior'] as const;
export const lecturerLevelSchema = z.enum(LECTURER_LEVELS, { error: '讲师级别应为初级、中级或高级' });
export type LecturerLevel = z.infer<typeof lecturerLevelSchema>;

export const LECTURER_LEVEL_LABELS: Readonly<Record<LecturerLevel, string>> = {
  junior: '初级讲师',
  intermediate: '中级讲师',
  senior: '高级讲师',
};

export const trainerSchema = z.strictObject({
  name: personNameSchema('讲师姓名'),
  /** A professional title in the trainer's words, e.g. 高级工程师; may be empty. */
  title: freeTextSchema('讲师职称', 50).trim(),
  level: lecturerLevelSchema.nullable(),
});
export type Trainer = z.infer<typeof trainerSchema>;

export const attendeeSchema = z.strictObject({
  name: personNameSchema('参训人员姓名'),
  unit: freeTextSchema('参训人员单位', 100).trim(),
});
export type Attendee = z.infer<typeof attendeeSchema>;

export const MAX_ATTENDEES = 1_000;

/** Either each attendee signed in the app, or a count and the photographed paper sign-in sheet. */
export const attendanceSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('list'),
      attendees: z
        .array(attendeeSchema)
        .min(1, { error: '请至少登记一名参训人员' })
        .max(MAX_ATTENDEES, { error: `参训人员不能超过 ${MAX_ATTENDEES} 人` }),
    }),
    z.strictObject({
      kind: z.literal('count'),
      count: z
        .number({ error: '参训人数应为数字' })
        .int({ error: '参训人数应为整数' })
        .min(1, { error: '参训人数至少为 1' })
        .max(MAX_ATTENDEES, { error: `参训人数不能超过 ${MAX_ATTENDEES}` }),
      signInSheet: z.strictObject(attachmentSchema.shape, {
        error: (issue) => (issue.code === 'invalid_type' ? '请上传签到表照片' : undefined),
      }),
    }),
  ],
  { error: '签到方式应为逐人签到或人数加签到表照片' },
);
export type Attendance = z.infer<typeof attendanceSchema>;

export const satisfactionSurveySchema = z.strictObject({
  /** The survey's average on a 0–100 scale. */
  score: z
    .number({ error: '满意度得分应为数字' })
    .min(0, { error: '满意度得分应在 0–100 之间' })
    .max(100, { error: '满意度得分应在 0–100 之间' }),
  comments: freeTextSchema('满意度意见', 5_000),
});
export type SatisfactionSurvey = z.infer<typeof satisfactionSurveySchema>;

export const TRAINING_DELIVERIES = ['in_person', 'online'] as const;
export const TRAINING_DELIVERY_LABELS: Readonly<Record<(typeof TRAINING_DELIVERIES)[number], string>> = {
  in_person: '现场',
  online: '线上',
};

/** At most a working week of sessions in one record. */
export const MAX_TRAINING_MINUTES = 5 * 24 * 60;

/**
 * A training (培训) given for one subsystem. `requirementId` is the profile's training requirement it
 * fulfils (null for a training the contract does not ask for); `unitId` the document-system unit it
 * was given to, for requirements owed once per unit.
 */
export const trainingSchema = z
  .strictObject({
    ...recordEnvelopeShape,
    requirementId: slugSchema.nullable(),
    unitId: z
      .number({ error: '培训单位应为编号' })
      .int({ error: '培训单位编号应为整数' })
      .positive({ error: '培训单位编号应为正整数' })
      .nullable(),
    topic: z
      .string({ error: '培训主题应为文字' })
      .trim()
      .min(1, { error: '请填写培训主题' })
      .max(200, { error: '培训主题不能超过 200 个字符' }),
    audience: freeTextSchema('培训对象', 200).trim(),
    startAt: instantSchema,
    durationMinutes: z
      .number({ error: '培训时长应为分钟数' })
      .int({ error: '培训时长应为整数分钟' })
      .min(1, { error: '请填写培训时长' })
      .max(MAX_TRAINING_MINUTES, { error: '一次培训的时长不能超过 5 天' }),
    delivery: z.enum(TRAINING_DELIVERIES, { error: '培训方式应为现场或线上' }),
    /** The room for an in-person training; the platform or meeting number for an online one. */
    place: freeTextSchema('培训地点', 200).trim(),
    trainers: z
      .array(trainerSchema)
      .min(1, { error: '请至少填写一名讲师' })
      .max(20, { error: '讲师不能超过 20 名' }),
    attendance: attendanceSchema,
    materials: attachmentListSchema('培训资料'),
    satisfaction: satisfactionSurveySchema.nullable(),
    notes: freeTextSchema('备注', 10_000),
  })
  .superRefine((training, context) => {
    if (training.delivery === 'in_person' && training.place === '') {
      context.addIssue({ code: 'custom', path: ['place'], message: '现场培训请填写培训地点' });
    }
    const names = new Set<string>();
    training.trainers.forEach((trainer, index) => {
      if (names.has(trainer.name)) {
        context.addIssue({
          code: 'custom',
          path: ['trainers', index, 'name'],
          message: `讲师“${trainer.name}”重复`,
        });
      }
      names.add(trainer.name);
    });
    if (training.attendance.kind === 'list') {
      const seen = new Set<string>();
      training.attendance.attendees.forEach((attendee, index) => {
        const key = `${attendee.unit}\u0000${attendee.name}`;
        if (seen.has(key)) {
          context.addIssue({
            code: 'custom',
            path: ['attendance', 'attendees', index],
            message: `参训人员“${attendee.name}”重复签到`,
          });
        }
        seen.add(key);
      });
    }
  });
export type Training = z.infer<typeof trainingSchema>;

/** How many people attended, whichever way they signed in. */
export function attendeeCount(attendance: Attendance): number {
  return attendance.kind === 'list' ? attendance.attendees.length : attendance.count;
}
