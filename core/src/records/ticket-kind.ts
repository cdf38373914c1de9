import type { RecordKind } from './record-kind';
import { ENVELOPE_FIELD_LABELS, property, text } from './kind-helpers';
import { ticketSchema } from './ticket';
import type { TicketEvent } from './ticket-event';
import { statusFromEvents } from './ticket-status';

/** Tickets (工单): registered in RECORD_KINDS (record-kinds.ts). */
export const ticketKind = {
  type: 'ticket',
  schema: ticketSchema,
  label: '工单',
  titleOf: (record) => text(record.title),
  derived: [
    {
      field: 'status',
      from: 'events',
      compute: (events) =>
        Array.isArray(events) ? statusFromEvents(events as unknown as TicketEvent[]) : undefined,
    },
  ],
  timelines: ['events'],
  blobs: [{ field: 'attachments', hashesOf: (attachment) => [property(attachment, 'sha256')] }],
  scope: { by: 'subsystem' },
  writers: ['project_lead', 'engineer'],
  refusals: {},
  owners: [],
  fieldLabels: {
    title: '标题',
    status: '状态',
    events: '处理记录',
    subsystemId: '运维子项',
    channel: '来源渠道',
    reporter: '报告人',
    category: '问题分类',
    severity: '紧急程度',
    assignee: '处理人',
    receivedAt: '接报时间',
    description: '问题描述',
    rootCause: '原因分析',
    resolution: '处理结果',
    chatEvidence: '聊天记录证据',
    attachments: '附件',
    inspectionLink: '关联巡检',
    slaDeadlines: '时限',
    ...ENVELOPE_FIELD_LABELS,
  },
  schemaDoc: { source: 'core/src/records/ticket.ts', io: 'output' },
} satisfies RecordKind;
