import type { AppUpdater } from 'electron-updater';
import type { UpdateCheckResult } from '@core/host/host-api';

/** How often a running app asks again: PCs stay on for weeks, a release should reach them within a day. */
export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** The last check, for 关于 and the log: when, and what came of it (a failure's reason in Chinese). */
export interface UpdateCheckRecord {
  readonly at: number;
  readonly outcome: UpdateCheckResult | { readonly status: 'failed'; readonly reason: string };
}

export interface UpdateServiceDeps {
  /** electron-updater's updater (its generic provider reads the feed URL from app-update.yml). */
  readonly updater: Pick<AppUpdater, 'checkForUpdates' | 'autoDownload' | 'autoInstallOnAppQuit'>;
  readonly currentVersion: string;
  /** The feed URL, shown in 关于. */
  readonly source: string;
  readonly now: () => number;
  readonly log: (line: string) => void;
}

/**
 * Checks the HQ server's update feed at start and once a day. An update downloads in the background
 * (electron-updater verifies its SHA-512 against the feed) and installs when the user quits the app,
 * never while someone is typing.
 */
export class UpdateService {
  private record: UpdateCheckRecord | null = null;
  private running: Promise<UpdateCheckResult> | null = null;

  constructor(private readonly deps: UpdateServiceDeps) {
    deps.updater.autoDownload = true;
    deps.updater.autoInstallOnAppQuit = true;
  }

  get lastCheck(): UpdateCheckRecord | null {
    return this.record;
  }

  get source(): string {
    return this.deps.source;
  }

  /** One check; a second call while one runs waits for the same answer. Rejects with a Chinese reason. */
  check(): Promise<UpdateCheckResult> {
    this.running ??= this.checkOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The first check now, then one a day; returns the function that stops the timer. */
  start(timers: Pick<typeof globalThis, 'setInterval' | 'clearInterval'> = globalThis): () => void {
    const run = () => {
      // The outcome is kept for 关于 and logged; a failed background check waits for the next one.
      this.check().catch(() => undefined);
    };
    run();
    const timer = timers.setInterval(run, UPDATE_CHECK_INTERVAL_MS);
    return () => timers.clearInterval(timer);
  }

  private async checkOnce(): Promise<UpdateCheckResult> {
    const at = this.deps.now();
    try {
      const result = await this.deps.updater.checkForUpdates();
      const outcome: UpdateCheckResult =
        result === null
          ? { status: 'not-applicable', reason: '本安装包未配置更新服务器' }
          : result.isUpdateAvailable
            ? {
                status: 'available',
                currentVersion: this.deps.currentVersion,
                latestVersion: result.updateInfo.version,
              }
            : { status: 'up-to-date', currentVersion: this.deps.currentVersion };
      this.record = { at, outcome };
      this.deps.log(
        `[updates] ${outcome.status}${outcome.status === 'available' ? ` ${outcome.latestVersion}` : ''}`,
      );
      return outcome;
    } catch (error) {
      const reason = updateFailureReason(error);
      this.record = { at, outcome: { status: 'failed', reason } };
      this.deps.log(`[updates] failed: ${error instanceof Error ? error.message : String(error)}`);
      throw new Error(reason, { cause: error });
    }
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
]);

/** electron-updater's errors carry a code; the admin-facing sentence says what it means here. */
export function updateFailureReason(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  if (code === 'ERR_UPDATER_INVALID_UPDATE_INFO' || code === 'ERR_UPDATER_INVALID_VERSION') {
    return `总部服务器上的更新描述文件已损坏，请联系管理员重新发布（${detail}）`;
  }
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND') {
    return '总部服务器尚未发布本平台的更新';
  }
  if (UNREACHABLE_CODES.has(code) || /net::ERR_|ECONNREFUSED|ETIMEDOUT|ENOTFOUND/.test(detail)) {
    return `连不上总部服务器，下次再检查更新（${detail}）`;
  }
  return `无法从总部服务器检查更新：${detail}`;
}
