import { type UserScope, visibleSubsystems } from '@core/auth';
import type { ContractProfile } from '@core/profile';
import {
  type ReportKind,
  type ReportPeriod,
  type ReportScope,
  WHOLE_CONTRACT,
  monthPeriod,
  reportPeriod,
} from '@core/reports';
import { dayNumberOf, dayNumberToIsoDate, type Instant } from '@core/time/shanghai-time';

/** What the page makes: one document of a kind, or the lead's half-year acceptance package. */
export type DocumentChoice = ReportKind | 'package';

/** The documents in the order the page offers them, named as the acceptance review names them. */
export const DOCUMENT_LABELS: Readonly<Record<DocumentChoice, string>> = {
  monthly: '运维月报',
  tickets: '问题处理记录台账',
  inspections: '巡检记录台账',
  duty: '值班记录',
  trainings: '培训记录',
  visits: '回访记录',
  summary: '运维服务总结报告',
  package: '半年验收材料包',
};

export type PeriodChoice =
  | { readonly kind: 'month'; readonly month: string }
  | { readonly kind: 'half'; readonly year: number; readonly half: 1 | 2 }
  | { readonly kind: 'range'; readonly from: string; readonly to: string };

/** Whose records: the whole contract, or these subsystems. */
export type ScopeChoice =
  { readonly kind: 'whole' } | { readonly kind: 'subsystems'; readonly ids: readonly number[] };

export interface ReportChoice {
  readonly document: DocumentChoice;
  readonly period: PeriodChoice;
  readonly scope: ScopeChoice;
}

/** A choice the page can make a document of, or what is wrong with it in the user's words. */
export type ResolvedChoice =
  | { readonly ok: true; readonly period: ReportPeriod; readonly scope: ReportScope }
  | { readonly ok: false; readonly reason: string };

/** What this user may make: the lead (and a name on this PC, who sees everything) the package too. */
export interface ReportAccess {
  readonly documents: readonly DocumentChoice[];
  /** The subsystems whose records the user reads, as the contract lists them. */
  readonly subsystems: readonly { readonly id: number; readonly name: string }[];
  /** Whether the whole contract is a scope the user may choose. */
  readonly wholeContract: boolean;
}

const DOCUMENTS: readonly DocumentChoice[] = [
  'monthly',
  'tickets',
  'inspections',
  'duty',
  'trainings',
  'visits',
  'summary',
];

/** `scope` null is a name on this PC: it answers to no server and sees every subsystem, as the lead. */
export function reportAccess(scope: UserScope | null, profile: ContractProfile): ReportAccess {
  const lead = scope === null || scope.role === 'project_lead';
  const visibility =
    scope === null
      ? { all: true as const }
      : visibleSubsystems(scope, {
          documentSystemSubsystemId: profile.documentSystem?.subsystemId ?? null,
        });
  const subsystems = profile.subsystems
    .filter((subsystem) => visibility.all || visibility.subsystemIds.includes(subsystem.id))
    .map((subsystem) => ({ id: subsystem.id, name: subsystem.shortName }));
  return {
    documents: lead ? [...DOCUMENTS, 'package'] : DOCUMENTS,
    subsystems,
    wholeContract: visibility.all,
  };
}

/** This month, the user's own subsystems (the whole contract for whoever reads it all), a monthly report. */
export function initialChoice(access: ReportAccess, now: Instant): ReportChoice {
  const month = dayNumberToIsoDate(dayNumberOf(now)).slice(0, 7);
  return {
    document: 'monthly',
    period: { kind: 'month', month },
    scope: access.wholeContract
      ? { kind: 'whole' }
      : { kind: 'subsystems', ids: access.subsystems.map((subsystem) => subsystem.id) },
  };
}

/** The half-year the day falls in: January–June or July–December. */
export function halfYearOf(now: Instant): { readonly year: number; readonly half: 1 | 2 } {
  const today = dayNumberToIsoDate(dayNumberOf(now));
  return { year: Number(today.slice(0, 4)), half: Number(today.slice(5, 7)) <= 6 ? 1 : 2 };
}

export function choicePeriod(period: PeriodChoice): ReportPeriod {
  switch (period.kind) {
    case 'month':
      return monthPeriod(period.month);
    case 'half':
      return period.half === 1
        ? reportPeriod(`${period.year}-01-01`, `${period.year}-06-30`)
        : reportPeriod(`${period.year}-07-01`, `${period.year}-12-31`);
    case 'range':
      return reportPeriod(period.from, period.to);
  }
}

/**
 * The period and scope of a choice, checked against what the user may read: a scope outside it is
 * refused (the page offers none, but a choice kept from another user's session could carry one).
 */
export function resolveChoice(choice: ReportChoice, access: ReportAccess): ResolvedChoice {
  if (!access.documents.includes(choice.document)) {
    return { ok: false, reason: `${DOCUMENT_LABELS[choice.document]}只能由项目负责人生成` };
  }
  let period: ReportPeriod;
  try {
    period = choicePeriod(choice.period);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  // The package always holds the whole contract and every subsystem.
  if (choice.document === 'package') return { ok: true, period, scope: WHOLE_CONTRACT };
  if (choice.scope.kind === 'whole') {
    return access.wholeContract
      ? { ok: true, period, scope: WHOLE_CONTRACT }
      : { ok: false, reason: '您只能生成自己负责的运维子项的文件，请选择运维子项' };
  }
  if (choice.scope.ids.length === 0) return { ok: false, reason: '请至少选择一个运维子项' };
  const readable = new Set(access.subsystems.map((subsystem) => subsystem.id));
  const outside = choice.scope.ids.filter((id) => !readable.has(id));
  if (outside.length > 0) {
    return { ok: false, reason: `您无权查看运维子项 ${outside.join('、')} 的记录` };
  }
  return { ok: true, period, scope: { subsystemIds: [...choice.scope.ids].sort((a, b) => a - b) } };
}
