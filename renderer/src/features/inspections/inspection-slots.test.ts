import { builtinCalendar } from '@core/calendar';
import { loadDefaultProfile } from '@core/profile';
import {
  finishRun,
  newTemplate,
  recordResult,
  startRun,
  type InspectionRun,
  type InspectionTemplate,
} from '@core/records';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { latestOpenRun, monthSlots, nextMonth, todayTasks } from './inspection-slots';
import { profileTemplateContents } from './profile-templates';

const calendar = builtinCalendar();
const templates: InspectionTemplate[] = profileTemplateContents(loadDefaultProfile())
  .filter((content) =>
    ['s1-daily', 's5-daily-0830', 's8-monthly', 's6-periodic'].includes(content.templateId),
  )
  .map((content) => {
    const made = newTemplate(content, { actor: 'admin', at: parseInstant('2026-01-01T00:00') });
    if (!made.ok) throw new Error(made.reason);
    return made.template;
  });
const s5 = templates.find((template) => template.templateId === 's5-daily-0830') as InspectionTemplate;

/** A finished s5 check for a slot: every item passed. */
function finishedS5(slot: string, startedAt: string, finishedAt: string): InspectionRun {
  const started = startRun(s5, { actor: 'zhang', at: parseInstant(startedAt), scheduledFor: slot });
  if (!started.ok) throw new Error(started.reason);
  let run = started.run;
  for (const item of s5.items) {
    const recorded = recordResult(run, s5, item.id, true);
    if (!recorded.ok) throw new Error(recorded.reason);
    run = recorded.run;
  }
  const finished = finishRun(run, s5, parseInstant(finishedAt));
  if (!finished.ok) throw new Error(finished.reason);
  return finished.run;
}

function openS5(slot: string | null, startedAt: string): InspectionRun {
  const started = startRun(s5, { actor: 'li', at: parseInstant(startedAt), scheduledFor: slot });
  if (!started.ok) throw new Error(started.reason);
  return started.run;
}

/** Saturday 14 February 2026, 09:30: an adjusted working day (调休) before the Spring Festival. */
const NOW = parseInstant('2026-02-14T09:30');

describe('monthSlots', () => {
  const runs = [finishedS5('2026-02-13', '2026-02-13T08:05', '2026-02-13T08:20')];
  const february = monthSlots(templates, runs, '2026-02', NOW, calendar, new Map());
  const states = (date: string) =>
    (february.daily.get(date) ?? []).map((entry) => `${entry.template.templateId}:${entry.status.state}`);

  it('marks a finished check done and a day without a run missed', () => {
    expect(states('2026-02-13')).toEqual(['s1-daily:missed', 's5-daily-0830:done']);
    expect(february.daily.get('2026-02-13')?.[1]?.status.late).toBe(false);
  });

  it('makes the 08:30 check overdue after 08:30 and the end-of-day check still due', () => {
    expect(states('2026-02-14')).toEqual(['s1-daily:due', 's5-daily-0830:overdue']);
  });

  it('follows the working calendar: no working-day check on Spring Festival days', () => {
    expect(states('2026-02-17')).toEqual(['s5-daily-0830:upcoming']);
    expect(states('2026-02-28')).toEqual(['s1-daily:upcoming', 's5-daily-0830:upcoming']);
    expect([...february.daily.keys()]).toHaveLength(28);
  });

  it('lists the monthly checklist once for the month and leaves 定期 templates out', () => {
    expect(february.monthly.map((entry) => `${entry.slot.key}:${entry.status.state}`)).toEqual([
      '2026-02:due',
    ]);
    expect(february.monthly[0]?.template.templateId).toBe('s8-monthly');
    const all = [...february.daily.values()].flat().map((entry) => entry.template.templateId);
    expect(all).not.toContain('s6-periodic');
    expect(february.problems).toEqual([]);
  });

  it('schedules a working-day template on the provisional calendar in a year without a notice', () => {
    const next = monthSlots(templates, [], '2031-01', NOW, calendar, new Map());
    expect(next.problems).toEqual([]);
    // 元旦 is a statutory holiday whatever the notice says; 2 January 2031 is a Thursday.
    expect(next.daily.get('2031-01-01')?.map((entry) => entry.template.templateId)).toEqual([
      's5-daily-0830',
    ]);
    expect(next.daily.get('2031-01-02')?.map((entry) => entry.template.templateId)).toEqual([
      's1-daily',
      's5-daily-0830',
    ]);
  });

  it('reports a working-day template in a year the law cannot answer for instead of guessing', () => {
    const far = monthSlots(templates, [], '2101-01', NOW, calendar, new Map());
    expect(far.problems.map((problem) => problem.template.templateId)).toEqual(['s1-daily']);
    expect(far.problems[0]?.reason).toContain('缺少 2101 年的节假日安排');
    expect(far.daily.get('2101-01-05')?.map((entry) => entry.template.templateId)).toEqual(['s5-daily-0830']);
  });

  it('does not call a slot missed that closed before the template came into use', () => {
    const since = new Map([['s5-daily-0830', parseInstant('2026-02-12T15:00')]]);
    const view = monthSlots(templates, [], '2026-02', NOW, calendar, since);
    expect(view.daily.get('2026-02-11')?.map((entry) => entry.template.templateId)).toEqual(['s1-daily']);
    expect(
      view.daily.get('2026-02-12')?.map((entry) => `${entry.template.templateId}:${entry.status.state}`),
    ).toEqual(['s1-daily:missed', 's5-daily-0830:missed']);
  });

  it('offers to continue a run that was started but not finished', () => {
    const open = openS5('2026-02-14', '2026-02-14T08:10');
    const view = monthSlots(templates, [open], '2026-02', NOW, calendar, new Map());
    const entry = view.daily.get('2026-02-14')?.find((candidate) => candidate.template === s5);
    expect(entry?.status.state).toBe('overdue');
    expect(entry?.openRun?.id).toBe(open.id);
  });
});

describe('todayTasks', () => {
  it('puts the overdue 08:30 check first, then what is due by its deadline, then 定期 templates', () => {
    const { tasks, problems } = todayTasks(templates, [], NOW, calendar);
    expect(problems).toEqual([]);
    expect(tasks.map((task) => `${task.template.templateId}:${task.entry?.status.state ?? '定期'}`)).toEqual([
      's5-daily-0830:overdue',
      's1-daily:due',
      's8-monthly:due',
      's6-periodic:定期',
    ]);
  });

  it('drops the working-day check on a holiday and shows today’s finished check as done', () => {
    const holiday = parseInstant('2026-02-17T08:40');
    const runs = [finishedS5('2026-02-17', '2026-02-17T08:00', '2026-02-17T08:29')];
    const { tasks } = todayTasks(templates, runs, holiday, calendar);
    expect(tasks.map((task) => `${task.template.templateId}:${task.entry?.status.state ?? '定期'}`)).toEqual([
      's8-monthly:due',
      's5-daily-0830:done',
      's6-periodic:定期',
    ]);
  });
});

describe('latestOpenRun', () => {
  it('picks the most recently started unfinished run of the slot', () => {
    const older = openS5('2026-02-14', '2026-02-14T08:00');
    const newer = openS5('2026-02-14', '2026-02-14T08:15');
    const done = finishedS5('2026-02-14', '2026-02-14T08:20', '2026-02-14T08:25');
    expect(latestOpenRun([older, newer, done], '2026-02-14')?.id).toBe(newer.id);
    expect(latestOpenRun([older, newer], '2026-02-13')).toBeUndefined();
    expect(latestOpenRun([{ ...newer, deleted: true }], '2026-02-14')).toBeUndefined();
  });
});

describe('nextMonth', () => {
  it('rolls over the year', () => {
    expect(nextMonth('2026-02')).toBe('2026-03');
    expect(nextMonth('2026-12')).toBe('2027-01');
  });
});
