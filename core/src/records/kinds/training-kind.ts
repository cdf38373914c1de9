import { ENVELOPE_FIELD_LABELS, property, text } from '../kind-helpers';
import type { RecordKind } from '../record-kind';
import { trainingSchema } from './training';

/** Trainings (培训): registered in RECORD_KINDS. */
export const trainingKind = {
  type: 'training',
  schema: trainingSchema,
  label: '培训记录',
  titleOf: (record) => text(record.topic),
  derived: [],
  timelines: [],
  blobs: [
    { field: 'materials', hashesOf: (material) => [property(material, 'sha256')] },
    {
      field: 'attendance',
      hashesOf: (attendance) => [property(property(attendance, 'signInSheet') ?? null, 'sha256')],
    },
  ],
  scope: { by: 'subsystem' },
  writers: ['project_lead', 'engineer'],
  refusals: {},
  owners: [],
  fieldLabels: {
    topic: '培训主题',
    requirementId: '对应合同要求',
    unitId: '培训单位',
    audience: '培训对象',
    startAt: '开始时间',
    durationMinutes: '培训时长',
    delivery: '培训方式',
    place: '培训地点',
    trainers: '讲师',
    attendance: '签到',
    materials: '培训资料',
    satisfaction: '满意度调查',
    notes: '备注',
    subsystemId: '运维子项',
    ...ENVELOPE_FIELD_LABELS,
  },
  schemaDoc: { source: 'core/src/records/kinds/training.ts', io: 'output' },
} satisfies RecordKind;
