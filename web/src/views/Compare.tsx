/**
 * Compare view: two shipped scenarios' ensembles side by side (same runs and
 * seed, so the same random draws), one indicator at a time on a shared
 * scale; then the paired difference B − A and what each event contributes to
 * it (PairedDifference). Runs and seed default as `concert compare`'s (200
 * runs, A's ensemble seed). Results are dropped when A or B changes; the
 * stored ensembles' ids are kept in the address, so a link reopens both.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../api';
import { DataExport } from '../Export';
import { bandRows } from '../exporting';
import { FanChart } from '../FanChart';
import { NumberField, useScrollTo, useValidity } from '../fields';
import { useFormat } from '../format';
import { ViewHeading } from '../Heading';
import { MAX_RUNS, ReportButton, RunButton, RunProgress, SEED, SeedField, useEnsembleRunner } from '../jobs';
import { PairedDifference } from '../PairedDifference';
import { IndicatorPicker, ScenarioPicker } from '../Pickers';
import { ErrorNotice } from '../problems';
import type { Bands, ShippedScenario, StoredEnsemble, Validation } from '../types';
import { codec, useParam } from '../url';
import { splitNames } from './Runs';

const RUNS = codec.int(1, MAX_RUNS);
/** Paired runs per scenario of `concert compare` when --runs is not given. */
const COMPARE_RUNS = 200;

/** One side's bands: from the run just made, else from the stored ensemble in the address. */
function useSide(runner: ReturnType<typeof useEnsembleRunner>, id: string) {
  const stored = useApi(id && !runner.result ? `run/${id}` : null, (signal) =>
    api<StoredEnsemble>(`/api/runs/${encodeURIComponent(id)}`, { signal }),
  );
  const fresh = runner.result?.value;
  if (fresh)
    return {
      scenario: fresh.scenario,
      indicators: fresh.indicators,
      actors: fresh.actors,
      runs: fresh.runs,
      seed: fresh.seed,
      id: fresh.ensemble,
      error: null,
    };
  if (stored.data)
    return {
      scenario: stored.data.scenario,
      indicators: stored.data.indicators,
      actors: [] as string[],
      runs: stored.data.runs,
      seed: stored.data.seed,
      id: stored.data.id,
      error: null,
    };
  return {
    scenario: null,
    indicators: null,
    actors: [] as string[],
    runs: 0,
    seed: 0,
    id: '',
    error: stored.error ?? null,
  };
}

export default function CompareView() {
  const { t } = useTranslation();
  const f = useFormat();
  const shipped = useApi('shipped', (signal) =>
    api<{ scenarios: ShippedScenario[] }>('/api/scenarios', { signal }),
  );
  const ids = (shipped.data?.scenarios ?? []).map((s) => s.id);
  const [a, setA] = useParam('a', 'baseline-2017', codec.text);
  const [b, setB] = useParam('b', 'thaad-korea', codec.text);
  const [runs, setRuns] = useParam('runs', Number.NaN, RUNS);
  const [seed, setSeed] = useParam('seed', Number.NaN, SEED);
  const [indicator, setIndicator] = useParam('indicator', 'stability.index', codec.text);
  const [runA, setRunA] = useParam('runA', '', codec.text);
  const [runB, setRunB] = useParam('runB', '', codec.text);
  const form = useValidity();
  const left = useEnsembleRunner();
  const right = useEnsembleRunner();
  const running = left.running || right.running;
  const checkA = useApi(a ? `v/${a}` : null, (signal) =>
    api<Validation>('/api/scenarios/validate', { body: { id: a }, signal }),
  );
  const checkB = useApi(b ? `v/${b}` : null, (signal) =>
    api<Validation>('/api/scenarios/validate', { body: { id: b }, signal }),
  );
  const runsGiven = Number.isNaN(runs) ? null : runs;
  const seedGiven = Number.isNaN(seed) ? null : seed;
  const effectiveRuns = runsGiven ?? COMPARE_RUNS;
  const effectiveSeed = seedGiven ?? checkA.data?.scenario?.ensemble.seed ?? null;

  // Results belong to the scenarios they were run for: forget them when A or B changes.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    left.clear();
    right.clear();
    setRunA('');
    setRunB('');
  }, [a, b]);

  const run = async () => {
    const ra = await left.run({ id: a }, effectiveRuns, effectiveSeed, effectiveRuns);
    if (ra) setRunA(ra.ensemble);
    const rb = await right.run({ id: b }, effectiveRuns, effectiveSeed, effectiveRuns);
    if (rb) setRunB(rb.ensemble);
  };
  const sideA = useSide(left, runA);
  const sideB = useSide(right, runB);

  const names = useMemo(() => {
    if (!sideA.indicators || !sideB.indicators) return [];
    const inRight = new Set(Object.keys(sideB.indicators));
    return splitNames(Object.keys(sideA.indicators), sideA.actors).system.filter((n) => inRight.has(n));
  }, [sideA.indicators, sideB.indicators]);
  const shown = names.includes(indicator) ? indicator : names[0];
  const bandsA: Bands | undefined = shown ? sideA.indicators?.[shown] : undefined;
  const bandsB: Bands | undefined = shown ? sideB.indicators?.[shown] : undefined;
  const range = useMemo<[number, number] | undefined>(() => {
    if (!bandsA || !bandsB) return undefined;
    const all = [...bandsA.q05, ...bandsA.q95, ...bandsB.q05, ...bandsB.q95];
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    // Round outwards to half the order of magnitude of the span, so that both axes get round ends.
    const step = 10 ** Math.floor(Math.log10(hi - lo || Math.abs(hi) || 1)) / 2;
    return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
  }, [bandsA, bandsB]);
  const charts = useRef<HTMLDivElement>(null);
  useScrollTo(charts, right.result);
  const events = (checkA.data?.scenario?.events ?? 0) + (checkB.data?.scenario?.events ?? 0);

  return (
    <section aria-labelledby="cmp-h">
      <ViewHeading id="cmp-h" view="compare">
        {t('compare.heading')}
      </ViewHeading>
      <p className="intro">{t('compare.intro')}</p>
      <div className="controls">
        <ScenarioPicker label={t('compare.a')} ids={ids} value={a} onChange={setA} testId="compare-a" />
        <ScenarioPicker label={t('compare.b')} ids={ids} value={b} onChange={setB} testId="compare-b" />
        <NumberField
          label={t('scenario.runs')}
          value={runsGiven}
          optional
          integer
          min={1}
          max={MAX_RUNS}
          placeholder={f.int(COMPARE_RUNS)}
          hint={t('compare.runsHint')}
          onChange={(v) => setRuns(v ?? Number.NaN)}
          onValidity={form.report('runs')}
          testId="compare-runs"
        />
        <SeedField
          value={seedGiven}
          placeholder={effectiveSeed === null ? '' : String(effectiveSeed)}
          hint={t('compare.seedHint')}
          onChange={(v) => setSeed(v ?? Number.NaN)}
          onValidity={form.report('seed')}
          testId="compare-seed"
        />
        <RunButton
          label={t('compare.run')}
          total={2 * effectiveRuns}
          onRun={() => void run()}
          disabled={running || a === b || !form.valid || effectiveSeed === null}
          testId="compare-run"
        />
      </div>
      {a === b && <p className="error">{t('compare.same')}</p>}
      <div className="cols2">
        <RunProgress progress={left.progress} label={a} running={left.running} job={left} testId="cancel-a" />
        <RunProgress
          progress={right.progress}
          label={b}
          running={right.running}
          job={right}
          testId="cancel-b"
        />
      </div>
      <ErrorNotice
        error={left.error ?? right.error ?? sideA.error ?? sideB.error}
        labels={{ runs: t('scenario.runs'), seed: t('scenario.seed') }}
      />
      {names.length > 0 && (
        <div className="controls">
          <IndicatorPicker names={names} value={shown} onChange={setIndicator} testId="compare-indicator" />
        </div>
      )}
      {shown && bandsA && bandsB && (
        <div ref={charts}>
          <div className="cols2" data-testid="compare-charts">
            <div className="panel">
              <h2>
                {t('compare.side', { scenario: sideA.scenario, runs: f.int(sideA.runs), seed: sideA.seed })}
              </h2>
              <FanChart
                name={shown}
                bands={bandsA}
                range={range}
                height={300}
                exportName={`concert-${sideA.scenario}-${shown}`}
              />
            </div>
            <div className="panel">
              <h2>
                {t('compare.side', { scenario: sideB.scenario, runs: f.int(sideB.runs), seed: sideB.seed })}
              </h2>
              <FanChart
                name={shown}
                bands={bandsB}
                range={range}
                height={300}
                exportName={`concert-${sideB.scenario}-${shown}`}
              />
            </div>
          </div>
          <div className="export-row">
            <DataExport
              name={`concert-compare-${sideA.scenario}-${sideB.scenario}-bands`}
              what={t('compare.heading')}
              csv={() => {
                const ra = bandRows(sideA.indicators ?? {}, [sideA.scenario]);
                const rb = bandRows(sideB.indicators ?? {}, [sideB.scenario]);
                return { header: ['scenario', ...ra.header], rows: [...ra.rows, ...rb.rows] };
              }}
              json={() => ({ a: left.result?.value ?? sideA, b: right.result?.value ?? sideB })}
              testId="compare-export"
            />
            {left.result && right.result && (
              <ReportButton
                name={`${sideB.scenario}-vs-${sideA.scenario}`}
                body={() => ({
                  a: { id: a },
                  b: { id: b },
                  ensembles: { a: left.result?.value, b: right.result?.value },
                })}
                testId="compare-report"
              />
            )}
          </div>
        </div>
      )}
      <PairedDifference
        a={{ id: a }}
        b={{ id: b }}
        runs={runsGiven}
        seed={seedGiven}
        events={events}
        indicator={shown}
        disabled={running || a === b || !form.valid}
        reportScenarios={{ a: { id: a }, b: { id: b } }}
      />
      <p className="note">{t('compare.note')}</p>
    </section>
  );
}
