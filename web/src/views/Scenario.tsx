/**
 * Scenario view: pick a shipped scenario or edit its YAML, with every
 * problem located inline (POST /api/scenarios/validate, as you type); run the
 * ensemble as a job (POST /api/scenarios/run) with a progress bar fed by
 * server-sent events; then fan charts of every indicator. Runs and seed are
 * the scenario's own (its `ensemble:`) unless the user types others, which
 * the view then says. The scenario, edited text and run id are in the
 * address: a link reopens the stored ensemble (GET /api/runs/:id).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, isAbort, useApi } from '../api';
import { DataExport } from '../Export';
import { bandRows } from '../exporting';
import { NumberField, useScrollTo, useValidity } from '../fields';
import { useFormat } from '../format';
import { ViewHeading } from '../Heading';
import { MAX_RUNS, ReportButton, RunButton, RunProgress, SEED, SeedField, useEnsembleRunner } from '../jobs';
import { PairedDifference } from '../PairedDifference';
import { ScenarioPicker } from '../Pickers';
import { ErrorNotice, ProblemText } from '../problems';
import type { ShippedScenario, StoredEnsemble, Validation } from '../types';
import { codec, useParam } from '../url';
import { FanCharts } from './Runs';

const VALIDATE_DELAY_MS = 250;
/** Edited text longer than this is not put in the address (the link then reopens the shipped scenario). */
const MAX_TEXT_IN_URL = 6000;
const RUNS = codec.int(1, MAX_RUNS);

/** Offset of (line, column), both 1-based, in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  const lines = text.split('\n');
  for (let k = 0; k < line - 1 && k < lines.length; k++) offset += (lines[k]?.length ?? 0) + 1;
  return offset + Math.max(0, column - 1);
}

export default function ScenarioView() {
  const { t } = useTranslation();
  const f = useFormat();
  const shipped = useApi('shipped', (signal) =>
    api<{ scenarios: ShippedScenario[] }>('/api/scenarios', { signal }),
  );
  const scenarios = shipped.data?.scenarios ?? [];
  const [chosen, setChosen] = useParam('scenario', 'baseline-2017', codec.text);
  const [urlText, setUrlText] = useParam('text', '', codec.text);
  const [runId, setRunId] = useParam('run', '', codec.text);
  const [runs, setRuns] = useParam('runs', Number.NaN, RUNS);
  const [seed, setSeed] = useParam('seed', Number.NaN, SEED);
  const [reference, setReference] = useParam('against', '', codec.text);
  const shippedText = scenarios.find((s) => s.id === chosen)?.text ?? '';
  const [text, setTextState] = useState(urlText);
  const [validation, setValidation] = useState<Validation | null>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLPreElement>(null);
  const results = useRef<HTMLDivElement>(null);
  const runner = useEnsembleRunner();
  const form = useValidity();

  // The shipped text fills the editor once known (unless the address holds an edited text).
  // (An update function: a scenario picked before this effect ran must not be replaced by the stale text.)
  useEffect(() => {
    if (urlText === '' && shippedText !== '')
      setTextState((current) => (current === '' ? shippedText : current));
  }, [shippedText]);
  const setText = (next: string) => {
    setTextState(next);
    setUrlText(next !== shippedText && next.length <= MAX_TEXT_IN_URL ? next : '');
  };

  useEffect(() => {
    if (text === '' && shippedText === '') return;
    const c = new AbortController();
    const timer = setTimeout(() => {
      api<Validation>('/api/scenarios/validate', { body: { text }, signal: c.signal }).then(
        setValidation,
        (e) => {
          if (!isAbort(e))
            setValidation({
              file: 'scenario',
              kind: 'scenario',
              valid: false,
              summary: null,
              problems:
                e instanceof ApiError && e.problems.length > 0
                  ? e.problems
                  : [{ path: [], message: String(e instanceof Error ? e.message : e) }],
            });
        },
      );
    }, VALIDATE_DELAY_MS);
    return () => {
      clearTimeout(timer);
      c.abort();
    };
  }, [text]);

  const problems = [...(validation?.problems ?? [])].sort(
    (x, y) => (x.line ?? 0) - (y.line ?? 0) || (x.column ?? 0) - (y.column ?? 0),
  );
  const badLines = new Set(problems.map((p) => p.line).filter((l): l is number => l !== undefined));
  const lineCount = text.split('\n').length;
  const summary = validation?.valid ? validation.scenario : undefined;
  const runsGiven = Number.isNaN(runs) ? null : runs;
  const seedGiven = Number.isNaN(seed) ? null : seed;
  const effectiveRuns = runsGiven ?? summary?.ensemble.runs ?? 0;

  const jump = (line: number | undefined, column: number | undefined) => {
    const el = editor.current;
    if (!el || line === undefined) return;
    const at = offsetOf(text, line, column ?? 1);
    el.focus();
    el.setSelectionRange(at, at + 1);
  };

  // A run id in the address reopens the stored ensemble.
  const stored = useApi(runId && !runner.result ? `run/${runId}` : null, (signal) =>
    api<StoredEnsemble>(`/api/runs/${encodeURIComponent(runId)}`, { signal }),
  );
  const fresh = runner.result?.value;
  const shown = fresh
    ? {
        scenario: fresh.scenario,
        runs: fresh.runs,
        seed: fresh.seed,
        years: fresh.years,
        indicators: fresh.indicators,
        actors: fresh.actors,
        id: fresh.ensemble,
      }
    : stored.data
      ? {
          scenario: stored.data.scenario,
          runs: stored.data.runs,
          seed: stored.data.seed,
          years: stored.data.years,
          indicators: stored.data.indicators,
          actors: [] as string[],
          id: stored.data.id,
        }
      : null;
  useEffect(() => {
    if (fresh) setRunId(fresh.ensemble);
  }, [fresh]);
  useScrollTo(results, fresh);

  const referenceText = scenarios.find((s) => s.id === reference)?.text;
  const sameAsReference = referenceText !== undefined && referenceText === text;
  const refCheck = useApi(reference ? `ref/${reference}` : null, (signal) =>
    api<Validation>('/api/scenarios/validate', { body: { id: reference }, signal }),
  );
  const events = (summary?.events ?? 0) + (refCheck.data?.scenario?.events ?? 0);
  const pairedReason =
    reference === ''
      ? t('scenario.chooseReference')
      : sameAsReference
        ? t('scenario.sameAsReference', { a: reference })
        : validation?.valid !== true
          ? t('scenario.fixFirst')
          : null;

  return (
    <section aria-labelledby="sc-h">
      <ViewHeading id="sc-h" view="scenario">
        {t('scenario.heading')}
      </ViewHeading>
      <p className="intro">{t('scenario.intro')}</p>
      <div className="controls">
        <ScenarioPicker
          label={t('scenario.pick')}
          ids={scenarios.map((x) => x.id)}
          value={chosen}
          onChange={(id) => {
            setChosen(id);
            setUrlText('');
            setRunId('');
            runner.clear();
            const s = scenarios.find((x) => x.id === id);
            if (s) setTextState(s.text);
          }}
          testId="scenario-pick"
        />
        <NumberField
          label={t('scenario.runs')}
          value={runsGiven}
          optional
          integer
          min={1}
          max={MAX_RUNS}
          placeholder={summary ? f.int(summary.ensemble.runs) : ''}
          hint={t('scenario.runsHint')}
          onChange={(v) => setRuns(v ?? Number.NaN)}
          onValidity={form.report('runs')}
          testId="runs"
        />
        <SeedField
          value={seedGiven}
          placeholder={summary ? String(summary.ensemble.seed) : ''}
          hint={t('scenario.seedHint')}
          onChange={(v) => setSeed(v ?? Number.NaN)}
          onValidity={form.report('seed')}
          testId="seed"
        />
        <RunButton
          label={t('scenario.run')}
          total={effectiveRuns}
          disabled={runner.running || validation?.valid !== true || !form.valid}
          onRun={() => void runner.run({ text }, runsGiven, seedGiven, effectiveRuns)}
          testId="run"
        />
      </div>
      {summary && (
        <p className="note" data-testid="ensemble-note">
          {runsGiven === null && seedGiven === null
            ? t('scenario.usesFile', { runs: f.int(summary.ensemble.runs), seed: summary.ensemble.seed })
            : t('scenario.overrides', {
                runs: f.int(runsGiven ?? summary.ensemble.runs),
                seed: seedGiven ?? summary.ensemble.seed,
                fileRuns: f.int(summary.ensemble.runs),
                fileSeed: summary.ensemble.seed,
              })}
        </p>
      )}
      <div className="cols2">
        <div>
          <label htmlFor="scenario-text" className="field">
            {t('scenario.editor')}
          </label>
          <div className="editor">
            <pre className="gutter" ref={gutter} aria-hidden="true">
              {Array.from({ length: lineCount }, (_, k) => (
                <div key={k} className={badLines.has(k + 1) ? 'bad' : undefined}>
                  {k + 1}
                </div>
              ))}
            </pre>
            <textarea
              id="scenario-text"
              ref={editor}
              value={text}
              spellCheck={false}
              aria-invalid={validation ? !validation.valid : undefined}
              aria-describedby="scenario-problems"
              onChange={(e) => setText(e.target.value)}
              onScroll={(e) => {
                if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
              }}
              data-testid="scenario-text"
            />
          </div>
        </div>
        <div className="panel">
          <h2>{t('scenario.check')}</h2>
          <div id="scenario-problems" aria-live="polite" data-testid="problems">
            {validation?.valid && <p>{t('scenario.valid')}</p>}
            {problems.length > 0 && (
              <>
                <p className="error">{t('scenario.problems', { count: problems.length })}</p>
                <ul className="problems">
                  {problems.map((p, k) => (
                    <li key={k}>
                      <button type="button" onClick={() => jump(p.line, p.column)} data-testid="problem">
                        {p.line !== undefined
                          ? t('scenario.at', { line: p.line, column: p.column ?? 1 })
                          : t('scenario.atDocument')}
                        {' · '}
                        <ProblemText problem={p} />
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <RunProgress
            progress={runner.progress}
            label={t('scenario.progress')}
            running={runner.running}
            job={runner}
          />
          <ErrorNotice
            error={runner.error}
            labels={{ runs: t('scenario.runs'), seed: t('scenario.seed'), scenario: t('scenario.editor') }}
            testId="run-error"
          />
        </div>
      </div>
      <div className="controls">
        <ScenarioPicker
          label={t('scenario.compareWith')}
          ids={scenarios.map((x) => x.id)}
          value={reference}
          onChange={setReference}
          empty={t('scenario.noReference')}
          testId="compare-with"
        />
      </div>
      <PairedDifference
        a={{ id: reference }}
        b={{ text }}
        runs={runsGiven}
        seed={seedGiven}
        events={events}
        disabled={pairedReason !== null}
        reason={pairedReason}
        reportScenarios={{ a: { id: reference }, b: { text } }}
      />
      <ErrorNotice error={stored.error} labels={{ id: t('runs.id') }} />
      {shown && (
        <div ref={results}>
          <h2>{t('scenario.indicators')}</h2>
          <p data-testid="run-summary">
            {t('scenario.summary', {
              scenario: shown.scenario,
              runs: f.int(shown.runs),
              seed: shown.seed,
              from: shown.years.from,
              to: shown.years.to,
            })}
          </p>
          <div className="export-row">
            <DataExport
              name={`concert-run-${shown.scenario}-bands`}
              what={t('scenario.indicators')}
              csv={() => bandRows(shown.indicators)}
              json={() => fresh ?? stored.data}
              testId="bands-export"
            />
            {fresh && (
              <ReportButton
                name={fresh.scenario}
                body={() => ({ a: runner.result?.request.scenario, ensemble: fresh })}
                testId="run-report"
              />
            )}
          </div>
          <FanCharts
            indicators={shown.indicators}
            actors={shown.actors}
            exportPrefix={`concert-${shown.scenario}`}
            testId="fan-charts"
          />
        </div>
      )}
    </section>
  );
}
