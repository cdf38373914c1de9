import type { HostHandler } from '../ipc/host-ipc-router';
import type { UpdateService } from '../updates/update-service';

/**
 * The renderer's "check now". A development build (not installed) has no feed to ask: `service` is
 * null there. Otherwise it is the same check the app runs at start and once a day.
 */
export function createCheckForUpdates(service: UpdateService | null): HostHandler<'checkForUpdates'> {
  return async () =>
    service === null
      ? { status: 'not-applicable', reason: '开发版本不检查更新，更新仅适用于安装包' }
      : service.check();
}
