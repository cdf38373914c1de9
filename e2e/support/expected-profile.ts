import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMinutesClock } from '@core/profile/clock';
import { describeSubsystems, type SubsystemDisplay } from '@core/profile/subsystem-display';
import { validateProfile } from '@core/profile/validate-profile';
import { REPO_ROOT } from './repo-root';

/**
 * What the screen should show, computed by core from the same profile file the app ships. Read from
 * disk rather than imported, because the test runner loads JSON modules differently from Vite.
 */
export function expectedSubsystems(): SubsystemDisplay[] {
  const file = path.join(REPO_ROOT, 'resources', 'profiles', 'guizhou-hrss-2025.json');
  const result = validateProfile(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.ok) {
    throw new Error(
      `${file} 无效：${result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('；')}`,
    );
  }
  return describeSubsystems(result.profile);
}

/** A clock cell as the app words it: length and schedule, or just the working days. */
export function expectedClockText(clock: SubsystemDisplay['clocks'][number]): string {
  return isMinutesClock(clock.clock)
    ? `${clock.durationLabel}（${clock.scheduleLabel}）`
    : clock.durationLabel;
}

export function expectedAppVersion(): string {
  const packageJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return packageJson.version;
}
