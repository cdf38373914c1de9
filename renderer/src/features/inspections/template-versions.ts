import type { InspectionTemplate } from '@core/records';

/**
 * The version in force of every template: the highest undeleted version per template id, ordered by
 * subsystem and then template id, as the calendar and the template list show them.
 */
export function latestVersions(templates: readonly InspectionTemplate[]): InspectionTemplate[] {
  const latest = new Map<string, InspectionTemplate>();
  for (const template of templates) {
    if (template.deleted) continue;
    const current = latest.get(template.templateId);
    if (current === undefined || template.version > current.version)
      latest.set(template.templateId, template);
  }
  return [...latest.values()].sort(
    (a, b) => a.subsystemId - b.subsystemId || a.templateId.localeCompare(b.templateId),
  );
}

/** Every saved version of one template, newest first. */
export function versionsOf(
  templates: readonly InspectionTemplate[],
  templateId: string,
): InspectionTemplate[] {
  return templates
    .filter((template) => template.templateId === templateId)
    .sort((a, b) => b.version - a.version);
}

/**
 * When each template came into use: the save time of its earliest version. Slots that closed before
 * then were never owed, so the calendar does not call them missed.
 */
export function templatesInUseSince(templates: readonly InspectionTemplate[]): Map<string, number> {
  const since = new Map<string, number>();
  for (const template of templates) {
    const current = since.get(template.templateId);
    if (current === undefined || template.createdAt < current)
      since.set(template.templateId, template.createdAt);
  }
  return since;
}
