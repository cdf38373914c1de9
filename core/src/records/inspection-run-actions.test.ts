import { describe, expect, it } from 'vitest';
import { parseInstant } from '../time/shanghai-time';
import { finishRun, linkResultToTicket, recordResult, startRun } from './inspection-run-actions';
import { inspectionRunSchema, type InspectionRun } from './inspection-run';
import type { InspectionTemplate } from './inspection-template';
import { newTemplate, reviseTemplate } from './inspection-template-versions';

const at = parseInstant;
const TICKET_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function template(): InspectionTemplate {
  const result = newTemplate(
    {
      templateId: 's5-daily',
      subsystemId: 5,
      name: '网站群每日 08:30 前功能检查',
      schedule: { kind: 'daily', days: 'workdays', dueBy: '08:30' },
      items: [
        { id: 'columns', label: '门户栏目可访问', required: true, kind: 'pass-fail' },
        { id: 'response-ms', label: '首页响应时间', required: true, kind: 'number', unit: 'ms', max: 3000 },
        { id: 'remark', label: '其他情况', required: false, kind: 'text' },
      ],
    },
    { actor: 'admin', at: at('2026-03-01T10:00') },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.template;
}

function started(): InspectionRun {
  const result = startRun(template(), {
    actor: 'zhangsan',
    at: at('2026-03-10T08:05'),
    scheduledFor: '2026-03-10',
  });
  if (!result.ok) throw new Error(result.reason);
  return result.run;
}

function record(run: InspectionRun, itemId: string, value: boolean | number | string | null, note?: string) {
  const result = recordResult(run, template(), itemId, value, note === undefined ? {} : { note });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('an inspection run', () => {
  it('starts empty against the template version, for its slot', () => {
    const run = started();
    expect(run).toMatchObject({
      subsystemId: 5,
      templateId: 's5-daily',
      templateVersion: 1,
      scheduledFor: '2026-03-10',
      inspector: 'zhangsan',
      finishedAt: null,
      results: [],
    });
    expect(inspectionRunSchema.parse(run)).toEqual(run);
  });

  it('records results in template order, judging each value', () => {
    let run = started();
    run = record(run, 'response-ms', 4200, '首页加载缓慢').run;
    const { run: next, evaluation } = record(run, 'columns', true);
    expect(evaluation).toEqual({ ok: true });
    expect(next.results).toEqual([
      { itemId: 'columns', value: true, ok: true, note: '', photoSha256: null, ticketId: null },
      {
        itemId: 'response-ms',
        value: 4200,
        ok: false,
        note: '首页加载缓慢',
        photoSha256: null,
        ticketId: null,
      },
    ]);
  });

  it('refuses a value of the wrong kind or an unknown item, and clears on an empty value', () => {
    const run = started();
    expect(recordResult(run, template(), 'response-ms', '很慢')).toEqual({
      ok: false,
      reason: '「首页响应时间」应填写数值',
    });
    expect(recordResult(run, template(), 'cpu', 1)).toEqual({
      ok: false,
      reason: '模板“网站群每日 08:30 前功能检查”第 1 版中没有这个检查项',
    });
    const filled = record(run, 'columns', false).run;
    expect(record(filled, 'columns', null).run.results).toEqual([]);
  });

  it('refuses to finish while a required item is empty, then finishes', () => {
    const partial = record(started(), 'columns', true).run;
    expect(finishRun(partial, template(), at('2026-03-10T08:20'))).toEqual({
      ok: false,
      reason: '还有必填项未填写：「首页响应时间」',
    });
    const complete = record(partial, 'response-ms', 800).run;
    const finished = finishRun(complete, template(), at('2026-03-10T08:20'));
    expect(finished.ok && finished.run.finishedAt).toBe(at('2026-03-10T08:20'));
    if (finished.ok)
      expect(finishRun(finished.run, template(), at('2026-03-10T08:21'))).toEqual({
        ok: false,
        reason: '这次巡检已经完成',
      });
  });

  it('refuses results against another template version, naming versions and not template ids', () => {
    const v2 = reviseTemplate(
      template(),
      { name: '网站群每日功能检查（新版）' },
      { actor: 'admin', at: at('2026-03-05T10:00') },
    );
    if (!v2.ok) throw new Error(v2.reason);
    expect(recordResult(started(), v2.template, 'columns', true)).toEqual({
      ok: false,
      reason: '这次巡检按模板第 1 版填写，不能按“网站群每日功能检查（新版）”第 2 版修改',
    });
  });

  it('links a failed result to the ticket it opened, once', () => {
    const run = record(started(), 'columns', false).run;
    const linked = linkResultToTicket(run, 'columns', TICKET_ID);
    expect(linked.ok && linked.run.results[0]?.ticketId).toBe(TICKET_ID);
    if (!linked.ok) return;
    expect(linkResultToTicket(linked.run, 'columns', '0b6f1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d')).toEqual({
      ok: false,
      reason: '该检查项已关联了另一张工单',
    });
    expect(record(linked.run, 'columns', false, '仍然异常').run.results[0]?.ticketId).toBe(TICKET_ID);
    const passed = record(started(), 'columns', true).run;
    expect(linkResultToTicket(passed, 'columns', TICKET_ID)).toEqual({
      ok: false,
      reason: '该检查项结果正常，无需开工单',
    });
  });
});

describe('template versions', () => {
  it('makes each edit a new version with a new record id and the same templateId', () => {
    const v1 = template();
    const v2 = reviseTemplate(
      v1,
      { items: [...v1.items, { id: 'api', label: '第三方接口', required: true, kind: 'pass-fail' }] },
      { actor: 'admin', at: at('2026-03-05T10:00') },
    );
    expect(v2.ok).toBe(true);
    if (!v2.ok) return;
    expect(v2.template).toMatchObject({
      templateId: 's5-daily',
      version: 2,
      name: v1.name,
      schedule: v1.schedule,
    });
    expect(v2.template.id).not.toBe(v1.id);
    expect(v2.template.items).toHaveLength(4);
    expect(v1.items).toHaveLength(3);
  });

  it('refuses duplicate item ids, naming both places', () => {
    const v1 = template();
    const result = reviseTemplate(
      v1,
      { items: [...v1.items, { id: 'columns', label: '重复', required: false, kind: 'text' }] },
      { actor: 'admin', at: at('2026-03-05T10:00') },
    );
    expect(result).toEqual({
      ok: false,
      reason: '巡检模板数据无效：items.3.id: 检查项编号 "columns" 与第 1 项重复',
    });
  });
});
