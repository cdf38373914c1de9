import { type OpResult, opResultSchema } from '@core/sync/protocol';
import type { Queryable } from '../db/database';
import { ApiError } from '../http/api-error';

/**
 * Each client database pushes under its own id, bound to the account that first pushed with it. The
 * ledger holds the greatest seq processed and every op's result, so a retried batch gets the same
 * answers again instead of being applied twice.
 */
export async function claimClient(
  tx: Queryable,
  clientId: string,
  userId: string,
  now: number,
  opIds: readonly string[],
): Promise<ClaimedClient> {
  // Registered on first use and locked for the transaction in one statement (an upsert locks the
  // row it meets): two batches of one client are processed one after the other. The same statement
  // finds which of the batch's op ids the client used before (an op id names one op).
  const { rows } = await tx.query<{ userId: string; lastSeq: string; usedOpIds: string | null }>(
    `insert into sync_clients (client_id, user_id, created_at) values ($1, $2, $3)
     on conflict (client_id) do update set client_id = excluded.client_id
     returning user_id as "userId", last_seq as "lastSeq",
       (select json_object_agg(u.op_id, u.seq)::text
        from (select op_id, min(seq) as seq from sync_op_results
              where client_id = $1 and op_id = any($4::uuid[]) group by op_id) u) as "usedOpIds"`,
    [clientId, userId, new Date(now), [...new Set(opIds)]],
  );
  const client = rows[0];
  if (client === undefined) throw new Error(`客户端 ${clientId} 的同步记录在登记后消失了`);
  if (client.userId !== userId) {
    throw new ApiError(
      403,
      'client_id_taken',
      `客户端编号 ${clientId} 已属于另一个账户：同一台电脑上每位用户应使用各自的本地数据库（各有自己的客户端编号）`,
    );
  }
  const used = client.usedOpIds === null ? {} : (JSON.parse(client.usedOpIds) as Record<string, number>);
  return {
    lastSeq: Number(client.lastSeq),
    opIdSeqs: new Map(Object.entries(used).map(([id, seq]) => [id, Number(seq)])),
  };
}

export interface ClaimedClient {
  /** The greatest seq of the client processed so far (0 for a new client). */
  readonly lastSeq: number;
  /** Each of the asked op ids the client used before, with the first seq it came under. */
  readonly opIdSeqs: Map<string, number>;
}

export async function storedResults(
  tx: Queryable,
  clientId: string,
  seqs: readonly number[],
): Promise<Map<number, OpResult>> {
  if (seqs.length === 0) return new Map();
  const { rows } = await tx.query<{
    seq: string;
    opId: string;
    status: 'applied' | 'rejected';
    code: string | null;
    reason: string | null;
  }>(
    `select seq, op_id as "opId", status, code, reason from sync_op_results
     where client_id = $1 and seq = any($2::bigint[])`,
    [clientId, seqs.map(String)],
  );
  return new Map(
    rows.map((row) => {
      const seq = Number(row.seq);
      const rejection = row.status === 'rejected' ? { code: row.code, reason: row.reason } : {};
      return [seq, opResultSchema.parse({ seq, opId: row.opId, status: row.status, ...rejection })];
    }),
  );
}

export async function saveResults(
  tx: Queryable,
  clientId: string,
  results: readonly OpResult[],
  lastSeq: number,
  now: number,
): Promise<void> {
  await tx.query(
    `with results as (
       insert into sync_op_results (client_id, seq, op_id, status, code, reason)
       select $1, (r->>'seq')::bigint, (r->>'opId')::uuid, r->>'status', r->>'code', r->>'reason'
       from jsonb_array_elements($2::jsonb) as r
     )
     update sync_clients set last_seq = $3, last_push_at = $4 where client_id = $1`,
    [clientId, JSON.stringify(results), String(lastSeq), new Date(now)],
  );
}
