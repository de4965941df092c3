/**
 * A small React wrapper around ECharts (tree-shaken from echarts/core: line,
 * bar, scatter and custom charts (error whiskers), grid, tooltip, legend,
 * title, label layout; SVG renderer so that charts
 * are crisp, printable, exportable as SVG and inspectable in end-to-end
 * tests), with PNG and SVG export buttons.
 */
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { ImageExport } from './Export';

echarts.use([
  LineChart,
  BarChart,
  ScatterChart,
  CustomChart,
  LabelLayout,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** Font stack with CJK glyphs (Noto CJK on Linux), so Chinese labels in charts render. */
export const CHART_FONT = "system-ui, 'Noto Sans CJK SC', 'Noto Sans CJK TC', sans-serif";

/**
 * Renders `option` (replacing the previous one) in a resizable box; `label`
 * is its accessible name; `exportName` (a file name without extension) adds
 * PNG and SVG export.
 */
export function Chart({
  option,
  label,
  height = 320,
  testId,
  exportName,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  testId?: string;
  exportName?: string;
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
      { textStyle: { fontFamily: CHART_FONT }, animation: false, backgroundColor: '#ffffff', ...option },
      { notMerge: true },
    );
  }, [option]);

  const svg = () => {
    const s = chart.current?.renderToSVGString();
    return s ? `<?xml version="1.0" encoding="UTF-8"?>\n${s}` : null;
  };
  return (
    <figure className="chart-figure">
      <div
        ref={box}
        className="chart"
        role="img"
        aria-label={label}
        data-testid={testId}
        style={{ height }}
      />
      {exportName && (
        <ImageExport
          name={exportName}
          what={label}
          svg={svg}
          testId={testId ? `${testId}-export` : undefined}
        />
      )}
    </figure>
  );
}
