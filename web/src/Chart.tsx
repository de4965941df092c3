/**
 * A small React wrapper around ECharts (tree-shaken from echarts/core: line
 * and bar charts, grid, tooltip, legend, title; SVG renderer so that charts
 * are crisp, printable and inspectable in end-to-end tests).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** Font stack with CJK glyphs (Noto CJK on Linux), so Chinese labels in charts render. */
export const CHART_FONT = 'system-ui, "Noto Sans CJK SC", "Noto Sans CJK TC", sans-serif';

/** Renders `option` (replacing the previous one) in a resizable box; `label` is its accessible name. */
export function Chart({
  option,
  label,
  height = 320,
  testId,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { textStyle: { fontFamily: CHART_FONT }, animation: false, ...option },
      { notMerge: true },
    );
  }, [option]);

  return (
    <div ref={box} className="chart" role="img" aria-label={label} data-testid={testId} style={{ height }} />
  );
}
