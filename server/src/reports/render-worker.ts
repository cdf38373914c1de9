/**
 * A worker thread of render-workers.ts: renders the jobs it is sent, one at a time, with the fonts
 * parsed once for its life.
 */
import { parentPort } from 'node:worker_threads';
import { errorReason } from '../error-reason';
import { type RenderJob, renderJob } from './render-job';

export interface RenderRequest {
  readonly id: number;
  readonly job: RenderJob;
}

export type RenderReply =
  { readonly id: number; readonly files: Uint8Array[] } | { readonly id: number; readonly reason: string };

const port = (() => {
  if (parentPort === null) throw new Error('render-worker 只能作为工作线程运行');
  return parentPort;
})();

/** Jobs wait here while one is rendered: the thread that sends them sends the next ahead of time. */
const waiting: RenderRequest[] = [];
let rendering = false;

function renderNext(): void {
  const request = waiting.shift();
  rendering = request !== undefined;
  if (request === undefined) return;
  renderJob(request.job)
    .then(
      // Copied, not transferred: a small Buffer's memory is Node's shared pool.
      (files) => port.postMessage({ id: request.id, files } satisfies RenderReply),
      (error: unknown) =>
        port.postMessage({ id: request.id, reason: errorReason(error) } satisfies RenderReply),
    )
    .finally(renderNext);
}

port.on('message', (request: RenderRequest) => {
  waiting.push(request);
  if (!rendering) renderNext();
});
