import { formatPath, type ProfileIssue } from './profile-issues';

type Path = readonly (string | number)[];
type Json = Record<string, unknown>;

/**
 * Rules that relate one part of a profile to another: unique ids, references to schedules, templates
 * and subsystems that exist, budgets that add up. They read the raw input defensively, skipping any
 * part whose shape is wrong (the schema reports that), so one broken subsystem does not hide the
 * reference errors of the others.
 */
export function crossCheckProfile(input: unknown): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const report = (path: Path, message: string) => issues.push({ path: formatPath(path), message });
  if (!isObject(input)) return issues;

  const subsystems = elements(input['subsystems'], ['subsystems']);
  checkUnique(
    subsystems.map(({ value, path }) => ({ value: value['id'], path: [...path, 'id'] })),
    'subsystem id',
    report,
  );
  checkBudgetTotal(input['contract'], subsystems, report);

  const commitments = input['commitments'];
  if (isObject(commitments)) {
    const scope = scheduleScope(commitments, 'the contract-level schedules (commitments.schedules)');
    checkClockSchedules(commitments['sla'], ['commitments', 'sla'], scope, report);
    checkClockSchedule(commitments['faultDiagnosis'], ['commitments', 'faultDiagnosis'], scope, report);
  }

  for (const { value: subsystem, path } of subsystems) {
    const scope = scheduleScope(subsystem, "this subsystem's schedules");
    checkClockSchedules(subsystem['sla'], [...path, 'sla'], scope, report);
    checkClockSchedule(subsystem['emergencyOnSite'], [...path, 'emergencyOnSite'], scope, report);
    checkInspections(subsystem, path, scope, report);
  }

  const everywhere = (key: string) =>
    subsystems.flatMap(({ value, path }) => elements(value[key], [...path, key]));
  for (const [key, what] of [
    ['inspectionTemplates', 'inspection template id'],
    ['inspectionPlans', 'inspection plan id'],
    ['trainings', 'training id'],
    ['reports', 'report id'],
    ['quotas', 'quota id'],
  ] as const) {
    checkUnique(
      everywhere(key).map(({ value, path }) => ({ value: value['id'], path: [...path, 'id'] })),
      what,
      report,
    );
  }

  checkDocumentSystem(input['documentSystem'], subsystems, report);
  return issues;
}

type Report = (path: Path, message: string) => void;

interface ScheduleScope {
  readonly ids: readonly string[];
  readonly description: string;
}

function scheduleScope(level: Json, description: string): ScheduleScope {
  const schedules = level['schedules'];
  return { ids: isObject(schedules) ? Object.keys(schedules) : [], description };
}

function checkClockSchedules(sla: unknown, path: Path, scope: ScheduleScope, report: Report): void {
  for (const [category, bySeverity] of entries(sla)) {
    for (const [severity, pair] of entries(bySeverity)) {
      for (const [kind, clock] of entries(pair)) {
        checkClockSchedule(clock, [...path, category, severity, kind], scope, report);
      }
    }
  }
}

function checkClockSchedule(clock: unknown, path: Path, scope: ScheduleScope, report: Report): void {
  if (isObject(clock)) checkScheduleReference(clock['schedule'], [...path, 'schedule'], scope, report);
}

function checkScheduleReference(id: unknown, path: Path, scope: ScheduleScope, report: Report): void {
  if (typeof id !== 'string' || scope.ids.includes(id)) return;
  report(
    path,
    scope.ids.length === 0
      ? `unknown schedule "${id}": ${scope.description} define none; expected a schedule defined there`
      : `unknown schedule "${id}"; expected one of ${scope.description}: ${scope.ids.join(', ')}`,
  );
}

function checkInspections(subsystem: Json, path: Path, scope: ScheduleScope, report: Report): void {
  const templates = elements(subsystem['inspectionTemplates'], [...path, 'inspectionTemplates']);
  const templateIds = templates.map(({ value }) => value['id']).filter((id) => typeof id === 'string');
  for (const template of templates) {
    checkUnique(
      elements(template.value['items'], [...template.path, 'items']).map(({ value, path: itemPath }) => ({
        value: value['id'],
        path: [...itemPath, 'id'],
      })),
      'checklist item id in this template',
      report,
    );
  }
  for (const { value: plan, path: planPath } of elements(subsystem['inspectionPlans'], [
    ...path,
    'inspectionPlans',
  ])) {
    checkScheduleReference(plan['schedule'], [...planPath, 'schedule'], scope, report);
    const template = plan['template'];
    if (typeof template === 'string' && !templateIds.includes(template)) {
      report(
        [...planPath, 'template'],
        templateIds.length === 0
          ? `unknown inspection template "${template}": this subsystem defines no inspection templates`
          : `unknown inspection template "${template}"; expected one of this subsystem's templates: ${templateIds.join(', ')}`,
      );
    }
  }
}

function checkBudgetTotal(contract: unknown, subsystems: readonly Element[], report: Report): void {
  if (!isObject(contract) || typeof contract['budgetTotal'] !== 'number') return;
  const budgets = subsystems.map(({ value }) => value['budget']);
  if (budgets.length === 0 || !budgets.every((budget) => typeof budget === 'number')) return;
  // Sum in whole yuan (万元 × 10,000) so that 0.1 + 0.2 style rounding cannot hide or invent a mismatch.
  const sum = budgets.reduce<number>((total, budget) => total + Math.round(Number(budget) * 10_000), 0);
  if (sum !== Math.round(contract['budgetTotal'] * 10_000)) {
    report(
      ['contract', 'budgetTotal'],
      `expected the sum of the ${budgets.length} subsystem budgets, ${sum / 10_000} 万元; got ${contract['budgetTotal']}`,
    );
  }
}

function checkDocumentSystem(documentSystem: unknown, subsystems: readonly Element[], report: Report): void {
  if (!isObject(documentSystem)) return;
  const subsystemId = documentSystem['subsystemId'];
  const ids = subsystems.map(({ value }) => value['id']);
  if (typeof subsystemId === 'number' && ids.length > 0 && !ids.includes(subsystemId)) {
    report(
      ['documentSystem', 'subsystemId'],
      `unknown subsystem ${subsystemId}; expected one of the subsystem ids: ${[...new Set(ids)].map(String).join(', ')}`,
    );
  }
  const units = elements(documentSystem['units'], ['documentSystem', 'units']);
  checkUnique(
    units.map(({ value, path }) => ({ value: value['id'], path: [...path, 'id'] })),
    'unit id',
    report,
  );
  checkUnique(
    units.map(({ value, path }) => ({ value: value['name'], path: [...path, 'name'] })),
    'unit name',
    report,
  );
}

/** Reports every repeat of a string or number value after its first occurrence. */
function checkUnique(values: readonly { value: unknown; path: Path }[], what: string, report: Report): void {
  const first = new Map<string | number, Path>();
  for (const { value, path } of values) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const earlier = first.get(value);
    if (earlier === undefined) first.set(value, path);
    else
      report(
        path,
        `duplicate ${what} ${JSON.stringify(value)} (also at ${formatPath(earlier)}); expected each ${what} once`,
      );
  }
}

interface Element {
  readonly value: Json;
  readonly path: Path;
}

/** The object elements of an array, with their paths; anything else is skipped. */
function elements(value: unknown, path: Path): Element[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((element: unknown, index) =>
    isObject(element) ? [{ value: element, path: [...path, index] }] : [],
  );
}

function entries(value: unknown): [string, unknown][] {
  return isObject(value) ? Object.entries(value) : [];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
