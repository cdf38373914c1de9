import { newTemplate, recordResult, startRun, type InspectionItem, type InspectionRun } from '@core/records';
import { describe, expect, it } from 'vitest';
import { itemState, summarizeRun, thresholdText } from './item-state';

const cpu: InspectionItem = {
  id: 'cpu',
  label: 'CPU 使用率',
  kind: 'number',
  unit: '%',
  max: 80,
  required: true,
};
const disk: InspectionItem = {
  id: 'disk',
  label: '磁盘剩余',
  kind: 'number',
  unit: 'GB',
  min: 50,
  required: true,
};
const pages: InspectionItem = { id: 'pages', label: '页面正常', kind: 'pass-fail', required: true };
const notes: InspectionItem = { id: 'notes', label: '故障征兆', kind: 'text', required: false };

describe('itemState', () => {
  it('is empty until something is entered', () => {
    expect(itemState(cpu, undefined)).toEqual({ kind: 'empty' });
    expect(itemState(cpu, null)).toEqual({ kind: 'empty' });
    expect(itemState(notes, '')).toEqual({ kind: 'empty' });
  });

  it('flags an out-of-threshold number and a failed check with core’s reason', () => {
    expect(itemState(cpu, 80)).toEqual({ kind: 'ok' });
    expect(itemState(cpu, 92)).toEqual({ kind: 'abnormal', reason: '「CPU 使用率」为 92%，高于上限 80%' });
    expect(itemState(disk, 20)).toEqual({ kind: 'abnormal', reason: '「磁盘剩余」为 20 GB，低于下限 50 GB' });
    expect(itemState(pages, false)).toEqual({ kind: 'abnormal', reason: '「页面正常」检查结果为异常' });
  });

  it('calls a value of the wrong kind invalid', () => {
    expect(itemState(cpu, '九十')).toEqual({ kind: 'invalid', reason: '「CPU 使用率」应填写数值' });
  });
});

describe('thresholdText', () => {
  it('words the normal range of a number item', () => {
    expect(thresholdText(cpu)).toBe('不高于 80%');
    expect(thresholdText(disk)).toBe('不低于 50 GB');
    expect(thresholdText({ ...cpu, min: 5 })).toBe('正常范围 5%–80%');
    expect(thresholdText({ id: 'x', label: 'x', kind: 'number', unit: '%', required: true })).toBe(
      '未设阈值',
    );
    expect(thresholdText(pages)).toBe('');
  });
});

describe('summarizeRun', () => {
  it('counts filled and abnormal items and names the required ones still empty', () => {
    const made = newTemplate(
      { templateId: 't', subsystemId: 8, name: '月度巡检', schedule: null, items: [cpu, disk, pages, notes] },
      { actor: 'admin', at: 1 },
    );
    if (!made.ok) throw new Error(made.reason);
    const template = made.template;
    const started = startRun(template, { actor: 'zhang', at: 2, scheduledFor: null });
    if (!started.ok) throw new Error(started.reason);
    let run: InspectionRun = started.run;
    for (const [itemId, value] of [
      ['cpu', 95],
      ['pages', true],
    ] as const) {
      const recorded = recordResult(run, template, itemId, value);
      if (!recorded.ok) throw new Error(recorded.reason);
      run = recorded.run;
    }
    expect(summarizeRun(run, template.items)).toEqual({
      filled: 2,
      total: 4,
      missingRequired: ['磁盘剩余'],
      abnormal: 1,
      ticketed: 0,
    });
  });
});
