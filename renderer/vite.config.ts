import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { pdfFontsPlugin } from './build/pdf-fonts-plugin';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

const packageJson: unknown = JSON.parse(readFileSync(here('../package.json'), 'utf8'));
if (typeof packageJson !== 'object' || packageJson === null || !('version' in packageJson)) {
  throw new Error('renderer/vite.config.ts: package.json has no "version"');
}

/** Long-lived vendor chunks: an app update that changes only our code keeps these cached. */
const VENDOR_GROUPS = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  {
    name: 'antd',
    test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/,
    priority: 20,
  },
  { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 10 },
];

/**
 * The browser build's service worker (Workbox, generated at build time): it precaches the app shell
 * and every built asset, so a PC that opened the app once opens it again without the network. Only
 * navigations fall back to the cached index.html; the API and the update feed always go to the network,
 * and nothing at run time is cached. A new worker waits until the user takes it (新版本可用) or every
 * tab of the app is closed. The desktop app does not register it (see service-worker.ts).
 */
const serviceWorker = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api\//, /^\/updates\//],
    // Ant Design's chunk is about 1.5 MB; the shell is useless offline without it.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    cleanupOutdatedCaches: true,
    runtimeCaching: [],
  },
});

export default defineConfig({
  root: here('.'),
  base: '/',
  // The PDF's fonts (about 70 MB) are copied beside the build, not precached: see pdf-fonts-plugin.ts.
  plugins: [react(), serviceWorker, pdfFontsPlugin()],
  resolve: { alias: { '@core': here('../core/src') } },
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(String(packageJson.version)) },
  server: { host: '127.0.0.1', fs: { allow: [here('..')] } },
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    reportCompressedSize: false,
    // Ant Design alone is about a megabyte before compression; it is one cached chunk on purpose.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: { output: { codeSplitting: { groups: VENDOR_GROUPS } } },
  },
});
