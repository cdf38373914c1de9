import { describe, expect, it } from 'vitest';
import shipped from '../../../resources/profiles/guizhou-hrss-2025.json';
import { TICKET_CATEGORIES, TICKET_SEVERITIES } from '../records/classification';
import { listSlaClocks } from './sla-policy';
import { loadDefaultProfile } from './default-profile';
import { findSlaClock, findSubsystem } from './find-sla-clock';
import { validateProfile } from './validate-profile';

const profile = loadDefaultProfile();

describe('the shipped profile resources/profiles/guizhou-hrss-2025.json', () => {
  it('validates as it is on disk', () => {
    const result = validateProfile(shipped);
    expect(result.ok ? result.summary : result.issues).toBe(
      'guizhou-hrss-2025 v1: 13 subsystems, 10 units, 65 SLA clocks, 7 inspection templates' +
        '（13 个运维子项，10 家单位，65 个 SLA 时限，7 个巡检模板）',
    );
  });

  it('has subsystems 1–13 whose budgets add up to the 197.32 万元 total', () => {
    expect(profile.subsystems.map((subsystem) => subsystem.id)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
    const yuan = profile.subsystems.reduce(
      (sum, subsystem) => sum + Math.round(subsystem.budget * 10_000),
      0,
    );
    expect(yuan).toBe(1_973_200);
    expect(profile.contract.budgetTotal).toBe(197.32);
  });

  it('answers subsystem 5 fault response: 10 minutes round the clock', () => {
    for (const severity of TICKET_SEVERITIES) {
      expect(findSlaClock(profile, 5, 'fault', severity, 'response')).toEqual({
        clock: { minutes: 10, schedule: '24x7', clause: '故障 10 分钟内响应' },
        schedule: '24x7',
        source: 'subsystem',
      });
    }
  });

  it('answers subsystem 1 fault resolution: 30 minutes of workday 09:00–17:30', () => {
    const found = findSlaClock(profile, 1, 'fault', 'major', 'resolution');
    expect(found).toMatchObject({
      clock: { minutes: 30, schedule: 'office' },
      schedule: 'workday:09:00-17:30',
      source: 'subsystem',
    });
  });

  it('answers subsystem 4 data tickets: 15 working days', () => {
    expect(findSlaClock(profile, 4, 'data', 'ordinary', 'resolution')).toMatchObject({
      clock: { workdays: 15 },
      schedule: undefined,
      source: 'subsystem',
    });
  });

  it('answers subsystem 7 by severity: ordinary 1 h, major 2 h, emergency unset', () => {
    expect(findSlaClock(profile, 7, 'fault', 'ordinary', 'resolution')?.clock).toMatchObject({ minutes: 60 });
    expect(findSlaClock(profile, 7, 'fault', 'major', 'resolution')?.clock).toMatchObject({ minutes: 120 });
    expect(findSlaClock(profile, 7, 'fault', 'emergency', 'resolution')).toBeUndefined();
    for (const category of TICKET_CATEGORIES) {
      expect(findSlaClock(profile, 7, category, 'ordinary', 'response')?.clock).toMatchObject({
        minutes: 10,
      });
    }
  });

  it('falls back to the contract-wide 30-minute fault response and 5-day security feedback', () => {
    expect(findSlaClock(profile, 2, 'fault', 'ordinary', 'response')).toMatchObject({
      clock: { minutes: 30, schedule: '24x7' },
      schedule: '24x7',
      source: 'contract',
    });
    expect(findSlaClock(profile, 9, 'fault', 'emergency', 'response')?.source).toBe('contract');
    expect(findSlaClock(profile, 12, 'security', 'major', 'response')).toMatchObject({
      clock: { minutes: 7200 },
      source: 'contract',
    });
  });

  it('sets nothing the tender does not: no resolution clock for SMS, statistics or publicity', () => {
    for (const id of [2, 11, 12]) {
      expect(findSlaClock(profile, id, 'fault', 'ordinary', 'resolution')).toBeUndefined();
    }
    expect(findSlaClock(profile, 1, 'consultation', 'ordinary', 'response')).toBeUndefined();
  });

  it('gives subsystem 8 a 30-minute response to emergencies of any category', () => {
    for (const category of TICKET_CATEGORIES) {
      expect(findSlaClock(profile, 8, category, 'emergency', 'response')).toMatchObject({
        clock: { minutes: 30 },
        source: 'subsystem',
      });
    }
  });

  it('has the reports of subsystem 10 due on the 10th, 16th and 26th', () => {
    const dueDays = findSubsystem(profile, 10).reports.flatMap((report) =>
      report.dueDay === undefined ? [] : [report.dueDay],
    );
    expect(dueDays).toEqual([10, 16, 26]);
  });

  it("has subsystem 8's monthly reports, yearly summary and outage report", () => {
    const reports = findSubsystem(profile, 8).reports.map((report) => [report.title, report.frequency]);
    expect(reports).toEqual([
      ['巡检报告', 'monthly'],
      ['问题记录表', 'monthly'],
      ['预警处理台帐', 'monthly'],
      ['年度运维总结报告', 'yearly'],
      ['系统故障书面报告', 'on-event'],
    ]);
    expect(findSubsystem(profile, 1).reports.map((report) => report.frequency)).toEqual(['monthly']);
  });

  it("has subsystem 8's monthly checklist, item by item", () => {
    const subsystem = findSubsystem(profile, 8);
    expect(subsystem.inspectionPlans).toMatchObject([{ frequency: 'monthly', template: 's8-monthly' }]);
    expect(subsystem.inspectionTemplates[0]?.items.map((item) => [item.id, item.kind])).toEqual([
      ['cpu', 'number'],
      ['memory', 'number'],
      ['disk', 'number'],
      ['tablespace', 'number'],
      ['security-log', 'pass-fail'],
      ['error-database-correlation', 'text'],
      ['interconnection', 'pass-fail'],
      ['city-province-ministry', 'pass-fail'],
    ]);
  });

  it("has subsystem 5's daily check before 08:30 of columns, pages and third-party interfaces, and a monthly one", () => {
    const subsystem = findSubsystem(profile, 5);
    expect(subsystem.inspectionPlans).toMatchObject([
      { frequency: 'daily', dueBy: '08:30', schedule: '24x7', template: 's5-daily-0830' },
      { frequency: 'monthly', template: 's5-monthly' },
    ]);
    expect(subsystem.inspectionTemplates[0]?.items.map((item) => item.id)).toEqual([
      'columns',
      'pages',
      'third-party-interfaces',
    ]);
  });

  it('has the daily check of subsystem 1 on its working days and the monthly one of subsystem 13', () => {
    expect(findSubsystem(profile, 1).inspectionPlans).toMatchObject([
      { frequency: 'daily', schedule: 'office', template: 's1-daily' },
    ]);
    expect(findSubsystem(profile, 13).inspectionPlans).toMatchObject([
      { frequency: 'monthly', template: 's13-monthly' },
    ]);
  });

  it('has the quotas, targets and training minimums of the tender', () => {
    expect(findSubsystem(profile, 2).quotas).toMatchObject([{ id: 'sms', amount: 7_000_000, unit: '条' }]);
    expect(findSubsystem(profile, 8).targets).toMatchObject([
      { metric: 'onsite-workdays-per-year', comparison: 'at-least', value: 60 },
    ]);
    expect(findSubsystem(profile, 7).targets).toContainEqual(
      expect.objectContaining({ metric: 'availability-percent', value: 99.95 }),
    );
    expect(findSubsystem(profile, 8).trainings).toMatchObject([
      { attendees: 12, sessionHours: 2, lecturerLevel: '中级讲师', trainers: 1 },
    ]);
    expect(findSubsystem(profile, 1).trainings).toMatchObject([{ trainers: 2, sessionHours: 2 }]);
    expect(findSubsystem(profile, 10).trainings).toMatchObject([
      { sessionHours: 1, attendees: 12, sessionsPerYear: 1 },
    ]);
    expect(
      findSubsystem(profile, 3).trainings.every((training) => training.perDocumentSystemUnit === true),
    ).toBe(true);
  });

  it('has the stationed engineers of the tender', () => {
    expect(profile.subsystems.map((subsystem) => subsystem.stationedEngineers)).toEqual([
      1, 0, 0, 1, 1, 0, 0, 2, 0, 0, 0, 0, 0,
    ]);
  });

  it('has the contract-wide commitments and the 10 units with a monthly visit each', () => {
    expect(profile.commitments.team).toMatchObject({
      serviceStaffMin: 12,
      projectLeads: 1,
      technicalLeads: 1,
    });
    expect(profile.commitments.faultDiagnosis).toMatchObject({ minutes: 120, schedule: '24x7' });
    expect(profile.commitments.targets).toMatchObject([{ metric: 'resolution-rate-percent', value: 100 }]);
    expect(profile.documentSystem).toMatchObject({ subsystemId: 3, visitsPerUnitPerMonth: 1 });
    expect(profile.documentSystem?.units.map((unit) => unit.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('quotes the tender beside every clock, target, quota and training minimum', () => {
    const clocks = [profile.commitments, ...profile.subsystems].flatMap((level) =>
      listSlaClocks(level.sla).map((entry) => entry.clock),
    );
    const unquoted = [
      ...clocks,
      ...profile.subsystems.flatMap((subsystem) =>
        subsystem.emergencyOnSite === undefined ? [] : [subsystem.emergencyOnSite],
      ),
      ...profile.subsystems.flatMap((subsystem) => [
        ...subsystem.targets,
        ...subsystem.quotas,
        ...subsystem.trainings,
        ...subsystem.reports,
      ]),
      ...profile.commitments.targets,
    ].filter((entry) => entry.clause === undefined);
    expect(unquoted).toEqual([]);
  });
});
