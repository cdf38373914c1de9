import { type PackageRequest, buildReportPackage as buildPackage } from '@core/documents';
import { NODE_ZIP_CODEC } from './node-zip-codec';
import { type DocumentRenderer, inThreadRenderer } from './render-workers';

/**
 * The half-year package as the server makes it: the summary and the monthly reports also as PDF,
 * rendered on `renderer`'s threads (core/src/documents/report-package.ts says what it holds).
 */
export function buildReportPackage(
  request: PackageRequest,
  renderer: DocumentRenderer = inThreadRenderer,
): Promise<Uint8Array> {
  return buildPackage(request, renderer, {
    pdf: true,
    codec: NODE_ZIP_CODEC,
    // The next job goes to a worker thread only when this thread hears that it is done with the last.
    pause: () => new Promise((resolve) => setImmediate(resolve)),
  });
}
