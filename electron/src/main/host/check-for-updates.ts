import type { HostHandler } from '../ipc/host-ipc-router';
import type { UpdateService } from '../updates/update-service';

/**
 * Updates as the renderer sees them. `service` is null where the app does not update itself (a
 * development build, an installer packaged without a feed); `whyNot` says why, in Chinese.
 */
export function createUpdateHandlers(
  service: UpdateService | null,
  whyNot: string,
): { checkForUpdates: HostHandler<'checkForUpdates'>; getUpdateStatus: HostHandler<'getUpdateStatus'> } {
  return {
    checkForUpdates: async () =>
      service === null ? { status: 'not-applicable', reason: whyNot } : service.check(),
    getUpdateStatus: async () =>
      service === null
        ? { kind: 'not-applicable', reason: whyNot }
        : { kind: 'self-updating', source: service.source, lastCheck: service.lastCheck },
  };
}
