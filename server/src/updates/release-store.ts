import { copyFile, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { lt } from 'semver';
import { errorReason } from '../error-reason';
import { FEED_FILE_PATTERN, type FeedInfo, parseFeedInfo, sha512Base64 } from './update-feed';

/** electron-builder's differential-download maps: published beside the installer they describe. */
const BLOCKMAP_SUFFIX = '.blockmap';

export interface PublishedFeed {
  readonly name: string;
  readonly version: string;
  readonly releaseDate?: string;
  readonly stagingPercentage?: number;
  readonly files: readonly { name: string; size: number; state: 'ok' | 'missing' | 'mismatch' }[];
}

export class ReleaseRefused extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`未发布任何文件：\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ReleaseRefused';
  }
}

interface FeedToPublish {
  readonly name: string;
  readonly source: string;
  readonly info: FeedInfo;
}

/**
 * Publishes feed files and installers into the update folder. Every installer a feed file names must be
 * among the files given or already published, with the size and SHA-512 the feed file states; a feed
 * file older than the one it replaces is a downgrade and needs `force`. Nothing is copied unless every
 * check passes; installers are moved in before the feed files, so a PC never reads a feed naming a
 * file that is not there yet.
 */
export async function publishRelease(
  updatesDir: string,
  files: readonly string[],
  options: { readonly force?: boolean } = {},
): Promise<{ feeds: readonly FeedToPublish[]; installers: readonly string[] }> {
  const problems: string[] = [];
  const feeds: FeedToPublish[] = [];
  const others = new Map<string, string>();
  for (const file of files) {
    const name = basename(file);
    if (name.endsWith('.yml')) {
      if (!FEED_FILE_PATTERN.test(name)) {
        problems.push(
          `${file}：不是更新描述文件的名称（应为 latest.yml、latest-linux.yml、latest-linux-arm64.yml 等）`,
        );
        continue;
      }
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        problems.push(`${file}：无法读取（${errorReason(error)}）`);
        return undefined;
      });
      if (text === undefined) continue;
      const parsed = parseFeedInfo(text);
      if (parsed.ok) feeds.push({ name, source: file, info: parsed.info });
      else problems.push(`${file}：${parsed.reason}`);
    } else if (others.has(name)) {
      problems.push(`${file}：与 ${others.get(name) ?? ''} 同名，只能发布其中一个`);
    } else {
      others.set(name, file);
    }
  }
  if (feeds.length === 0 && problems.length === 0) {
    throw new ReleaseRefused(['没有更新描述文件（latest*.yml）：安装包只随描述它的 yml 一起发布']);
  }

  const named = new Set<string>();
  for (const feed of feeds) {
    for (const entry of feed.info.files) {
      named.add(entry.url);
      const source = others.get(entry.url) ?? join(updatesDir, entry.url);
      problems.push(...(await checkInstaller(feed.name, entry, source, others.has(entry.url))));
    }
    const published = await readPublishedInfo(join(updatesDir, feed.name));
    if (published !== undefined && lt(feed.info.version, published.version) && options.force !== true) {
      problems.push(
        `${feed.name}：版本 ${feed.info.version} 低于已发布的 ${published.version}，这是降级；` +
          '各电脑默认不会安装更低的版本。确需发布请加 --force（见 docs/deployment.md 的“回退”）',
      );
    }
  }
  for (const [name, file] of others) {
    const described = name.endsWith(BLOCKMAP_SUFFIX) ? name.slice(0, -BLOCKMAP_SUFFIX.length) : name;
    if (!named.has(described)) problems.push(`${file}：没有任何一同发布的 yml 提到它，不发布`);
  }
  if (problems.length > 0) throw new ReleaseRefused(problems);

  await mkdir(updatesDir, { recursive: true });
  for (const [name, file] of others) await copyInto(updatesDir, name, file);
  for (const feed of feeds) await copyInto(updatesDir, feed.name, feed.source);
  return { feeds, installers: [...others.keys()] };
}

async function checkInstaller(
  feedName: string,
  entry: { url: string; sha512: string; size: number },
  source: string,
  given: boolean,
): Promise<string[]> {
  const where = given ? source : `已发布的 ${entry.url}`;
  const size = await stat(source).then(
    (stats) => stats.size,
    () => undefined,
  );
  if (size === undefined) {
    return [`${feedName} 提到的 ${entry.url} 既不在本次发布的文件中，也未发布过`];
  }
  if (size !== entry.size) {
    return [
      `${where}：大小为 ${size} 字节，${feedName} 写的是 ${entry.size} 字节（文件不完整或不是同一次构建）`,
    ];
  }
  if ((await sha512Base64(source)) !== entry.sha512) {
    return [`${where}：SHA-512 与 ${feedName} 中的不符（文件已损坏或不是同一次构建）`];
  }
  return [];
}

async function readPublishedInfo(file: string): Promise<FeedInfo | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const parsed = parseFeedInfo(text);
  return parsed.ok ? parsed.info : undefined;
}

/** Copy beside the target under a dot name (never served), then rename: readers see whole files only. */
async function copyInto(dir: string, name: string, source: string): Promise<void> {
  const temporary = join(dir, `.publishing-${process.pid}-${name}`);
  try {
    await copyFile(source, temporary);
    await rename(temporary, join(dir, name));
  } catch (error) {
    await rm(temporary, { force: true });
    throw new Error(`无法把 ${source} 发布到 ${dir}：${errorReason(error)}`, { cause: error });
  }
}

/** The feed files in the update folder, each with its installers checked against it. */
export async function listReleases(
  updatesDir: string,
): Promise<{ feeds: PublishedFeed[]; unreadable: string[] }> {
  const names: string[] = await readdir(updatesDir).catch((error: unknown) => {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  });
  const feeds: PublishedFeed[] = [];
  const unreadable: string[] = [];
  for (const name of names.filter((entry) => FEED_FILE_PATTERN.test(entry)).sort()) {
    const parsed = parseFeedInfo(await readFile(join(updatesDir, name), 'utf8'));
    if (!parsed.ok) {
      unreadable.push(`${name}：${parsed.reason}`);
      continue;
    }
    const files = [];
    for (const entry of parsed.info.files) {
      const problems = await checkInstaller(name, entry, join(updatesDir, entry.url), false);
      const state = problems.length === 0 ? 'ok' : names.includes(entry.url) ? 'mismatch' : 'missing';
      files.push({ name: entry.url, size: entry.size, state } as const);
    }
    feeds.push({
      name,
      version: parsed.info.version,
      ...(parsed.info.releaseDate === undefined ? {} : { releaseDate: parsed.info.releaseDate }),
      ...(parsed.info.stagingPercentage === undefined
        ? {}
        : { stagingPercentage: parsed.info.stagingPercentage }),
      files,
    });
  }
  return { feeds, unreadable };
}
