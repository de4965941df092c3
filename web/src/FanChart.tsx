/**
 * Fan chart of one indicator of an ensemble: the 5–95% and 25–75% quantile
 * bands (as the API computed them) with the median line.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from './Chart';
import { useFormat } from './format';
import type { Bands } from './types';

/** The catalogue label of an indicator (`stability.index` → key `indicator.stability_index`), else its name. */
export function useIndicatorLabel(): (name: string) => string {
  const { t, i18n } = useTranslation();
  return (name: string) => {
    const key = `indicator.${name.replaceAll('.', '_')}`;
    return i18n.exists(key) ? t(key) : name;
  };
}

/** Renders the bands; `range` fixes the y axis (to put two charts on one scale). */
export function FanChart({
  name,
  bands,
  range,
  height = 240,
  testId,
}: {
  name: string;
  bands: Bands;
  range?: [number, number];
  height?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useIndicatorLabel()(name);
  const option = useMemo<ChartOption>(() => {
    const diff = (hi: number[], lo: number[]) => hi.map((h, k) => h - (lo[k] ?? 0));
    const band = (id: string, data: number[], color: string, labelText: string) => ({
      type: 'line',
      name: labelText,
      stack: 'fan',
      stackStrategy: 'all',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      areaStyle: { color, opacity: color === 'transparent' ? 0 : 1 },
      data,
      id,
      tooltip: { show: false },
    });
    return {
      title: { text: label, left: 0, textStyle: { fontSize: 13, fontWeight: 600 } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => f.num(v, 3),
      },
      grid: { left: 56, right: 12, top: 46, bottom: 26 },
      xAxis: {
        type: 'category',
        data: bands.years.map(String),
        boundaryGap: false,
        axisLine: { onZero: false },
      },
      yAxis: {
        type: 'value',
        scale: true,
        ...(range ? { min: range[0], max: range[1] } : {}),
        axisLabel: { formatter: (v: number) => f.num(v, 4) },
      },
      series: [
        band('base', bands.q05, 'transparent', ''),
        band('outer-low', diff(bands.q25, bands.q05), '#c6dbef', t('fan.band90')),
        band('inner', diff(bands.q75, bands.q25), '#6baed6', t('fan.band50')),
        band('outer-high', diff(bands.q95, bands.q75), '#c6dbef', t('fan.band90')),
        {
          type: 'line',
          name: t('fan.median'),
          symbol: 'none',
          lineStyle: { color: '#08306b', width: 2 },
          data: bands.q50,
        },
      ],
    };
  }, [bands, range, label, t, f.lang]);
  return (
    <Chart option={option} label={t('fan.label', { indicator: label })} height={height} testId={testId} />
  );
}
