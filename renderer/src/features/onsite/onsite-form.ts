import { newRecordId } from '@core/records';
import { onSiteDaySchema, type OnSiteDay, type Presence } from '@core/records/kinds';
import { safeParseInChinese } from '@core/records/validation';
import { dayRecorded } from './onsite-view';

/** The day form as antd holds it. */
export interface OnSiteFormValues {
  readonly date: string;
  readonly subsystemId: number | undefined;
  readonly presence: Presence;
  readonly hours: number | null;
  readonly summary: string;
}

export type OnSiteField = keyof OnSiteFormValues;

export interface OnSiteFieldError {
  readonly name: OnSiteField;
  readonly message: string;
}

export type OnSiteFromForm =
  | { readonly ok: true; readonly day: OnSiteDay }
  | { readonly ok: false; readonly errors: readonly OnSiteFieldError[] };

export function onSiteFormValues(day: OnSiteDay): OnSiteFormValues {
  return {
    date: day.date,
    subsystemId: day.subsystemId,
    presence: day.presence,
    hours: day.hours,
    summary: day.summary,
  };
}

const FIELD_WORDS: Readonly<Record<OnSiteField, string>> = {
  date: '日期',
  subsystemId: '运维子项',
  presence: '出勤方式',
  hours: '工作时长',
  summary: '工作内容',
};

/**
 * The day the form describes, or each problem with where it is. The engineer is the one recording it
 * (an edit keeps the engineer); a second record of the same day and subsystem is refused, since the
 * counts take a day once per engineer.
 */
export function onSiteDayFromForm(
  values: OnSiteFormValues,
  context: {
    readonly before: OnSiteDay | null;
    readonly actor: string;
    readonly at: number;
    readonly days: readonly OnSiteDay[];
    readonly id?: string;
  },
): OnSiteFromForm {
  const { before } = context;
  if (values.subsystemId === undefined) {
    return { ok: false, errors: [{ name: 'subsystemId', message: '运维子项：请选择运维子项' }] };
  }
  const record = {
    id: before?.id ?? context.id ?? newRecordId(),
    subsystemId: values.subsystemId,
    createdBy: before?.createdBy ?? context.actor,
    createdAt: before?.createdAt ?? context.at,
    updatedAt: context.at,
    deleted: before?.deleted ?? false,
    date: values.date.trim(),
    engineer: before?.engineer ?? context.actor,
    presence: values.presence,
    hours: values.presence === 'leave' ? 0 : (values.hours ?? 0),
    summary: values.summary.trim(),
  };
  const parsed = safeParseInChinese(onSiteDaySchema, record);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const [field] = issue.path;
        const name: OnSiteField =
          typeof field === 'string' && field in FIELD_WORDS ? (field as OnSiteField) : 'date';
        return { name, message: `${FIELD_WORDS[name]}：${issue.message}` };
      }),
    };
  }
  const same = dayRecorded(context.days, parsed.data.engineer, parsed.data.subsystemId, parsed.data.date);
  if (same !== undefined && same.id !== parsed.data.id) {
    return {
      ok: false,
      errors: [
        { name: 'date', message: `日期：${parsed.data.date} 这个运维子项已经登记过，请修改那一天的记录` },
      ],
    };
  }
  return { ok: true, day: parsed.data };
}
