import { formatInstant, type Instant } from '../time/shanghai-time';
import { evaluateItem, formatReading } from './inspection-evaluate';
import type { InspectionResult, InspectionRun } from './inspection-run';
import type { InspectionItem } from './inspection-template';
import type { TicketDraft } from './ticket-create';

/**
 * A ticket draft for a failed or out-of-range item, one step from saving: channel 巡检, category 故障,
 * severity 一般 (the engineer raises it if needed), the inspector as reporter and as assignee (who found
 * it handles it until someone reassigns it, so it never waits unowned), and a link back to the run and
 * item. The description names the template by `templateName`, as users know it. The clocks start when
 * the failure was found: `foundAt`, by default the run's finish (or start, for a run still open).
 */
export function ticketDraftFromFailedItem(
  run: InspectionRun,
  templateName: string,
  item: InspectionItem,
  result: InspectionResult,
  foundAt: Instant = run.finishedAt ?? run.startedAt,
): TicketDraft {
  if (result.itemId !== item.id) throw new RangeError(`结果属于检查项 "${result.itemId}"，不是 "${item.id}"`);
  const evaluation = evaluateItem(item, result.value);
  if (evaluation.ok) throw new RangeError(`「${item.label}」结果正常，无需开工单`);
  if (evaluation.kind === 'missing' || evaluation.kind === 'invalid') {
    throw new RangeError(`${evaluation.reason}，不能据此开工单`);
  }

  const lines = [
    `巡检于 ${formatInstant(foundAt).slice(0, 16).replace('T', ' ')} 发现异常（巡检人：${run.inspector}，` +
      `巡检模板「${templateName}」第 ${run.templateVersion} 版）。`,
    `检查项：${item.label}`,
    `结果：${describeValue(item, result)}`,
    `判定：${evaluation.reason}`,
  ];
  if (result.note !== '') lines.push(`备注：${result.note}`);
  if (result.photoSha256 !== null || item.kind === 'photo') lines.push('现场照片见巡检记录。');

  return {
    subsystemId: run.subsystemId,
    channel: 'inspection',
    reporter: { unit: '', person: run.inspector, phone: '' },
    category: 'fault',
    severity: 'ordinary',
    assignee: run.inspector,
    title: `巡检异常：${item.label}`.slice(0, 200),
    description: lines.join('\n'),
    receivedAt: foundAt,
    inspectionLink: { runId: run.id, itemId: item.id },
  };
}

function describeValue(item: InspectionItem, result: InspectionResult): string {
  const { value } = result;
  switch (item.kind) {
    case 'pass-fail':
      return value === true ? '正常' : '异常';
    case 'number': {
      const bounds = [
        item.min === undefined ? undefined : `下限 ${formatReading(item.min, item.unit)}`,
        item.max === undefined ? undefined : `上限 ${formatReading(item.max, item.unit)}`,
      ].filter((bound) => bound !== undefined);
      const reading = typeof value === 'number' ? formatReading(value, item.unit) : String(value);
      return bounds.length > 0 ? `${reading}（${bounds.join('，')}）` : reading;
    }
    case 'photo':
      return '照片';
    case 'text':
    case 'choice':
      return String(value);
  }
}
