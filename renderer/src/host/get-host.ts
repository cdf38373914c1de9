import type { HostApi } from '@core/host';
import { createWebHost } from './web-host';

let webHost: HostApi | undefined;

/** The Electron bridge when the preload put one on window, otherwise the browser implementation. */
export function getHost(): HostApi {
  if (window.host !== undefined) return window.host;
  webHost ??= createWebHost({
    indexedDB: window.indexedDB,
    Notification: 'Notification' in window ? window.Notification : undefined,
    appVersion: import.meta.env.VITE_APP_VERSION,
    openLink: (link) => {
      window.focus();
      window.location.hash = `#${link}`;
    },
  });
  return webHost;
}
