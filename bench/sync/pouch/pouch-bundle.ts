import { createRequire } from 'node:module';
import { build, type Rollup } from 'vite';

const require = createRequire(import.meta.url);

/**
 * pouchdb-browser (v9, shipped as an ES module only) bundled into one script that defines the global
 * `PouchDB`, for the bench to inject into a page. Its `events` import is the npm `events` package
 * (Node's EventEmitter for browsers), which Vite resolves like any dependency.
 */
export async function bundlePouchDb(): Promise<string> {
  const entry = require.resolve('pouchdb-browser').replace(/index\.js$/, 'index.es.js');
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['iife'], name: 'PouchDB', fileName: () => 'pouchdb.js' },
    },
  });
  const results = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
  const chunk = results.flatMap((result) => result.output).find((file) => file.type === 'chunk');
  if (chunk === undefined || chunk.type !== 'chunk') throw new Error('打包 pouchdb-browser 没有产出脚本');
  return chunk.code;
}
