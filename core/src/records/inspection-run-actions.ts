import type { Instant } from '../time/shanghai-time';
import { evaluateItem, type ItemEvaluation } from './inspection-evaluate';
import {
  type InspectionResult,
  type InspectionRun,
  type InspectionValue,
  inspectionRunSchema,
} from './inspection-run';
import type { InspectionTemplate } from './inspection-template';
import { newRecordId } from './record-id';
import { parseRecord, type Refusal, refuse } from './validation';

export type RunResult = { readonly ok: true; readonly run: InspectionRun } | Refusal;

export interface StartRunContext {
  readonly actor: string;
  readonly at: Instant;
  /** The slot key from `dueSlots`, or null for an unscheduled run. */
  readonly scheduledFor: string | null;
  readonly id?: string;
}

/** An empty run of this template version, started by the actor. */
export function startRun(template: InspectionTemplate, context: StartRunContext): RunResult {
  if (template.deleted) return refuse(`巡检模板“${template.name}”已删除，不能再开始巡检`);
  const run = {
    id: context.id ?? newRecordId(),
    subsystemId: template.subsystemId,
    createdBy: context.actor,
    createdAt: context.at,
    updatedAt: context.at,
    deleted: false,
    templateId: template.templateId,
    templateVersion: template.version,
    scheduledFor: context.scheduledFor,
    startedAt: context.at,
    finishedAt: null,
    inspector: context.actor,
    results: [],
  };
  const parsed = parseRecord(inspectionRunSchema, run, '巡检记录');
  return parsed.ok ? { ok: true, run: parsed.value } : parsed;
}

export interface ResultInput {
  readonly note?: string;
  readonly photoSha256?: string | null;
}

/**
 * Records (or replaces) one item's value. A value that does not fit the item is refused; a failing or
 * out-of-range value is kept with `ok: false`. An empty value clears the item's result.
 */
export function recordResult(
  run: InspectionRun,
  template: InspectionTemplate,
  itemId: string,
  value: InspectionValue,
  input: ResultInput = {},
): { readonly ok: true; readonly run: InspectionRun; readonly evaluation: ItemEvaluation } | Refusal {
  const mismatch = templateMismatch(run, template);
  if (mismatch !== undefined) return refuse(mismatch);
  if (run.deleted) return refuse('巡检记录已删除，不能再修改');
  const item = template.items.find((candidate) => candidate.id === itemId);
  if (item === undefined) return refuse(`模板“${template.name}”第 ${template.version} 版中没有这个检查项`);

  const others = run.results.filter((result) => result.itemId !== itemId);
  const evaluation = evaluateItem(item, value);
  if (value === null || value === '') {
    return { ok: true, run: { ...run, results: others }, evaluation };
  }
  if (!evaluation.ok && evaluation.kind === 'invalid') return refuse(evaluation.reason);

  const previous = run.results.find((result) => result.itemId === itemId);
  const result: InspectionResult = {
    itemId,
    value,
    ok: evaluation.ok,
    note: input.note ?? previous?.note ?? '',
    photoSha256: input.photoSha256 === undefined ? (previous?.photoSha256 ?? null) : input.photoSha256,
    ticketId: previous?.ticketId ?? null,
  };
  const results = template.items
    .map((candidate) =>
      candidate.id === itemId ? result : others.find((other) => other.itemId === candidate.id),
    )
    .filter((entry): entry is InspectionResult => entry !== undefined);
  const parsed = parseRecord(inspectionRunSchema, { ...run, results }, '巡检记录');
  return parsed.ok ? { ok: true, run: parsed.value, evaluation } : parsed;
}

/** Marks the run finished; refused while a required item has no value. */
export function finishRun(run: InspectionRun, template: InspectionTemplate, at: Instant): RunResult {
  const mismatch = templateMismatch(run, template);
  if (mismatch !== undefined) return refuse(mismatch);
  if (run.finishedAt !== null) return refuse('这次巡检已经完成');
  const missing = template.items.filter(
    (item) => item.required && !run.results.some((result) => result.itemId === item.id),
  );
  if (missing.length > 0) {
    return refuse(`还有必填项未填写：${missing.map((item) => `「${item.label}」`).join('、')}`);
  }
  const parsed = parseRecord(inspectionRunSchema, { ...run, finishedAt: at }, '巡检记录');
  return parsed.ok ? { ok: true, run: parsed.value } : parsed;
}

/** Links a failed result to the ticket it opened (the ticket's `inspectionLink` points back). */
export function linkResultToTicket(run: InspectionRun, itemId: string, ticketId: string): RunResult {
  const result = run.results.find((candidate) => candidate.itemId === itemId);
  if (result === undefined) return refuse('这个检查项还没有结果');
  if (result.ok) return refuse('该检查项结果正常，无需开工单');
  if (result.ticketId !== null && result.ticketId !== ticketId) return refuse('该检查项已关联了另一张工单');
  const results = run.results.map((candidate) =>
    candidate === result ? { ...result, ticketId } : candidate,
  );
  const parsed = parseRecord(inspectionRunSchema, { ...run, results }, '巡检记录');
  return parsed.ok ? { ok: true, run: parsed.value } : parsed;
}

function templateMismatch(run: InspectionRun, template: InspectionTemplate): string | undefined {
  if (run.templateId === template.templateId && run.templateVersion === template.version) return undefined;
  // Users know templates by name: the ids stay out of the reason.
  if (run.templateId !== template.templateId) return `这次巡检使用的不是模板“${template.name}”`;
  return `这次巡检按模板第 ${run.templateVersion} 版填写，不能按“${template.name}”第 ${template.version} 版修改`;
}
