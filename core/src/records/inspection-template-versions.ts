import type { z } from 'zod';
import type { Instant } from '../time/shanghai-time';
import {
  type InspectionTemplate,
  type inspectionItemSchema,
  type inspectionScheduleSchema,
  inspectionTemplateSchema,
} from './inspection-template';
import { newRecordId } from './record-id';
import { parseRecord, type Refusal, refuse } from './validation';

export type TemplateResult = { readonly ok: true; readonly template: InspectionTemplate } | Refusal;

export interface TemplateContent {
  readonly templateId: string;
  readonly subsystemId: number;
  readonly name: string;
  readonly schedule: z.input<typeof inspectionScheduleSchema> | null;
  readonly items: readonly z.input<typeof inspectionItemSchema>[];
}

export interface TemplateSaveContext {
  readonly actor: string;
  readonly at: Instant;
  readonly id?: string;
}

/** Version 1 of a checklist (from the contract profile, or written by an admin). */
export function newTemplate(content: TemplateContent, context: TemplateSaveContext): TemplateResult {
  return build({ ...content, version: 1 }, context);
}

/**
 * An edit never changes a saved version: it makes the next version as a new record, so runs filled
 * against the old one keep their meaning.
 */
export function reviseTemplate(
  template: InspectionTemplate,
  changes: Partial<Pick<TemplateContent, 'name' | 'schedule' | 'items'>>,
  context: TemplateSaveContext,
): TemplateResult {
  if (template.deleted) return refuse(`巡检模板“${template.name}”已删除，不能再修改`);
  return build(
    {
      templateId: template.templateId,
      subsystemId: template.subsystemId,
      name: changes.name ?? template.name,
      schedule: changes.schedule === undefined ? template.schedule : changes.schedule,
      items: changes.items ?? template.items,
      version: template.version + 1,
    },
    context,
  );
}

function build(
  content: TemplateContent & { readonly version: number },
  context: TemplateSaveContext,
): TemplateResult {
  const parsed = parseRecord(
    inspectionTemplateSchema,
    {
      ...content,
      id: context.id ?? newRecordId(),
      createdBy: context.actor,
      createdAt: context.at,
      updatedAt: context.at,
      deleted: false,
    },
    '巡检模板',
  );
  return parsed.ok ? { ok: true, template: parsed.value } : parsed;
}
