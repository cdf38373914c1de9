import type { UserScope } from '@core/auth';
import { loadDefaultProfile } from '@core/profile';
import { WHOLE_CONTRACT, monthPeriod, reportPeriod } from '@core/reports';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { choicePeriod, halfYearOf, initialChoice, reportAccess, resolveChoice } from './report-choice';

const profile = loadDefaultProfile();
const engineer: UserScope = { role: 'engineer', subsystemIds: [5, 1] };
const lead: UserScope = { role: 'project_lead' };

describe('reportAccess', () => {
  it('gives an engineer their own subsystems, no whole contract and no package', () => {
    const access = reportAccess(engineer, profile);
    expect(access.subsystems.map((subsystem) => subsystem.id)).toEqual([1, 5]);
    expect(access.wholeContract).toBe(false);
    expect(access.documents).not.toContain('package');
    expect(access.documents).toContain('monthly');
  });

  it('gives the lead every subsystem, the whole contract and the half-year package', () => {
    const access = reportAccess(lead, profile);
    expect(access.subsystems).toHaveLength(profile.subsystems.length);
    expect(access.wholeContract).toBe(true);
    expect(access.documents).toContain('package');
  });

  it('treats a name on this PC, which answers to no server, as the lead', () => {
    expect(reportAccess(null, profile)).toEqual(reportAccess(lead, profile));
  });
});

describe('initialChoice', () => {
  it("opens on this month's monthly report of the engineer's own subsystems", () => {
    const choice = initialChoice(reportAccess(engineer, profile), parseInstant('2026-12-07T09:30'));
    expect(choice).toEqual({
      document: 'monthly',
      period: { kind: 'month', month: '2026-12' },
      scope: { kind: 'subsystems', ids: [1, 5] },
    });
  });

  it('opens on the whole contract for the lead', () => {
    expect(initialChoice(reportAccess(lead, profile), parseInstant('2026-12-07T09:30')).scope).toEqual({
      kind: 'whole',
    });
  });
});

describe('choicePeriod', () => {
  it('makes a month, a half-year and a range', () => {
    expect(choicePeriod({ kind: 'month', month: '2026-02' })).toEqual(monthPeriod('2026-02'));
    expect(choicePeriod({ kind: 'half', year: 2026, half: 1 })).toEqual(
      reportPeriod('2026-01-01', '2026-06-30'),
    );
    expect(choicePeriod({ kind: 'half', year: 2026, half: 2 })).toEqual(
      reportPeriod('2026-07-01', '2026-12-31'),
    );
    expect(choicePeriod({ kind: 'range', from: '2026-03-05', to: '2026-04-10' })).toEqual(
      reportPeriod('2026-03-05', '2026-04-10'),
    );
  });

  it('names the half-year a day falls in, by Shanghai date', () => {
    expect(halfYearOf(parseInstant('2026-06-30T23:59'))).toEqual({ year: 2026, half: 1 });
    expect(halfYearOf(parseInstant('2026-07-01T00:00'))).toEqual({ year: 2026, half: 2 });
  });
});

describe('resolveChoice', () => {
  const month = { kind: 'month', month: '2026-02' } as const;

  it('sorts the chosen subsystems into the scope', () => {
    const resolved = resolveChoice(
      { document: 'monthly', period: month, scope: { kind: 'subsystems', ids: [5, 1] } },
      reportAccess(engineer, profile),
    );
    expect(resolved).toEqual({ ok: true, period: monthPeriod('2026-02'), scope: { subsystemIds: [1, 5] } });
  });

  it("refuses an engineer the whole contract and another engineer's subsystem, in their words", () => {
    const access = reportAccess(engineer, profile);
    expect(resolveChoice({ document: 'monthly', period: month, scope: { kind: 'whole' } }, access)).toEqual({
      ok: false,
      reason: '您只能生成自己负责的运维子项的文件，请选择运维子项',
    });
    expect(
      resolveChoice(
        { document: 'monthly', period: month, scope: { kind: 'subsystems', ids: [1, 3] } },
        access,
      ),
    ).toEqual({ ok: false, reason: '您无权查看运维子项 3 的记录' });
  });

  it('asks for a subsystem when none is chosen', () => {
    expect(
      resolveChoice(
        { document: 'tickets', period: month, scope: { kind: 'subsystems', ids: [] } },
        reportAccess(engineer, profile),
      ),
    ).toEqual({ ok: false, reason: '请至少选择一个运维子项' });
  });

  it('refuses the package to anyone but the lead', () => {
    const half = { kind: 'half', year: 2026, half: 1 } as const;
    expect(
      resolveChoice(
        { document: 'package', period: half, scope: { kind: 'whole' } },
        reportAccess(engineer, profile),
      ),
    ).toEqual({ ok: false, reason: '半年验收材料包只能由项目负责人生成' });
    expect(
      resolveChoice(
        { document: 'package', period: half, scope: { kind: 'subsystems', ids: [1] } },
        reportAccess(lead, profile),
      ),
    ).toEqual({ ok: true, period: reportPeriod('2026-01-01', '2026-06-30'), scope: WHOLE_CONTRACT });
  });

  it('says what is wrong with a range that ends before it starts', () => {
    expect(
      resolveChoice(
        {
          document: 'monthly',
          period: { kind: 'range', from: '2026-03-05', to: '2026-03-01' },
          scope: { kind: 'whole' },
        },
        reportAccess(lead, profile),
      ),
    ).toEqual({ ok: false, reason: '结束日期 2026-03-01 不能早于开始日期 2026-03-05' });
  });
});
