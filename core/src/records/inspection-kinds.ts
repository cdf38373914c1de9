import { inspectionRunSchema } from './inspection-run';
import { inspectionTemplateSchema } from './inspection-template';
import { property, text } from './kind-helpers';
import type { RecordKind } from './record-kind';

/** Inspection checklists (巡检模板) and their runs (巡检记录): registered in RECORD_KINDS. */
export const inspectionTemplateKind = {
  type: 'inspection_template',
  schema: inspectionTemplateSchema,
  label: '巡检模板',
  titleOf: (record) => text(record.name),
  derived: [],
  timelines: [],
  blobs: [],
  scope: { by: 'subsystem' },
  // The checklists are the contract's, kept by the project lead (manual: 巡检模板); engineers fill them in.
  writers: ['project_lead'],
  refusals: { engineer: '巡检模板由项目负责人维护，驻场工程师不能修改' },
  owners: [],
  fieldLabels: {
    templateId: '模板编号',
    version: '版本',
    name: '名称',
    schedule: '巡检计划',
    items: '检查项',
    subsystemId: '运维子项',
    deleted: '删除',
    id: '编号',
    createdBy: '创建人',
    createdAt: '创建时间',
    updatedAt: '更新时间',
  },
  schemaDoc: { source: 'core/src/records/inspection-template.ts', io: 'output' },
} satisfies RecordKind;

export const inspectionRunKind = {
  type: 'inspection_run',
  schema: inspectionRunSchema,
  label: '巡检记录',
  titleOf: () => undefined,
  derived: [],
  timelines: [],
  // A photo item's value is its photo's SHA-256; any other item's value never looks like one.
  blobs: [
    {
      field: 'results',
      hashesOf: (result) => [property(result, 'photoSha256'), property(result, 'value')],
    },
  ],
  scope: { by: 'subsystem' },
  writers: ['project_lead', 'engineer'],
  refusals: {},
  owners: [],
  fieldLabels: {
    templateId: '巡检模板',
    templateVersion: '模板版本',
    scheduledFor: '巡检周期',
    startedAt: '开始时间',
    finishedAt: '完成时间',
    inspector: '巡检人',
    results: '检查结果',
    subsystemId: '运维子项',
    deleted: '删除',
    id: '编号',
    createdBy: '创建人',
    createdAt: '创建时间',
    updatedAt: '更新时间',
  },
  schemaDoc: { source: 'core/src/records/inspection-run.ts', io: 'input' },
} satisfies RecordKind;
