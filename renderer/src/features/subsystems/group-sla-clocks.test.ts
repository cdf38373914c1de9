import {
  CLOCK_KIND_LABELS,
  type ClockKind,
  describeSubsystems,
  formatClockDuration,
  loadDefaultProfile,
  type SlaClockDisplay,
  type SlaClockSource,
} from '@core/profile';
import {
  TICKET_CATEGORY_LABELS,
  TICKET_SEVERITY_LABELS,
  type TicketCategory,
  type TicketSeverity,
} from '@core/records/classification';
import { describeSchedule, scheduleFromText } from '@core/sla/schedule';
import { describe, expect, it } from 'vitest';
import { groupSlaClocks } from './group-sla-clocks';
import { clockCellText, slaClockText } from './sla-clock-text';

function minutesClock(
  category: TicketCategory,
  severity: TicketSeverity,
  kind: ClockKind,
  minutes: number,
  hours = '24x7',
  source: SlaClockSource = 'subsystem',
): SlaClockDisplay {
  const clock = { minutes, schedule: 'main' };
  return {
    category,
    severity,
    kind,
    categoryLabel: TICKET_CATEGORY_LABELS[category],
    severityLabel: TICKET_SEVERITY_LABELS[severity],
    kindLabel: CLOCK_KIND_LABELS[kind],
    clock,
    durationLabel: formatClockDuration(clock, hours),
    scheduleLabel: describeSchedule(scheduleFromText(hours)),
    source,
  };
}

const allSeverities = (category: TicketCategory, kind: ClockKind, minutes: number, source?: SlaClockSource) =>
  (['ordinary', 'major', 'emergency'] as const).map((severity) =>
    minutesClock(category, severity, kind, minutes, '24x7', source),
  );

describe('slaClockText', () => {
  it('reads like the contract: category·severity, clock, length and schedule', () => {
    expect(slaClockText(minutesClock('fault', 'emergency', 'response', 10))).toBe(
      '故障·紧急 响应 10 分钟（7×24 小时）',
    );
    expect(slaClockText(minutesClock('fault', 'ordinary', 'resolution', 30, 'workday:09:00-17:30'))).toBe(
      '故障·一般 解决 30 分钟（工作日 09:00–17:30）',
    );
  });
});

describe('groupSlaClocks', () => {
  it('shows a category once when every severity has the same clocks', () => {
    const groups = groupSlaClocks([
      ...allSeverities('fault', 'response', 10),
      ...allSeverities('fault', 'resolution', 120),
    ]);
    expect(groups).toEqual([
      {
        categories: ['fault'],
        severities: ['ordinary', 'major', 'emergency'],
        label: '故障',
        response: { text: '10 分钟（7×24 小时）', source: 'subsystem' },
        resolution: { text: '2 小时（7×24 小时）', source: 'subsystem' },
      },
    ]);
  });

  it('splits severities whose clocks differ and merges categories whose clocks agree', () => {
    const groups = groupSlaClocks([
      minutesClock('fault', 'ordinary', 'resolution', 60),
      minutesClock('fault', 'major', 'resolution', 120),
      minutesClock('consultation', 'emergency', 'response', 30),
      minutesClock('requirement', 'emergency', 'response', 30),
      minutesClock('security', 'emergency', 'response', 30, '24x7', 'contract'),
    ]);
    expect(groups.map((group) => [group.label, group.response?.text, group.resolution?.text])).toEqual([
      ['故障·一般', undefined, '1 小时（7×24 小时）'],
      ['故障·重大', undefined, '2 小时（7×24 小时）'],
      ['咨询、需求·紧急', '30 分钟（7×24 小时）', undefined],
      ['安全漏洞·紧急', '30 分钟（7×24 小时）', undefined],
    ]);
  });

  it('keeps contract-wide and subsystem clocks apart even when they read the same', () => {
    const groups = groupSlaClocks([
      ...allSeverities('fault', 'response', 30, 'contract').slice(0, 2),
      minutesClock('fault', 'emergency', 'response', 30),
    ]);
    expect(groups.map((group) => [group.label, group.response?.source])).toEqual([
      ['故障·一般、重大', 'contract'],
      ['故障·紧急', 'subsystem'],
    ]);
  });

  it('loses no clock of the default profile', () => {
    for (const subsystem of describeSubsystems(loadDefaultProfile())) {
      const groups = groupSlaClocks(subsystem.clocks);
      const shown = groups.flatMap((group) =>
        group.categories.flatMap((category) =>
          group.severities.flatMap((severity) =>
            (['response', 'resolution'] as const).flatMap((kind) =>
              group[kind] === undefined ? [] : [`${category}/${severity}/${kind}/${group[kind].text}`],
            ),
          ),
        ),
      );
      const expected = subsystem.clocks.map(
        (clock) => `${clock.category}/${clock.severity}/${clock.kind}/${clockCellText(clock)}`,
      );
      expect(shown.sort()).toEqual(expected.sort());
    }
  });
});
