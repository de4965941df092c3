/**
 * Fan chart of one indicator of an ensemble (or of a paired difference): the
 * 5–95% and 25–75% quantile bands as the API computed them, with the median
 * line, a legend, the unit on the y axis and a tooltip that gives every band
 * of the year pointed at.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from './Chart';
import { useFormat } from './format';
import type { Bands } from './types';

/** The catalogue key part of an indicator name (`stability.index` → `stability_index`). */
const keyOf = (name: string) => name.replaceAll('.', '_');

/** A per-dyad series: `crisisStability.USA-RUS`. */
const DYAD = /^(.*)\.([A-Z][A-Z0-9]{1,5})-([A-Z][A-Z0-9]{1,5})$/;

/**
 * The label of an indicator: the catalogue's name, and for a per-state series
 * (`gains.winWin.USA`) the indicator's name and the state's; else the name.
 */
export function useIndicatorLabel(): (name: string) => string {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  return (name: string) => {
    const key = `indicator.${keyOf(name)}`;
    if (i18n.exists(key)) return t(key);
    const m = /^(.*)\.([A-Z][A-Z0-9]{1,5})$/.exec(name);
    if (m && i18n.exists(`indicator.${keyOf(m[1]!)}`))
      return t('indicator.ofState', { indicator: t(`indicator.${keyOf(m[1]!)}`), state: f.country(m[2]!) });
    // A per-dyad series (`crisisStability.USA-RUS`): the indicator's dyad name and both states.
    const d = DYAD.exec(name);
    if (d && i18n.exists(`indicator.${keyOf(d[1]!)}_dyad`))
      return t('indicator.ofDyad', {
        indicator: t(`indicator.${keyOf(d[1]!)}_dyad`),
        a: f.country(d[2]!),
        b: f.country(d[3]!),
      });
    return name;
  };
}

/** The unit of an indicator (of its base indicator for a per-state series), or ''. */
export function useIndicatorUnit(): (name: string) => string {
  const { t, i18n } = useTranslation();
  return (name: string) => {
    const dyad = DYAD.exec(name);
    const base = dyad ? `${dyad[1]}_dyad` : (/^(.*)\.[A-Z][A-Z0-9]{1,5}$/.exec(name)?.[1] ?? name);
    const key = `unit.${keyOf(base)}`;
    return i18n.exists(key) ? t(key) : '';
  };
}

/** Renders the bands; `range` fixes the y axis (to put two charts on one scale); `difference` labels B − A. */
export function FanChart({
  name,
  bands,
  range,
  height = 260,
  testId,
  exportName,
  difference = false,
  title,
}: {
  name: string;
  bands: Bands;
  range?: [number, number];
  height?: number;
  testId?: string;
  exportName?: string;
  difference?: boolean;
  title?: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useIndicatorLabel()(name);
  const unit = useIndicatorUnit()(name);
  const heading = title ?? (difference ? t('fan.differenceOf', { indicator: label }) : label);
  const option = useMemo<ChartOption>(() => {
    const diff = (hi: number[], lo: number[]) => hi.map((h, k) => h - (lo[k] ?? 0));
    const band = (id: string, data: number[], color: string, name: string) => ({
      type: 'line',
      name,
      stack: 'fan',
      stackStrategy: 'all',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      itemStyle: { color },
      areaStyle: { color, opacity: color === 'transparent' ? 0 : 1 },
      data,
      id,
    });
    const tooltip = (params: { dataIndex: number }[]) => {
      const k = params[0]?.dataIndex ?? 0;
      const v = (x: number | undefined) => (x === undefined ? '—' : f.num(x, 4));
      return [
        `<strong>${bands.years[k]}</strong>`,
        `${t('fan.median')}: ${v(bands.q50[k])}`,
        `${t('fan.mean')}: ${v(bands.mean[k])}`,
        `${t('fan.band50')}: ${v(bands.q25[k])} – ${v(bands.q75[k])}`,
        `${t('fan.band90')}: ${v(bands.q05[k])} – ${v(bands.q95[k])}`,
      ].join('<br/>');
    };
    return {
      title: { text: heading, left: 0, textStyle: { fontSize: 13, fontWeight: 600 } },
      legend: {
        top: 22,
        left: 0,
        itemWidth: 18,
        itemHeight: 10,
        data: [t('fan.median'), t('fan.band50'), t('fan.band90')],
      },
      tooltip: { trigger: 'axis', formatter: tooltip },
      grid: { left: 64, right: 14, top: 62, bottom: 30 },
      xAxis: {
        type: 'category',
        data: bands.years.map(String),
        boundaryGap: false,
        axisLine: { onZero: false },
        name: t('fan.year'),
        nameLocation: 'middle',
        nameGap: 22,
        nameTextStyle: { fontSize: 11 },
      },
      yAxis: {
        type: 'value',
        scale: true,
        name: unit,
        nameTextStyle: { align: 'left', fontSize: 11 },
        ...(range ? { min: range[0], max: range[1] } : {}),
        axisLabel: { formatter: (v: number) => f.num(v, 4) },
      },
      series: [
        { ...band('base', bands.q05, 'transparent', 'base'), tooltip: { show: false } },
        band('outer-low', diff(bands.q25, bands.q05), '#c6dbef', t('fan.band90')),
        band('inner', diff(bands.q75, bands.q25), '#6baed6', t('fan.band50')),
        band('outer-high', diff(bands.q95, bands.q75), '#c6dbef', t('fan.band90')),
        {
          type: 'line',
          name: t('fan.median'),
          symbol: 'none',
          itemStyle: { color: '#08306b' },
          lineStyle: { color: '#08306b', width: 2 },
          data: bands.q50,
        },
      ],
    };
  }, [bands, range, heading, unit, t, f.lang]);
  return (
    <Chart
      option={option}
      label={t('fan.label', { indicator: heading })}
      height={height}
      testId={testId}
      exportName={exportName}
    />
  );
}
