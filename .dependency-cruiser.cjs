/**
 * The layering rules of docs/architecture.md: renderer, server and electron depend on core; core
 * depends on nothing but pure libraries; nobody imports e2e, bench or another part's internals.
 * `npm run lint:deps` fails CI when one is broken (tools/layering/layering.test.ts proves it does).
 */
const NODE_AND_HOST_PACKAGES =
  '(^|/)node_modules/(react|react-dom|antd|@ant-design|dexie|electron|electron-updater|fastify|@fastify|pg|@electric-sql|@tanstack|zustand)(/|$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core runs unchanged in renderer and server: no other part, no DOM/Node/host libraries.',
      severity: 'error',
      from: { path: '^core/src/', pathNot: '\\.test\\.ts$' },
      to: { path: ['^(renderer|server|electron|e2e|bench)/', NODE_AND_HOST_PACKAGES] },
    },
    {
      name: 'core-has-no-node-builtins',
      severity: 'error',
      from: { path: '^core/src/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-only-uses-core',
      comment: 'The renderer talks to hosts through the HostApi of core, never to server or electron code.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(server|electron|e2e|bench)/' },
    },
    {
      name: 'renderer-has-no-node-builtins',
      severity: 'error',
      from: { path: '^renderer/src/', pathNot: '\\.test\\.tsx?$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-only-uses-core',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(renderer|electron|e2e|bench)/' },
    },
    {
      name: 'electron-only-uses-core',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^(renderer|server|e2e|bench)/' },
    },
    {
      name: 'preload-only-uses-host-contract',
      comment: 'The preload runs with access to ipcRenderer: it may import only the host contract.',
      severity: 'error',
      from: { path: '^electron/src/preload/' },
      to: { path: '^core/src/', pathNot: '^core/src/host/' },
    },
    {
      name: 'nothing-imports-e2e-or-bench',
      severity: 'error',
      from: { pathNot: '^(e2e|bench)/' },
      to: { path: '^(e2e|bench)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      // Vite plugins' virtual modules exist only inside the build (vite-plugin-pwa's registration).
      to: { couldNotResolve: true, pathNot: '^virtual:pwa-register$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|dist-electron|\\.tsbuild|fixtures)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
