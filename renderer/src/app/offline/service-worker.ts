import { registerSW } from 'virtual:pwa-register';

export interface ServiceWorkerControl {
  /** Activates the waiting version and reloads the page with it. */
  readonly takeUpdate: () => Promise<void>;
}

/**
 * Registers the browser build's service worker, only where it belongs: a page served over http(s) by the
 * HQ server. The desktop app (app://, `window.host`) ships its files and updates through the installer.
 */
export function registerServiceWorker(onNewVersion: () => void): ServiceWorkerControl | null {
  const servedByServer = /^https?:$/.test(window.location.protocol);
  const desktop = 'host' in window;
  if (!servedByServer || desktop || !('serviceWorker' in navigator)) return null;
  const update = registerSW({
    onNeedRefresh: onNewVersion,
    onRegisterError: (error: unknown) => console.error('离线缓存（Service Worker）注册失败：', error),
  });
  return { takeUpdate: () => update(true) };
}

/**
 * Asks the browser not to evict this origin's storage under pressure: a month of unsynced records may
 * live only here. Chromium grants it to an installed or frequently used site without asking.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (navigator.storage?.persist === undefined) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}
