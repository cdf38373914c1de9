import { parseArgs } from 'node:util';
import { type PublishedFeed, listReleases, publishRelease } from '../../updates/release-store';
import { updatesDirOf } from '../../updates/updates-dir';
import type { Command } from '../cli-io';
import { UsageError } from '../cli-errors';
import { parseOptions } from '../parse-options';
import { formatTable } from '../text-table';

export const RELEASE_USAGE = `用法：yunwei release publish FILE... [--force] [--updates DIR | --data DIR]
      yunwei release list [--updates DIR | --data DIR]
  release publish：把安装包及其更新描述文件（latest.yml、latest-linux.yml、latest-linux-arm64.yml）
    发布到更新目录，serve 在 /updates/ 下提供给各电脑的运维台。发布前逐个核对文件的大小和 SHA-512
    与 yml 所写是否一致；任何一项不符则什么也不发布。版本低于已发布的（降级）需加 --force。
  release list：列出已发布的版本、分阶段推送比例，以及各安装包是否完整。
  更新目录：--updates DIR，或环境变量 YUNWEI_UPDATES_DIR，默认为数据目录（--data DIR）下的 updates。`;

export const releaseCommand: Command = async (args, io) => {
  const { values, positionals } = parseOptions(RELEASE_USAGE, () =>
    parseArgs({
      args: [...args],
      options: { updates: { type: 'string' }, data: { type: 'string' }, force: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    }),
  );
  const [action, ...files] = positionals;
  const updatesDir = updatesDirOf(process.env, values);
  if (action === 'publish') {
    if (files.length === 0) throw new UsageError('release publish 需要至少一个文件', RELEASE_USAGE);
    const published = await publishRelease(updatesDir, files, { force: values.force === true });
    for (const feed of published.feeds) {
      const staging =
        feed.info.stagingPercentage === undefined
          ? ''
          : `，分阶段推送给 ${feed.info.stagingPercentage}% 的电脑`;
      io.stdout.write(`已发布 ${feed.name}：版本 ${feed.info.version}${staging}\n`);
    }
    for (const installer of published.installers) io.stdout.write(`已发布 ${installer}\n`);
    io.stdout.write(`更新目录：${updatesDir}\n`);
    return 0;
  }
  if (action === 'list') {
    if (files.length > 0) throw new UsageError(`多余的参数：${files.join(' ')}`, RELEASE_USAGE);
    if (values.force === true) throw new UsageError('--force 只用于 release publish', RELEASE_USAGE);
    const { feeds, unreadable } = await listReleases(updatesDir);
    io.stdout.write(`更新目录：${updatesDir}\n`);
    if (feeds.length === 0 && unreadable.length === 0) {
      io.stdout.write('尚未发布任何版本\n');
      return 0;
    }
    io.stdout.write(
      `${formatTable(['描述文件', '版本', '发布时间', '推送比例', '安装包'], feeds.map(feedRow))}\n`,
    );
    for (const problem of unreadable) io.stderr.write(`无法读取 ${problem}\n`);
    const broken = feeds.some((feed) => feed.files.some((file) => file.state !== 'ok'));
    return unreadable.length > 0 || broken ? 1 : 0;
  }
  throw new UsageError(
    action === undefined ? '需要 publish 或 list' : `未知的操作 "${action}"，应为 publish 或 list`,
    RELEASE_USAGE,
  );
};

const FILE_STATES: Record<PublishedFeed['files'][number]['state'], string> = {
  ok: '完整',
  missing: '缺失',
  mismatch: '与 yml 不符',
};

function feedRow(feed: PublishedFeed): string[] {
  return [
    feed.name,
    feed.version,
    feed.releaseDate ?? '—',
    feed.stagingPercentage === undefined ? '全部' : `${feed.stagingPercentage}%`,
    feed.files.map((file) => `${file.name}（${file.size} 字节，${FILE_STATES[file.state]}）`).join('、'),
  ];
}
