/**
 * The paired difference B − A of two scenarios with common random numbers
 * (POST /api/compare, run as a job), as a fan chart of one indicator, and,
 * unless unticked, what each event contributes to it (the event switched off
 * in turn), as `concert compare` prints it. Used by the Compare view (two
 * shipped scenarios) and the Scenario view (the edited scenario against a
 * shipped one).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJob } from './api';
import { FanChart } from './FanChart';
import { useFormat } from './format';
import { IndicatorPicker } from './Pickers';
import { RunProgress } from './RunProgress';
import type { Comparison, Effect } from './types';

/** A scenario as the API takes it: a shipped one by id, or YAML text. */
export type ScenarioSource = { id: string } | { text: string };

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
export function usePairedDifference() {
  const job = useJob<Comparison>();
  const run = (a: ScenarioSource, b: ScenarioSource, runs: number, seed: number, attribution: boolean) =>
    job.start('/api/compare', { a, b, runs, seed, attribution }, 2 * runs);
  return { progress: job.progress, result: job.result, error: job.error, run };
}

/**
 * The paired difference panel: a button (and the attribution checkbox), the
 * job's progress, the difference's fan chart of `indicator` (or of the one
 * chosen in the panel when `indicator` is not given) and the attribution table.
 */
export function PairedDifference({
  a,
  b,
  runs,
  seed,
  title,
  indicator,
  disabled = false,
}: {
  a: ScenarioSource;
  b: ScenarioSource;
  runs: number;
  seed: number;
  title: string;
  indicator?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const paired = usePairedDifference();
  const [attribute, setAttribute] = useState(true);
  const [own, setOwn] = useState('stability.index');
  const names = paired.result ? Object.keys(paired.result.indicators) : [];
  const shown = indicator ?? (names.includes(own) ? own : names[0]);
  return (
    <div className="panel">
      <h2>{title}</h2>
      <div className="controls">
        <button
          type="button"
          className="secondary"
          disabled={disabled}
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
        {indicator === undefined && names.length > 0 && (
          <IndicatorPicker names={names} value={shown} onChange={setOwn} testId="paired-indicator" />
        )}
      </div>
      <RunProgress progress={paired.progress} label={t('compare.differenceProgress')} />
      {paired.error && <p className="error">{paired.error}</p>}
      {shown && paired.result?.indicators[shown] && (
        <FanChart
          name={shown}
          bands={paired.result.indicators[shown]}
          height={280}
          testId="compare-difference"
        />
      )}
      {shown && paired.result?.attribution && paired.result.indicators[shown] && (
        <AttributionTable comparison={paired.result} indicator={shown} />
      )}
    </div>
  );
}
