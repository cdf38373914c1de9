import { describe, expect, it } from 'vitest';
import type { UserScope } from '../auth/roles';
import type { ContractProfile } from '../profile/contract-profile';
import { parseInstant } from '../time/shanghai-time';
import { contractObligations, obligationScopeOf } from './contract-obligations';
import type { ObligationScope } from './obligation';
import { NO_RECORDS, contextAt, digestsAt, testProfile, testTicket } from './test-records';

describe('contractObligations: every duty of the profile is checked or listed with why not', () => {
  const { obligations, notTracked } = contractObligations(NO_RECORDS, contextAt('2026-03-02 10:00'));
  const ids = new Set(obligations.map((obligation) => obligation.id.split(':').slice(0, 2).join(':')));
  const untracked = new Set(notTracked.map((entry) => entry.text));

  it.each(testProfile.subsystems.map((subsystem) => [subsystem.id, subsystem] as const))(
    'covers subsystem %i',
    (_id, subsystem) => {
      for (const report of subsystem.reports) {
        expect(ids.has(`report:${report.id}`) || untracked.has(report.title), report.id).toBe(true);
      }
      for (const training of subsystem.trainings) {
        expect(ids.has(`training:${training.id}`) || untracked.has(training.topic), training.id).toBe(true);
      }
      for (const target of subsystem.targets) {
        const checked =
          ids.has(`target:${subsystem.id}`) ||
          (target.metric === 'onsite-workdays-per-year' && ids.has(`onsite_workdays:${subsystem.id}`));
        const listed = notTracked.some(
          (entry) => entry.subsystemId === subsystem.id && entry.source.endsWith('运维指标'),
        );
        expect(checked || listed, target.metric).toBe(true);
      }
      for (const plan of subsystem.inspectionPlans) {
        // No checklist is in the records, so no plan can be checked yet.
        expect(untracked.has(plan.clause ?? plan.id), plan.id).toBe(true);
      }
      for (const text of [...subsystem.obligations, ...subsystem.quotas.map((quota) => quota.label)]) {
        expect(
          [...untracked].some((entry) => entry.startsWith(text)),
          text,
        ).toBe(true);
      }
      if (subsystem.stationedEngineers > 0) expect(ids.has(`stationed:${subsystem.id}`)).toBe(true);
    },
  );

  it('covers the contract’s own duties: acceptance, targets, diagnosis clock, team, worded duties', () => {
    expect(ids.has('acceptance:2026-06-30')).toBe(true);
    expect(ids.has('target:contract')).toBe(true);
    for (const text of testProfile.commitments.obligations) expect(untracked.has(text)).toBe(true);
    expect(notTracked.map((entry) => entry.reason)).toContain('工单没有记录查明原因的时间，无法核对该时限');
    expect(untracked.has('服务团队不少于 12 人')).toBe(true);
  });

  it('lists the most pressing first', () => {
    const states = obligations.map((obligation) => obligation.state);
    const firstDue = states.indexOf('due');
    expect(states.slice(0, firstDue).every((state) => state !== 'met' && state !== 'due')).toBe(true);
    expect(states.slice(firstDue).every((state) => state === 'due' || state === 'met')).toBe(true);
  });

  it('checks a report added to the profile without new code', () => {
    const [first, ...rest] = testProfile.subsystems;
    if (first === undefined) throw new Error('the profile has subsystems');
    const profile: ContractProfile = {
      ...testProfile,
      subsystems: [
        {
          ...first,
          reports: [...first.reports, { id: 's1-fifth', title: '五日报', frequency: 'monthly', dueDay: 5 }],
        },
        ...rest,
      ],
    };
    const found = contractObligations(NO_RECORDS, contextAt('2026-03-02 10:00', { profile })).obligations;
    const added = found.filter((obligation) => obligation.id.startsWith('report:s1-fifth:'));
    expect(added.map((obligation) => [obligation.id, obligation.state])).toEqual([
      ['report:s1-fifth:2026-02-05', 'broken'], // February's, never handed in
      ['report:s1-fifth:2026-03-05', 'due'], // 3 days 14 hours to the end of the 5th
    ]);
  });
});

describe('contractObligations for a scope', () => {
  const ticket = testTicket({ receivedAt: parseInstant('2026-03-02 09:00') });
  const records = { ...NO_RECORDS, tickets: digestsAt([ticket], contextAt('2026-03-02 10:00')) };

  it('gives an engineer only their subsystems', () => {
    const scope = obligationScopeOf({ role: 'engineer', subsystemIds: [1] }, testProfile);
    const { obligations, notTracked } = contractObligations(
      records,
      contextAt('2026-03-02 10:00', { scope }),
    );
    expect(
      obligations.every((obligation) => obligation.subsystemId === 1 || obligation.subsystemId === null),
    ).toBe(true);
    expect(obligations.some((obligation) => obligation.id.startsWith('ticket_clock:'))).toBe(false);
    expect(notTracked.every((entry) => entry.subsystemId === 1)).toBe(true);
  });

  it('gives a service manager the document system for their units', () => {
    const scope = obligationScopeOf({ role: 'service_manager', unitIds: [2, 3] }, testProfile);
    expect(scope).toEqual({ subsystemIds: [3], unitIds: [2, 3] });
    const { obligations } = contractObligations(records, contextAt('2026-03-02 10:00', { scope }));
    const visits = obligations.filter((obligation) => obligation.kind === 'visit');
    expect(visits.map((obligation) => obligation.unitId).sort()).toEqual([2, 2, 2, 3, 3, 3]);
  });

  it.each<[UserScope, ObligationScope]>([
    [{ role: 'project_lead' }, { subsystemIds: null, unitIds: null }],
    [{ role: 'auditor' }, { subsystemIds: null, unitIds: null }],
    [
      { role: 'engineer', subsystemIds: [5, 8] },
      { subsystemIds: [5, 8], unitIds: null },
    ],
  ])('scopes %o as %o', (userScope, scope) => {
    expect(obligationScopeOf(userScope, testProfile)).toEqual(scope);
  });
});
