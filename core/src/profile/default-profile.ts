import guizhouHrss2025 from '../../../resources/profiles/guizhou-hrss-2025.json';
import type { ContractProfile } from './contract-profile';
import { validateProfile } from './validate-profile';

let cached: ContractProfile | undefined;

/**
 * The profile shipped with the app: the Guizhou HRSS 2025 O&M tender as data. Validated on first use;
 * a shipped profile that fails validation is a build defect, so it throws with every problem listed.
 */
export function loadDefaultProfile(): ContractProfile {
  if (cached !== undefined) return cached;
  const result = validateProfile(guizhouHrss2025);
  if (!result.ok) {
    const problems = result.issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n');
    throw new Error(`内置合同档案 resources/profiles/guizhou-hrss-2025.json 无效:\n${problems}`);
  }
  cached = result.profile;
  return cached;
}
