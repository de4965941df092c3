/**
 * Running scenarios from the lab: ensembles (POST /api/scenarios/run) and
 * paired comparisons (POST /api/compare) as jobs with progress, the warning
 * before very large runs, and the HTML report of a result
 * (POST /api/reports/html, the same report as `concert report`).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, useJob } from './api';
import { download, slug } from './exporting';
import { useFormat } from './format';
import { NumberField } from './fields';
import { ErrorNotice } from './problems';
import type { Comparison, EnsembleResult } from './types';
import { codec } from './url';

/** A scenario as the API takes it: a shipped one by id, or YAML text. */
export type ScenarioSource = { id: string } | { text: string };

/** Runs above this many (in all, counting every ensemble of a comparison) ask for confirmation first. */
export const LARGE_RUNS = 1000;
/** The most runs of one ensemble the API starts (src/server/routes/scenarios.ts). */
export const MAX_RUNS = 100_000;

/** The largest seed the API takes (a 32-bit unsigned integer). */
export const MAX_SEED = 4_294_967_295;
/** A job's seed in the address. */
export const SEED = codec.int(0, MAX_SEED);

/**
 * The optional seed of a job (a whole number 0 … {@link MAX_SEED}); empty
 * means the default that `placeholder` shows and `hint` explains.
 */
export function SeedField({
  value,
  placeholder,
  hint,
  onChange,
  onValidity,
  testId,
}: {
  value: number | null;
  placeholder: string;
  hint?: string;
  onChange: (value: number | null) => void;
  onValidity: (valid: boolean) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <NumberField
      label={t('scenario.seed')}
      value={value}
      optional
      integer
      min={0}
      max={MAX_SEED}
      size={10}
      placeholder={placeholder}
      hint={hint}
      onChange={onChange}
      onValidity={onValidity}
      testId={testId}
    />
  );
}

/** Runs an ensemble; the result remembers which scenario, runs and seed produced it. */
export function useEnsembleRunner() {
  const job = useJob<
    EnsembleResult,
    { scenario: ScenarioSource; runs: number | null; seed: number | null }
  >();
  const run = (scenario: ScenarioSource, runs: number | null, seed: number | null, expected: number) =>
    job.start(
      '/api/scenarios/run',
      { scenario, ...(runs !== null ? { runs } : {}), ...(seed !== null ? { seed } : {}) },
      expected,
      { scenario, runs, seed },
    );
  return { ...job, run };
}

/** Runs a paired comparison B − A; the result remembers the request that produced it. */
export function usePairedRunner() {
  const job = useJob<
    Comparison,
    { a: ScenarioSource; b: ScenarioSource; runs: number | null; seed: number | null; attribution: boolean }
  >();
  const run = (
    a: ScenarioSource,
    b: ScenarioSource,
    runs: number | null,
    seed: number | null,
    attribution: boolean,
    expected: number,
  ) =>
    job.start(
      '/api/compare',
      { a, b, attribution, ...(runs !== null ? { runs } : {}), ...(seed !== null ? { seed } : {}) },
      expected,
      { a, b, runs, seed, attribution },
    );
  return { ...job, run };
}

/**
 * A run button that first asks for confirmation when the job would run more
 * than {@link LARGE_RUNS} runs in all.
 */
export function RunButton({
  label,
  total,
  disabled,
  onRun,
  testId,
}: {
  label: string;
  total: number;
  disabled: boolean;
  onRun: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [asking, setAsking] = useState(false);
  if (asking)
    return (
      <div
        className="confirm"
        role="alertdialog"
        aria-labelledby={`${testId}-q`}
        data-testid={`${testId}-confirm`}
      >
        <p id={`${testId}-q`}>{t('jobs.largeRun', { total: f.int(total) })}</p>
        <button
          type="button"
          onClick={() => {
            setAsking(false);
            onRun();
          }}
          data-testid={`${testId}-confirm-yes`}
        >
          {t('jobs.runAnyway')}
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          {t('jobs.cancelStart')}
        </button>
      </div>
    );
  return (
    <button
      type="button"
      disabled={disabled}
      onClick={() => (total > LARGE_RUNS ? setAsking(true) : onRun())}
      data-testid={testId}
    >
      {label}
    </button>
  );
}

/** The progress bar of a running job (an ensemble or a comparison). */
export function RunProgress({
  progress,
  label,
  running,
  job,
  testId = 'cancel',
}: {
  progress: { done: number; total: number } | null;
  label: string;
  running?: boolean;
  /** The job, for its Cancel button (shown while it runs) and its cancelled note. */
  job?: { jobId: string | null; cancelled: boolean; cancelling: boolean; cancel: () => Promise<void> };
  testId?: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!progress) return null;
  return (
    <div className="progress">
      <label>
        <span>
          {label}
          {t('app.colon')}
          {f.int(progress.done)} / {f.int(progress.total)}
        </span>
        <progress max={progress.total} value={progress.done} data-testid="progress" />
      </label>
      {running && job && job.jobId !== null && (
        <p className="note">
          <button
            type="button"
            className="secondary"
            disabled={job.cancelling}
            onClick={() => void job.cancel()}
            data-testid={testId}
          >
            {job.cancelling ? t('jobs.cancelling') : t('jobs.cancel')}
          </button>{' '}
          {t('jobs.cancelNote')}
        </p>
      )}
      {!running && job?.cancelled && (
        <p className="note" role="status" data-testid={`${testId}led`}>
          {t('jobs.cancelled')}
        </p>
      )}
    </div>
  );
}

/** A button that downloads the HTML report of a result (built by the server, as `concert report`). */
export function ReportButton({ body, name, testId }: { body: () => unknown; name: string; testId?: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <span className="report-button">
      <button
        type="button"
        className="link"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const html = await api<string>('/api/reports/html', { body: body() });
            download(`concert-report-${slug(name)}.html`, html, 'text/html;charset=utf-8');
          } catch (e) {
            setError(e instanceof ApiError ? e : new ApiError(String(e), 0, []));
          } finally {
            setBusy(false);
          }
        }}
        data-testid={testId}
      >
        {t('export.report')}
      </button>
      <ErrorNotice error={error} />
    </span>
  );
}
