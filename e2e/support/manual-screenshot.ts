import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { REPO_ROOT } from './repo-root';

/**
 * Whether this run also refreshes the manual's pictures (`npm run e2e:manual`). Off by default: the
 * pictures differ by a few anti-aliased pixels from run to run, and every test run would otherwise
 * leave the committed ones changed.
 */
export const REFRESH_MANUAL = process.env.YUNWEI_REFRESH_MANUAL === '1';

/** Where the manual keeps the picture `name`. */
export function manualImagePath(name: string): string {
  return path.join(REPO_ROOT, 'docs', 'manual', 'images', `${name}.png`);
}

/**
 * The first screen at 1366×768 (or one part of it), kept for review (e2e/artifacts) and, when asked,
 * for the manual (docs/manual/images); the page must not scroll sideways. Ant Design's toasts
 * (“已保存…”) are hidden in the picture: with a fixed clock they never time out, and they would cover
 * the page.
 */
export async function manualScreenshot(page: Page, name: string, part?: Locator): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  // A popup still sliding in (an AutoComplete's list) overhangs the page for a few frames: measured
  // once the finite animations have ended (a spinner's run forever and are not waited for).
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity,
      ),
  );
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name}：页面在 1366 像素宽的屏幕上出现横向滚动`).toBeLessThanOrEqual(0);
  const folders = [
    path.join('e2e', 'artifacts'),
    ...(REFRESH_MANUAL ? [path.join('docs', 'manual', 'images')] : []),
  ];
  for (const folder of folders) {
    const file = path.join(REPO_ROOT, folder, `${name}.png`);
    // The toast of the last save fades out over the header: out of the picture, descendants included.
    const options = { path: file, style: '.ant-message { display: none !important; }' };
    await (part === undefined ? page.screenshot(options) : part.screenshot(options));
  }
}
