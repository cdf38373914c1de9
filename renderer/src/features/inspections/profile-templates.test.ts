import { loadDefaultProfile } from '@core/profile';
import { isRecordId } from '@core/records';
import { describe, expect, it } from 'vitest';
import {
  PROFILE_TEMPLATE_AUTHOR,
  profileDefaultTemplates,
  profileTemplateContents,
  seededTemplateRecordId,
  withProfileDefaults,
} from './profile-templates';

describe('profileTemplateContents', () => {
  const contents = profileTemplateContents(loadDefaultProfile());
  const byId = new Map(contents.map((content) => [content.templateId, content]));

  it('makes one template per checklist of the default profile, in subsystem order', () => {
    expect(contents.map((content) => `${content.subsystemId}:${content.templateId}`)).toEqual([
      '1:s1-daily',
      '5:s5-daily-0830',
      '5:s5-monthly',
      '6:s6-periodic',
      '7:s7-periodic',
      '8:s8-monthly',
      '13:s13-monthly',
    ]);
  });

  it('gives subsystem 5 its every-day check due before 08:30 and its monthly routine inspection', () => {
    expect(byId.get('s5-daily-0830')?.schedule).toEqual({ kind: 'daily', days: 'every_day', dueBy: '08:30' });
    expect(byId.get('s5-daily-0830')?.items.map((item) => item.id)).toEqual([
      'columns',
      'pages',
      'third-party-interfaces',
    ]);
    expect(byId.get('s5-monthly')?.schedule).toEqual({ kind: 'monthly' });
  });

  it('runs subsystem 1’s daily check on working days (its service hours are workday ones)', () => {
    expect(byId.get('s1-daily')?.schedule).toEqual({ kind: 'daily', days: 'workdays' });
  });

  it('keeps subsystem 8’s monthly checklist with its percentages and leaves 定期 templates unscheduled', () => {
    const s8 = byId.get('s8-monthly');
    expect(s8?.schedule).toEqual({ kind: 'monthly' });
    expect(s8?.items.find((item) => item.id === 'cpu')).toMatchObject({ kind: 'number', unit: '%' });
    expect(byId.get('s6-periodic')?.schedule).toBeNull();
    expect(byId.get('s13-monthly')?.schedule).toEqual({ kind: 'monthly' });
  });

  it('refuses a profile that names the same template id under two subsystems', () => {
    const profile = loadDefaultProfile();
    const s1 = profile.subsystems.find((subsystem) => subsystem.id === 1);
    const s8 = profile.subsystems.find((subsystem) => subsystem.id === 8);
    if (s1 === undefined || s8 === undefined) throw new Error('default profile lost subsystem 1 or 8');
    const [checklist] = s8.inspectionTemplates;
    if (checklist === undefined) throw new Error('default profile lost subsystem 8’s checklist');
    const clash = {
      ...profile,
      subsystems: [s1, { ...s8, inspectionTemplates: [{ ...checklist, id: 's1-daily' }] }],
    };
    expect(() => profileTemplateContents(clash)).toThrow('"s1-daily" 同时出现在子项 1 和子项 8');
  });
});

describe('profileDefaultTemplates', () => {
  const since = Date.UTC(2026, 2, 1);

  it('gives every checklist of the profile as version 1, saved by nobody on this PC', async () => {
    const defaults = await profileDefaultTemplates(loadDefaultProfile(), since);
    expect(defaults.map((template) => [template.templateId, template.version])).toEqual(
      profileTemplateContents(loadDefaultProfile()).map((content) => [content.templateId, 1]),
    );
    expect(new Set(defaults.map((template) => template.createdBy))).toEqual(
      new Set([PROFILE_TEMPLATE_AUTHOR]),
    );
    expect(defaults.every((template) => template.createdAt === since)).toBe(true);
    expect(defaults[0]?.id).toBe(await seededTemplateRecordId('guizhou-hrss-2025', 's1-daily'));
  });

  it('lets a stored version win and keeps the profile’s version 1 beside a stored version 2', async () => {
    const defaults = await profileDefaultTemplates(loadDefaultProfile(), since);
    const s1 = defaults.find((template) => template.templateId === 's1-daily');
    if (s1 === undefined) throw new Error('default profile lost s1-daily');
    const storedV1 = { ...s1, name: '项目负责人保存的名称', createdBy: 'lead' };
    const storedV2 = { ...s1, id: 'x'.repeat(26), version: 2 };
    const merged = withProfileDefaults([storedV1, storedV2], defaults);
    expect(merged.filter((template) => template.templateId === 's1-daily')).toEqual([storedV1, storedV2]);
    expect(merged).toHaveLength(defaults.length + 1);
    expect(withProfileDefaults([], defaults)).toEqual(defaults);
  });
});

describe('seededTemplateRecordId', () => {
  it('is a valid record id, the same for the same profile and template, different otherwise', async () => {
    const first = await seededTemplateRecordId('guizhou-hrss-2025', 's5-daily-0830');
    expect(isRecordId(first)).toBe(true);
    expect(await seededTemplateRecordId('guizhou-hrss-2025', 's5-daily-0830')).toBe(first);
    expect(await seededTemplateRecordId('guizhou-hrss-2025', 's5-monthly')).not.toBe(first);
    expect(await seededTemplateRecordId('another-contract', 's5-daily-0830')).not.toBe(first);
  });
});
