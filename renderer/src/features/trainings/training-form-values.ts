import type { DocumentSystem, Subsystem } from '@core/profile';
import { newRecordId, safeParseInChinese, type Attachment } from '@core/records';
import {
  MAX_ATTENDEES,
  trainingSchema,
  type Attendee,
  type LecturerLevel,
  type Training,
} from '@core/records/kinds';
import type { Instant } from '@core/time/shanghai-time';
import { formatMinute, parseMinute } from '../tickets/format-time';

/** A trainer row as the inputs hold it: no level as ''. */
export interface TrainerFormValues {
  readonly name: string;
  readonly title: string;
  readonly level: LecturerLevel | '';
}

/**
 * The training form as its inputs hold it: the start as typed Beijing text, the length in hours (the
 * tender words requirements in hours), no requirement as '', numbers not yet typed as null.
 */
export interface TrainingFormValues {
  readonly subsystemId: number | undefined;
  readonly requirementId: string;
  readonly unitId: number | undefined;
  readonly topic: string;
  readonly audience: string;
  readonly startAt: string;
  readonly durationHours: number | null;
  readonly delivery: Training['delivery'];
  readonly place: string;
  readonly trainers: readonly TrainerFormValues[];
  readonly attendanceKind: Training['attendance']['kind'];
  readonly attendees: readonly Attendee[];
  readonly attendeeCount: number | null;
  readonly signInSheet: Attachment | null;
  readonly materials: readonly Attachment[];
  readonly surveyScore: number | null;
  readonly surveyComments: string;
  readonly notes: string;
}

export type FieldPath = readonly (string | number)[];

export interface FieldError {
  readonly name: FieldPath;
  readonly message: string;
}

export const EMPTY_TRAINER: TrainerFormValues = { name: '', title: '', level: '' };

/**
 * A new form: today 09:00 on the subsystem offered first, its only requirement picked (with the
 * requirement's topic, audience and length filled in), one empty trainer row, a sign-in list.
 */
export function defaultFormValues(options: {
  readonly now: Instant;
  readonly subsystem: Subsystem | undefined;
}): TrainingFormValues {
  const empty: TrainingFormValues = {
    subsystemId: options.subsystem?.id,
    requirementId: '',
    unitId: undefined,
    topic: '',
    audience: '',
    startAt: `${formatMinute(options.now).slice(0, 10)} 09:00`,
    durationHours: null,
    delivery: 'in_person',
    place: '',
    trainers: [EMPTY_TRAINER],
    attendanceKind: 'list',
    attendees: [],
    attendeeCount: null,
    signInSheet: null,
    materials: [],
    surveyScore: null,
    surveyComments: '',
    notes: '',
  };
  const only = options.subsystem?.trainings.length === 1 ? options.subsystem.trainings[0] : undefined;
  return only === undefined ? empty : withRequirement(empty, options.subsystem, only.id);
}

/**
 * The form after a requirement was picked: what the requirement says (topic, audience, length) fills
 * the fields still empty, never over what was typed.
 */
export function withRequirement(
  values: TrainingFormValues,
  subsystem: Subsystem | undefined,
  requirementId: string,
): TrainingFormValues {
  const requirement = subsystem?.trainings.find((candidate) => candidate.id === requirementId);
  if (requirement === undefined) return { ...values, requirementId };
  const hours = requirement.sessionHours ?? (requirement.sessionLength?.trim() === '半天' ? 3 : undefined);
  return {
    ...values,
    requirementId,
    topic: values.topic.trim() === '' ? requirement.topic : values.topic,
    audience: values.audience.trim() === '' ? requirement.audience : values.audience,
    durationHours: values.durationHours ?? hours ?? null,
  };
}

/** The form showing a stored training, for editing it. */
export function formValuesOf(training: Training): TrainingFormValues {
  const attendance = training.attendance;
  return {
    subsystemId: training.subsystemId,
    requirementId: training.requirementId ?? '',
    unitId: training.unitId ?? undefined,
    topic: training.topic,
    audience: training.audience,
    startAt: formatMinute(training.startAt),
    durationHours: Math.round((training.durationMinutes / 60) * 100) / 100,
    delivery: training.delivery,
    place: training.place,
    trainers: training.trainers.map((trainer) => ({
      name: trainer.name,
      title: trainer.title,
      level: trainer.level ?? '',
    })),
    attendanceKind: attendance.kind,
    attendees: attendance.kind === 'list' ? attendance.attendees : [],
    attendeeCount: attendance.kind === 'count' ? attendance.count : null,
    signInSheet: attendance.kind === 'count' ? attendance.signInSheet : null,
    materials: training.materials,
    surveyScore: training.satisfaction?.score ?? null,
    surveyComments: training.satisfaction?.comments ?? '',
    notes: training.notes,
  };
}

export interface TrainingFormContext {
  /** The stored training being edited; null for a new one. */
  readonly before: Training | null;
  readonly actor: string;
  readonly now: Instant;
  readonly subsystems: readonly Subsystem[];
  readonly documentSystem: DocumentSystem | undefined;
}

export type TrainingFromForm =
  { readonly ok: true; readonly training: Training } | { readonly ok: false; readonly errors: FieldError[] };

/**
 * The training to save, or every problem beside the field it belongs to: core's zod messages
 * (Chinese), plus the form's own for what only the form knows (a time that is not a time, a unit a
 * per-unit requirement needs, a comment without a score).
 */
export function trainingFromForm(values: TrainingFormValues, context: TrainingFormContext): TrainingFromForm {
  const errors: FieldError[] = [];
  const subsystem = context.subsystems.find((candidate) => candidate.id === values.subsystemId);
  if (subsystem === undefined) errors.push({ name: ['subsystemId'], message: '请选择运维子项' });
  const requirement = subsystem?.trainings.find((candidate) => candidate.id === values.requirementId);
  const forUnits =
    context.documentSystem !== undefined && context.documentSystem.subsystemId === subsystem?.id;
  if (requirement?.perDocumentSystemUnit === true && values.unitId === undefined) {
    errors.push({ name: ['unitId'], message: '这项培训须逐个单位开展，请选择培训单位' });
  }
  const startAt = parseMinute(values.startAt, '培训开始时间');
  if (!startAt.ok) errors.push({ name: ['startAt'], message: startAt.reason });
  if (values.durationHours === null) errors.push({ name: ['durationHours'], message: '请填写培训时长' });
  const commented = values.surveyComments.trim() !== '';
  if (values.surveyScore === null && commented) {
    errors.push({ name: ['surveyScore'], message: '填写了满意度意见，请同时填写满意度得分' });
  }

  const envelope = context.before ?? {
    id: newRecordId(),
    createdBy: context.actor,
    createdAt: context.now,
    deleted: false,
  };
  const training = {
    id: envelope.id,
    subsystemId: values.subsystemId ?? 0,
    createdBy: envelope.createdBy,
    createdAt: envelope.createdAt,
    updatedAt: context.now,
    deleted: envelope.deleted,
    requirementId: requirement === undefined ? null : requirement.id,
    unitId: forUnits ? (values.unitId ?? null) : null,
    topic: values.topic,
    audience: values.audience,
    startAt: startAt.ok ? startAt.instant : context.now,
    durationMinutes: Math.round((values.durationHours ?? 0) * 60),
    delivery: values.delivery,
    place: values.place,
    trainers: values.trainers.map((trainer) => ({
      name: trainer.name,
      title: trainer.title,
      level: trainer.level === '' ? null : trainer.level,
    })),
    attendance:
      values.attendanceKind === 'list'
        ? { kind: 'list' as const, attendees: [...values.attendees] }
        : { kind: 'count' as const, count: values.attendeeCount ?? 0, signInSheet: values.signInSheet },
    materials: [...values.materials],
    satisfaction:
      values.surveyScore === null ? null : { score: values.surveyScore, comments: values.surveyComments },
    notes: values.notes,
  };

  const parsed = safeParseInChinese(trainingSchema, training);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = formPath(issue.path, values);
      // The form already said what is wrong with these in its own words.
      if (errors.some((error) => error.name.join('.') === name.join('.'))) continue;
      errors.push({ name, message: issue.message });
    }
  }
  if (errors.length > 0) {
    return { ok: false, errors: errors.sort((a, b) => fieldOrder(a.name) - fieldOrder(b.name)) };
  }
  return { ok: true, training: parsed.data as Training };
}

/** The form's fields in reading (and Tab) order: problems are listed, and the first focused, in it. */
const FIELD_ORDER = [
  'subsystemId',
  'requirementId',
  'unitId',
  'topic',
  'audience',
  'startAt',
  'durationHours',
  'delivery',
  'place',
  'trainers',
  'attendanceKind',
  'attendees',
  'attendeeCount',
  'signInSheet',
  'materials',
  'surveyScore',
  'surveyComments',
  'notes',
];

function fieldOrder(name: FieldPath): number {
  const index = FIELD_ORDER.indexOf(String(name[0]));
  return index < 0 ? FIELD_ORDER.length : index;
}

/** Where a schema problem shows: the record's nested fields are flat inputs in the form. */
function formPath(path: readonly PropertyKey[], values: TrainingFormValues): FieldPath {
  const parts = path.map((part) => (typeof part === 'number' ? part : String(part)));
  switch (parts[0]) {
    case 'durationMinutes':
      return ['durationHours'];
    case 'attendance':
      if (parts[1] === 'count') return ['attendeeCount'];
      if (parts[1] === 'signInSheet') return ['signInSheet'];
      return values.attendanceKind === 'list' ? ['attendees'] : ['attendeeCount'];
    case 'satisfaction':
      return parts[1] === 'comments' ? ['surveyComments'] : ['surveyScore'];
    case 'trainers':
      // The form always has a row; a problem with the list as a whole shows on its first name.
      return parts.length >= 3 ? parts : ['trainers', 0, 'name'];
    case 'materials':
      return ['materials'];
    case undefined:
      return ['topic'];
    default:
      return [parts[0]];
  }
}

/**
 * People pasted as a column (one a line, as copied from a spreadsheet or a chat): a line's second
 * tab- or comma-separated cell is the person's unit, else `unit`. Empty lines are skipped; a person
 * already listed (same name and unit) or listed twice in the paste is added once.
 */
export function attendeesFromPaste(
  text: string,
  unit: string,
  listed: readonly Attendee[],
): { readonly added: Attendee[]; readonly repeated: string[] } {
  const seen = new Set(listed.map(attendeeKey));
  const added: Attendee[] = [];
  const repeated: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const cells = line.split(/\t|,|，/).map((cell) => cell.trim());
    const name = cells[0] ?? '';
    if (name === '') continue;
    const attendee = { name, unit: cells[1] !== undefined && cells[1] !== '' ? cells[1] : unit.trim() };
    if (seen.has(attendeeKey(attendee))) {
      repeated.push(name);
      continue;
    }
    seen.add(attendeeKey(attendee));
    added.push(attendee);
  }
  return { added, repeated };
}

function attendeeKey(attendee: Attendee): string {
  return `${attendee.unit}\u0000${attendee.name}`;
}

/** Room left on the sign-in list (the schema's limit). */
export function attendeeRoom(listed: readonly Attendee[]): number {
  return Math.max(0, MAX_ATTENDEES - listed.length);
}
