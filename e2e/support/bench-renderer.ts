import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from './repo-root';

const OUT_DIR = path.join(REPO_ROOT, 'dist', 'renderer-bench');

/**
 * The renderer built in `bench` mode (the production app plus the store hook `window.__yunweiBench`,
 * renderer/src/app/bench), into dist/renderer-bench. Rebuilt unless it is newer than the production
 * build, so it never tests older code than dist/renderer holds.
 */
export async function benchRendererFolder(): Promise<string> {
  const built = path.join(OUT_DIR, 'index.html');
  const production = path.join(REPO_ROOT, 'dist', 'renderer', 'index.html');
  const fresh =
    existsSync(built) && existsSync(production) && statSync(built).mtimeMs >= statSync(production).mtimeMs;
  if (!fresh) {
    await build({
      configFile: path.join(REPO_ROOT, 'renderer', 'vite.config.ts'),
      mode: 'bench',
      logLevel: 'warn',
      build: { outDir: OUT_DIR, sourcemap: false },
    });
  }
  return OUT_DIR;
}
