import { documentChartOption } from '@core/documents';
import type { ReportChart } from '@core/reports';
import { echarts } from '../dashboard/chart-modules';

/** The chart as SVG text, drawn by ECharts' string renderer (no DOM: it runs in the worker). */
export function reportChartSvg(chart: ReportChart): string {
  const instance = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: chart.width,
    height: chart.height,
  });
  try {
    instance.setOption(documentChartOption(chart));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
