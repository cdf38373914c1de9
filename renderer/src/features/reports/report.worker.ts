import * as echarts from 'echarts/core';
import { PDF_FONT_CACHE, createPdfFontLoader } from './pdf-font-loader';
import { reportChartSvg } from './report-chart-svg';
import { reportWorkerHandler } from './report-worker-handler';
import type { FromReportWorker, ToReportWorker } from './report-worker-protocol';

// ECharts measures text on a canvas it makes with `document`; a worker has an OffscreenCanvas instead.
echarts.setPlatformAPI({
  createCanvas: () => new OffscreenCanvas(1, 1) as unknown as HTMLCanvasElement,
});

/**
 * The browser build keeps the downloaded fonts in Cache Storage for PDFs made offline; the desktop app
 * reads them from its own files (app://), where a second copy would only take disk space.
 */
const servedOverHttp = self.location.protocol === 'http:' || self.location.protocol === 'https:';

// The worker's global is typed as the DOM's window here (the renderer's lib); its postMessage takes
// the same options object a worker's does.
const handle = reportWorkerHandler({
  post: (message: FromReportWorker, transfer: Transferable[] = []) => self.postMessage(message, { transfer }),
  chartSvg: reportChartSvg,
  pdfFaces: createPdfFontLoader({
    // The build's base is absolute ('/'), so the fonts are found from any page and from this worker.
    base: new URL(import.meta.env.BASE_URL, self.location.href),
    fetch: (url) => fetch(url),
    openCache: () => (servedOverHttp && typeof caches !== 'undefined' ? caches.open(PDF_FONT_CACHE) : null),
  }),
});

self.addEventListener('message', (event: MessageEvent<ToReportWorker>) => {
  void handle(event.data);
});
