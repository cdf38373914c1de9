import { z } from 'zod';
import {
  TICKET_CATEGORIES,
  TICKET_SEVERITIES,
  type TicketCategory,
  type TicketSeverity,
  ticketCategorySchema,
  ticketSeveritySchema,
} from '../records/classification';
import { type Clock, clockSchema } from './clock';
import { strictObject, unknownKeyMessage } from './schema-helpers';

export const CLOCK_KINDS = ['response', 'resolution'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export const CLOCK_KIND_LABELS: Readonly<Record<ClockKind, string>> = {
  response: '响应',
  resolution: '解决',
};

const clockPairSchema = strictObject({
  response: clockSchema.optional(),
  resolution: clockSchema.optional(),
}).refine((pair) => pair.response !== undefined || pair.resolution !== undefined, {
  error: 'expected a response clock, a resolution clock or both',
});

const bySeveritySchema = z.partialRecord(ticketSeveritySchema, clockPairSchema, {
  error: (issue) => unknownKeyMessage(issue.code, 'severity', TICKET_SEVERITIES),
});

/**
 * `sla.<category>.<severity>.{response?, resolution?}`. A combination that is absent is one the
 * contract does not set at this level.
 */
export const slaPolicySchema = z.partialRecord(ticketCategorySchema, bySeveritySchema, {
  error: (issue) => unknownKeyMessage(issue.code, 'category', TICKET_CATEGORIES),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

export interface SlaClockEntry {
  readonly category: TicketCategory;
  readonly severity: TicketSeverity;
  readonly kind: ClockKind;
  readonly clock: Clock;
}

/** Every clock of a policy, in the order category × severity × kind of the classification lists. */
export function listSlaClocks(policy: SlaPolicy): SlaClockEntry[] {
  const entries: SlaClockEntry[] = [];
  for (const category of TICKET_CATEGORIES) {
    for (const severity of TICKET_SEVERITIES) {
      for (const kind of CLOCK_KINDS) {
        const clock = policy[category]?.[severity]?.[kind];
        if (clock !== undefined) entries.push({ category, severity, kind, clock });
      }
    }
  }
  return entries;
}
