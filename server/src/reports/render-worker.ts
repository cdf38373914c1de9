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

const port = parentPort;
if (port === null) throw new Error('render-worker 只能作为工作线程运行');
port.on('message', ({ id, job }: RenderRequest) => {
  renderJob(job).then(
    // Copied, not transferred: a small Buffer's memory is Node's shared pool.
    (files) => port.postMessage({ id, files } satisfies RenderReply),
    (error: unknown) => port.postMessage({ id, reason: errorReason(error) } satisfies RenderReply),
  );
});
