import type {
  ChecklistItem,
  InspectionPlan,
  InspectionTemplate as ProfileChecklist,
} from '../profile/inspection';
import type { TemplateContent } from './inspection-template-versions';

/**
 * Version 1 of a template from the contract profile: the checklist's items and the plan that says when
 * it is due. The tender marks nothing optional, so every item is required except free-text ones (a
 * "故障征兆" field may rightly stay empty). A daily plan runs on working days when its schedule is a
 * `workday:` one and on every day otherwise (`24x7`, `daily:`); a `periodic` (定期) plan has no due
 * slots. `planScheduleHours` is the text of the plan's schedule (e.g. `workday:09:00-17:30`).
 */
export function templateContentFromProfile(
  subsystemId: number,
  checklist: ProfileChecklist,
  plan: InspectionPlan | undefined,
  planScheduleHours: string | undefined,
): TemplateContent {
  return {
    templateId: checklist.id,
    subsystemId,
    name: checklist.title,
    schedule: scheduleOf(plan, planScheduleHours),
    items: checklist.items.map(itemOf),
  };
}

function scheduleOf(
  plan: InspectionPlan | undefined,
  hours: string | undefined,
): TemplateContent['schedule'] {
  if (plan === undefined || plan.frequency === 'periodic') return null;
  if (plan.frequency === 'monthly') return { kind: 'monthly' };
  if (hours === undefined) {
    throw new RangeError(`巡检计划 ${plan.id} 是每日计划，但没有找到它的服务时间，无法判断哪些天需要巡检`);
  }
  const days = hours.startsWith('workday:') ? 'workdays' : 'every_day';
  return plan.dueBy === undefined ? { kind: 'daily', days } : { kind: 'daily', days, dueBy: plan.dueBy };
}

function itemOf(item: ChecklistItem): TemplateContent['items'][number] {
  const base = { id: item.id, label: item.label };
  switch (item.kind) {
    case 'number':
      return {
        ...base,
        required: true,
        kind: 'number',
        unit: item.unit,
        ...(item.min === undefined ? {} : { min: item.min }),
        ...(item.max === undefined ? {} : { max: item.max }),
      };
    case 'choice':
      return { ...base, required: true, kind: 'choice', options: item.options, abnormalOptions: [] };
    case 'text':
      return { ...base, required: false, kind: 'text' };
    case 'pass-fail':
    case 'photo':
      return { ...base, required: true, kind: item.kind };
  }
}
