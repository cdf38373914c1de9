import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isApiPath } from './api-path';

export const INDEX_HTML = 'index.html';

/**
 * Vite writes content-hashed files under `assets/`: a changed file gets a new name, so these may be
 * cached for good. Everything else (index.html, files copied from `public/`) keeps its name across
 * releases and must be revalidated on every use, or a browser would keep running an old release.
 */
const HASHED_ASSETS_DIRECTORY = 'assets';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Serves the built renderer in `staticDir`. */
export function serveRenderer(app: FastifyInstance, staticDir: string): void {
  const root = resolve(staticDir);
  if (!existsSync(join(root, INDEX_HTML))) {
    throw new Error(`网页目录 ${root} 中没有 ${INDEX_HTML}：请先构建前端，或指定正确的目录`);
  }
  app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: INDEX_HTML,
    redirect: false,
    dotfiles: 'ignore',
    cacheControl: false,
    allowedPath: (pathName) => !isApiPath(pathName),
    setHeaders: (reply, filePath) => reply.header('cache-control', cacheControlFor(root, filePath)),
  });
}

function cacheControlFor(root: string, filePath: string): string {
  const inAssets = relative(root, filePath).startsWith(HASHED_ASSETS_DIRECTORY + sep);
  return inAssets ? IMMUTABLE : REVALIDATE;
}

/**
 * Client-side routes (e.g. /tickets/42) are pages of the single-page app: a browser navigating to one
 * gets index.html and the app's router takes over. Requests that do not accept HTML (a script, an
 * image, fetch) get a real 404 instead, so a missing asset never arrives as HTML.
 */
export function isAppNavigation(request: FastifyRequest): boolean {
  const method = request.method;
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (isApiPath(request.url)) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

export function sendAppShell(reply: FastifyReply): FastifyReply {
  return reply.sendFile(INDEX_HTML);
}
