import { describe, expect, it } from 'vitest';
import { loadDefaultProfile } from '../profile';
import { newTemplate } from '../records/inspection-template-versions';
import { parseInstant } from '../time/shanghai-time';
import { PROFILE_TEMPLATE_AUTHOR, withProfileTemplates } from './profile-templates';

const profile = loadDefaultProfile();
const since = parseInstant('2026-01-01T00:00');
let counter = 0;
const idOf = () => `00000000-0000-4000-8000-${String((counter += 1)).padStart(12, '0')}`;

describe('the profile’s checklists beside the stored templates', () => {
  it('gives version 1 of every checklist of the profile when none is stored', () => {
    const templates = withProfileTemplates([], profile, idOf, since);
    expect(templates.map((template) => [template.templateId, template.version]).sort()).toEqual(
      profile.subsystems
        .flatMap((subsystem) => subsystem.inspectionTemplates.map((checklist) => [checklist.id, 1]))
        .sort(),
    );
    const daily = templates.find((template) => template.templateId === 's1-daily');
    expect(daily).toMatchObject({ subsystemId: 1, createdBy: PROFILE_TEMPLATE_AUTHOR, createdAt: since });
    expect(daily?.schedule).toMatchObject({ kind: 'daily', days: 'workdays' });
  });

  it('keeps a stored version 1 instead of the profile’s, and adds version 1 beside a stored version 2', () => {
    const stored = newTemplate(
      {
        templateId: 's1-daily',
        subsystemId: 1,
        name: '负责人改过的名称',
        schedule: null,
        items: [{ id: 'login', label: '登录功能', required: true, kind: 'pass-fail' }],
      },
      { actor: 'lisi', at: since, id: idOf() },
    );
    if (!stored.ok) throw new Error(stored.reason);
    const second = { ...stored.template, id: idOf(), templateId: 's5-monthly', subsystemId: 5, version: 2 };
    const templates = withProfileTemplates([stored.template, second], profile, idOf, since);
    expect(templates.filter((template) => template.templateId === 's1-daily')).toEqual([stored.template]);
    expect(
      templates
        .filter((template) => template.templateId === 's5-monthly')
        .map((template) => template.version),
    ).toEqual([2, 1]);
  });
});
