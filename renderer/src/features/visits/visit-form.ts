import {
  checkVisitUnits,
  visitSchema,
  type UnitSatisfaction,
  type Visit,
  type VisitSatisfactionLevel,
} from '@core/records/kinds';
import type { DocumentSystem } from '@core/profile';
import type { Attachment } from '@core/records';
import { newRecordId } from '@core/records';
import { safeParseInChinese } from '@core/records/validation';

export interface PersonMetValues {
  readonly name: string;
  readonly unitId: number | undefined;
  readonly title: string;
}

/** One visited unit's rating; `level` undefined while the unit has not been rated (it is then left out). */
export interface SatisfactionValues {
  readonly unitId: number;
  readonly level: VisitSatisfactionLevel | undefined;
  readonly comment: string;
}

/** The visit form as antd holds it. */
export interface VisitFormValues {
  readonly date: string;
  readonly unitIds: readonly number[];
  readonly peopleMet: readonly PersonMetValues[];
  readonly ticketIds: readonly string[];
  readonly suggestions: string;
  readonly satisfaction: readonly SatisfactionValues[];
}

export type VisitFieldPath = readonly (string | number)[];

export interface VisitFieldError {
  readonly name: VisitFieldPath;
  /** Where and what, in the user's words: 接待人员第 2 行：请填写接待人员姓名. */
  readonly message: string;
}

export type VisitFromForm =
  | { readonly ok: true; readonly visit: Visit }
  | { readonly ok: false; readonly errors: readonly VisitFieldError[] };

/** A new visit's form: today, the unit when the user covers just one, nothing else yet. */
export function emptyVisitForm(today: string, offeredUnitIds: readonly number[]): VisitFormValues {
  const unitIds = offeredUnitIds.length === 1 ? [...offeredUnitIds] : [];
  return {
    date: today,
    unitIds,
    peopleMet: [],
    ticketIds: [],
    suggestions: '',
    satisfaction: satisfactionRows(unitIds, []),
  };
}

/** A stored visit back in the form, each visited unit with its rating row (rated or not). */
export function visitFormValues(visit: Visit): VisitFormValues {
  return {
    date: visit.date,
    unitIds: [...visit.unitIds],
    peopleMet: visit.peopleMet.map((person) => ({ ...person })),
    ticketIds: [...visit.ticketIds],
    suggestions: visit.suggestions,
    satisfaction: satisfactionRows(visit.unitIds, visit.satisfaction),
  };
}

/**
 * One rating row per visited unit, in the order the units were picked, keeping what was already filled
 * in for a unit still picked: picking or dropping a unit never loses another unit's rating.
 */
export function satisfactionRows(
  unitIds: readonly number[],
  current: readonly (SatisfactionValues | UnitSatisfaction)[],
): SatisfactionValues[] {
  return unitIds.map((unitId) => {
    const kept = current.find((row) => row.unitId === unitId);
    return { unitId, level: kept?.level, comment: kept?.comment ?? '' };
  });
}

export interface VisitSaveContext {
  readonly before: Visit | null;
  readonly actor: string;
  readonly at: number;
  readonly documentSystem: DocumentSystem | undefined;
  /** For tests; a new visit gets a fresh id otherwise. */
  readonly id?: string;
}

/**
 * The record the form describes, or every problem with where it is. The visitor of a new visit is the
 * one recording it; an edit keeps the visitor and the creation stamp.
 */
export function visitFromForm(
  values: VisitFormValues,
  photos: readonly Attachment[],
  context: VisitSaveContext,
): VisitFromForm {
  const { before } = context;
  const satisfaction = values.satisfaction
    .filter((row) => values.unitIds.includes(row.unitId) && row.level !== undefined)
    .map((row) => ({ unitId: row.unitId, level: row.level, comment: row.comment.trim() }));
  const peopleMet = values.peopleMet.map((person) => ({
    name: person.name,
    unitId: person.unitId,
    title: person.title,
  }));
  const record = {
    id: before?.id ?? context.id ?? newRecordId(),
    createdBy: before?.createdBy ?? context.actor,
    createdAt: before?.createdAt ?? context.at,
    updatedAt: context.at,
    deleted: before?.deleted ?? false,
    date: values.date.trim(),
    visitor: before?.visitor ?? context.actor,
    unitIds: [...values.unitIds],
    peopleMet,
    ticketIds: [...values.ticketIds],
    suggestions: values.suggestions.trim(),
    satisfaction,
    photos: [...photos],
  };
  const parsed = safeParseInChinese(visitSchema, record);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) =>
        fieldError(issue.path, issue.message, {
          satisfaction,
          values,
          documentSystem: context.documentSystem,
        }),
      ),
    };
  }
  const known = checkVisitUnits(parsed.data, context.documentSystem);
  if (!known.ok) return { ok: false, errors: [{ name: ['unitIds'], message: known.reason }] };
  return { ok: true, visit: parsed.data };
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  date: '回访日期',
  unitIds: '走访单位',
  peopleMet: '接待人员',
  ticketIds: '回访工单',
  suggestions: '服务提升建议',
  satisfaction: '满意度',
  photos: '照片',
};

/**
 * An issue of the record as a form field and a sentence naming where it is. Ratings are matched back
 * to their form row by unit, since unrated rows are not in the record.
 */
function fieldError(
  path: readonly PropertyKey[],
  message: string,
  context: {
    readonly satisfaction: readonly { readonly unitId: number }[];
    readonly values: VisitFormValues;
    readonly documentSystem: DocumentSystem | undefined;
  },
): VisitFieldError {
  const [field, index, key] = path;
  const top = typeof field === 'string' && field in FIELD_WORDS ? field : 'unitIds';
  const where = FIELD_WORDS[top] ?? '';
  if (top === 'peopleMet' && typeof index === 'number') {
    return {
      name: typeof key === 'string' ? ['peopleMet', index, key] : ['peopleMet'],
      message: `${where}第 ${index + 1} 行：${message}`,
    };
  }
  if (top === 'satisfaction' && typeof index === 'number') {
    const unitId = context.satisfaction[index]?.unitId;
    const row = context.values.satisfaction.findIndex((candidate) => candidate.unitId === unitId);
    const unit = context.documentSystem?.units.find((candidate) => candidate.id === unitId)?.name;
    return {
      name: row < 0 ? ['satisfaction'] : ['satisfaction', row, key === 'comment' ? 'comment' : 'level'],
      message: `${where}（${unit ?? '所选单位'}）：${message}`,
    };
  }
  return { name: [top], message: `${where}：${message}` };
}
