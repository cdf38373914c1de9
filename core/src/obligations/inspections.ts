import type { InspectionPlan } from '../profile/inspection';
import type { Subsystem } from '../profile/subsystem';
import type { InspectionRun } from '../records/inspection-run';
import { SLOT_STATE_LABELS, type InspectionSlot, dueSlots, slotStatus } from '../records/inspection-schedule';
import type { InspectionTemplate } from '../records/inspection-template';
import { currentTemplates } from '../reports/inspection-figures';
import { formatDateTime } from '../reports/format';
import { DAY_MS, MINUTE_MS, dayNumberOf, isoDateToDayNumber } from '../time/shanghai-time';
import {
  type NotTracked,
  type Obligation,
  type ObligationContext,
  type ObligationState,
  subsystemInScope,
} from './obligation';

/** How long before its due time an open slot counts as at risk: the 08:00 warning of an 08:30 check. */
const AT_RISK_DAILY_MS = 30 * MINUTE_MS;
const AT_RISK_MONTHLY_MS = 3 * DAY_MS;

/**
 * Every slot of every scheduled checklist (its newest version) from the start of the contract year, or
 * from the day its first version was saved, to today: done in time → met; done after its due time → broken (the 08:30 check finished at 09:10);
 * missed → broken; open past its due time → overdue; open before it → due, or at risk in its last
 * 30 minutes (3 days for a monthly one).
 */
export function inspectionObligations(
  templates: readonly InspectionTemplate[],
  runs: readonly InspectionRun[],
  context: ObligationContext,
): Obligation[] {
  const fromDay = isoDateToDayNumber(context.contractYear.from);
  const toDay = Math.min(isoDateToDayNumber(context.contractYear.to), dayNumberOf(context.now));
  if (toDay < fromDay) return [];
  const runsByTemplate = new Map<string, InspectionRun[]>();
  for (const run of runs) {
    if (run.deleted || run.finishedAt === null || run.finishedAt > context.now) continue;
    const list = runsByTemplate.get(run.templateId) ?? [];
    list.push(run);
    runsByTemplate.set(run.templateId, list);
  }
  // A checklist owes slots only from when it came into use: the save of its first version.
  const inUseSince = new Map<string, number>();
  for (const template of templates) {
    if (template.deleted) continue;
    const since = inUseSince.get(template.templateId);
    if (since === undefined || template.createdAt < since)
      inUseSince.set(template.templateId, template.createdAt);
  }
  const inScope = currentTemplates(templates, { subsystemIds: [] }).filter((template) =>
    subsystemInScope(context.scope, template.subsystemId),
  );
  return inScope.flatMap((template) => {
    const schedule = template.schedule;
    if (schedule === null) return [];
    const own = runsByTemplate.get(template.templateId) ?? [];
    const atRiskMs = schedule.kind === 'daily' ? AT_RISK_DAILY_MS : AT_RISK_MONTHLY_MS;
    const since = inUseSince.get(template.templateId) ?? template.createdAt;
    return dueSlots(schedule, fromDay, toDay, context.calendar)
      .filter((slot) => slot.closesAt > since)
      .map((slot) => slotObligation(template, slot, own, context, atRiskMs));
  });
}

function slotObligation(
  template: InspectionTemplate,
  slot: InspectionSlot,
  runs: readonly InspectionRun[],
  context: ObligationContext,
  atRiskMs: number,
): Obligation {
  const status = slotStatus(slot, runs, context.now);
  let state: ObligationState;
  let detail: string;
  switch (status.state) {
    case 'done': {
      const finishedAt = status.run?.finishedAt ?? null;
      state = status.late ? 'broken' : 'met';
      detail = status.late
        ? `${formatDateTime(finishedAt)} 才完成，晚于应检时间 ${formatDateTime(slot.dueAt)}`
        : `${formatDateTime(finishedAt)} 按时完成`;
      break;
    }
    case 'missed':
      state = 'broken';
      detail = `${slot.key} 没有完成的巡检记录`;
      break;
    case 'overdue':
      state = 'overdue';
      detail = `已过应检时间 ${formatDateTime(slot.dueAt)}，尚未完成`;
      break;
    case 'due':
    case 'upcoming':
      state = slot.dueAt - context.now <= atRiskMs ? 'at_risk' : 'due';
      detail = `须在 ${formatDateTime(slot.dueAt)} 前完成（${SLOT_STATE_LABELS[status.state]}）`;
      break;
  }
  return {
    id: `inspection:${template.templateId}:${slot.key}`,
    kind: 'inspection',
    subsystemId: template.subsystemId,
    unitId: null,
    title: `${template.name} ${slot.key}`,
    state,
    dueAt: slot.dueAt,
    detail,
    recordIds: status.run === undefined ? [] : [status.run.id],
    clause: null,
  };
}

/**
 * The profile's inspection plans the obligations above cannot check: a 定期 plan has no due dates, and a
 * daily or monthly plan is checked only once a checklist with its id and a schedule is in the records.
 */
export function untrackedInspectionPlans(
  subsystem: Subsystem,
  templates: readonly InspectionTemplate[],
): NotTracked[] {
  const scheduled = new Set(
    currentTemplates(templates, { subsystemIds: [subsystem.id] })
      .filter((template) => template.schedule !== null)
      .map((template) => template.templateId),
  );
  return subsystem.inspectionPlans.flatMap((plan: InspectionPlan): NotTracked[] => {
    const source = `运维子项 ${subsystem.id} · 巡检计划`;
    const text = plan.clause ?? plan.id;
    if (plan.frequency === 'periodic') {
      return [
        {
          source,
          subsystemId: subsystem.id,
          text,
          reason: '招标文件只写“定期”，未规定巡检间隔，没有应检日期可核对',
        },
      ];
    }
    if (plan.template === undefined) {
      return [
        {
          source,
          subsystemId: subsystem.id,
          text,
          reason: '招标文件未列出巡检项目，没有巡检模板，无法记录和核对巡检',
        },
      ];
    }
    if (!scheduled.has(plan.template)) {
      return [
        {
          source,
          subsystemId: subsystem.id,
          text,
          reason: '还没有建立设了检查周期的巡检模板，无法计算应检日期',
        },
      ];
    }
    return [];
  });
}
