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

/**
 * The ECharts parts the options of core/src/charts use, registered once for the dashboard and the
 * documents' worker alike, so a chart lays out the same on the page, in the app's documents and in the
 * server's (their grids ask for containLabel, which ECharts 6 keeps as a feature of its own). Only
 * these, so the bundle carries no other chart type.
 */
echarts.use([
  LegacyGridContainLabel,
  BarChart,
  HeatmapChart,
  CalendarComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export { echarts };
