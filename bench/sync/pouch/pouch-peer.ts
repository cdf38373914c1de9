import type { Ticket } from '@core/records';
import type { BrowserContext } from 'playwright-core';
import { bundlePouchDb } from './pouch-bundle';
import { timePouchReplication, type PouchReplicationResult } from './pouch-replication';
import { seedPouch, startPouchServer } from './pouch-server';

const DATABASE = 'tickets';

/** The peer: the same tickets as documents in pouchdb-server, replicated by PouchDB in the browser. */
export async function runPouchPeer(
  context: BrowserContext,
  tickets: readonly Ticket[],
  log: (message: string) => void,
): Promise<PouchReplicationResult> {
  const bundle = await bundlePouchDb();
  const server = await startPouchServer();
  try {
    log(`向 pouchdb-server 写入 ${tickets.length} 个文档 …`);
    await seedPouch(server.url, DATABASE, tickets, (done) => {
      if (done % 20_000 === 0) log(`  已写入 ${done}`);
    });
    log('PouchDB 在浏览器中复制 …');
    const page = await context.newPage();
    try {
      return await timePouchReplication(page, server.url, DATABASE, bundle);
    } finally {
      await page.close();
    }
  } finally {
    await server.close();
  }
}
