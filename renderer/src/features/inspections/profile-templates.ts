import type { ContractProfile } from '@core/profile';
import {
  newRecordId,
  newTemplate,
  templateContentFromProfile,
  type InspectionTemplate,
  type TemplateContent,
} from '@core/records';

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

/**
 * The record id of a profile's version 1, derived from the profile and the template id: every PC
 * shows the same template, and should the project lead save it, sync sees one record, not rivals.
 */
export async function seededTemplateRecordId(profileId: string, templateId: string): Promise<string> {
  const text = new TextEncoder().encode(`yunwei-inspection-seed:${profileId}:${templateId}:1`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', text));
  return newRecordId(() => digest.subarray(0, 16));
}

/** Who a profile's version 1 is shown as saved by: nobody on this PC wrote it. */
export const PROFILE_TEMPLATE_AUTHOR = '合同档案';

/**
 * Version 1 of every checklist of the profile, as the templates every user starts with. They are read
 * from the profile each time and never saved: a user who merely opens 巡检 writes nothing (and an
 * engineer or service manager has nothing refused at sync). `since` is when they count as in use.
 */
export async function profileDefaultTemplates(
  profile: ContractProfile,
  since: number,
): Promise<InspectionTemplate[]> {
  return Promise.all(
    profileTemplateContents(profile).map(async (content) => {
      const made = newTemplate(content, {
        actor: PROFILE_TEMPLATE_AUTHOR,
        at: since,
        id: await seededTemplateRecordId(profile.profileId, content.templateId),
      });
      if (!made.ok) throw new Error(`合同档案中的巡检模板“${content.name}”无法使用：${made.reason}`);
      return made.template;
    }),
  );
}

/**
 * The stored templates with the profile's version 1 of those the store lacks. A stored version wins:
 * one synced from the project lead (or saved by an earlier release) is the record of that version.
 */
export function withProfileDefaults(
  stored: readonly InspectionTemplate[],
  defaults: readonly InspectionTemplate[],
): InspectionTemplate[] {
  const key = (template: InspectionTemplate) => `${template.templateId}@${template.version}`;
  const have = new Set(stored.map(key));
  return [...stored, ...defaults.filter((template) => !have.has(key(template)))];
}

/**
 * When the profile's templates came into use for this user on this PC: the first time they were
 * shown, kept so the calendar never calls slots before then missed (as when version 1 was saved on
 * first use). Kept on this PC only; it is no record and is never synced.
 */
export function profileTemplatesSince(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  databaseName: string,
  now: number,
): number {
  const key = `yunwei:profile-templates-since:${databaseName}`;
  const stored = Number(storage.getItem(key) ?? Number.NaN);
  if (Number.isSafeInteger(stored) && stored > 0) return stored;
  storage.setItem(key, String(now));
  return now;
}
