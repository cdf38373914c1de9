import { describe, expect, it } from 'vitest';
import {
  TICKET_CATEGORIES,
  TICKET_CATEGORY_LABELS,
  TICKET_SEVERITIES,
  TICKET_SEVERITY_LABELS,
  ticketCategorySchema,
  ticketSeveritySchema,
} from './classification';

describe('ticket classification', () => {
  it('has the six categories of the product brief with their Chinese labels', () => {
    expect(TICKET_CATEGORIES.map((category) => TICKET_CATEGORY_LABELS[category])).toEqual([
      '故障',
      '咨询',
      '数据维护',
      '需求',
      '账号权限',
      '安全漏洞',
    ]);
  });

  it('has the three severities, least urgent first', () => {
    expect(TICKET_SEVERITIES.map((severity) => TICKET_SEVERITY_LABELS[severity])).toEqual([
      '一般',
      '重大',
      '紧急',
    ]);
  });

  it('labels every value exactly once', () => {
    expect(Object.keys(TICKET_CATEGORY_LABELS).sort()).toEqual([...TICKET_CATEGORIES].sort());
    expect(Object.keys(TICKET_SEVERITY_LABELS).sort()).toEqual([...TICKET_SEVERITIES].sort());
  });

  it('accepts the listed values and rejects anything else', () => {
    expect(ticketCategorySchema.safeParse('security').success).toBe(true);
    expect(ticketCategorySchema.safeParse('故障').success).toBe(false);
    expect(ticketSeveritySchema.safeParse('emergency').success).toBe(true);
    expect(ticketSeveritySchema.safeParse('critical').success).toBe(false);
  });
});
