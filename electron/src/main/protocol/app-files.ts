import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

export type AppFileResolution =
  | { readonly kind: 'file'; readonly filePath: string; readonly spaFallback: boolean }
  | { readonly kind: 'rejected'; readonly status: 400 | 403 | 404; readonly reason: string };

const INDEX_FILE = 'index.html';

/**
 * Maps an app:// URL to a file under `root`. A path that would leave `root` (including through
 * percent-encoded `..` or backslashes, which URL parsing does not normalise for a custom scheme) is
 * refused. A path without an extension is a client-side route and gets index.html.
 */
export function resolveAppFile(requestUrl: string, root: string): AppFileResolution {
  if (!URL.canParse(requestUrl))
    return { kind: 'rejected', status: 400, reason: `无法解析的地址：${requestUrl}` };
  const url = new URL(requestUrl);
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { kind: 'rejected', status: 404, reason: `不属于本程序的地址：${requestUrl}` };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'rejected', status: 400, reason: `地址中的百分号编码无效：${url.pathname}` };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) {
    return { kind: 'rejected', status: 403, reason: `地址中含有不允许的字符：${url.pathname}` };
  }
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..'))
    return { kind: 'rejected', status: 403, reason: `地址试图访问程序目录之外：${url.pathname}` };

  const rootPath = path.resolve(root);
  const filePath = path.resolve(rootPath, ...(segments.length === 0 ? [INDEX_FILE] : segments));
  const relative = path.relative(rootPath, filePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return { kind: 'rejected', status: 403, reason: `地址试图访问程序目录之外：${url.pathname}` };
  }
  const isRoute = segments.length > 0 && path.extname(filePath) === '';
  return isRoute
    ? { kind: 'file', filePath: path.join(rootPath, INDEX_FILE), spaFallback: true }
    : { kind: 'file', filePath, spaFallback: false };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
