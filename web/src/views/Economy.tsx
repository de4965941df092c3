/**
 * Economy view (docs/models/economy.md): for the chosen states (by default
 * the major powers of the year) the trade-dependence matrix (Oneal–Russett
 * dependence, Barbieri shares, salience, symmetry and interdependence; GET
 * /api/economy/dependence), the gains from trade (ACR) per state with their
 * inequality (GET /api/economy/gains), and the power transition of a dyad
 * (PPP GDP or CINC over the years; GET /api/economy/transition). Trade data
 * end in 2014: a later world (the default 2016 world) carries 2014's trade.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  EconomyDependenceSchema,
  EconomyGainsSchema,
  EconomyTransitionSchema,
} from '../../../src/reports/schemas/index.js';
import { api, useApi } from '../api';
import { Chart, type ChartOption } from '../Chart';
import { DataExport } from '../Export';
import { NumberField, StateSelect, StatesPicker, useValidity } from '../fields';
import { type Format, useFormat } from '../format';
import { ViewHeading } from '../Heading';
import { ErrorNotice } from '../problems';
import type { WorldSummary } from '../types';
import { codec, useParam } from '../url';

type Dependence = z.output<typeof EconomyDependenceSchema>;
type Dyad = Dependence['dyads'][number];
type Gains = z.output<typeof EconomyGainsSchema>;
type Inequality = NonNullable<Gains['inequality']>['equalWeights'];
type Transition = z.output<typeof EconomyTransitionSchema>;

const FIRST_TRADE_YEAR = 1870;
const LAST_WORLD_YEAR = 2016;
const YEAR = codec.int(FIRST_TRADE_YEAR, LAST_WORLD_YEAR);
/** No states chosen: the API's default, the major powers of the year. */
const MAJORS: string[] = [];
const MATRIX_MEASURES = [
  'dependence',
  'share',
  'weakLink',
  'salience',
  'symmetry',
  'interdependence',
  'trade',
] as const;
type MatrixMeasure = (typeof MATRIX_MEASURES)[number];
const MATRIX = codec.oneOf(MATRIX_MEASURES);
const THETA = codec.num(0.01, 100);
const FORMS = ['loss-of-autarky', 'gain-over-autarky'] as const;
const FORM = codec.oneOf(FORMS);
const QUANTITIES = ['share', 'usd', 'per-capita'] as const;
const QUANTITY = codec.oneOf(QUANTITIES);
const POWER_MEASURES = ['gdp-ppp', 'cinc'] as const;
const POWER = codec.oneOf(POWER_MEASURES);
const DYAD = ['CHN', 'USA'];
const PARITY = codec.num(0.01, 1);
const SCROLL = { overflowX: 'auto' } as const;
/** An answer shown while the next one loads is dimmed. */
const STALE = { opacity: 0.6 } as const;

/** The value of a matrix cell: row state `i`'s measure toward column state `j` (directed measures are the row's). */
function cellOf(d: Dyad, rowIsA: boolean, m: MatrixMeasure): number | null {
  switch (m) {
    case 'dependence':
      return rowIsA ? d.dependenceA : d.dependenceB;
    case 'share':
      return rowIsA ? d.shareA : d.shareB;
    case 'weakLink':
      return d.weakLink;
    case 'salience':
      return d.salience;
    case 'symmetry':
      return d.symmetry;
    case 'interdependence':
      return d.interdependence;
    case 'trade':
      return d.tradeUsdM;
  }
}

/** A measure's value in words: percentages for shares of GDP or of trade, million US$ for trade, else an index 0–1. */
function formatMeasure(f: Format, m: MatrixMeasure, v: number | null): string {
  if (v === null) return '—';
  if (m === 'dependence' || m === 'share' || m === 'weakLink') return f.pct(v, 2);
  if (m === 'trade') return f.int(v);
  return f.fixed(v, 4);
}

/** Large amounts in the language's compact notation (1.2 T, 1.2万亿). */
function compact(lang: string, x: number): string {
  return new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 2 }).format(x);
}

function DependenceMatrix({ data, measure }: { data: Dependence; measure: MatrixMeasure }) {
  const { t } = useTranslation();
  const f = useFormat();
  const ids = data.states.map((s) => s.id);
  const names = Object.fromEntries(data.states.map((s) => [s.id, f.country(s.id, s.name)]));
  const dyad = new Map(data.dyads.map((d) => [`${d.a}|${d.b}`, d]));
  const values = data.dyads.flatMap((d) => [cellOf(d, true, measure), cellOf(d, false, measure)]);
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  return (
    <div style={SCROLL}>
      <table className="dependence" data-testid="dependence-matrix">
        <caption>{t('economy.matrixCaption', { measure: t(`economy.measures.${measure}`) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('economy.rowOnColumn')}</th>
            {ids.map((id) => (
              <th key={id} scope="col" className="num">
                {names[id]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ids.map((row) => (
            <tr key={row}>
              <th scope="row">{names[row]}</th>
              {ids.map((col) => {
                if (row === col)
                  return (
                    <td key={col} className="num diagonal">
                      —
                    </td>
                  );
                const d = dyad.get(`${row}|${col}`) ?? dyad.get(`${col}|${row}`);
                const v = d ? cellOf(d, d.a === row, measure) : null;
                const alpha = v !== null && max > 0 ? (0.05 + 0.4 * (v / max)).toFixed(3) : '0';
                return (
                  <td
                    key={col}
                    className="num"
                    style={{ background: `rgba(11, 92, 173, ${alpha})` }}
                    data-testid={`dep-${row}-${col}`}
                  >
                    {formatMeasure(f, measure, v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InequalityTable({ gains }: { gains: NonNullable<Gains['inequality']> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows: { key: string; label: string; of: (x: Inequality) => number | undefined }[] = [
    { key: 'gini', label: t('economy.gini'), of: (x) => x.gini },
    { key: 'theil', label: t('economy.theil'), of: (x) => x.theil },
    ...gains.equalWeights.atkinson.map((a) => ({
      key: `atkinson-${a.epsilon}`,
      label: t('economy.atkinson', { epsilon: f.num(a.epsilon, 3) }),
      of: (x: Inequality) => x.atkinson.find((b) => b.epsilon === a.epsilon)?.value,
    })),
  ];
  return (
    <table data-testid="inequality-table">
      <caption>
        {t('economy.inequalityCaption', { quantity: t(`economy.quantities.${gains.quantity}`) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('economy.index')}</th>
          <th scope="col" className="num">
            {t('economy.equalWeights')}
          </th>
          <th scope="col" className="num">
            {t('economy.populationWeights')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const pop = gains.populationWeights ? r.of(gains.populationWeights) : undefined;
          const eq = r.of(gains.equalWeights);
          return (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num" data-testid={`ineq-${r.key}-equal`}>
                {eq === undefined ? '—' : f.fixed(eq, 4)}
              </td>
              <td className="num" data-testid={`ineq-${r.key}-population`}>
                {pop === undefined ? '—' : f.fixed(pop, 4)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Parity years as ranges (1887, 1890, 2010–2018). */
function yearRanges(years: readonly number[], sep: string): string {
  const out: string[] = [];
  let start: number | undefined;
  let prev: number | undefined;
  for (const y of [...years, Number.NaN]) {
    if (start !== undefined && prev !== undefined && y === prev + 1) {
      prev = y;
      continue;
    }
    if (start !== undefined && prev !== undefined) out.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = y;
    prev = y;
  }
  return out.join(sep);
}

function TransitionPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const [dyad, setDyad] = useParam('dyad', DYAD, codec.ids);
  const [measure, setMeasure] = useParam('power', 'gdp-ppp', POWER);
  const [parity, setParity] = useParam('parity', 0.8, PARITY);
  const a = dyad[0] ?? 'CHN';
  const b = dyad[1] ?? 'USA';
  const world = useApi('w/2016', (signal) => api<WorldSummary>('/api/worlds/2016', { signal }));
  const ids = useMemo(() => (world.data?.actors ?? []).map((x) => x.id), [world.data]);
  const same = a === b;
  const form = useValidity();
  const key = !same && form.valid ? `${a},${b}/${measure}/${parity}` : null;
  const transition = useApi(key, (signal) =>
    api<Transition>(`/api/economy/transition?actors=${a},${b}&measure=${measure}&parity=${parity}`, {
      signal,
    }),
  );
  const data = transition.data;
  const nameA = f.country(a);
  const nameB = f.country(b);
  const unit = t(`economy.powerUnits.${measure}`);
  const option = useMemo<ChartOption>(() => {
    const s = data?.series ?? [];
    const first = s[0]?.year;
    const last = s[s.length - 1]?.year;
    const threshold = data?.parityThreshold ?? parity;
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) =>
          v === null ? '—' : measure === 'cinc' || v < 100 ? f.fixed(v, 4) : compact(f.lang, v),
      },
      legend: { top: 0 },
      grid: [
        { left: 80, right: 30, top: 40, height: '42%' },
        { left: 80, right: 30, top: '62%', bottom: 40 },
      ],
      xAxis: [
        { type: 'value', gridIndex: 0, min: first, max: last, axisLabel: { show: false } },
        { type: 'value', gridIndex: 1, min: first, max: last, axisLabel: { formatter: String } },
      ],
      yAxis: [
        {
          type: measure === 'cinc' ? 'value' : 'log',
          gridIndex: 0,
          scale: true,
          name: unit,
          nameLocation: 'middle',
          nameGap: 62,
          axisLabel: {
            formatter: (v: number) => (measure === 'cinc' ? f.num(v, 3) : compact(f.lang, v)),
          },
        },
        {
          type: 'log',
          gridIndex: 1,
          scale: true,
          name: t('economy.ratioAxis', { a: nameA, b: nameB }),
          nameLocation: 'middle',
          nameGap: 50,
          axisLabel: { formatter: (v: number) => f.num(v, 2) },
        },
      ],
      series: [
        { type: 'line', name: nameA, data: s.map((p) => [p.year, p.a]), showSymbol: false, color: '#b3261e' },
        {
          type: 'line',
          name: nameB,
          data: s.map((p) => [p.year, p.b]),
          showSymbol: false,
          color: '#0b3c7d',
          lineStyle: { type: 'dashed' },
        },
        {
          type: 'line',
          name: t('economy.ratio'),
          xAxisIndex: 1,
          yAxisIndex: 1,
          data: s.map((p) => [p.year, p.ratio]),
          showSymbol: false,
          color: '#4a5360',
        },
        {
          type: 'line',
          name: t('economy.parityBand'),
          xAxisIndex: 1,
          yAxisIndex: 1,
          data: [
            [first, threshold],
            [last, threshold],
          ],
          showSymbol: false,
          color: '#c77c0b',
          lineStyle: { type: 'dotted' },
          tooltip: { show: false },
        },
        {
          type: 'line',
          name: t('economy.parityBand'),
          xAxisIndex: 1,
          yAxisIndex: 1,
          data: [
            [first, 1 / threshold],
            [last, 1 / threshold],
          ],
          showSymbol: false,
          color: '#c77c0b',
          lineStyle: { type: 'dotted' },
          tooltip: { show: false },
        },
      ],
    };
  }, [data, measure, nameA, nameB, unit, t, f.lang]);
  return (
    <div className="panel">
      <h2>{t('economy.transition')}</h2>
      <p className="note">{t('economy.transitionNote')}</p>
      <div className="controls">
        <StateSelect
          label={t('economy.stateA')}
          ids={ids}
          value={a}
          onChange={(x) => setDyad([x, b])}
          testId="transition-a"
          invalid={same}
        />
        <StateSelect
          label={t('economy.stateB')}
          ids={ids}
          value={b}
          onChange={(x) => setDyad([a, x])}
          testId="transition-b"
          invalid={same}
        />
        <label>
          <span>{t('economy.powerMeasure')}</span>
          <select
            value={measure}
            onChange={(e) => setMeasure(e.target.value as typeof measure)}
            data-testid="transition-measure"
          >
            {POWER_MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`economy.powerMeasures.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label={t('economy.parity')}
          value={parity}
          min={0.01}
          max={1}
          onChange={(v) => v !== null && setParity(v)}
          onValidity={form.report('parity')}
          testId="transition-parity"
        />
        <span role="status" className="note">
          {transition.loading ? t('app.loading') : ''}
        </span>
      </div>
      {same && (
        <p className="error" data-testid="transition-same">
          {t('economy.sameState')}
        </p>
      )}
      <ErrorNotice
        error={transition.error}
        labels={{
          actors: t('economy.dyad'),
          parity: t('economy.parity'),
          measure: t('economy.powerMeasure'),
        }}
        testId="transition-error"
      />
      {data && (
        <div style={transition.stale ? STALE : undefined}>
          <Chart
            option={option}
            label={t('economy.transitionChart', {
              a: nameA,
              b: nameB,
              measure: t(`economy.powerMeasures.${measure}`),
            })}
            height={460}
            testId="transition-chart"
            exportName={`concert-transition-${data.a}-${data.b}-${data.measure}`}
          />
          <dl className="measures" data-testid="transition-summary">
            <dt>{t('economy.range')}</dt>
            <dd data-testid="transition-range">
              {data.series.length > 0
                ? `${data.series[0]!.year}–${data.series[data.series.length - 1]!.year}`
                : '—'}
            </dd>
            <dt>{t('economy.lastRatio', { a: nameA, b: nameB })}</dt>
            <dd data-testid="transition-last-ratio">
              {data.series.length > 0 ? f.fixed(data.series[data.series.length - 1]!.ratio, 3) : '—'}
            </dd>
            <dt>{t('economy.growthOf', { name: nameA })}</dt>
            <dd data-testid="transition-growth-a">
              {data.growth.a === null ? '—' : f.pct(data.growth.a, 2)}
            </dd>
            <dt>{t('economy.growthOf', { name: nameB })}</dt>
            <dd data-testid="transition-growth-b">
              {data.growth.b === null ? '—' : f.pct(data.growth.b, 2)}
            </dd>
            <dt>{t('economy.parityYears')}</dt>
            <dd data-testid="transition-parity-years">
              {data.parityYears.length > 0
                ? yearRanges(data.parityYears, t('app.listSeparator'))
                : t('economy.none')}
            </dd>
          </dl>
          <table data-testid="overtakings">
            <caption>{t('economy.overtakings')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('economy.year')}
                </th>
                <th scope="col">{t('economy.leader')}</th>
                <th scope="col">{t('economy.previous')}</th>
              </tr>
            </thead>
            <tbody>
              {data.overtakings.length === 0 && (
                <tr>
                  <td colSpan={3}>{t('economy.none')}</td>
                </tr>
              )}
              {data.overtakings.map((o) => (
                <tr key={o.year}>
                  <td className="num">{o.year}</td>
                  <td>{f.country(o.leader)}</td>
                  <td>{f.country(o.previous)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="note" lang="en">
            {data.source}
          </p>
          <DataExport
            name={`concert-transition-${data.a}-${data.b}-${data.measure}`}
            what={t('economy.transition')}
            csv={() => ({
              header: ['year', data.a, data.b, 'ratio'],
              rows: data.series.map((p) => [p.year, p.a, p.b, p.ratio]),
            })}
            json={() => data}
            testId="transition-export"
          />
        </div>
      )}
    </div>
  );
}

export default function EconomyView() {
  const { t } = useTranslation();
  const f = useFormat();
  const [year, setYear] = useParam('year', LAST_WORLD_YEAR, YEAR);
  const [states, setStates] = useParam('states', MAJORS, codec.ids);
  const [matrix, setMatrix] = useParam('matrix', 'dependence', MATRIX);
  const [theta, setTheta] = useParam('theta', 5, THETA);
  const [formName, setForm] = useParam('form', 'loss-of-autarky', FORM);
  const [quantity, setQuantity] = useParam('of', 'share', QUANTITY);
  const form = useValidity();
  const list = states.join(',');
  const statesQuery = list === '' ? '' : `&states=${list}`;
  const world = useApi(form.valid ? `w/${year}` : null, (signal) =>
    api<WorldSummary>(`/api/worlds/${year}`, { signal }),
  );
  const available = useMemo(() => (world.data?.actors ?? []).map((a) => a.id), [world.data]);
  const worldNames = useMemo(
    () => Object.fromEntries((world.data?.actors ?? []).map((a) => [a.id, a.name])),
    [world.data],
  );
  const dependence = useApi(form.valid ? `d/${year}/${list}` : null, (signal) =>
    api<Dependence>(`/api/economy/dependence?year=${year}${statesQuery}`, { signal }),
  );
  const gains = useApi(form.valid ? `g/${year}/${list}/${theta}/${formName}/${quantity}` : null, (signal) =>
    api<Gains>(
      `/api/economy/gains?year=${year}${statesQuery}&theta=${theta}&form=${formName}&inequalityOf=${quantity}`,
      { signal },
    ),
  );
  // The states chosen, as chosen (not as the last answer lists them: an edit made while a request
  // runs must build on the edit before it); none chosen: the major powers the API answered with.
  const shown = list === '' ? (dependence.data?.states.map((s) => s.id) ?? states) : states;
  const labels = {
    year: t('economy.year'),
    states: t('economy.states'),
    theta: t('economy.theta'),
    atkinson: t('economy.atkinsonField'),
  };
  const g = gains.data;
  const gainValue = (s: Gains['states'][number]) =>
    quantity === 'share' ? s.gainShare : quantity === 'usd' ? s.gainUsdM : s.gainPerCapitaUsd;
  const gainOption = useMemo<ChartOption>(() => {
    const ss = g?.states ?? [];
    const fmt = (v: number | null) =>
      v === null ? '—' : quantity === 'share' ? f.pct(v, 2) : quantity === 'usd' ? f.int(v) : f.int(v);
    return {
      tooltip: { trigger: 'axis', valueFormatter: fmt },
      grid: { left: 90, right: 20, top: 20, bottom: 70 },
      xAxis: {
        type: 'category',
        data: ss.map((s) => f.country(s.id, s.name)),
        axisLabel: { interval: 0, rotate: 20 },
      },
      yAxis: {
        type: 'value',
        name: t(`economy.quantityUnits.${quantity}`),
        nameLocation: 'middle',
        nameGap: 70,
        axisLabel: {
          formatter: (v: number) => (quantity === 'share' ? f.pct(v, 1) : compact(f.lang, v)),
        },
      },
      series: [
        {
          type: 'bar',
          name: t(`economy.quantities.${quantity}`),
          data: ss.map((s) => gainValue(s)),
          color: '#0b5cad',
        },
      ],
    };
  }, [g, quantity, t, f.lang]);

  return (
    <section aria-labelledby="economy-h">
      <ViewHeading id="economy-h" view="economy">
        {t('economy.heading')}
      </ViewHeading>
      <p className="intro">{t('economy.intro')}</p>
      <div className="controls">
        <NumberField
          label={t('economy.year')}
          value={year}
          min={FIRST_TRADE_YEAR}
          max={LAST_WORLD_YEAR}
          integer
          year
          onChange={(v) => v !== null && setYear(v)}
          onValidity={form.report('year')}
          testId="economy-year"
        />
        <span role="status" className="note">
          {dependence.loading || gains.loading ? t('app.loading') : ''}
        </span>
      </div>
      <StatesPicker
        label={list === '' ? t('economy.statesMajors') : t('economy.states')}
        available={available}
        chosen={shown}
        onChange={setStates}
        names={worldNames}
        testId="economy-states"
      />
      {dependence.data && (
        <p className="note" data-testid="trade-year">
          {t('economy.tradeYear', { world: dependence.data.worldYear, trade: dependence.data.tradeYear })}
        </p>
      )}
      <ErrorNotice error={dependence.error ?? world.error} labels={labels} testId="economy-error" />
      {dependence.data && (
        <div className="panel" style={dependence.stale ? STALE : undefined}>
          <h2>{t('economy.dependence')}</h2>
          <div className="controls">
            <label>
              <span>{t('economy.matrixMeasure')}</span>
              <select
                value={matrix}
                onChange={(e) => setMatrix(e.target.value as MatrixMeasure)}
                data-testid="matrix-measure"
              >
                {MATRIX_MEASURES.map((m) => (
                  <option key={m} value={m}>
                    {t(`economy.measures.${m}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="note">{t(`economy.measureNotes.${matrix}`)}</p>
          <DependenceMatrix data={dependence.data} measure={matrix} />
          <DataExport
            name={`concert-dependence-${dependence.data.tradeYear}`}
            what={t('economy.dependence')}
            csv={() => ({
              header: [
                'a',
                'b',
                'importsOfAFromBUsdM',
                'importsOfBFromAUsdM',
                'tradeUsdM',
                'dependenceA',
                'dependenceB',
                'weakLink',
                'shareA',
                'shareB',
                'salience',
                'symmetry',
                'interdependence',
              ],
              rows: (dependence.data?.dyads ?? []).map((d) => [
                d.a,
                d.b,
                d.importsOfAFromBUsdM,
                d.importsOfBFromAUsdM,
                d.tradeUsdM,
                d.dependenceA,
                d.dependenceB,
                d.weakLink,
                d.shareA,
                d.shareB,
                d.salience,
                d.symmetry,
                d.interdependence,
              ]),
            })}
            json={() => dependence.data}
            testId="dependence-export"
          />
          <div style={SCROLL}>
            <table data-testid="trade-states">
              <caption>{t('economy.statesCaption', { year: dependence.data.tradeYear })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('economy.state')}</th>
                  <th scope="col" className="num">
                    {t('economy.gdp')}
                  </th>
                  <th scope="col" className="num">
                    {t('economy.imports')}
                  </th>
                  <th scope="col" className="num">
                    {t('economy.exports')}
                  </th>
                  <th scope="col" className="num">
                    {t('economy.openness')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {dependence.data.states.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{f.country(s.id, s.name)}</th>
                    <td className="num">{s.gdpUsdM === null ? '—' : f.int(s.gdpUsdM)}</td>
                    <td className="num">{s.importsUsdM === null ? '—' : f.int(s.importsUsdM)}</td>
                    <td className="num">{s.exportsUsdM === null ? '—' : f.int(s.exportsUsdM)}</td>
                    <td className="num" data-testid={`openness-${s.id}`}>
                      {s.openness === null ? '—' : f.pct(s.openness, 1)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <DataExport
            name={`concert-trade-states-${dependence.data.tradeYear}`}
            what={t('economy.statesCaption', { year: dependence.data.tradeYear })}
            csv={() => ({
              header: ['id', 'name', 'gdpUsdM', 'importsUsdM', 'exportsUsdM', 'openness'],
              rows: (dependence.data?.states ?? []).map((s) => [
                s.id,
                s.name,
                s.gdpUsdM,
                s.importsUsdM,
                s.exportsUsdM,
                s.openness,
              ]),
            })}
            testId="trade-states-export"
          />
          {dependence.data.notes.length > 0 && (
            <ul className="note" lang="en">
              {dependence.data.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="panel">
        <h2>{t('economy.gains')}</h2>
        <div className="controls">
          <NumberField
            label={t('economy.theta')}
            value={theta}
            min={0.01}
            max={100}
            onChange={(v) => v !== null && setTheta(v)}
            onValidity={form.report('theta')}
            testId="gains-theta"
          />
          <label>
            <span>{t('economy.form')}</span>
            <select
              value={formName}
              onChange={(e) => setForm(e.target.value as typeof formName)}
              data-testid="gains-form"
            >
              {FORMS.map((x) => (
                <option key={x} value={x}>
                  {t(`economy.forms.${x}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('economy.inequalityOf')}</span>
            <select
              value={quantity}
              onChange={(e) => setQuantity(e.target.value as typeof quantity)}
              data-testid="gains-quantity"
            >
              {QUANTITIES.map((x) => (
                <option key={x} value={x}>
                  {t(`economy.quantities.${x}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ErrorNotice error={gains.error} labels={labels} testId="gains-error" />
        {g && (
          <div style={gains.stale ? STALE : undefined}>
            <p className="note" data-testid="gains-formula">
              {t('economy.formulaUsed')}
              {t('app.colon')}
              <code>{g.formula}</code>
            </p>
            <Chart
              option={gainOption}
              label={t('economy.gainsChart', { quantity: t(`economy.quantities.${quantity}`) })}
              height={300}
              testId="gains-chart"
              exportName={`concert-gains-${g.tradeYear}-${quantity}`}
            />
            <div style={SCROLL}>
              <table data-testid="gains-table">
                <caption>
                  {t('economy.gainsCaption', { year: g.tradeYear, theta: f.num(g.theta, 3) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('economy.state')}</th>
                    <th scope="col" className="num">
                      {t('economy.lambda')}
                    </th>
                    <th scope="col" className="num">
                      {t('economy.gainShare')}
                    </th>
                    <th scope="col" className="num">
                      {t('economy.gainUsd')}
                    </th>
                    <th scope="col" className="num">
                      {t('economy.gainPerCapita')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {g.states.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">{f.country(s.id, s.name)}</th>
                      <td className="num">{s.lambda === null ? '—' : f.fixed(s.lambda, 4)}</td>
                      <td className="num" data-testid={`gain-share-${s.id}`} title={s.reason ?? undefined}>
                        {s.gainShare === null ? '—' : f.pct(s.gainShare, 2)}
                      </td>
                      <td className="num">{s.gainUsdM === null ? '—' : f.int(s.gainUsdM)}</td>
                      <td className="num">{s.gainPerCapitaUsd === null ? '—' : f.int(s.gainPerCapitaUsd)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <DataExport
              name={`concert-gains-${g.tradeYear}`}
              what={t('economy.gains')}
              csv={() => ({
                header: [
                  'id',
                  'name',
                  'gdpUsdM',
                  'importsUsdM',
                  'exportsUsdM',
                  'population',
                  'lambda',
                  'gainShare',
                  'gainUsdM',
                  'gainPerCapitaUsd',
                  'reason',
                ],
                rows: g.states.map((s) => [
                  s.id,
                  s.name,
                  s.gdpUsdM,
                  s.importsUsdM,
                  s.exportsUsdM,
                  s.population,
                  s.lambda,
                  s.gainShare,
                  s.gainUsdM,
                  s.gainPerCapitaUsd,
                  s.reason ?? '',
                ]),
              })}
              json={() => g}
              testId="gains-export"
            />
            {g.inequality ? (
              <>
                <InequalityTable gains={g.inequality} />
                <DataExport
                  name={`concert-gains-inequality-${g.tradeYear}-${quantity}`}
                  what={t('economy.inequalityCaption', { quantity: t(`economy.quantities.${quantity}`) })}
                  csv={() => {
                    const q = g.inequality!;
                    const row = (w: 'equal' | 'population', x: Inequality | null) =>
                      x === null
                        ? []
                        : [
                            [w, 'gini', '', x.gini],
                            [w, 'theil', '', x.theil],
                            ...x.atkinson.map((a) => [w, 'atkinson', a.epsilon, a.value]),
                          ];
                    return {
                      header: ['weights', 'index', 'epsilon', 'value'],
                      rows: [...row('equal', q.equalWeights), ...row('population', q.populationWeights)],
                    };
                  }}
                  testId="inequality-export"
                />
              </>
            ) : (
              <p className="note">{t('economy.noInequality')}</p>
            )}
            <ul className="note" lang="en">
              {g.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <TransitionPanel />
    </section>
  );
}
