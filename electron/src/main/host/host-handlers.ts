import { app } from 'electron';
import type { HostHandlers } from '../ipc/host-ipc-router';
import type { UpdateService } from '../updates/update-service';
import { createUpdateHandlers } from './check-for-updates';
import { notify } from './notify';
import { printToPdf } from './print-to-pdf';
import { saveFile } from './save-file';
import type { SecureTokenStore } from './secure-token-store';

export function createHostHandlers(
  tokens: SecureTokenStore,
  updates: { service: UpdateService | null; whyNot: string },
): HostHandlers {
  return {
    saveFile,
    printToPdf,
    notify,
    readSecureToken: async ({ key }) => ({ value: await tokens.read(key) }),
    writeSecureToken: ({ key, value }) => tokens.write(key, value),
    deleteSecureToken: ({ key }) => tokens.delete(key),
    getAppVersion: async () => ({ version: app.getVersion(), host: 'electron' }),
    ...createUpdateHandlers(updates.service, updates.whyNot),
  };
}
