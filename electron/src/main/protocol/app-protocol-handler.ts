import { readFile } from 'node:fs/promises';
import { contentTypeOf, resolveAppFile } from './app-files';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
} as const;

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  });
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR');
}

/** Serves the built renderer in `root` for `protocol.handle`; kept free of Electron to be testable. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, `不支持的请求方法：${request.method}`);
    }
    const resolution = resolveAppFile(request.url, root);
    if (resolution.kind === 'rejected') return textResponse(resolution.status, resolution.reason);
    let body: Buffer;
    try {
      body = await readFile(resolution.filePath);
    } catch (error) {
      if (isMissingFile(error)) return textResponse(404, `找不到文件：${new URL(request.url).pathname}`);
      throw error;
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'content-type': contentTypeOf(resolution.filePath) },
    });
  };
}
