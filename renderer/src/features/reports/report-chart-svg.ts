import { documentChartOption } from '@core/documents';
import type { ReportChart } from '@core/reports';
import { BarChart, HeatmapChart } from 'echarts/charts';
import {
  CalendarComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

// What the options of core/src/charts use, as the server's full ECharts build has it: their grids
// ask for containLabel, which ECharts 6 keeps as a feature of its own.
echarts.use([
  LegacyGridContainLabel,
  TooltipComponent,
  BarChart,
  HeatmapChart,
  CalendarComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  VisualMapComponent,
  SVGRenderer,
]);

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
