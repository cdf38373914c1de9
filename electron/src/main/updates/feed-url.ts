import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

/**
 * The feed URL electron-builder wrote into the installed app's resources/app-update.yml (from
 * YUNWEI_UPDATE_URL at packaging time), or the reason there is none.
 */
export function readFeedUrl(
  resourcesPath: string,
): { ok: true; url: string } | { ok: false; reason: string } {
  const file = join(resourcesPath, 'app-update.yml');
  let config: unknown;
  try {
    config = load(readFileSync(file, 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, reason: `本安装包未配置更新服务器（无法读取 ${file}：${why}）` };
  }
  const url = typeof config === 'object' && config !== null ? (config as { url?: unknown }).url : undefined;
  return typeof url === 'string' && /^https?:\/\//.test(url)
    ? { ok: true, url }
    : { ok: false, reason: `本安装包未配置更新服务器（${file} 中没有 http(s) 地址）` };
}
