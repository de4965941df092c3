/**
 * Compare view: two scenarios' ensembles side by side (same runs and seed,
 * so the same random draws), one indicator at a time on a shared scale; then
 * the paired difference B − A and, as `concert compare` prints it, what each
 * event contributes to it (the event switched off in turn).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi, useJob } from '../api';
import { FanChart, useIndicatorLabel } from '../FanChart';
import { useFormat } from '../format';
import type { Bands, ShippedScenario } from '../types';
import { RunProgress, splitIndicators, useEnsembleRunner } from './Scenario';

/** An effect per year with its 95% interval. */
interface Effect {
  years: number[];
  mean: number[];
  ciLow: number[];
  ciHigh: number[];
}

/** What one event contributes to B − A (its scenario run with the event switched off). */
interface Attribution {
  scenario: 'a' | 'b';
  /** Index of the event in its scenario's `events`. */
  event: number;
  label: string;
  effects: Record<string, Effect>;
}

/** The JSON of `concert compare` (POST /api/compare): bands of the paired difference B − A per indicator. */
interface Comparison {
  scenario: { a: string; b: string };
  runs: number;
  seed: number;
  indicators: Record<string, Bands & Effect>;
  attribution?: Attribution[];
}

/** The year of an effect's largest absolute mean (the first such year), as `concert compare` reports it. */
function peakYear(e: Effect): number {
  let best = 0;
  e.mean.forEach((m, t) => {
    if (Math.abs(m) > Math.abs(e.mean[best]!)) best = t;
  });
  return best;
}

/** The events' effects on one indicator: at their peak year and in the last year. */
function AttributionTable({ comparison, indicator }: { comparison: Comparison; indicator: string }) {
  const { t } = useTranslation();
  const { lang } = useFormat();
  const rows = (comparison.attribution ?? []).filter((a) => a.effects[indicator]);
  if (rows.length === 0) return <p className="note">{t('compare.noEvents')}</p>;
  // Three decimals; a value that rounds to zero is shown as 0.000, not −0.000.
  const number = new Intl.NumberFormat(lang, {
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
    signDisplay: 'negative',
  });
  const cell = (e: Effect, k: number) =>
    `${number.format(e.mean[k]!)} [${number.format(e.ciLow[k]!)}, ${number.format(e.ciHigh[k]!)}]`;
  return (
    <table data-testid="compare-attribution">
      <caption>{t('compare.attribution')}</caption>
      <thead>
        <tr>
          <th>{t('compare.event')}</th>
          <th>{t('compare.inScenario')}</th>
          <th className="num">{t('compare.peak')}</th>
          <th className="num">
            {t('compare.lastYear', { year: rows[0]!.effects[indicator]!.years.at(-1) })}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => {
          const e = a.effects[indicator]!;
          const peak = peakYear(e);
          const last = e.years.length - 1;
          return (
            <tr key={`${a.scenario}:${a.event}`}>
              <td>{a.label}</td>
              <td>{a.scenario === 'a' ? comparison.scenario.a : comparison.scenario.b}</td>
              <td className="num">
                {cell(e, peak)} ({e.years[peak]})
              </td>
              <td className="num">{cell(e, last)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Runs POST /api/compare (common random numbers, with or without attribution) as a job and follows its progress. */
function usePairedDifference() {
  const job = useJob<Comparison>();
  const run = (a: string, b: string, runs: number, seed: number, attribution: boolean) =>
    job.start('/api/compare', { a: { id: a }, b: { id: b }, runs, seed, attribution }, 2 * runs);
  return { progress: job.progress, result: job.result, error: job.error, run };
}

export default function CompareView() {
  const { t } = useTranslation();
  const label = useIndicatorLabel();
  const shipped = useApi('shipped', (signal) =>
    api<{ scenarios: ShippedScenario[] }>('/api/scenarios', { signal }),
  );
  const ids = (shipped.data?.scenarios ?? []).map((s) => s.id);
  const [a, setA] = useState('baseline-2017');
  const [b, setB] = useState('thaad-korea');
  const [runs, setRuns] = useState(20);
  const [seed, setSeed] = useState(1);
  const [indicator, setIndicator] = useState('stability.index');
  const [attribute, setAttribute] = useState(true);
  const left = useEnsembleRunner();
  const right = useEnsembleRunner();
  const paired = usePairedDifference();
  const running = left.running || right.running;

  const run = async () => {
    await left.run({ id: a }, runs, seed);
    await right.run({ id: b }, runs, seed);
  };

  const names = useMemo(() => {
    if (!left.result || !right.result) return [];
    const inRight = new Set(Object.keys(right.result.indicators));
    return splitIndicators(left.result).system.filter((n) => inRight.has(n));
  }, [left.result, right.result]);
  const shown = names.includes(indicator) ? indicator : names[0];
  const bandsA = shown ? left.result?.indicators[shown] : undefined;
  const bandsB = shown ? right.result?.indicators[shown] : undefined;
  const range = useMemo<[number, number] | undefined>(() => {
    if (!bandsA || !bandsB) return undefined;
    const all = [...bandsA.q05, ...bandsA.q95, ...bandsB.q05, ...bandsB.q95];
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    // Round outwards to half the order of magnitude of the span, so that both axes get round ends.
    const step = 10 ** Math.floor(Math.log10(hi - lo || Math.abs(hi) || 1)) / 2;
    return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
  }, [bandsA, bandsB]);

  const pick = (value: string, set: (v: string) => void, text: string, testId: string) => (
    <label>
      <span>{text}</span>
      <select value={value} onChange={(e) => set(e.target.value)} data-testid={testId}>
        {ids.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section aria-labelledby="cmp-h">
      <h1 id="cmp-h">{t('compare.heading')}</h1>
      <p className="intro">{t('compare.intro')}</p>
      <div className="controls">
        {pick(a, setA, t('compare.a'), 'compare-a')}
        {pick(b, setB, t('compare.b'), 'compare-b')}
        <label>
          <span>{t('scenario.runs')}</span>
          <input
            type="number"
            min={1}
            max={1000}
            value={runs}
            onChange={(e) => setRuns(Math.max(1, Number(e.target.value) || 1))}
          />
        </label>
        <label>
          <span>{t('scenario.seed')}</span>
          <input
            type="number"
            min={0}
            value={seed}
            onChange={(e) => setSeed(Math.max(0, Number(e.target.value) || 0))}
          />
        </label>
        <button
          type="button"
          onClick={() => void run()}
          disabled={running || a === b}
          data-testid="compare-run"
        >
          {t('compare.run')}
        </button>
      </div>
      <div className="cols2">
        <RunProgress progress={left.progress} label={a} />
        <RunProgress progress={right.progress} label={b} />
      </div>
      {(left.error ?? right.error) && <p className="error">{left.error ?? right.error}</p>}
      {names.length > 0 && (
        <div className="controls">
          <label>
            <span>{t('compare.indicator')}</span>
            <select value={shown} onChange={(e) => setIndicator(e.target.value)}>
              {names.map((n) => (
                <option key={n} value={n}>
                  {label(n)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {shown && bandsA && bandsB && (
        <div className="cols2" data-testid="compare-charts">
          <div className="panel">
            <h2>{left.result?.scenario}</h2>
            <FanChart name={shown} bands={bandsA} range={range} height={300} />
          </div>
          <div className="panel">
            <h2>{right.result?.scenario}</h2>
            <FanChart name={shown} bands={bandsB} range={range} height={300} />
          </div>
        </div>
      )}
      {shown && bandsA && bandsB && (
        <div className="panel">
          <h2>{t('compare.difference', { a: left.result?.scenario, b: right.result?.scenario })}</h2>
          <div className="controls">
            <button
              type="button"
              className="secondary"
              disabled={running}
              onClick={() => void paired.run(a, b, runs, seed, attribute)}
              data-testid="compare-paired"
            >
              {t('compare.runDifference')}
            </button>
            <label className="inline">
              <input
                type="checkbox"
                checked={attribute}
                onChange={(e) => setAttribute(e.target.checked)}
                data-testid="compare-attribute"
              />
              <span>{t('compare.withAttribution')}</span>
            </label>
          </div>
          <RunProgress progress={paired.progress} label={t('compare.differenceProgress')} />
          {paired.error && <p className="error">{paired.error}</p>}
          {paired.result?.indicators[shown] && (
            <FanChart
              name={shown}
              bands={paired.result.indicators[shown]}
              height={280}
              testId="compare-difference"
            />
          )}
          {paired.result?.attribution && paired.result.indicators[shown] && (
            <AttributionTable comparison={paired.result} indicator={shown} />
          )}
        </div>
      )}
      <p className="note">{t('compare.note')}</p>
    </section>
  );
}
