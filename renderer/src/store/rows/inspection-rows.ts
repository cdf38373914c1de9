import type { InspectionRun, InspectionTemplate } from '@core/records';
import type { InspectionRunRow, InspectionTemplateRow } from './row-types';

export function inspectionTemplateKey(templateId: string, version: number): string {
  return `${templateId}@${version}`;
}

export function inspectionTemplateRow(template: InspectionTemplate): InspectionTemplateRow {
  return {
    key: inspectionTemplateKey(template.templateId, template.version),
    id: template.id,
    templateId: template.templateId,
    version: template.version,
    subsystemId: template.subsystemId,
    record: template,
  };
}

export function inspectionRunRow(run: InspectionRun): InspectionRunRow {
  return {
    id: run.id,
    record: run,
    subsystemId: run.subsystemId,
    templateId: run.templateId,
    slotKey: run.scheduledFor ?? '',
    startedAt: run.startedAt,
  };
}
