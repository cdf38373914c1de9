/**
 * ECharts option builders shared by the dashboard (项目总览) and the documents: plain option objects,
 * no animation, a fixed font, zh-CN labels, each with the records behind each point (issue 16).
 */
export { CHART_COLORS, CHART_FONT_FAMILY, type ChartModel } from './chart-model';
export { type BreachLink, slaComplianceChart } from './sla-chart';
export { AGE_BUCKETS, ageBucket, openTicketsChart } from './open-tickets-chart';
export {
  INSPECTION_DAY_STATES,
  type InspectionDay,
  inspectionDays,
  inspectionHeatmapChart,
} from './inspection-heatmap';
export { trainingChart } from './training-chart';
export { visitMatrixChart } from './visit-matrix-chart';
export { type OnSiteRow, dutyCoverageChart, onSiteDaysChart } from './onsite-duty-chart';
