import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const UPDATES_PREFIX = '/updates/';

/**
 * electron-updater's generic feed: the folder `yunwei release publish` fills. Everything is revalidated
 * on each use (a feed file changes in place); files being published (dot names) are never served.
 */
export function serveUpdateFeed(app: FastifyInstance, updatesDir: string): void {
  const root = resolve(updatesDir);
  mkdirSync(root, { recursive: true });
  app.register(fastifyStatic, {
    root,
    prefix: UPDATES_PREFIX,
    decorateReply: false,
    index: false,
    list: false,
    redirect: false,
    dotfiles: 'deny',
    cacheControl: false,
    setHeaders: (reply) => reply.header('cache-control', 'no-cache'),
  });
}
