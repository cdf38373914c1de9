import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH } from './chromium';

export interface BenchBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** One Chromium with a fresh on-disk profile (IndexedDB on disk, as on a PC), removed afterwards. */
export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const folder = await mkdtemp(path.join(tmpdir(), 'yunwei-bench-'));
  const context = await chromium.launchPersistentContext(folder, {
    ...CHROMIUM_LAUNCH,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
