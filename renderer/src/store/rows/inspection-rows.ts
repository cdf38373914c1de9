import type { InspectionRun, InspectionTemplate } from '@core/records';
import type { InspectionRunRow, InspectionTemplateRow, ServerClocks } from './row-types';

export function inspectionTemplateKey(templateId: string, version: number): string {
  return `${templateId}@${version}`;
}

/** `serverClocks`: see ticketRow. */
export function inspectionTemplateRow(
  template: InspectionTemplate,
  serverClocks?: ServerClocks,
): InspectionTemplateRow {
  return {
    key: inspectionTemplateKey(template.templateId, template.version),
    id: template.id,
    templateId: template.templateId,
    version: template.version,
    subsystemId: template.subsystemId,
    record: template,
    ...(serverClocks === undefined ? {} : { serverClocks }),
  };
}

/** `serverClocks`: see ticketRow. */
export function inspectionRunRow(run: InspectionRun, serverClocks?: ServerClocks): InspectionRunRow {
  return {
    id: run.id,
    record: run,
    subsystemId: run.subsystemId,
    templateId: run.templateId,
    slotKey: run.scheduledFor ?? '',
    startedAt: run.startedAt,
    ...(serverClocks === undefined ? {} : { serverClocks }),
  };
}
