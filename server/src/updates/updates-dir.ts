import { join, resolve } from 'node:path';
import { defaultDataDir } from '../app-data-dir';

/**
 * Where the update feed lives: `--updates DIR`, else YUNWEI_UPDATES_DIR, else `updates/` in the data
 * directory (also with PostgreSQL, where the data directory holds nothing else), so `serve` and
 * `release` agree without being told.
 */
export function updatesDirOf(
  env: Readonly<Record<string, string | undefined>>,
  options: { readonly updates?: string | undefined; readonly data?: string | undefined },
): string {
  const explicit = options.updates ?? (env.YUNWEI_UPDATES_DIR || undefined);
  return resolve(explicit ?? join(options.data ?? defaultDataDir(), 'updates'));
}
