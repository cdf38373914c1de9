import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the main process and the preload as two self-contained CommonJS files in dist-electron/,
 * one per mode (`vite build -c electron/vite.config.ts --mode main|preload`). Separate builds keep the
 * preload a single file: a sandboxed preload cannot require a shared chunk. Everything except `electron`
 * and Node built-ins is bundled, so the installer needs no node_modules (see build/skip-node-modules.cjs).
 */
const ENTRIES = {
  main: 'src/main/main.ts',
  preload: 'src/preload/preload.ts',
} as const;

function isEntry(mode: string): mode is keyof typeof ENTRIES {
  return mode in ENTRIES;
}

export default defineConfig(({ mode }) => {
  if (!isEntry(mode)) {
    throw new Error(`electron/vite.config.ts: --mode must be "main" or "preload", got "${mode}"`);
  }
  const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));
  return {
    configFile: false,
    publicDir: false,
    resolve: { alias: { '@core': here('../core/src') } },
    ssr: { noExternal: true, external: ['electron'], target: 'node' },
    build: {
      ssr: here(ENTRIES[mode]),
      outDir: here('../dist-electron'),
      emptyOutDir: false,
      target: 'node22',
      sourcemap: true,
      minify: false,
      reportCompressedSize: false,
      rolldownOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: `${mode}.cjs` },
      },
    },
  };
});
