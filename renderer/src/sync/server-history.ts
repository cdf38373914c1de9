import type { RecordType } from '@core/records';
import type { HistoryResponse } from '@core/sync/protocol';
import { createHttpTransport } from './http-transport';
import type { SyncAccount } from './sync-account';
import { SyncProtocolError } from './transport';

/**
 * Every write the server accepted for a record, winners and losers (GET /api/v1/sync/history,
 * docs/sync-protocol.md §9). Errors are SyncHttpError (403: the reason; 404: the server does not
 * have the record yet) or SyncNetworkError.
 */
export async function fetchServerHistory(
  account: SyncAccount,
  recordType: RecordType,
  recordId: string,
  fetchImpl: typeof fetch = fetch,
): Promise<HistoryResponse> {
  const history = await createHttpTransport(account, fetchImpl).history(recordId);
  if (history.recordType !== recordType) {
    throw new SyncProtocolError(
      `服务器上的记录 ${recordId} 的类型是 ${history.recordType}，不是 ${recordType}`,
    );
  }
  return history;
}
