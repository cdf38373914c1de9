import { z } from 'zod';

/**
 * How a ticket (工单) is classified. The contract's SLA clocks are keyed by category × severity, so the
 * contract profile and the ticket records share these lists.
 */
export const TICKET_CATEGORIES = [
  'fault',
  'consultation',
  'data',
  'requirement',
  'account',
  'security',
] as const;
export const ticketCategorySchema = z.enum(TICKET_CATEGORIES);
export type TicketCategory = z.infer<typeof ticketCategorySchema>;

export const TICKET_CATEGORY_LABELS: Readonly<Record<TicketCategory, string>> = {
  fault: '故障',
  consultation: '咨询',
  data: '数据维护',
  requirement: '需求',
  account: '账号权限',
  security: '安全漏洞',
};

/** Ordered from least to most urgent; the tender's 一般故障 / 重大故障 / 紧急情况. */
export const TICKET_SEVERITIES = ['ordinary', 'major', 'emergency'] as const;
export const ticketSeveritySchema = z.enum(TICKET_SEVERITIES);
export type TicketSeverity = z.infer<typeof ticketSeveritySchema>;

export const TICKET_SEVERITY_LABELS: Readonly<Record<TicketSeverity, string>> = {
  ordinary: '一般',
  major: '重大',
  emergency: '紧急',
};
