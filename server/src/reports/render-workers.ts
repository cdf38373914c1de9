import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type RenderJob, renderJob } from './render-job';
import type { RenderReply, RenderRequest } from './render-worker';

/** Renders the files of documents: in this thread, or spread over worker threads. */
export interface DocumentRenderer {
  render(job: RenderJob): Promise<Uint8Array[]>;
  close(): Promise<void>;
}

export const inThreadRenderer: DocumentRenderer = {
  render: renderJob,
  close: async () => undefined,
};

/**
 * The worker runs TypeScript as the CLI does: tsx is registered in the new thread before the module
 * is imported (a worker does not inherit the loader of the thread that started it). tsx, the module and
 * the tsconfig with the `@core` paths are given by absolute location: an eval'd worker resolves a bare
 * name, and tsx finds its tsconfig, from the working directory, which need not be the project's.
 */
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx)
  .then(({ register }) => { register({ tsconfig: workerData.tsconfig }); return import(workerData.module); })
  .catch((error) => { setImmediate(() => { throw error; }); });
`;

/**
 * Jobs a worker holds at once: the one it renders and those it starts as soon as it is done, without
 * waiting for this thread to hear it. This thread is busy for up to seconds at a time (reading,
 * building documents, rendering a whole-contract report itself): holding one job, the worker sat idle
 * for a fifth of the package, holding two it still waited now and then, holding four it rarely does.
 * The cost is at the end, when this thread may be done while a worker still holds a few small jobs.
 */
const WORKER_BACKLOG = 4;

/**
 * The threads a package renders on: `count` worker threads and, with `inThread`, this thread too
 * whenever it is not busy building documents. Every thread parses the fonts once and takes the next
 * job when it is done with one, so that large and small documents even out. The default is a worker
 * for every core but one, and this thread for that one: each worker costs its own start and module
 * loading (over a second of CPU), which a thread that is idle anyway does not.
 */
export function startRenderWorkers(
  count = availableParallelism() - 1,
  { inThread = true }: { readonly inThread?: boolean } = {},
): DocumentRenderer {
  interface Pending {
    readonly job: RenderJob;
    readonly resolve: (files: Uint8Array[]) => void;
    readonly reject: (error: Error) => void;
  }
  const queue: Pending[] = [];
  /** The jobs sent to workers and not yet answered, by id. */
  const running = new Map<number, Pending>();
  /** How many jobs each worker holds. */
  const held = new Map<Worker, number>();
  let nextId = 0;
  let failure: Error | undefined;
  let closing = false;

  let inThreadBusy = false;
  const dispatch = () => {
    if (inThread && !inThreadBusy && queue.length > 0 && failure === undefined) {
      inThreadBusy = true;
      // After the workers have theirs: this thread renders what is left, one job per turn of the
      // event loop, so that workers' finished jobs are heard in between.
      setImmediate(() => {
        const pending = queue.shift();
        if (pending === undefined) {
          inThreadBusy = false;
          return;
        }
        renderJob(pending.job)
          .then(pending.resolve, (error: unknown) =>
            pending.reject(error instanceof Error ? error : new Error(String(error))),
          )
          .finally(() => {
            inThreadBusy = false;
            dispatch();
          });
      });
    }
    for (;;) {
      // The worker holding the fewest jobs takes the next, until each holds its backlog.
      let worker: Worker | undefined;
      for (const [candidate, jobs] of held) {
        if (jobs < WORKER_BACKLOG && (worker === undefined || jobs < (held.get(worker) ?? 0)))
          worker = candidate;
      }
      if (worker === undefined || failure !== undefined) return;
      const pending = queue.shift();
      if (pending === undefined) return;
      const id = (nextId += 1);
      running.set(id, pending);
      held.set(worker, (held.get(worker) ?? 0) + 1);
      worker.postMessage({ id, job: pending.job } satisfies RenderRequest);
    }
  };
  const fail = (error: Error) => {
    failure ??= error;
    for (const pending of [...queue.splice(0), ...running.values()]) pending.reject(error);
    running.clear();
  };

  const workers = Array.from({ length: inThread ? Math.max(0, count) : Math.max(1, count) }, () => {
    const worker = new Worker(BOOT, {
      eval: true,
      // A larger young generation: rendering allocates many short-lived objects, and fewer scavenges
      // saved about 4 % of the package's CPU.
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
      workerData: {
        tsx: import.meta.resolve('tsx/esm/api'),
        tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)),
        module: new URL('./render-worker.ts', import.meta.url).href,
      },
    });
    worker.on('message', (reply: RenderReply) => {
      const pending = running.get(reply.id);
      if (pending === undefined) return;
      running.delete(reply.id);
      held.set(worker, (held.get(worker) ?? 1) - 1);
      if ('files' in reply) pending.resolve(reply.files);
      else pending.reject(new Error(reply.reason));
      dispatch();
    });
    worker.on('error', (error) =>
      fail(new Error(`生成文件的工作线程出错：${error.message}`, { cause: error })),
    );
    worker.on('exit', (code) => {
      if (code !== 0 && !closing) fail(new Error(`生成文件的工作线程意外退出（${code}）`));
    });
    held.set(worker, 0);
    return worker;
  });

  return {
    render(job) {
      if (failure !== undefined) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        queue.push({ job, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
