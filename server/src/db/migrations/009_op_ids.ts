import type { Migration } from './migration';

/**
 * An op id names one op of its client (docs/sync-protocol.md §4): a push looks up the ids of its
 * ops among the client's stored results, which the (client, seq) key cannot answer without reading
 * every result of that client. Not unique: results stored before the rule may repeat an id.
 */
export const opIdsMigration: Migration = {
  version: 9,
  name: 'op_ids',
  sql: `
    create index sync_op_results_op_id on sync_op_results (client_id, op_id);
  `,
};
