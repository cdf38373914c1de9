/**
 * The fixed list of IPC channels between the Electron preload and main process, one per HostApi
 * method. This file holds plain strings only, so the sandboxed preload can import it without pulling
 * in zod.
 */
export const HOST_CHANNELS = {
  saveFile: 'host:save-file',
  printToPdf: 'host:print-to-pdf',
  notify: 'host:notify',
  readSecureToken: 'host:secure-token-read',
  writeSecureToken: 'host:secure-token-write',
  deleteSecureToken: 'host:secure-token-delete',
  getAppVersion: 'host:app-version',
  checkForUpdates: 'host:check-for-updates',
  getUpdateStatus: 'host:update-status',
} as const;

export type HostMethod = keyof typeof HOST_CHANNELS;
export type HostChannel = (typeof HOST_CHANNELS)[HostMethod];
