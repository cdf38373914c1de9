import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';

/**
 * A release as electron-builder leaves it in its output folder: an installer and the feed file that
 * describes it (sha512 in base64, size), for tests of publishing and of the update check.
 */
export function writeRelease(
  dir: string,
  options: { version: string; feed?: string; stagingPercentage?: number; bytes?: number },
): { feedFile: string; installerFile: string; installerName: string } {
  const installerName = `yunwei-desk-${options.version}-linux-amd64.deb`;
  const installerFile = join(dir, installerName);
  const content = randomBytes(options.bytes ?? 4096);
  writeFileSync(installerFile, content);
  const sha512 = createHash('sha512').update(content).digest('base64');
  const feedFile = join(dir, options.feed ?? 'latest-linux.yml');
  writeFileSync(
    feedFile,
    dump({
      version: options.version,
      files: [{ url: installerName, sha512, size: content.length }],
      path: installerName,
      sha512,
      releaseDate: '2026-12-06T08:00:00.000Z',
      ...(options.stagingPercentage === undefined ? {} : { stagingPercentage: options.stagingPercentage }),
    }),
  );
  return { feedFile, installerFile, installerName };
}
