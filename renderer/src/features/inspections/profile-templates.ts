import type { ContractProfile } from '@core/profile';
import { newRecordId, templateContentFromProfile, type TemplateContent } from '@core/records';

/**
 * Version 1 of every checklist the contract profile names, with the plan that says when it is due
 * (subsystem 5's daily check before 08:30, subsystem 8's monthly checklist, …). A checklist without a
 * plan, or with a 定期 plan, becomes a template without a schedule: runs start only by hand.
 */
export function profileTemplateContents(profile: ContractProfile): TemplateContent[] {
  const contents: TemplateContent[] = [];
  const owners = new Map<string, number>();
  for (const subsystem of profile.subsystems) {
    for (const checklist of subsystem.inspectionTemplates) {
      const owner = owners.get(checklist.id);
      if (owner !== undefined) {
        throw new Error(
          `合同档案中巡检模板编号 "${checklist.id}" 同时出现在子项 ${owner} 和子项 ${subsystem.id}，模板编号必须唯一`,
        );
      }
      owners.set(checklist.id, subsystem.id);
      const plan = subsystem.inspectionPlans.find((candidate) => candidate.template === checklist.id);
      let hours: string | undefined;
      if (plan?.schedule !== undefined) {
        hours = subsystem.schedules[plan.schedule]?.hours;
        if (hours === undefined) {
          throw new Error(
            `合同档案子项 ${subsystem.id} 的巡检计划 ${plan.id} 引用了不存在的服务时间 "${plan.schedule}"`,
          );
        }
      }
      contents.push(templateContentFromProfile(subsystem.id, checklist, plan, hours));
    }
  }
  return contents;
}

/** The profile's checklists that have no template in the store yet (matched by template id). */
export function missingTemplateContents(
  contents: readonly TemplateContent[],
  storedTemplateIds: ReadonlySet<string>,
): TemplateContent[] {
  return contents.filter((content) => !storedTemplateIds.has(content.templateId));
}

/**
 * The record id of a seeded version 1, derived from the profile and the template id: two PCs that seed
 * the same profile offline create the same record, so sync sees one template instead of two rivals.
 */
export async function seededTemplateRecordId(profileId: string, templateId: string): Promise<string> {
  const text = new TextEncoder().encode(`yunwei-inspection-seed:${profileId}:${templateId}:1`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', text));
  return newRecordId(() => digest.subarray(0, 16));
}
