import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppFile } from './app-files';
import { createAppProtocolHandler } from './app-protocol-handler';

let root: string;
let secretPath: string;

beforeAll(async () => {
  const base = await mkdtemp(path.join(tmpdir(), 'yunwei-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>运维台</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  secretPath = path.join(base, 'secret.txt');
  await writeFile(secretPath, 'outside the renderer');
});

afterAll(async () => {
  await rm(path.dirname(root), { recursive: true, force: true });
});

const hostile = [
  'app://yunwei/../../secret.txt',
  'app://yunwei/%2e%2e/secret.txt',
  'app://yunwei/assets/%2E%2E/%2e%2e/secret.txt',
  'app://yunwei/..%2fsecret.txt',
  'app://yunwei/assets%2f..%2f..%2fsecret.txt',
  'app://yunwei/..%5csecret.txt',
  'app://yunwei/assets%5c..%5c..%5csecret.txt',
  'app://yunwei/index.html%00.js',
];

describe('resolveAppFile', () => {
  it('maps the root and client-side routes to index.html', () => {
    expect(resolveAppFile('app://yunwei/', root)).toEqual({
      kind: 'file',
      filePath: path.join(root, 'index.html'),
      spaFallback: false,
    });
    expect(resolveAppFile('app://yunwei/tickets/42', root)).toEqual({
      kind: 'file',
      filePath: path.join(root, 'index.html'),
      spaFallback: true,
    });
  });

  it('maps assets inside the root, ignoring query and hash', () => {
    expect(resolveAppFile('app://yunwei/assets/index-abc.js?v=1#x', root)).toMatchObject({
      kind: 'file',
      filePath: path.join(root, 'assets', 'index-abc.js'),
    });
  });

  it.each(hostile)('never resolves %s outside the root', (url) => {
    const resolution = resolveAppFile(url, root);
    if (resolution.kind === 'file') expect(resolution.filePath.startsWith(root + path.sep)).toBe(true);
  });

  it.each([
    'app://yunwei/..%2fsecret.txt',
    'app://yunwei/assets%2f..%2f..%2fsecret.txt',
    'app://yunwei/..%5csecret.txt',
    'app://yunwei/index.html%00.js',
  ])('refuses encoded separators, dot segments and NUL in %s', (url) => {
    expect(resolveAppFile(url, root)).toMatchObject({ kind: 'rejected', status: 403 });
  });

  it('refuses other hosts, other schemes and broken escapes', () => {
    expect(resolveAppFile('app://elsewhere/index.html', root)).toMatchObject({
      kind: 'rejected',
      status: 404,
    });
    expect(resolveAppFile('file:///etc/passwd', root)).toMatchObject({ kind: 'rejected', status: 404 });
    expect(resolveAppFile('app://yunwei/%E0%A4%A', root)).toMatchObject({ kind: 'rejected', status: 400 });
  });
});

describe('createAppProtocolHandler', () => {
  const serve = (url: string, method = 'GET'): Promise<Response> =>
    createAppProtocolHandler(root)(new Request(url, { method }));

  it('serves index.html with its type and the content security policy', async () => {
    const response = await serve('app://yunwei/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(response.headers.get('content-security-policy')).not.toContain("'unsafe-eval'");
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toContain('运维台');
  });

  it('serves scripts as JavaScript and routes as the app', async () => {
    const script = await serve('app://yunwei/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    const route = await serve('app://yunwei/subsystems');
    expect(await route.text()).toContain('<title>运维台</title>');
  });

  it.each(hostile)('never serves the file outside the root for %s', async (url) => {
    const response = await serve(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('outside the renderer');
  });

  it('answers 404 for a missing asset and 405 for writes', async () => {
    expect((await serve('app://yunwei/assets/missing.js')).status).toBe(404);
    expect((await serve('app://yunwei/', 'POST')).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await serve('app://yunwei/', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
