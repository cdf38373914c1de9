import { describe, expect, it } from 'vitest';
import { type ContractProfile, contractProfileSchema } from './contract-profile';
import { describeMissingSlaClock, findSlaClock, UnknownSubsystemError } from './find-sla-clock';

/** A two-subsystem profile that exercises each branch of the combination rule. */
function profileForRule(): ContractProfile {
  return contractProfileSchema.parse({
    schemaVersion: 1,
    profileId: 'rule-test',
    profileVersion: 3,
    contract: {
      name: '测试合同',
      purchaser: '测试采购人',
      termMonths: 12,
      budgetTotal: 3,
      acceptance: { intervalMonths: 6, documents: ['运维月报'] },
    },
    commitments: {
      schedules: { always: { hours: '24x7' } },
      sla: {
        fault: {
          major: {
            response: { minutes: 30, schedule: 'always' },
            resolution: { minutes: 240, schedule: 'always' },
          },
        },
        data: { ordinary: { resolution: { workdays: 20 } } },
      },
    },
    subsystems: [
      {
        id: 1,
        name: '有自己时限的子项',
        shortName: '甲',
        budget: 2,
        serviceModes: ['remote'],
        stationedEngineers: 0,
        schedules: { office: { hours: 'workday:09:00-17:30' }, always: { hours: 'daily:08:00-20:00' } },
        sla: {
          fault: { major: { response: { minutes: 10, schedule: 'always' } } },
          data: { ordinary: { resolution: { workdays: 5 } } },
        },
      },
      {
        id: 2,
        name: '没有自己时限的子项',
        shortName: '乙',
        budget: 1,
        serviceModes: ['remote'],
        stationedEngineers: 0,
      },
    ],
  });
}

describe('findSlaClock: how subsystem clocks and contract-wide clocks combine', () => {
  const profile = profileForRule();

  it("takes the subsystem's own clock, with the schedule of the subsystem's own schedules", () => {
    expect(findSlaClock(profile, 1, 'fault', 'major', 'response')).toEqual({
      clock: { minutes: 10, schedule: 'always' },
      schedule: 'daily:08:00-20:00',
      source: 'subsystem',
    });
  });

  it('decides per clock: a subsystem response clock does not hide the contract resolution clock', () => {
    expect(findSlaClock(profile, 1, 'fault', 'major', 'resolution')).toEqual({
      clock: { minutes: 240, schedule: 'always' },
      schedule: '24x7',
      source: 'contract',
    });
  });

  it('falls back to the contract-wide clock where the subsystem sets none', () => {
    expect(findSlaClock(profile, 2, 'fault', 'major', 'response')).toEqual({
      clock: { minutes: 30, schedule: 'always' },
      schedule: '24x7',
      source: 'contract',
    });
    expect(findSlaClock(profile, 2, 'data', 'ordinary', 'resolution')).toEqual({
      clock: { workdays: 20 },
      schedule: undefined,
      source: 'contract',
    });
  });

  it('lets a subsystem clock override the contract even where it is looser or of another kind', () => {
    expect(findSlaClock(profile, 1, 'data', 'ordinary', 'resolution')?.clock).toEqual({ workdays: 5 });
  });

  it('returns undefined for a combination neither level sets, never a neighbouring severity', () => {
    expect(findSlaClock(profile, 1, 'fault', 'emergency', 'response')).toBeUndefined();
    expect(findSlaClock(profile, 2, 'consultation', 'ordinary', 'response')).toBeUndefined();
    expect(describeMissingSlaClock(profile, 2, 'fault', 'emergency', 'resolution')).toBe(
      '合同未规定子项 2（乙）紧急故障工单的解决时限，子项与合同层面均未设定',
    );
  });

  it('throws for a subsystem the profile does not have', () => {
    expect(() => findSlaClock(profile, 3, 'fault', 'major', 'response')).toThrow(UnknownSubsystemError);
    expect(() => findSlaClock(profile, 3, 'fault', 'major', 'response')).toThrow(
      '合同中没有编号为 3 的运维子项（现有编号：1、2）',
    );
  });
});
