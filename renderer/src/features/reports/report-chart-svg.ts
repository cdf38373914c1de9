import { drawChartSvg } from '@core/documents';
import type { ReportChart } from '@core/reports';
import { echarts } from '../dashboard/chart-modules';

/** The chart as SVG text, by the dashboard's tree-shaken ECharts (no DOM: it runs in the worker). */
export function reportChartSvg(chart: ReportChart): string {
  return drawChartSvg(echarts, chart);
}
