import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFeedUrl } from './feed-url';

describe('readFeedUrl', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'yunwei-feed-url-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the URL electron-builder wrote into app-update.yml', () => {
    writeFileSync(
      join(dir, 'app-update.yml'),
      'provider: generic\nurl: https://yunwei.example.gov.cn:4310/updates/\nupdaterCacheDirName: yunwei-desk-updater\n',
    );
    expect(readFeedUrl(dir)).toEqual({ ok: true, url: 'https://yunwei.example.gov.cn:4310/updates/' });
  });

  it('says why there is no feed: no file, or a file without a URL (packaged without YUNWEI_UPDATE_URL)', () => {
    expect(readFeedUrl(dir)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('本安装包未配置更新服务器'),
    });
    writeFileSync(join(dir, 'app-update.yml'), 'provider: generic\nurl: ""\n');
    expect(readFeedUrl(dir)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('没有 http(s) 地址'),
    });
  });
});
