import { z } from 'zod';
import { clockSchema } from './clock';
import { targetSchema } from './obligations';
import { clause, note, positiveInteger, slug, strictObject, text } from './schema-helpers';
import { schedulesSchema } from './schedules';
import { slaPolicySchema } from './sla-policy';
import { subsystemSchema } from './subsystem';

/** The version of the profile format this code reads. */
export const PROFILE_SCHEMA_VERSION = 1;

const contractSchema = strictObject({
  name: text,
  purchaser: text,
  termMonths: positiveInteger,
  termClause: clause.optional(),
  /** 万元; must equal the sum of the subsystem budgets. */
  budgetTotal: z.number().positive(),
  budgetClause: clause.optional(),
  acceptance: strictObject({
    intervalMonths: positiveInteger,
    documents: z.array(text).min(1),
    clause: clause.optional(),
  }),
  notes: z.array(note).default([]),
});

const teamSchema = strictObject({
  /** Service staff, not counting the project lead and the technical lead. */
  serviceStaffMin: positiveInteger,
  projectLeads: positiveInteger,
  technicalLeads: positiveInteger,
  clause: clause.optional(),
});

/**
 * What the vendor commits to for the whole contract (the tender's scoring table). `sla` is the default
 * every subsystem falls back to where it sets no clock of its own; its clocks name `schedules` here.
 */
const commitmentsSchema = strictObject({
  schedules: schedulesSchema.default({}),
  sla: slaPolicySchema.default({}),
  /** Cause found and a solution submitted (查明故障原因，提交故障解决方案). */
  faultDiagnosis: clockSchema.optional(),
  targets: z.array(targetSchema).default([]),
  team: teamSchema.optional(),
  obligations: z.array(text).default([]),
});

const documentSystemUnitSchema = strictObject({
  id: positiveInteger,
  /** The unit as the tender names it, e.g. 贵州省就业局. */
  name: text,
  /** The tender's heading for that unit's service, e.g. 贵州省就业局省公文处理和事务办理系统运维服务. */
  serviceItem: text,
});

/** The units a document-and-affairs system serves, and the service manager's visits to them. */
const documentSystemSchema = strictObject({
  subsystemId: positiveInteger,
  units: z.array(documentSystemUnitSchema).min(1),
  visitsPerUnitPerMonth: positiveInteger.optional(),
  visitsClause: clause.optional(),
});

export const contractProfileSchema = strictObject({
  schemaVersion: z.literal(PROFILE_SCHEMA_VERSION),
  profileId: slug,
  /** Revision of this profile's content; raise it on every change an admin publishes. */
  profileVersion: positiveInteger,
  contract: contractSchema,
  commitments: commitmentsSchema,
  documentSystem: documentSystemSchema.optional(),
  subsystems: z.array(subsystemSchema).min(1),
});
export type ContractProfile = z.infer<typeof contractProfileSchema>;
export type ContractProfileInput = z.input<typeof contractProfileSchema>;
export type Commitments = ContractProfile['commitments'];
export type DocumentSystem = NonNullable<ContractProfile['documentSystem']>;
export type DocumentSystemUnit = DocumentSystem['units'][number];
