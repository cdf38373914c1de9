import { describe, expect, it } from 'vitest';
import type { ContractProfileInput } from './contract-profile';
import { loadDefaultProfile } from './default-profile';
import { validateProfile, validateProfileText } from './validate-profile';

/** A fresh, mutable copy of the shipped profile to break in one place per test. */
function shippedProfile(): ContractProfileInput {
  return structuredClone(loadDefaultProfile());
}

function subsystem(profile: ContractProfileInput, id: number) {
  const found = profile.subsystems.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no subsystem ${id}`);
  return found;
}

function issuesOf(input: unknown) {
  const result = validateProfile(input);
  if (result.ok) throw new Error('expected the profile to be invalid');
  return result.issues;
}

describe('validateProfile', () => {
  it('accepts the shipped profile and summarises it in one line', () => {
    const result = validateProfile(shippedProfile());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.summary).toMatch(
        /^guizhou-hrss-2025 v1: 13 subsystems, 10 units, \d+ SLA clocks, 7 inspection templates（/,
      );
      expect(result.summary).not.toContain('\n');
    }
  });

  it('reports a negative number of minutes at its path, saying a positive number is expected', () => {
    const profile = shippedProfile();
    const clock = subsystem(profile, 5).sla?.fault?.major?.resolution;
    if (clock === undefined || !('minutes' in clock)) throw new Error('fixture changed');
    clock.minutes = -5;
    expect(issuesOf(profile)).toEqual([
      { path: 'subsystems[4].sla.fault.major.resolution.minutes', message: 'expected a positive number' },
    ]);
  });

  it('reports a fractional number of minutes and a number written as text', () => {
    const profile = shippedProfile();
    const sla = subsystem(profile, 7).sla;
    Object.assign(sla?.fault?.ordinary?.resolution ?? {}, { minutes: 1.5 });
    Object.assign(sla?.fault?.major?.resolution ?? {}, { minutes: '120' });
    expect(issuesOf(profile)).toEqual([
      {
        path: 'subsystems[6].sla.fault.ordinary.resolution.minutes',
        message: 'expected an integer, got number 1.5',
      },
      {
        path: 'subsystems[6].sla.fault.major.resolution.minutes',
        message: 'expected a number, got string "120"',
      },
    ]);
  });

  it('reports unknown keys one by one, listing the keys that are accepted', () => {
    const profile = shippedProfile();
    Object.assign(profile, { comment: 'x' });
    Object.assign(subsystem(profile, 1), { budjet: 38.42 });
    Object.assign(subsystem(profile, 1).sla ?? {}, { outage: {} });
    Object.assign(subsystem(profile, 1).sla?.fault ?? {}, { critical: {} });
    const issues = issuesOf(profile);
    expect(issues).toContainEqual({
      path: 'comment',
      message:
        'unknown key; expected one of: schemaVersion, profileId, profileVersion, contract, commitments, documentSystem, subsystems',
    });
    expect(issues).toContainEqual({
      path: 'subsystems[0].budjet',
      message: expect.stringMatching(
        /^unknown key; expected one of: id, tenderItem, name, shortName, budget, /,
      ),
    });
    expect(issues).toContainEqual({
      path: 'subsystems[0].sla.outage',
      message: 'unknown category; expected one of: fault, consultation, data, requirement, account, security',
    });
    expect(issues).toContainEqual({
      path: 'subsystems[0].sla.fault.critical',
      message: 'unknown severity; expected one of: ordinary, major, emergency',
    });
    expect(issues).toHaveLength(4);
  });

  it('reports a duplicate subsystem id at the repeat, naming the first', () => {
    const profile = shippedProfile();
    subsystem(profile, 13).id = 5;
    expect(issuesOf(profile)).toContainEqual({
      path: 'subsystems[12].id',
      message: 'duplicate subsystem id 5 (also at subsystems[4].id); expected each subsystem id once',
    });
  });

  it('reports a clock naming a schedule its subsystem does not define', () => {
    const profile = shippedProfile();
    const clock = subsystem(profile, 1).sla?.fault?.ordinary?.resolution;
    Object.assign(clock ?? {}, { schedule: 'weekend' });
    expect(issuesOf(profile)).toEqual([
      {
        path: 'subsystems[0].sla.fault.ordinary.resolution.schedule',
        message: `unknown schedule "weekend"; expected one of this subsystem's schedules: office`,
      },
    ]);
  });

  it('looks up schedules at the level of the clock: a subsystem clock cannot use a contract schedule', () => {
    const profile = shippedProfile();
    Object.assign(subsystem(profile, 2), {
      sla: { fault: { major: { response: { minutes: 5, schedule: '24x7' } } } },
    });
    expect(issuesOf(profile)).toEqual([
      {
        path: 'subsystems[1].sla.fault.major.response.schedule',
        message: `unknown schedule "24x7": this subsystem's schedules define none; expected a schedule defined there`,
      },
    ]);
  });

  it('reports missing schedules named by inspection plans, emergency on-site clocks and contract clocks', () => {
    const profile = shippedProfile();
    Object.assign(subsystem(profile, 5).inspectionPlans?.[0] ?? {}, { schedule: 'weekdays' });
    Object.assign(subsystem(profile, 9).emergencyOnSite ?? {}, { schedule: 'office' });
    Object.assign(profile.commitments.faultDiagnosis ?? {}, { schedule: 'office' });
    const issues = issuesOf(profile).map((issue) => issue.path);
    expect(issues).toEqual([
      'commitments.faultDiagnosis.schedule',
      'subsystems[4].inspectionPlans[0].schedule',
      'subsystems[8].emergencyOnSite.schedule',
    ]);
  });

  it('reports schedule text that the SLA clock cannot read, with the reason', () => {
    const profile = shippedProfile();
    Object.assign(subsystem(profile, 1).schedules?.['office'] ?? {}, { hours: 'workday:09:00-17:70' });
    expect(issuesOf(profile)).toEqual([
      {
        path: 'subsystems[0].schedules.office.hours',
        message: expect.stringMatching(
          /^expected a schedule 24x7、workday:HH:MM-HH:MM 或 daily:HH:MM-HH:MM \(.*钟点无效/,
        ),
      },
    ]);
  });

  it('reports a schedule id that is not a plain id', () => {
    const profile = shippedProfile();
    Object.assign(subsystem(profile, 11).schedules ?? {}, { 'Hot Line': { hours: '24x7' } });
    expect(issuesOf(profile)).toContainEqual({
      path: 'subsystems[10].schedules["Hot Line"]',
      message: 'invalid key: expected an id of lower-case letters, digits and hyphens, e.g. "s8-monthly"',
    });
  });

  it('reports clocks of the wrong shape at the field that is wrong', () => {
    const profile = shippedProfile();
    const fault = subsystem(profile, 10).sla?.fault;
    Object.assign(fault?.ordinary ?? {}, { response: { minutes: 10, schedule: '24x7', workdays: 2 } });
    Object.assign(fault?.major ?? {}, { response: { minutes: 10 } });
    Object.assign(fault?.emergency ?? {}, { response: { workdays: 2, schedule: '24x7' } });
    Object.assign(subsystem(profile, 13).sla?.fault ?? {}, { major: {} });
    Object.assign(subsystem(profile, 13).sla?.fault ?? {}, { emergency: { response: { clause: '立即' } } });
    expect(issuesOf(profile)).toEqual([
      {
        path: 'subsystems[9].sla.fault.ordinary.response.minutes',
        message: 'expected either minutes or workdays, not both',
      },
      {
        path: 'subsystems[9].sla.fault.ordinary.response.schedule',
        message: 'expected no schedule with workdays: a working-day period follows the working calendar',
      },
      {
        path: 'subsystems[9].sla.fault.major.response.schedule',
        message: 'required with minutes: expected the id of a schedule of the same level',
      },
      {
        path: 'subsystems[9].sla.fault.emergency.response.schedule',
        message: 'expected no schedule with workdays: a working-day period follows the working calendar',
      },
      {
        path: 'subsystems[12].sla.fault.major',
        message: 'expected a response clock, a resolution clock or both',
      },
      {
        path: 'subsystems[12].sla.fault.emergency.response',
        message: 'expected a clock: { "minutes": N, "schedule": "<schedule id>" } or { "workdays": N }',
      },
    ]);
  });

  it('reports missing required fields and wrong types', () => {
    const profile = shippedProfile();
    Reflect.deleteProperty(subsystem(profile, 2), 'name');
    Object.assign(subsystem(profile, 3), { stationedEngineers: -1, serviceModes: ['remote', 'remote'] });
    Object.assign(profile, { schemaVersion: 2 });
    expect(issuesOf(profile)).toEqual([
      { path: 'schemaVersion', message: 'expected 1' },
      { path: 'subsystems[1].name', message: 'required: expected a string' },
      {
        path: 'subsystems[2].serviceModes[1]',
        message: 'expected each value once; "remote" is already at [0]',
      },
      { path: 'subsystems[2].stationedEngineers', message: 'expected zero or a positive number' },
    ]);
  });

  it('reports checklist items whose bounds are crossed or whose kind is unknown', () => {
    const profile = shippedProfile();
    const items = subsystem(profile, 8).inspectionTemplates?.[0]?.items ?? [];
    Object.assign(items[0] ?? {}, { min: 90, max: 10 });
    Object.assign(items[1] ?? {}, { kind: 'slider' });
    Object.assign(items[2] ?? {}, { options: ['a', 'b'] });
    Object.assign(items[3] ?? {}, { id: 'cpu' });
    expect(issuesOf(profile)).toEqual([
      {
        path: 'subsystems[7].inspectionTemplates[0].items[0].min',
        message: 'expected min ≤ max, got min 90 > max 10',
      },
      {
        path: 'subsystems[7].inspectionTemplates[0].items[1].kind',
        message: 'expected one of: pass-fail, number, text, choice, photo',
      },
      {
        path: 'subsystems[7].inspectionTemplates[0].items[2].options',
        message: 'unknown key; expected one of: id, label, clause, note, kind, unit, min, max',
      },
      {
        path: 'subsystems[7].inspectionTemplates[0].items[3].id',
        message:
          'duplicate checklist item id in this template "cpu" (also at subsystems[7].inspectionTemplates[0].items[0].id); expected each checklist item id in this template once',
      },
    ]);
  });

  it('reports a percentage threshold outside 0–100 at its path', () => {
    const profile = shippedProfile();
    const items = subsystem(profile, 8).inspectionTemplates?.[0]?.items ?? [];
    Object.assign(items[0] ?? {}, { min: -5, max: 250 });
    expect(issuesOf(profile)).toEqual([
      {
        path: 'subsystems[7].inspectionTemplates[0].items[0].min',
        message: 'expected a percentage from 0 to 100, got -5',
      },
      {
        path: 'subsystems[7].inspectionTemplates[0].items[0].max',
        message: 'expected a percentage from 0 to 100, got 250',
      },
    ]);
  });

  it('checks that the abnormal options of a choice item are among its options', () => {
    const profile = shippedProfile();
    const items = subsystem(profile, 13).inspectionTemplates?.[0]?.items ?? [];
    items.push({
      id: 'hotline',
      label: '应急电话',
      kind: 'choice',
      options: ['畅通', '占线'],
      abnormalOptions: ['中断'],
    });
    expect(issuesOf(profile)).toEqual([
      {
        path: 'subsystems[12].inspectionTemplates[0].items[1].abnormalOptions[0]',
        message: `expected one of the item's options (畅通, 占线), got "中断"`,
      },
    ]);
    Object.assign(items[1] ?? {}, { abnormalOptions: ['占线'] });
    expect(validateProfile(profile).ok).toBe(true);
  });

  it('checks inspection plans: daily plans need a schedule, other plans take none, templates must exist', () => {
    const profile = shippedProfile();
    const plans = subsystem(profile, 5).inspectionPlans ?? [];
    Reflect.deleteProperty(plans[0] ?? {}, 'schedule');
    Object.assign(plans[1] ?? {}, { dueBy: '08:30', template: 's8-monthly' });
    Object.assign(subsystem(profile, 13).inspectionPlans?.[0] ?? {}, { dueBy: '8:30' });
    expect(issuesOf(profile)).toEqual([
      {
        path: 'subsystems[4].inspectionPlans[0].schedule',
        message:
          'required for a daily plan: expected the id of the schedule whose open days the plan runs on',
      },
      {
        path: 'subsystems[4].inspectionPlans[1].dueBy',
        message: 'expected no dueBy on a monthly plan (daily plans only)',
      },
      {
        path: 'subsystems[12].inspectionPlans[0].dueBy',
        message: 'expected a time of day HH:MM between 00:00 and 23:59',
      },
      {
        path: 'subsystems[12].inspectionPlans[0].dueBy',
        message: 'expected no dueBy on a monthly plan (daily plans only)',
      },
      {
        path: 'subsystems[4].inspectionPlans[1].template',
        message: `unknown inspection template "s8-monthly"; expected one of this subsystem's templates: s5-daily-0830, s5-monthly`,
      },
    ]);
  });

  it('checks report due days and ids across the profile', () => {
    const profile = shippedProfile();
    const reports = subsystem(profile, 10).reports ?? [];
    Object.assign(reports[0] ?? {}, { dueDay: 31 });
    Object.assign(reports[1] ?? {}, { frequency: 'yearly' });
    Object.assign(reports[2] ?? {}, { id: 's1-monthly-work-report' });
    expect(issuesOf(profile)).toEqual([
      { path: 'subsystems[9].reports[0].dueDay', message: 'expected a number ≤ 28' },
      {
        path: 'subsystems[9].reports[1].dueDay',
        message: 'expected no dueDay on a report that is not monthly',
      },
      {
        path: 'subsystems[9].reports[2].id',
        message:
          'duplicate report id "s1-monthly-work-report" (also at subsystems[0].reports[0].id); expected each report id once',
      },
    ]);
  });

  it('checks that the subsystem budgets add up to the contract total', () => {
    const profile = shippedProfile();
    subsystem(profile, 4).budget = 21.5;
    expect(issuesOf(profile)).toEqual([
      {
        path: 'contract.budgetTotal',
        message: 'expected the sum of the 13 subsystem budgets, 197.22 万元; got 197.32',
      },
    ]);
  });

  it('checks the document system: its subsystem exists and each unit appears once', () => {
    const profile = shippedProfile();
    const documentSystem = profile.documentSystem;
    if (documentSystem === undefined) throw new Error('fixture changed');
    documentSystem.subsystemId = 14;
    Object.assign(documentSystem.units[9] ?? {}, { name: '贵州省就业局' });
    expect(issuesOf(profile)).toEqual([
      {
        path: 'documentSystem.subsystemId',
        message:
          'unknown subsystem 14; expected one of the subsystem ids: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13',
      },
      {
        path: 'documentSystem.units[9].name',
        message:
          'duplicate unit name "贵州省就业局" (also at documentSystem.units[1].name); expected each unit name once',
      },
    ]);
  });

  it('lists every problem at once, including reference errors next to a broken subsystem', () => {
    const profile = shippedProfile();
    Object.assign(subsystem(profile, 1), { stationedEngineers: 'one' });
    Object.assign(subsystem(profile, 1).sla?.fault?.major?.resolution ?? {}, { schedule: 'nights' });
    subsystem(profile, 12).id = 1;
    const paths = issuesOf(profile).map((issue) => issue.path);
    expect(paths).toEqual([
      'subsystems[0].stationedEngineers',
      'subsystems[11].id',
      'subsystems[0].sla.fault.major.resolution.schedule',
    ]);
  });

  it('rejects input that is not an object', () => {
    expect(issuesOf([])).toEqual([{ path: '(root)', message: 'expected an object, got an array' }]);
    expect(issuesOf(undefined)).toEqual([{ path: '(root)', message: 'required: expected an object' }]);
  });
});

describe('validateProfileText', () => {
  it('validates the text of a profile file', () => {
    expect(validateProfileText(JSON.stringify(shippedProfile())).ok).toBe(true);
  });

  it('reports JSON syntax errors by line and column', () => {
    expect(validateProfileText('{\n  "schemaVersion": 1,\n  "profileId" "x"\n}')).toEqual({
      ok: false,
      issues: [
        {
          path: '(json)',
          message: `syntax error at line 3, column 15: expected ':' after the property name "profileId"`,
          line: 3,
          column: 15,
        },
      ],
    });
  });
});
