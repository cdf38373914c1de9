import type { ChartModel } from '@core/charts';
import { useEffect, useRef } from 'react';
import { echarts } from './chart-modules';

export interface ChartPoint {
  readonly seriesIndex: number;
  readonly dataIndex: number;
  /** The records behind the point (`ChartModel.links`). */
  readonly recordIds: readonly string[];
  /** The point's value as drawn (a heat map's `[date, value]`). */
  readonly value: unknown;
}

interface EChartProps {
  readonly model: ChartModel;
  readonly height: number;
  /** What the chart shows, for screen readers and tests. */
  readonly label: string;
  readonly onPoint: (point: ChartPoint) => void;
  readonly testId: string;
}

/**
 * A thin wrapper over ECharts: one instance per element, drawn as SVG, each new option replacing the
 * last (notMerge), resized with its box, disposed with the component (so StrictMode's second mount
 * starts clean).
 */
export function EChart({ model, height, label, onPoint, testId }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef({ model, onPoint });
  useEffect(() => {
    latest.current = { model, onPoint };
  }, [model, onPoint]);

  useEffect(() => {
    const host = element.current;
    if (host === null) return undefined;
    const instance = echarts.init(host, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      const { seriesIndex = 0, dataIndex, value } = params;
      const recordIds = latest.current.model.links[seriesIndex]?.[dataIndex] ?? [];
      latest.current.onPoint({ seriesIndex, dataIndex, recordIds, value });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(model.option, { notMerge: true });
  }, [model]);

  return (
    <div ref={element} role="img" aria-label={label} data-testid={testId} style={{ height, width: '100%' }} />
  );
}
