import { type ContractProfile, contractProfileSchema } from './contract-profile';
import { crossCheckProfile } from './cross-checks';
import { parseJsonText } from './json-text';
import { fromZodIssues, type ProfileIssue, profileErrorMap } from './profile-issues';
import { listSlaClocks } from './sla-policy';

export type ProfileValidation =
  | { readonly ok: true; readonly profile: ContractProfile; readonly summary: string }
  | { readonly ok: false; readonly issues: readonly ProfileIssue[] };

/**
 * Checks a contract profile and lists every problem found, each as a JSON path and what is expected
 * there: the shape (unknown keys, types, ranges, schedule syntax) and the rules that relate its parts
 * (unique ids, references that exist, budgets that add up).
 */
export function validateProfile(input: unknown): ProfileValidation {
  const parsed = contractProfileSchema.safeParse(input, { error: profileErrorMap });
  const issues = dedupe([
    ...(parsed.success ? [] : fromZodIssues(parsed.error.issues)),
    ...crossCheckProfile(input),
  ]);
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  return { ok: true, profile: parsed.data, summary: summarizeProfile(parsed.data) };
}

/** `validateProfile` for the text of a profile file: JSON syntax errors come back with line and column. */
export function validateProfileText(text: string): ProfileValidation {
  const json = parseJsonText(text);
  return json.ok ? validateProfile(json.value) : { ok: false, issues: json.issues };
}

/** One line, e.g. `guizhou-hrss-2025 v1: 13 subsystems, 10 units, 65 SLA clocks, 7 inspection templates（…）`. */
export function summarizeProfile(profile: ContractProfile): string {
  const subsystems = profile.subsystems.length;
  const units = profile.documentSystem?.units.length ?? 0;
  const clocks =
    listSlaClocks(profile.commitments.sla).length +
    profile.subsystems.reduce((total, subsystem) => total + listSlaClocks(subsystem.sla).length, 0);
  const templates = profile.subsystems.reduce(
    (total, subsystem) => total + subsystem.inspectionTemplates.length,
    0,
  );
  return (
    `${profile.profileId} v${profile.profileVersion}: ${subsystems} subsystems, ${units} units, ` +
    `${clocks} SLA clocks, ${templates} inspection templates` +
    `（${subsystems} 个运维子项，${units} 家单位，${clocks} 个 SLA 时限，${templates} 个巡检模板）`
  );
}

function dedupe(issues: readonly ProfileIssue[]): ProfileIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
