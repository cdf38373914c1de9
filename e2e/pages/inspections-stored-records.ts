import type { Page } from '@playwright/test';

/** A ticket as the local store keeps it; only the fields the inspection specs check. */
export interface StoredInspectionTicket {
  readonly id: string;
  readonly subsystemId: number;
  readonly channel: string;
  readonly title: string;
  readonly status: string;
  readonly assignee: string | null;
  readonly createdBy: string;
  readonly description: string;
  readonly inspectionLink: { readonly runId: string; readonly itemId: string } | null;
}

/**
 * Reads a ticket straight from the user's IndexedDB database (`yunwei-local-<user>`), to check what
 * was really stored rather than what a page chose to show. Plain IndexedDB: e2e does not import the
 * renderer.
 */
export function readStoredTicket(
  page: Page,
  userId: string,
  ticketId: string,
): Promise<StoredInspectionTicket | null> {
  return page.evaluate(
    ({ databaseName, id }) =>
      new Promise<StoredInspectionTicket | null>((resolve, reject) => {
        const opening = indexedDB.open(databaseName);
        opening.onerror = () => reject(new Error(`无法打开 ${databaseName}：${String(opening.error)}`));
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains('tickets')) {
            db.close();
            reject(new Error(`${databaseName} 中没有工单表：该用户的数据库不存在`));
            return;
          }
          const reading = db.transaction('tickets', 'readonly').objectStore('tickets').get(id);
          reading.onerror = () => reject(new Error(`无法读取工单 ${id}：${String(reading.error)}`));
          reading.onsuccess = () => {
            const row = reading.result as { record: StoredInspectionTicket } | undefined;
            db.close();
            resolve(row?.record ?? null);
          };
        };
      }),
    { databaseName: `yunwei-local-${userId}`, id: ticketId },
  );
}
