import { API_PATHS } from '@core/sync/protocol';
import type { FetchLike } from './login-request';
import type { LoginTab } from './remembered-sign-in';

/**
 * Which tab the login screen opens on. Server accounts are the default; the local chooser is where
 * a PC that never signed in to a server and cannot reach one starts (a department PC without a
 * server, the offline browser build), and wherever the user last signed in.
 */
export function initialLoginTab(facts: {
  readonly remembered: LoginTab | null;
  readonly hasServerAccounts: boolean;
  readonly serverReachable: boolean;
}): LoginTab {
  if (facts.remembered !== null) return facts.remembered;
  if (facts.hasServerAccounts || facts.serverReachable) return 'server';
  return 'local';
}

/** GET /api/v1/health answered `status: ok` within the time: the server is there. */
export async function probeServer(baseUrl: string, fetchFn: FetchLike, timeoutMs = 3_000): Promise<boolean> {
  try {
    const response = await fetchFn(`${baseUrl}${API_PATHS.health}`, {
      method: 'GET',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return false;
    const body = (await response.json()) as unknown;
    return typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'ok';
  } catch {
    // Unreachable, timed out, or not JSON (not our server): all mean "no server to sign in to".
    return false;
  }
}
