import { ENVELOPE_FIELD_LABELS, joined, text } from '../kind-helpers';
import type { RecordKind } from '../record-kind';
import { dutyAssignmentSchema, dutyLogSchema, dutySwapSchema, sensitivePeriodSchema } from './duty';

/** Duty (值班): sensitive periods, the roster's assignments and swaps, duty logs; registered in RECORD_KINDS. */
export const sensitivePeriodKind = {
  type: 'sensitive_period',
  schema: sensitivePeriodSchema,
  label: '重要时期',
  titleOf: (record) => text(record.name),
  derived: [],
  timelines: [],
  blobs: [],
  scope: { by: 'contract' },
  writers: ['project_lead'],
  refusals: { engineer: '重要时期由项目负责人设定，驻场工程师不能修改' },
  owners: [],
  fieldLabels: {
    name: '时期名称',
    from: '开始日期',
    to: '结束日期',
    subsystemIds: '运维子项',
    note: '备注',
    ...ENVELOPE_FIELD_LABELS,
  },
  schemaDoc: { source: 'core/src/records/kinds/duty.ts', io: 'output' },
} satisfies RecordKind;

export const dutyAssignmentKind = {
  type: 'duty_assignment',
  schema: dutyAssignmentSchema,
  label: '值班安排',
  titleOf: (record) => joined(record.date, record.person),
  derived: [],
  timelines: [],
  blobs: [],
  scope: { by: 'subsystem_or_contract' },
  writers: ['project_lead'],
  refusals: { engineer: '排班由项目负责人安排；需要换班请在“值班”页登记调班' },
  owners: [],
  fieldLabels: {
    date: '值班日期',
    person: '值班人',
    subsystemId: '运维子项',
    ...ENVELOPE_FIELD_LABELS,
  },
  schemaDoc: { source: 'core/src/records/kinds/duty.ts', io: 'output' },
} satisfies RecordKind;

export const dutySwapKind = {
  type: 'duty_swap',
  schema: dutySwapSchema,
  label: '调班记录',
  titleOf: (record) => joined(record.personA, record.personB),
  derived: [],
  timelines: [],
  blobs: [],
  scope: { by: 'subsystem_or_contract' },
  writers: ['project_lead', 'engineer'],
  refusals: {},
  // The person giving the shift records the swap.
  owners: [{ field: 'personA', who: '调出班次的值班人' }],
  fieldLabels: {
    assignmentA: '调出班次',
    personA: '调出人',
    assignmentB: '换入班次',
    personB: '接班人',
    at: '调班时间',
    reason: '调班原因',
    subsystemId: '运维子项',
    ...ENVELOPE_FIELD_LABELS,
  },
  schemaDoc: { source: 'core/src/records/kinds/duty.ts', io: 'output' },
} satisfies RecordKind;

export const dutyLogKind = {
  type: 'duty_log',
  schema: dutyLogSchema,
  label: '值班记录',
  titleOf: (record) => joined(record.date, record.onDuty),
  derived: [],
  timelines: [],
  blobs: [],
  scope: { by: 'subsystem_or_contract' },
  writers: ['project_lead', 'engineer'],
  refusals: {},
  owners: [
    { field: 'onDuty', who: '值班人' },
    { field: 'handOverTo', who: '交接接收人', onlyFields: ['signedOffAt'], may: '签收' },
  ],
  fieldLabels: {
    date: '值班日期',
    onDuty: '值班人',
    callsReceived: '接听电话数',
    events: '处理事件',
    notes: '值班备注',
    handOverTo: '交接给',
    handOverNote: '交接事项',
    handedOverAt: '交接时间',
    signedOffAt: '签收时间',
    subsystemId: '运维子项',
    ...ENVELOPE_FIELD_LABELS,
  },
  schemaDoc: { source: 'core/src/records/kinds/duty.ts', io: 'output' },
} satisfies RecordKind;
