import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateItem, formatReading } from './inspection-evaluate';
import { type InspectionItem, inspectionItemSchema } from './inspection-template';

const cpu: InspectionItem = {
  id: 'cpu',
  label: 'CPU 使用率',
  required: true,
  kind: 'number',
  unit: '%',
  max: 80,
};
const disk: InspectionItem = {
  id: 'disk',
  label: '剩余磁盘',
  required: true,
  kind: 'number',
  unit: 'GB',
  min: 50,
  max: 2000,
};
const portal: InspectionItem = { id: 'portal', label: '首页栏目', required: true, kind: 'pass-fail' };
const links: InspectionItem = {
  id: 'links',
  label: '市-省-部链路',
  required: true,
  kind: 'choice',
  options: ['正常', '延迟', '中断'],
  abnormalOptions: ['中断'],
};
const remark: InspectionItem = { id: 'remark', label: '其他情况', required: false, kind: 'text' };
const photo: InspectionItem = { id: 'rack', label: '机柜照片', required: true, kind: 'photo' };

describe('evaluateItem', () => {
  it('passes values inside the thresholds, bounds included', () => {
    expect(evaluateItem(cpu, 80)).toEqual({ ok: true });
    expect(evaluateItem(disk, 50)).toEqual({ ok: true });
    expect(evaluateItem(portal, true)).toEqual({ ok: true });
    expect(evaluateItem(links, '延迟')).toEqual({ ok: true });
    expect(evaluateItem(photo, 'c'.repeat(64))).toEqual({ ok: true });
  });

  it('explains an out-of-threshold number with the value, the bound and the unit', () => {
    expect(evaluateItem(cpu, 92)).toEqual({
      ok: false,
      kind: 'out_of_range',
      reason: '「CPU 使用率」为 92%，高于上限 80%',
    });
    expect(evaluateItem(disk, 12.5)).toEqual({
      ok: false,
      kind: 'out_of_range',
      reason: '「剩余磁盘」为 12.5 GB，低于下限 50 GB',
    });
  });

  it('fails an abnormal pass-fail or choice', () => {
    expect(evaluateItem(portal, false)).toEqual({
      ok: false,
      kind: 'failed',
      reason: '「首页栏目」检查结果为异常',
    });
    expect(evaluateItem(links, '中断')).toEqual({
      ok: false,
      kind: 'failed',
      reason: '「市-省-部链路」结果为“中断”',
    });
  });

  it('tells a missing required value from an optional one left blank', () => {
    expect(evaluateItem(cpu, null)).toEqual({
      ok: false,
      kind: 'missing',
      reason: '「CPU 使用率」为必填项，尚未填写',
    });
    expect(evaluateItem(remark, '')).toEqual({ ok: true });
  });

  it('calls a value of the wrong kind invalid', () => {
    expect(evaluateItem(cpu, '很高')).toEqual({
      ok: false,
      kind: 'invalid',
      reason: '「CPU 使用率」应填写数值',
    });
    expect(evaluateItem(portal, 1)).toMatchObject({
      kind: 'invalid',
      reason: '「首页栏目」应选择“正常”或“异常”',
    });
    expect(evaluateItem(links, '良好')).toMatchObject({
      reason: '「市-省-部链路」应从 “正常”、“延迟”、“中断” 中选择',
    });
    expect(evaluateItem(photo, 'not-a-hash')).toMatchObject({
      kind: 'invalid',
      reason: '「机柜照片」应上传照片',
    });
    expect(evaluateItem(remark, true)).toMatchObject({ kind: 'invalid' });
  });

  it('refuses a percentage outside 0–100 whatever the thresholds, naming the item', () => {
    const unbounded: InspectionItem = {
      id: 'memory',
      label: '内存使用率',
      required: true,
      kind: 'number',
      unit: '%',
    };
    for (const item of [cpu, unbounded]) {
      expect(evaluateItem(item, 250)).toEqual({
        ok: false,
        kind: 'invalid',
        reason: `「${item.label}」是百分比，应在 0%–100% 之间，不能是 250%`,
      });
      expect(evaluateItem(item, -1)).toMatchObject({ kind: 'invalid' });
      expect(evaluateItem(item, 1_000_000_000)).toMatchObject({ kind: 'invalid' });
    }
    expect(evaluateItem(unbounded, 100)).toEqual({ ok: true });
    expect(evaluateItem(unbounded, 0)).toEqual({ ok: true });
  });

  it('passes a number exactly when it lies within [min, max] (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(evaluateItem(disk, value).ok).toBe(value >= 50 && value <= 2000);
      }),
    );
  });
});

describe('item schema', () => {
  it('rejects thresholds the wrong way round or beyond 100 %, and abnormal options that are not options', () => {
    const bad = inspectionItemSchema.safeParse({ ...disk, min: 100, max: 10 });
    expect(bad.error?.issues[0]).toMatchObject({ path: ['min'], message: '下限不能大于上限' });
    const percent = inspectionItemSchema.safeParse({ ...cpu, max: 250 });
    expect(percent.error?.issues[0]).toMatchObject({
      path: ['max'],
      message: '单位为 % 时，上下限应在 0–100 之间',
    });
    const choice = inspectionItemSchema.safeParse({ ...links, abnormalOptions: ['坏了'] });
    expect(choice.error?.issues[0]?.message).toBe('“异常选项”必须是可选项之一');
    expect(inspectionItemSchema.safeParse({ ...portal, kind: 'slider' }).error?.issues[0]?.message).toBe(
      '检查项类型应为 pass-fail、number、text、choice、photo 之一',
    );
  });
});

describe('formatReading', () => {
  it('writes symbols against the number and words after a space', () => {
    expect([
      formatReading(92, '%'),
      formatReading(37.5, '℃'),
      formatReading(500, 'GB'),
      formatReading(3, ''),
    ]).toEqual(['92%', '37.5℃', '500 GB', '3']);
  });
});
