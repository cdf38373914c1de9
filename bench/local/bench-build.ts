import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = path.join(REPO_ROOT, 'renderer', 'vite.config.ts');
const OUT_DIR = path.join(REPO_ROOT, 'dist', 'renderer-bench');

/**
 * The renderer built in `bench` mode into dist/renderer-bench: the production app plus
 * `window.__yunweiBench` (renderer/src/app/bench). dist/renderer, the shipped bundle, is not touched.
 */
export async function buildBenchRenderer(): Promise<string> {
  await build({
    configFile: CONFIG,
    mode: 'bench',
    logLevel: 'warn',
    build: { outDir: OUT_DIR, sourcemap: false },
  });
  return OUT_DIR;
}

/** Serves the bench build as static files (no API server), like the offline e2e project. */
export async function serveBenchRenderer(): Promise<{ readonly url: string; close(): Promise<void> }> {
  const server: PreviewServer = await preview({
    configFile: CONFIG,
    mode: 'bench',
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port: 4873, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('vite preview 没有给出地址');
  return { url: url.replace(/\/$/, ''), close: () => server.close() };
}
