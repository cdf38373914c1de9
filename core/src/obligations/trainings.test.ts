import { describe, expect, it } from 'vitest';
import { findSubsystem } from '../profile/find-sla-clock';
import { parseInstant } from '../time/shanghai-time';
import { contextAt, testProfile, testTraining } from './test-records';
import { trainingObligations, untrackedTrainings } from './trainings';

const s3 = findSubsystem(testProfile, 3);
const s8 = findSubsystem(testProfile, 8);
const { documentSystem } = testProfile;

function annual(trainings: Parameters<typeof trainingObligations>[2], now: string) {
  const [found] = trainingObligations([s8], documentSystem, trainings, contextAt(now));
  if (found === undefined) throw new Error('subsystem 8 owes a yearly training');
  return found;
}

describe('trainingObligations: subsystem 8 owes one annual training', () => {
  it.each([
    ['2026-03-01 10:00', 'due'],
    ['2026-11-01 10:00', 'due'], // 60 days 14 hours to 2027-01-01: more than 60
    ['2026-11-15 10:00', 'at_risk'], // 47 days left
    ['2027-01-01 00:00', 'broken'], // the year is over
  ] as const)('with none held at %s it is %s', (now, state) => {
    const obligation = annual([], now);
    expect(obligation.state).toBe(state);
    expect(obligation.dueAt).toBe(parseInstant('2027-01-01 00:00'));
  });

  it('is met by a session that meets the requirement, and proves it with that session', () => {
    const held = testTraining();
    const obligation = annual([held], '2026-05-01 10:00');
    expect(obligation.state).toBe('met');
    expect(obligation.detail).toBe('已开展达标培训 1 场，满足要求');
    expect(obligation.recordIds).toEqual([held.id]);
  });

  it('does not count a session one attendee short, and says so', () => {
    const short = testTraining({
      attendance: {
        kind: 'list',
        attendees: Array.from({ length: 11 }, (_, index) => ({ name: `学员${index + 1}`, unit: '信息中心' })),
      },
    });
    const obligation = annual([short], '2026-05-01 10:00');
    expect(obligation.state).toBe('due');
    expect(obligation.detail).toBe('已开展达标培训 0 场，还差 1 场；另有 1 场未达到合同要求，不计入');
    expect(obligation.recordIds).toEqual([short.id]);
  });
});

describe('trainingObligations: subsystem 3 owes each of its 10 units a session of each course', () => {
  const forUnit1 = testTraining({
    subsystemId: 3,
    requirementId: 's3-admin',
    unitId: 1,
    topic: '系统管理员集中培训',
    trainers: [{ name: '王老师', title: '', level: null }],
  });

  it('still owes the other 9 units', () => {
    const [admin, endUser] = trainingObligations(
      [s3],
      documentSystem,
      [forUnit1],
      contextAt('2026-05-01 10:00'),
    );
    expect(admin?.detail).toMatch(/^已开展达标培训 1 场，还差 9 场；尚未培训：贵州省就业局、/);
    expect(endUser?.detail).toMatch(/^已开展达标培训 0 场，还差 10 场/);
  });

  it('is met for a service manager whose only unit was trained', () => {
    const ownUnit = contextAt('2026-05-01 10:00', { scope: { subsystemIds: [3], unitIds: [1] } });
    const [admin, endUser] = trainingObligations([s3], documentSystem, [forUnit1], ownUnit);
    expect(admin?.state).toBe('met');
    expect(endUser?.state).toBe('due');
  });
});

describe('untrackedTrainings', () => {
  it('lists a training the tender sets no number of sessions for', () => {
    expect(untrackedTrainings(findSubsystem(testProfile, 1)).map((entry) => entry.reason)).toEqual([
      '招标文件未规定最少场次（按需开展），只核对每场培训的讲师、时长和人数',
    ]);
    expect(untrackedTrainings(s8)).toEqual([]);
  });
});
