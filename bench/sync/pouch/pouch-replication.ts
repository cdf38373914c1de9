/// <reference lib="dom" />
// The function handed to page.evaluate runs in Chromium.
import type { Page } from 'playwright-core';

/** What the injected bundle defines; declared structurally, pouchdb-browser ships no types. */
interface PouchDbGlobal {
  new (name: string): {
    replicate: {
      from(
        remote: string,
        options: { batch_size: number; batches_limit: number },
      ): Promise<{
        ok: boolean;
        docs_written: number;
      }>;
    };
    info(): Promise<{ doc_count: number }>;
    close(): Promise<void>;
  };
}

export interface PouchReplicationResult {
  readonly seconds: number;
  readonly docs: number;
}

/**
 * PouchDB in the page replicating `database` from pouchdb-server into a fresh IndexedDB database.
 * The page is opened on pouchdb-server's own origin, so no CORS set-up is needed, and the bundle is
 * injected there. Batches of 1,000 documents: the page size the yunwei client pulls, so both peers
 * make the same number of round trips.
 */
export async function timePouchReplication(
  page: Page,
  serverUrl: string,
  database: string,
  bundle: string,
): Promise<PouchReplicationResult> {
  await page.goto(`${serverUrl}/`);
  await page.addScriptTag({ content: bundle });
  return page.evaluate(
    async ({ remote }) => {
      const PouchDB = (window as unknown as { PouchDB: PouchDbGlobal }).PouchDB;
      const local = new PouchDB(`bench-peer-${Date.now()}`);
      const started = performance.now();
      const result = await local.replicate.from(remote, { batch_size: 1_000, batches_limit: 10 });
      const seconds = (performance.now() - started) / 1000;
      if (!result.ok) throw new Error('PouchDB 复制没有成功完成');
      const info = await local.info();
      await local.close();
      return { seconds, docs: info.doc_count };
    },
    { remote: `${serverUrl}/${database}` },
  );
}
