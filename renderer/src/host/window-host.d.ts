import type { HostApi } from '@core/host';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    readonly host?: HostApi;
  }
}
