import { newTemplate, type InspectionTemplate, type TemplateContent } from '@core/records';
import { describe, expect, it } from 'vitest';
import { scheduleText } from './schedule-text';
import { latestVersions, templatesInUseSince, versionsOf } from './template-versions';

function template(
  templateId: string,
  subsystemId: number,
  version: number,
  deleted = false,
): InspectionTemplate {
  const content: TemplateContent = {
    templateId,
    subsystemId,
    name: `${templateId} 第 ${version} 版`,
    schedule: null,
    items: [{ id: 'a', label: '检查项', kind: 'pass-fail', required: true }],
  };
  const made = newTemplate(content, { actor: 'zhang', at: 1_000 * version });
  if (!made.ok) throw new Error(made.reason);
  return { ...made.template, version, deleted };
}

describe('latestVersions', () => {
  it('keeps the highest undeleted version of each template, ordered by subsystem then id', () => {
    const latest = latestVersions([
      template('s8-monthly', 8, 1),
      template('s5-monthly', 5, 2),
      template('s8-monthly', 8, 3),
      template('s5-daily-0830', 5, 1),
      template('s5-monthly', 5, 1),
      template('s8-monthly', 8, 4, true),
    ]);
    expect(latest.map((entry) => `${entry.templateId}@${entry.version}`)).toEqual([
      's5-daily-0830@1',
      's5-monthly@2',
      's8-monthly@3',
    ]);
  });
});

describe('versionsOf', () => {
  it('lists one template’s versions, newest first', () => {
    const versions = versionsOf(
      [template('a', 1, 1), template('b', 1, 5), template('a', 1, 3), template('a', 1, 2)],
      'a',
    );
    expect(versions.map((entry) => entry.version)).toEqual([3, 2, 1]);
  });
});

describe('templatesInUseSince', () => {
  it('takes each template’s earliest version save', () => {
    const since = templatesInUseSince([template('a', 1, 2), template('a', 1, 1), template('b', 1, 3)]);
    expect([...since]).toEqual([
      ['a', 1_000],
      ['b', 3_000],
    ]);
  });
});

describe('scheduleText', () => {
  it('words every kind of schedule', () => {
    expect(scheduleText(null)).toBe('不定期（需要时开始）');
    expect(scheduleText({ kind: 'daily', days: 'every_day', dueBy: '08:30' })).toBe('每天 08:30 前');
    expect(scheduleText({ kind: 'daily', days: 'workdays' })).toBe('每个工作日');
    expect(scheduleText({ kind: 'monthly' })).toBe('每月（月底前）');
    expect(scheduleText({ kind: 'monthly', dueDay: 10 })).toBe('每月（10 日内）');
  });
});
