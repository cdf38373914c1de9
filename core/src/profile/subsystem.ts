import { z } from 'zod';
import { clockSchema } from './clock';
import { inspectionPlanSchema, inspectionTemplateSchema } from './inspection';
import { quotaSchema, reportObligationSchema, targetSchema, trainingRequirementSchema } from './obligations';
import { clause, note, positiveInteger, strictObject, text, uniqueList } from './schema-helpers';
import { schedulesSchema } from './schedules';
import { slaPolicySchema } from './sla-policy';

export const SERVICE_MODES = ['remote', 'onsite', 'stationed', 'bastion'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

export const SERVICE_MODE_LABELS: Readonly<Record<ServiceMode, string>> = {
  remote: '远程服务',
  onsite: '现场服务',
  stationed: '驻场运维',
  bastion: '堡垒机运维',
};

/** One O&M item (运维子项) of the contract. Budgets are in 万元 (10,000 CNY). */
export const subsystemSchema = strictObject({
  id: positiveInteger,
  /** Where the tender describes it, e.g. "十三" for item 十三 of its technical requirements. */
  tenderItem: text.optional(),
  name: text,
  shortName: text,
  budget: z.number().positive(),
  serviceModes: uniqueList(z.enum(SERVICE_MODES)).min(1),
  serviceModesClause: clause.optional(),
  stationedEngineers: z.number().int().nonnegative(),
  stationedClause: clause.optional(),
  /** The service hours in the tender's words; absent where the tender states none. */
  serviceHours: text.optional(),
  /** Schedules this subsystem's clocks and daily inspections name. */
  schedules: schedulesSchema.default({}),
  sla: slaPolicySchema.default({}),
  /** How soon an engineer must be on site in an emergency. */
  emergencyOnSite: clockSchema.optional(),
  inspectionTemplates: z.array(inspectionTemplateSchema).default([]),
  inspectionPlans: z.array(inspectionPlanSchema).default([]),
  trainings: z.array(trainingRequirementSchema).default([]),
  reports: z.array(reportObligationSchema).default([]),
  quotas: z.array(quotaSchema).default([]),
  targets: z.array(targetSchema).default([]),
  /** Duties with no number to check, in the tender's words. */
  obligations: z.array(text).default([]),
  /** How this profile reads the tender where the tender leaves room. */
  notes: z.array(note).default([]),
});
export type Subsystem = z.infer<typeof subsystemSchema>;
