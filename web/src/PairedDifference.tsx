/**
 * The paired difference B − A of two scenarios with common random numbers
 * (POST /api/compare, run as a job), as a fan chart of one indicator, and,
 * unless unticked, what each event contributes to it (the event switched off
 * in turn), as `concert compare` prints it. Used by the Compare view (two
 * shipped scenarios) and the Scenario view (the edited scenario against a
 * shipped one). The chart and the table are titled from the result itself,
 * and a result is dropped as soon as A or B changes, so a difference is
 * never shown under the wrong scenarios.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataExport } from './Export';
import { bandRows } from './exporting';
import { FanChart, useIndicatorLabel } from './FanChart';
import { useScrollTo } from './fields';
import { useFormat } from './format';
import { type ScenarioSource, ReportButton, RunButton, RunProgress, usePairedRunner } from './jobs';
import { IndicatorPicker } from './Pickers';
import { ErrorNotice } from './problems';
import type { Comparison, Effect } from './types';

/** The year of an effect's largest absolute mean (the first such year), as `concert compare` reports it. */
function peakYear(e: Effect): number {
  let best = 0;
  e.mean.forEach((m, t) => {
    if (Math.abs(m) > Math.abs(e.mean[best]!)) best = t;
  });
  return best;
}

/** An event's label in the current language: its type translated and state ids named. */
export function useEventLabel() {
  const { t } = useTranslation();
  const f = useFormat();
  return (a: Comparison['attribution'][number]) => {
    const rest = a.label.startsWith(`${a.type} ${a.year}`)
      ? a.label.slice(`${a.type} ${a.year}`.length).trim()
      : a.label;
    const named = rest
      .split(' ')
      .map((w) =>
        w
          .split('+')
          .map((x) => (/^[A-Z]{3}$/.test(x) ? f.country(x) : x === 'off' ? t('event.off') : x))
          .join(' + '),
      )
      .join(' ');
    return `${t(`event.${a.type}`)} ${a.year}${named ? ` · ${named}` : ''}`;
  };
}

/** The events' effects on one indicator: at their peak year and in the last year. */
function AttributionTable({ comparison, indicator }: { comparison: Comparison; indicator: string }) {
  const { t } = useTranslation();
  const { lang } = useFormat();
  const eventLabel = useEventLabel();
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
              <td title={a.label}>{eventLabel(a)}</td>
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
  events,
  indicator,
  disabled = false,
  reason,
  reportScenarios,
}: {
  a: ScenarioSource;
  b: ScenarioSource;
  runs: number | null;
  seed: number | null;
  /** Events in A and B (for the size of the job with attribution). */
  events: number;
  indicator?: string;
  disabled?: boolean;
  /** Why the button is disabled, shown beside it. */
  reason?: string | null;
  /** The scenarios the HTML report describes. */
  reportScenarios: { a: ScenarioSource; b: ScenarioSource };
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const paired = usePairedRunner();
  const indicatorLabel = useIndicatorLabel();
  const [attribute, setAttribute] = useState(true);
  const [own, setOwn] = useState('stability.index');
  const sources = JSON.stringify([a, b]);
  // A result belongs to the scenarios it was computed for: forget it when they change.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else paired.clear();
  }, [sources]);
  const result = paired.result?.value;
  const names = result ? Object.keys(result.indicators) : [];
  const shown = indicator && names.includes(indicator) ? indicator : names.includes(own) ? own : names[0];
  const box = useRef<HTMLDivElement>(null);
  useScrollTo(box, result);
  const effectiveRuns = runs ?? 200;
  const total = effectiveRuns * (2 + (attribute ? events : 0));
  return (
    <div className="panel" ref={box}>
      <h2>
        {result
          ? t('compare.difference', { a: result.scenario.a, b: result.scenario.b })
          : t('compare.differenceHeading')}
      </h2>
      <div className="controls">
        <RunButton
          label={t('compare.runDifference')}
          total={total}
          disabled={disabled || paired.running}
          onRun={() => void paired.run(a, b, runs, seed, attribute, total)}
          testId="compare-paired"
        />
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
        {reason && (
          <span className="note" data-testid="paired-reason">
            {reason}
          </span>
        )}
      </div>
      <p className="note">{t('compare.size', { runs: f.int(effectiveRuns), total: f.int(total) })}</p>
      <RunProgress
        progress={paired.progress}
        label={t('compare.differenceProgress')}
        running={paired.running}
      />
      <ErrorNotice error={paired.error} testId="paired-error" />
      {result && (
        <p className="note" data-testid="paired-summary">
          {t('compare.pairedSummary', {
            a: result.scenario.a,
            b: result.scenario.b,
            runs: f.int(result.runs),
            seed: result.seed,
          })}
        </p>
      )}
      {shown && result?.indicators[shown] && (
        <FanChart
          name={shown}
          bands={result.indicators[shown]}
          height={300}
          difference
          title={t('compare.differenceChart', {
            indicator: indicatorLabel(shown),
            a: result.scenario.a,
            b: result.scenario.b,
          })}
          testId="compare-difference"
          exportName={`concert-difference-${result.scenario.b}-${result.scenario.a}-${shown}`}
        />
      )}
      {shown && result?.attribution && result.indicators[shown] && (
        <AttributionTable comparison={result} indicator={shown} />
      )}
      {result && (
        <div className="export-row">
          <DataExport
            name={`concert-compare-${result.scenario.b}-${result.scenario.a}`}
            what={t('compare.differenceHeading')}
            csv={() => bandRows(result.indicators)}
            json={() => result}
            testId="paired-export"
          />
          <ReportButton
            name={`${result.scenario.b}-vs-${result.scenario.a}`}
            body={() => ({ a: reportScenarios.a, b: reportScenarios.b, comparison: result })}
            testId="paired-report"
          />
        </div>
      )}
    </div>
  );
}
