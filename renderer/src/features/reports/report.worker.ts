import * as echarts from 'echarts/core';
import { reportChartSvg } from './report-chart-svg';
import { reportWorkerHandler } from './report-worker-handler';
import type { FromReportWorker, ToReportWorker } from './report-worker-protocol';

// ECharts measures text on a canvas it makes with `document`; a worker has an OffscreenCanvas instead.
echarts.setPlatformAPI({
  createCanvas: () => new OffscreenCanvas(1, 1) as unknown as HTMLCanvasElement,
});

// The worker's global is typed as the DOM's window here (the renderer's lib); its postMessage takes
// the same options object a worker's does.
const handle = reportWorkerHandler({
  post: (message: FromReportWorker, transfer: Transferable[] = []) => self.postMessage(message, { transfer }),
  chartSvg: reportChartSvg,
});

self.addEventListener('message', (event: MessageEvent<ToReportWorker>) => {
  void handle(event.data);
});
