import { describe, expect, it } from 'vitest';
import { contractProfileSchema } from '../profile/contract-profile';
import profileJson from '../../../resources/profiles/guizhou-hrss-2025.json';
import { parseInstant } from '../time/shanghai-time';
import { templateContentFromProfile } from './inspection-template-from-profile';
import { newTemplate } from './inspection-template-versions';

const profile = contractProfileSchema.parse(profileJson);

function fromProfile(subsystemId: number, templateId: string) {
  const subsystem = profile.subsystems.find((candidate) => candidate.id === subsystemId);
  const checklist = subsystem?.inspectionTemplates.find((candidate) => candidate.id === templateId);
  if (subsystem === undefined || checklist === undefined) throw new Error(`no ${templateId}`);
  const plan = subsystem.inspectionPlans.find((candidate) => candidate.template === templateId);
  const hours = plan?.schedule === undefined ? undefined : subsystem.schedules[plan.schedule]?.hours;
  return templateContentFromProfile(subsystemId, checklist, plan, hours);
}

describe('templateContentFromProfile', () => {
  it("makes subsystem 5's every-day check due before 08:30", () => {
    const content = fromProfile(5, 's5-daily-0830');
    expect(content.schedule).toEqual({ kind: 'daily', days: 'every_day', dueBy: '08:30' });
    expect(content.items.map((item) => [item.id, item.kind, item.required])).toEqual([
      ['columns', 'pass-fail', true],
      ['pages', 'pass-fail', true],
      ['third-party-interfaces', 'pass-fail', true],
    ]);
  });

  it("runs subsystem 1's daily check on working days and keeps number units and thresholds", () => {
    const content = fromProfile(1, 's1-daily');
    expect(content.schedule).toEqual({ kind: 'daily', days: 'workdays' });
    expect(content.items[0]).toEqual({
      id: 'cpu',
      label: 'CPU 利用率',
      required: true,
      kind: 'number',
      unit: '%',
      max: 80,
    });
  });

  it('makes a monthly checklist with optional free text, valid as a version-1 template', () => {
    const content = fromProfile(5, 's5-monthly');
    expect(content.schedule).toEqual({ kind: 'monthly' });
    expect(content.items.at(-1)).toMatchObject({ kind: 'text', required: false });
    const saved = newTemplate(content, { actor: 'admin', at: parseInstant('2026-03-01T09:00') });
    expect(saved.ok && [saved.template.templateId, saved.template.version]).toEqual(['s5-monthly', 1]);
  });

  it('turns every checklist of the shipped profile into a valid template', () => {
    for (const subsystem of profile.subsystems) {
      for (const checklist of subsystem.inspectionTemplates) {
        const saved = newTemplate(fromProfile(subsystem.id, checklist.id), {
          actor: 'admin',
          at: parseInstant('2026-03-01T09:00'),
        });
        expect(saved.ok ? '' : saved.reason).toBe('');
      }
    }
  });

  it('refuses a daily plan whose schedule it cannot find', () => {
    const subsystem = profile.subsystems.find((candidate) => candidate.id === 1);
    const checklist = subsystem?.inspectionTemplates[0];
    const plan = subsystem?.inspectionPlans[0];
    if (checklist === undefined || plan === undefined) throw new Error('no s1 checklist');
    expect(() => templateContentFromProfile(1, checklist, plan, undefined)).toThrow(
      '巡检计划 s1-daily 是每日计划，但没有找到它的服务时间，无法判断哪些天需要巡检',
    );
  });
});
