/**
 * Scenario view: pick a shipped scenario or edit its YAML, with every
 * problem located inline (POST /api/scenarios/validate, as you type); run the
 * ensemble as a job (POST /api/scenarios/run) with a progress bar fed by
 * server-sent events; then fan charts of every indicator.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, isAbort, useApi, useJob } from '../api';
import { FanChart } from '../FanChart';
import { useFormat } from '../format';
import { PairedDifference } from '../PairedDifference';
import { ScenarioPicker } from '../Pickers';
import { RunProgress } from '../RunProgress';
import type { EnsembleResult, ShippedScenario, Validation } from '../types';

const VALIDATE_DELAY_MS = 250;

/** Offset of (line, column), both 1-based, in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  const lines = text.split('\n');
  for (let k = 0; k < line - 1 && k < lines.length; k++) offset += (lines[k]?.length ?? 0) + 1;
  return offset + Math.max(0, column - 1);
}

/** Runs an ensemble and reports its progress; shared by the scenario and compare views. */
export function useEnsembleRunner() {
  const job = useJob<EnsembleResult>();
  const run = (scenario: { text: string } | { id: string }, runs: number, seed: number) =>
    job.start('/api/scenarios/run', { scenario, runs, seed }, runs);
  return { progress: job.progress, result: job.result, error: job.error, running: job.running, run };
}

/** System-wide indicators first, then those of single actors (names ending in `.ISO`). */
export function splitIndicators(r: EnsembleResult): { system: string[]; perActor: string[] } {
  const names = Object.keys(r.indicators);
  const isActor = (n: string) => r.actors.some((a) => n.endsWith(`.${a}`));
  return { system: names.filter((n) => !isActor(n)), perActor: names.filter(isActor) };
}

export default function ScenarioView() {
  const { t } = useTranslation();
  const f = useFormat();
  const shipped = useApi('shipped', (signal) =>
    api<{ scenarios: ShippedScenario[] }>('/api/scenarios', { signal }),
  );
  const [chosen, setChosen] = useState('');
  const [text, setText] = useState('');
  const [validation, setValidation] = useState<Validation | null>(null);
  const [runs, setRuns] = useState(20);
  const [seed, setSeed] = useState(1);
  const editor = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLPreElement>(null);
  const runner = useEnsembleRunner();
  const [reference, setReference] = useState('baseline-2017');

  useEffect(() => {
    const first = shipped.data?.scenarios[0];
    if (first && chosen === '') {
      setChosen(first.id);
      setText(first.text);
    }
  }, [shipped.data, chosen]);

  useEffect(() => {
    if (text === '') return;
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
              problems: e instanceof ApiError ? e.problems : [{ path: [], message: String(e) }],
            });
        },
      );
    }, VALIDATE_DELAY_MS);
    return () => {
      clearTimeout(timer);
      c.abort();
    };
  }, [text]);

  const problems = validation?.problems ?? [];
  const badLines = new Set(problems.map((p) => p.line).filter((l): l is number => l !== undefined));
  const lineCount = text.split('\n').length;

  const jump = (line: number | undefined, column: number | undefined) => {
    const el = editor.current;
    if (!el || line === undefined) return;
    const at = offsetOf(text, line, column ?? 1);
    el.focus();
    el.setSelectionRange(at, at + 1);
  };

  const result = runner.result;
  const groups = result ? splitIndicators(result) : null;

  return (
    <section aria-labelledby="sc-h">
      <h1 id="sc-h">{t('scenario.heading')}</h1>
      <p className="intro">{t('scenario.intro')}</p>
      <div className="controls">
        <ScenarioPicker
          label={t('scenario.pick')}
          ids={(shipped.data?.scenarios ?? []).map((x) => x.id)}
          value={chosen}
          onChange={(id) => {
            setChosen(id);
            const s = shipped.data?.scenarios.find((x) => x.id === id);
            if (s) setText(s.text);
          }}
          testId="scenario-pick"
        />
        <label>
          <span>{t('scenario.runs')}</span>
          <input
            type="number"
            min={1}
            max={1000}
            value={runs}
            onChange={(e) => setRuns(Math.max(1, Number(e.target.value) || 1))}
            data-testid="runs"
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
          disabled={runner.running || validation?.valid !== true}
          onClick={() => void runner.run({ text }, runs, seed)}
          data-testid="run"
        >
          {t('scenario.run')}
        </button>
      </div>
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
                        {p.path.length > 0 ? ` · ${p.path.join('.')}` : ''}: {p.message}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <RunProgress progress={runner.progress} label={t('scenario.progress')} />
          {runner.error && <p className="error">{runner.error}</p>}
          {result && (
            <p data-testid="run-summary">
              {t('scenario.summary', {
                scenario: result.scenario,
                runs: f.int(result.runs),
                seed: result.seed,
                from: result.years.from,
                to: result.years.to,
              })}
            </p>
          )}
        </div>
      </div>
      <div className="controls">
        <ScenarioPicker
          label={t('scenario.compareWith')}
          ids={(shipped.data?.scenarios ?? []).map((x) => x.id)}
          value={reference}
          onChange={setReference}
          testId="compare-with"
        />
      </div>
      <PairedDifference
        a={{ id: reference }}
        b={{ text }}
        runs={runs}
        seed={seed}
        title={t('scenario.pairedTitle', { a: reference })}
        disabled={validation?.valid !== true}
      />
      {result && groups && (
        <>
          <h2>{t('scenario.indicators')}</h2>
          <div className="cards" data-testid="fan-charts">
            {groups.system.map((n) => (
              <div className="panel" key={n}>
                <FanChart name={n} bands={result.indicators[n]!} testId={`fan-${n}`} />
              </div>
            ))}
          </div>
          {groups.perActor.length > 0 && (
            <details>
              <summary>{t('scenario.perActor', { count: groups.perActor.length })}</summary>
              <div className="cards">
                {groups.perActor.map((n) => (
                  <div className="panel" key={n}>
                    <FanChart name={n} bands={result.indicators[n]!} />
                  </div>
                ))}
              </div>
            </details>
          )}
          <p className="note">{t('fan.note')}</p>
        </>
      )}
    </section>
  );
}
