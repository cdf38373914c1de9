import type { RenderJob } from '@core/documents';
import type { ContractProfile } from '@core/profile';
import type { FromReportWorker, PackageInput, ToReportWorker } from './report-worker-protocol';
import { svgToPng } from './svg-to-png';

/** Files done of all, or with `stage: 'fonts'` the bytes of the PDF's fonts fetched of all. */
export interface WorkerProgress {
  readonly done: number;
  readonly total: number;
  readonly stage?: 'fonts';
}

/** The part of a Worker the client uses, so that a test can stand a handler in for the thread. */
export interface WorkerPort {
  postMessage(message: ToReportWorker, options?: StructuredSerializeOptions): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromReportWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export type DrawPng = (svg: string, width: number, height: number) => Promise<Uint8Array>;

interface Pending {
  readonly resolve: (bytes: Uint8Array) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: (progress: WorkerProgress) => void;
}

/**
 * The page's side of the report worker: sends work, hears its progress and file, and draws the charts'
 * PNGs the worker asks for. One worker for the page's life; its work is queued in the worker.
 */
export class ReportWorkerClient {
  private readonly pending = new Map<number, Pending>();
  private lastId = 0;

  constructor(
    private readonly worker: WorkerPort,
    private readonly drawPng: DrawPng = svgToPng,
  ) {
    worker.addEventListener('message', (event) => this.heard(event.data));
    worker.addEventListener('error', (event) => this.failAll(event.message || '生成文件的后台任务出错'));
  }

  render(
    job: RenderJob,
    onProgress: (progress: WorkerProgress) => void = () => undefined,
  ): Promise<Uint8Array> {
    return this.send((id) => ({ type: 'render', id, job }), onProgress);
  }

  package(input: PackageInput, onProgress: (progress: WorkerProgress) => void): Promise<Uint8Array> {
    return this.send((id) => ({ type: 'package', id, input }), onProgress);
  }

  /**
   * Has the worker open the PDF's fonts and make a throwaway PDF of `profile`'s contract now, if the
   * fonts are already on this PC (nothing is downloaded).
   */
  preparePdf(profile: ContractProfile): void {
    const message: ToReportWorker = { type: 'prepare-pdf', profile };
    this.worker.postMessage(message);
  }

  dispose(): void {
    this.worker.terminate();
    this.failAll('页面已关闭，文件未生成');
  }

  private send(
    message: (id: number) => ToReportWorker,
    onProgress: (progress: WorkerProgress) => void,
  ): Promise<Uint8Array> {
    this.lastId += 1;
    const id = this.lastId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage(message(id));
    });
  }

  private heard(message: FromReportWorker): void {
    switch (message.type) {
      case 'progress':
        this.pending.get(message.id)?.onProgress({
          done: message.done,
          total: message.total,
          ...(message.stage === undefined ? {} : { stage: message.stage }),
        });
        return;
      case 'done':
        this.settle(message.id)?.resolve(message.bytes);
        return;
      case 'failed':
        this.settle(message.id)?.reject(new Error(message.reason));
        return;
      case 'draw':
        this.drawPng(message.svg, message.width, message.height).then(
          (png) =>
            this.worker.postMessage(
              { type: 'picture', pictureId: message.pictureId, png },
              { transfer: [png.buffer as ArrayBuffer] },
            ),
          (error: unknown) =>
            this.worker.postMessage({
              type: 'picture-failed',
              pictureId: message.pictureId,
              reason: error instanceof Error ? error.message : String(error),
            }),
        );
        return;
    }
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    return pending;
  }

  private failAll(reason: string): void {
    for (const pending of this.pending.values()) pending.reject(new Error(reason));
    this.pending.clear();
  }
}

/** The report worker as Vite bundles it: a module worker of its own chunk. */
export function startReportWorker(): ReportWorkerClient {
  return new ReportWorkerClient(
    new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module', name: '报表生成' }),
  );
}
