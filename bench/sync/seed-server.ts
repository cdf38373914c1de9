import { MAX_PUSH_OPS } from '@core/sync/protocol';
import type { Ticket } from '@core/records';
import { type ApiClient, pushAccepted } from './api-client';
import { BenchWriter } from './bench-writer';
import { fieldsOf } from './synthetic-tickets';

/**
 * Puts the tickets on the server the way a client would: through the real push endpoint, in
 * batches of MAX_PUSH_OPS new-record ops, one client. Returns the seconds it took.
 */
export async function seedThroughPush(
  client: ApiClient,
  tickets: readonly Ticket[],
  progress: (done: number) => void,
): Promise<number> {
  const writer = new BenchWriter('seed');
  const started = performance.now();
  for (let start = 0; start < tickets.length; start += MAX_PUSH_OPS) {
    const ops = tickets
      .slice(start, start + MAX_PUSH_OPS)
      .map((ticket) => writer.op(ticket, fieldsOf(ticket)));
    await pushAccepted(client, writer.batch(ops));
    progress(Math.min(tickets.length, start + MAX_PUSH_OPS));
  }
  return (performance.now() - started) / 1000;
}
