import type { Ticket } from '@core/records';
import { SYNC_SCHEMA_VERSION } from '@core/sync/protocol';
import { percentile } from '../local/percentiles';
import { ApiClient, pushAccepted } from './api-client';
import { BenchWriter } from './bench-writer';
import { SUBSYSTEM_COUNT, fieldsOf, random, syntheticTicket } from './synthetic-tickets';

/**
 * Simulated engineers against one server over real HTTP: each logs in with its own account, then
 * for `rounds` rounds pushes a small batch (first its new tickets, then edits of them) and pulls by
 * cursor until nothing is left (it receives the other engineers' changes in its subsystem), with a
 * think time between rounds. All clients run concurrently. Each push and each pull request is timed.
 */
export interface LoadOptions {
  readonly clients: number;
  readonly rounds: number;
  readonly opsPerPush: number;
  /** Mean pause between a client's rounds (uniform 0–2×mean), like an engineer between saves. */
  readonly thinkMs: number;
  readonly password: string;
}

export interface LoadResult {
  readonly clients: number;
  readonly pushes: number;
  readonly ops: number;
  readonly pulledRecords: number;
  readonly pushP50Ms: number;
  readonly pushP95Ms: number;
  readonly pushP99Ms: number;
  /** One pull request (a page), not the whole catch-up. */
  readonly pullP99Ms: number;
  readonly opsPerS: number;
  readonly seconds: number;
}

/** The accounts the load needs: one engineer per client, clients spread over the subsystems. */
export function loadAccounts(
  clients: number,
): { name: string; scope: { role: 'engineer'; subsystemIds: number[] } }[] {
  return Array.from({ length: clients }, (_, index) => ({
    name: loadAccountName(index),
    scope: { role: 'engineer', subsystemIds: [1 + (index % SUBSYSTEM_COUNT)] },
  }));
}

function loadAccountName(index: number): string {
  return `load${String(index).padStart(3, '0')}`;
}

/**
 * With several `baseUrls` (server processes on one database), client i talks to process i mod n for
 * the whole run, as behind a reverse proxy that spreads connections over them.
 */
export async function runLoad(baseUrls: readonly string[], options: LoadOptions): Promise<LoadResult> {
  const clients = await Promise.all(
    Array.from({ length: options.clients }, async (_, index) => {
      const client = new ApiClient(baseUrls[index % baseUrls.length] as string);
      await client.login(loadAccountName(index), options.password);
      return { index, client };
    }),
  );
  const pushDurations: number[] = [];
  const pullDurations: number[] = [];
  let pulledRecords = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async ({ index, client }) => {
      const next = random(1000 + index);
      const writer = new BenchWriter(`load-${index}`);
      const now = Date.now();
      const tickets: Ticket[] = Array.from({ length: options.opsPerPush }, (_, ordinal) => {
        const ticket = syntheticTicket(
          index * options.opsPerPush + ordinal,
          now,
          next,
          loadAccountName(index),
        );
        return { ...ticket, subsystemId: 1 + (index % SUBSYSTEM_COUNT) };
      });
      let cursor: string | null = null;
      for (let round = 0; round < options.rounds; round += 1) {
        await sleep(next() * 2 * options.thinkMs);
        const ops = tickets.map((ticket) =>
          round === 0
            ? writer.op(ticket, fieldsOf(ticket))
            : writer.op(ticket, { title: `${ticket.title}（第 ${round} 次核实）` }),
        );
        const pushStarted = performance.now();
        await pushAccepted(client, writer.batch(ops));
        pushDurations.push(performance.now() - pushStarted);
        for (;;) {
          const pullStarted = performance.now();
          const page = await client.pull({ schemaVersion: SYNC_SCHEMA_VERSION, cursor, limit: 500 });
          pullDurations.push(performance.now() - pullStarted);
          pulledRecords += page.changes.length;
          cursor = page.cursor;
          if (!page.hasMore) break;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const ops = pushDurations.length * options.opsPerPush;
  return {
    clients: options.clients,
    pushes: pushDurations.length,
    ops,
    pulledRecords,
    pushP50Ms: percentile(pushDurations, 50),
    pushP95Ms: percentile(pushDurations, 95),
    pushP99Ms: percentile(pushDurations, 99),
    pullP99Ms: percentile(pullDurations, 99),
    opsPerS: Math.round(ops / seconds),
    seconds: Math.round(seconds * 10) / 10,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
