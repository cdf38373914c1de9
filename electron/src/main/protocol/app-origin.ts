/**
 * The renderer is served from a custom standard scheme rather than file://, so it gets a real origin
 * (for IndexedDB, CSP 'self' and the IPC sender check) and cannot read arbitrary local files.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'yunwei';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/** True for URLs of our own renderer (and nothing else, e.g. not app://other-host/). */
export function isAppUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}
