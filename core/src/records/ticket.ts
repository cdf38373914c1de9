import { z } from 'zod';
import { ticketCategorySchema, ticketSeveritySchema } from './classification';
import { instantSchema, recordEnvelopeShape, userIdSchema } from './record-envelope';
import { recordIdSchema } from './record-id';
import { ticketEventSchema, type TicketEvent, STATUS_EVENT_KINDS } from './ticket-event';

/** How a report reached the engineer. */
export const TICKET_CHANNELS = [
  'phone',
  'wechat',
  'qq',
  'walk_in',
  'ticket_system',
  'email',
  'inspection',
] as const;
export const ticketChannelSchema = z.enum(TICKET_CHANNELS, {
  error: `来源渠道应为 ${TICKET_CHANNELS.join('、')} 之一`,
});
export type TicketChannel = z.infer<typeof ticketChannelSchema>;

export const TICKET_CHANNEL_LABELS: Readonly<Record<TicketChannel, string>> = {
  phone: '电话',
  wechat: '微信群',
  qq: 'QQ群',
  walk_in: '现场',
  ticket_system: '工单系统',
  email: '邮件',
  inspection: '巡检',
};

/** The status is a projection of the status events (see ticket-status.ts); the store indexes it. */
export const TICKET_STATUSES = ['new', 'responded', 'in_progress', 'waiting', 'resolved', 'closed'] as const;
/** The statuses in which a ticket's clocks can still run (it must be responded to before it is resolved). */
export const OPEN_TICKET_STATUSES = ['new', 'responded', 'in_progress', 'waiting'] as const;
export const ticketStatusSchema = z.enum(TICKET_STATUSES, {
  error: `状态应为 ${TICKET_STATUSES.join('、')} 之一`,
});
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const TICKET_STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  new: '新建',
  responded: '已响应',
  in_progress: '处理中',
  waiting: '等待报告人',
  resolved: '已解决',
  closed: '已关闭',
};

/** Digits with the separators people write: 0851-86812345、+86 138 0000 0000、(0851)86812345转8001. */
const PHONE = /^[0-9+\-() #*转]*$/;

export const reporterSchema = z.strictObject({
  unit: z.string().trim().max(100, { error: '报告单位不能超过 100 个字符' }),
  person: z.string().trim().max(50, { error: '报告人不能超过 50 个字符' }),
  phone: z
    .string()
    .trim()
    .max(40, { error: '电话号码不能超过 40 个字符' })
    .regex(PHONE, { error: '电话号码只能包含数字、空格、+、-、括号、#、* 和“转”' }),
});
export type Reporter = z.infer<typeof reporterSchema>;

/** A chat message pasted as the origin of a ticket, kept verbatim as evidence. */
export const chatEvidenceSchema = z.strictObject({
  sender: z
    .string()
    .trim()
    .min(1, { error: '请填写发送人' })
    .max(100, { error: '发送人不能超过 100 个字符' }),
  group: z.string().trim().max(100, { error: '群名称不能超过 100 个字符' }),
  sentAt: instantSchema,
  text: z.string().max(10_000, { error: '消息内容不能超过 10000 个字符' }),
});
export type ChatEvidence = z.infer<typeof chatEvidenceSchema>;

/** Screenshots and photos are stored once, keyed by content; a ticket keeps only the reference. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS = 50;

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'SHA-256 应为 64 位小写十六进制' });

export const attachmentSchema = z.strictObject({
  sha256: sha256Schema,
  name: z
    .string()
    .trim()
    .min(1, { error: '附件名不能为空' })
    .max(255, { error: '附件名不能超过 255 个字符' }),
  mime: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, { error: '附件类型（MIME）格式无效' }),
  size: z
    .number()
    .int({ error: '附件大小应为整数字节' })
    .min(0, { error: '附件大小不能为负' })
    .max(MAX_ATTACHMENT_BYTES, { error: `单个附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` }),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** The inspection run and item whose failure opened this ticket (the run's result links back). */
export const inspectionLinkSchema = z.strictObject({
  runId: recordIdSchema,
  itemId: z.string().min(1, { error: '巡检项编号不能为空' }),
});
export type InspectionLink = z.infer<typeof inspectionLinkSchema>;

/** The fields a person fills in; everything else is set by the status machine or the store. */
export const ticketContentShape = {
  subsystemId: recordEnvelopeShape.subsystemId,
  channel: ticketChannelSchema,
  reporter: reporterSchema,
  category: ticketCategorySchema,
  severity: ticketSeveritySchema,
  assignee: userIdSchema.nullable(),
  title: z.string().trim().min(1, { error: '请填写标题' }).max(200, { error: '标题不能超过 200 个字符' }),
  description: z.string().max(20_000, { error: '问题描述不能超过 20000 个字符' }),
  rootCause: z.string().max(10_000, { error: '原因分析不能超过 10000 个字符' }),
  resolution: z.string().max(10_000, { error: '处理结果不能超过 10000 个字符' }),
  /** When the report came in: both SLA clocks start here. */
  receivedAt: instantSchema,
  chatEvidence: chatEvidenceSchema.nullable(),
  attachments: z
    .array(attachmentSchema)
    .max(MAX_ATTACHMENTS, { error: `附件不能超过 ${MAX_ATTACHMENTS} 个` })
    .refine((list) => new Set(list.map((attachment) => attachment.sha256)).size === list.length, {
      error: '同一附件不能重复添加',
    }),
  inspectionLink: inspectionLinkSchema.nullable(),
};

export const ticketSchema = z
  .strictObject({
    ...recordEnvelopeShape,
    ...ticketContentShape,
    status: ticketStatusSchema,
    events: z.array(ticketEventSchema).min(1, { error: '工单至少应有一条“登记”记录' }),
  })
  .superRefine((ticket, context) => {
    const ids = new Set<string>();
    let lastStatusAt = ticket.receivedAt;
    ticket.events.forEach((event, index) => {
      if (ids.has(event.id)) {
        context.addIssue({ code: 'custom', path: ['events', index, 'id'], message: '处理记录编号重复' });
      }
      ids.add(event.id);
      if (!STATUS_EVENT_KINDS.has(event.kind)) return;
      if (event.at < lastStatusAt) {
        context.addIssue({
          code: 'custom',
          path: ['events', index, 'at'],
          message: '状态变化的时间不能早于接报时间或上一次状态变化',
        });
      }
      lastStatusAt = Math.max(lastStatusAt, event.at);
    });
    if (ticket.events[0]?.kind !== 'created') {
      context.addIssue({ code: 'custom', path: ['events', 0], message: '第一条处理记录应为“登记”' });
    }
  });
export type Ticket = z.infer<typeof ticketSchema>;
export type { TicketEvent };
