import type { ContractProfile } from '../profile';
import { templateContentFromProfile } from '../records/inspection-template-from-profile';
import type { InspectionTemplate } from '../records/inspection-template';
import { newTemplate } from '../records/inspection-template-versions';
import type { Instant } from '../time/shanghai-time';

/** Who the profile's version 1 of a checklist is shown as saved by, as in the app. */
export const PROFILE_TEMPLATE_AUTHOR = '合同档案';

/**
 * The stored inspection templates with the contract profile's version 1 of each checklist the store
 * lacks. The app uses those versions without ever saving them (a user who merely opens 巡检 writes
 * nothing), and runs are filled against them; a document made from the synced records alone would
 * count no planned inspection and name no checklist. A stored version 1 wins. `idOf` gives a version's
 * record id (the app derives it from the profile and the checklist, so both sides name it alike).
 */
export function withProfileTemplates(
  stored: readonly InspectionTemplate[],
  profile: ContractProfile,
  idOf: (templateId: string) => string,
  since: Instant,
): InspectionTemplate[] {
  const have = new Set(stored.map((template) => `${template.templateId}@${template.version}`));
  const defaults: InspectionTemplate[] = [];
  for (const subsystem of profile.subsystems) {
    for (const checklist of subsystem.inspectionTemplates) {
      if (have.has(`${checklist.id}@1`)) continue;
      const plan = subsystem.inspectionPlans.find((candidate) => candidate.template === checklist.id);
      const hours = plan?.schedule === undefined ? undefined : subsystem.schedules[plan.schedule]?.hours;
      const made = newTemplate(templateContentFromProfile(subsystem.id, checklist, plan, hours), {
        actor: PROFILE_TEMPLATE_AUTHOR,
        at: since,
        id: idOf(checklist.id),
      });
      if (!made.ok) throw new Error(`合同档案中的巡检模板“${checklist.title}”无法使用：${made.reason}`);
      defaults.push(made.template);
    }
  }
  return [...stored, ...defaults];
}
