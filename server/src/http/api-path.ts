export const API_PREFIX_ROOT = '/api';

/** `/api` and everything below it belongs to the JSON API and never falls back to the web app. */
export function isApiPath(url: string): boolean {
  const path = pathOf(url);
  return path === API_PREFIX_ROOT || path.startsWith(`${API_PREFIX_ROOT}/`);
}

export function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
