import { loadDefaultProfile } from '@core/profile';
import { isRecordId } from '@core/records';
import { describe, expect, it } from 'vitest';
import {
  missingTemplateContents,
  profileTemplateContents,
  seededTemplateRecordId,
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

describe('missingTemplateContents', () => {
  it('keeps only checklists whose template id is not stored yet', () => {
    const contents = profileTemplateContents(loadDefaultProfile());
    const missing = missingTemplateContents(contents, new Set(['s1-daily', 's8-monthly']));
    expect(missing.map((content) => content.templateId)).toEqual([
      's5-daily-0830',
      's5-monthly',
      's6-periodic',
      's7-periodic',
      's13-monthly',
    ]);
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
