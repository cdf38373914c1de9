import type { EChartsOption } from 'echarts';
import type { ContractProfile } from '../profile/contract-profile';

/**
 * A chart as plain data: the ECharts option (no functions, no DOM, so the same object draws on the
 * dashboard and, rendered to SVG on the server, in a document) and the records behind each point:
 * `links[seriesIndex][dataIndex]` are the ids a click on that point opens.
 */
export interface ChartModel {
  readonly option: EChartsOption;
  readonly links: readonly (readonly (readonly string[])[])[];
}

/** The UI's font stack: Microsoft YaHei on Windows, Noto/Source Han CJK on UOS, Kylin and the server. */
export const CHART_FONT_FAMILY =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/** One colour per meaning on every chart: kept, late, missed/broken, still open, not yet. */
export const CHART_COLORS = {
  met: '#3ba272',
  late: '#fac858',
  broken: '#ee6666',
  open: '#5470c6',
  upcoming: '#d9d9d9',
  response: '#5470c6',
  resolution: '#91cc75',
} as const;

/**
 * What every chart shares: no animation (a document is a still picture, and a chart redrawn on every
 * change should not flicker), the fixed font, a tooltip.
 */
export function baseOption(title: string): EChartsOption {
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 12 },
    title: { text: title, left: 0, top: 0, textStyle: { fontSize: 14, fontWeight: 'bold' } },
    tooltip: { trigger: 'item', confine: true },
  };
}

/** 运维子项 5 → 网站群, the name a chart's axis shows. */
export function subsystemLabel(profile: ContractProfile, subsystemId: number | null): string {
  if (subsystemId === null) return '全合同';
  return (
    profile.subsystems.find((subsystem) => subsystem.id === subsystemId)?.shortName ?? `子项 ${subsystemId}`
  );
}

/** 0.973 → 97.3; a rate not yet defined is not drawn. */
export function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}
