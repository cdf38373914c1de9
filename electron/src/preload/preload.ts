import { contextBridge, ipcRenderer } from 'electron';
import type { HostApi, HostReply } from '@core/host';
import { HOST_CHANNELS, type HostChannel } from '@core/host/channels';

/**
 * Exposes `window.host` (the HostApi) over the fixed channel list and nothing else: the page never sees
 * ipcRenderer, so it cannot send on any other channel. Main validates every payload; this side only
 * turns a failed reply back into an Error the renderer can show.
 */
async function call<T>(channel: HostChannel, payload: object): Promise<T> {
  const reply = (await ipcRenderer.invoke(channel, payload)) as HostReply<T>;
  if (reply.ok) return reply.value;
  throw new Error(reply.message);
}

const host: HostApi = {
  saveFile: (request) => call(HOST_CHANNELS.saveFile, request),
  printToPdf: (request) => call(HOST_CHANNELS.printToPdf, request),
  notify: (request) => call(HOST_CHANNELS.notify, request),
  readSecureToken: (request) => call(HOST_CHANNELS.readSecureToken, request),
  writeSecureToken: (request) => call(HOST_CHANNELS.writeSecureToken, request),
  deleteSecureToken: (request) => call(HOST_CHANNELS.deleteSecureToken, request),
  getAppVersion: () => call(HOST_CHANNELS.getAppVersion, {}),
  checkForUpdates: () => call(HOST_CHANNELS.checkForUpdates, {}),
  getUpdateStatus: () => call(HOST_CHANNELS.getUpdateStatus, {}),
};

contextBridge.exposeInMainWorld('host', host);
