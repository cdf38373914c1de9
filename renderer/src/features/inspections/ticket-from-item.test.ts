import {
  newTemplate,
  recordResult,
  startRun,
  ticketSchema,
  type InspectionRun,
  type InspectionTemplate,
} from '@core/records';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { rebuildLinkedTicket, ticketFromFailedItem } from './ticket-from-item';

const made = newTemplate(
  {
    templateId: 's5-daily-0830',
    subsystemId: 5,
    name: '门户网站功能测试巡检（每日 8:30 前）',
    schedule: { kind: 'daily', days: 'every_day', dueBy: '08:30' },
    items: [
      { id: 'columns', label: '门户网站栏目各项功能正常', kind: 'pass-fail', required: true },
      { id: 'pages', label: '门户网站页面正常显示、无空白', kind: 'pass-fail', required: true },
      { id: 'load', label: '首页加载时间', kind: 'number', unit: '秒', max: 3, required: true },
    ],
  },
  { actor: 'admin', at: parseInstant('2026-01-01T00:00') },
);
if (!made.ok) throw new Error(made.reason);
const template: InspectionTemplate = made.template;
const startedAt = parseInstant('2026-02-14T08:05');
const at = parseInstant('2026-02-14T08:12');

function runWith(values: Readonly<Record<string, boolean | number>>, note = ''): InspectionRun {
  const started = startRun(template, { actor: 'zhang', at: startedAt, scheduledFor: '2026-02-14' });
  if (!started.ok) throw new Error(started.reason);
  let run = started.run;
  for (const [itemId, value] of Object.entries(values)) {
    const recorded = recordResult(run, template, itemId, value, { note });
    if (!recorded.ok) throw new Error(recorded.reason);
    run = recorded.run;
  }
  return run;
}

describe('ticketFromFailedItem', () => {
  it('opens a prefilled inspection ticket for the inspector and links it with the result both ways', () => {
    const run = runWith({ columns: true, pages: false }, '首页“政策法规”栏目空白');
    const made = ticketFromFailedItem(run, template, 'pages', { actor: 'zhang', at });
    if (!made.ok) throw new Error(made.reason);
    expect(ticketSchema.parse(made.ticket)).toEqual(made.ticket);
    expect(made.ticket).toMatchObject({
      subsystemId: 5,
      channel: 'inspection',
      category: 'fault',
      status: 'new',
      title: '巡检异常：门户网站页面正常显示、无空白',
      receivedAt: startedAt,
      createdBy: 'zhang',
      createdAt: at,
      assignee: 'zhang',
      inspectionLink: { runId: run.id, itemId: 'pages' },
    });
    expect(made.ticket.description).toContain('巡检模板「门户网站功能测试巡检（每日 8:30 前）」第 1 版');
    expect(made.ticket.description).not.toContain('s5-daily-0830');
    expect(made.ticket.description).toContain('备注：首页“政策法规”栏目空白');
    expect(made.run.results.find((result) => result.itemId === 'pages')?.ticketId).toBe(made.ticket.id);
    expect(made.run.results.find((result) => result.itemId === 'columns')?.ticketId).toBeNull();
  });

  it('opens one for a number out of threshold, naming the threshold', () => {
    const made = ticketFromFailedItem(runWith({ load: 7.5 }), template, 'load', { actor: 'zhang', at });
    if (!made.ok) throw new Error(made.reason);
    expect(made.ticket.description).toContain('7.5 秒（上限 3 秒）');
  });

  it('refuses a passing item, an empty one, a second ticket and a foreign template version', () => {
    const run = runWith({ columns: true, pages: false });
    expect(ticketFromFailedItem(run, template, 'columns', { actor: 'zhang', at })).toEqual({
      ok: false,
      reason: '「门户网站栏目各项功能正常」结果正常，无需生成工单',
    });
    expect(ticketFromFailedItem(run, template, 'load', { actor: 'zhang', at })).toEqual({
      ok: false,
      reason: '「首页加载时间」还没有填写结果，不能生成工单',
    });
    const first = ticketFromFailedItem(run, template, 'pages', { actor: 'zhang', at });
    if (!first.ok) throw new Error(first.reason);
    expect(ticketFromFailedItem(first.run, template, 'pages', { actor: 'zhang', at })).toEqual({
      ok: false,
      reason: '「门户网站页面正常显示、无空白」已经生成过工单',
    });
    const revised = { ...template, version: 2 };
    expect(ticketFromFailedItem(run, revised, 'pages', { actor: 'zhang', at })).toEqual({
      ok: false,
      reason: '这次巡检按模板第 1 版填写，与「门户网站功能测试巡检（每日 8:30 前）」第 2 版不符',
    });
  });
});

describe('rebuildLinkedTicket', () => {
  it('makes the linked ticket again under the id the result names', () => {
    const made = ticketFromFailedItem(runWith({ pages: false }), template, 'pages', { actor: 'zhang', at });
    if (!made.ok) throw new Error(made.reason);
    const rebuilt = rebuildLinkedTicket(made.run, template, 'pages', { actor: 'zhang', at: at + 60_000 });
    if (!rebuilt.ok) throw new Error(rebuilt.reason);
    expect(rebuilt.ticket.id).toBe(made.ticket.id);
    expect(rebuilt.ticket).toMatchObject({
      title: made.ticket.title,
      inspectionLink: made.ticket.inspectionLink,
    });
  });

  it('refuses a result without a link', () => {
    const run = runWith({ pages: false });
    expect(rebuildLinkedTicket(run, template, 'pages', { actor: 'zhang', at })).toEqual({
      ok: false,
      reason: '「门户网站页面正常显示、无空白」没有关联工单，无需补建',
    });
  });
});
