/**
 * Global sensitivity analysis of a scenario (docs/models/sensitivity.md,
 * "Scenarios"): which of its `uncertain` parameters drive an indicator.
 *
 * A design (Saltelli's for Sobol' indices, Morris's trajectories) is run as
 * an ensemble of the scenario with the design attached: run r is row r of
 * the design, its uncertain parameters set to the row's quantiles of their
 * distributions instead of drawn, and its own randomness (noise, crises,
 * the draws of parameters that are not factors) taken from stream b of the
 * seed, b the row's block — the base point of a Saltelli block, the
 * trajectory of a Morris design — so that the rows compared by an estimator
 * share their random numbers, and the run-to-run randomness varies between
 * blocks like an unnamed input. Because it is an ensemble, a design runs on
 * the worker pool or the queue, is stored in the run store and resumes.
 */
import { badInput, type Problem } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { type MorrisIndex, morrisIndices } from '../models/sensitivity/morris.js';
import { type SobolIndices, sobolIndices } from '../models/sensitivity/saltelli.js';
import { type DesignSpec, type DesignTable, designTable, type SensitivityMethod } from './design.js';
import { scenarioSeries, yearCount } from './engine.js';
import { type EnsembleOptions, type EnsembleOutcome, runEnsemble } from './ensemble.js';
import type { Scenario } from './scenario.js';

export { type DesignSpec, type DesignTable, designTable, type SensitivityMethod } from './design.js';

/** A scenario with a design attached: its runs are the design's rows. */
export interface DesignScenario extends Scenario {
  readonly design: DesignSpec;
}

/** The uncertain parameters a sensitivity analysis can vary: all but composite draws (core-interest stances). */
export function designFactors(s: Scenario): string[] {
  return s.uncertain.filter((u) => u.parameter !== 'coreInterests.stances').map((u) => u.parameter);
}

/** Runs a design of `n` base points or trajectories takes for `k` factors. */
export function designRuns(method: SensitivityMethod, k: number, n: number): number {
  return method === 'sobol' ? n * (k + 2) : n * (k + 1);
}

/**
 * The scenario whose ensemble is the design.
 *
 * @throws ConcertError (bad input) when the scenario has no uncertain parameter to vary.
 */
export function designScenario(
  s: Scenario,
  method: SensitivityMethod,
  n: number,
  seed: number,
  levels = 4,
): DesignScenario {
  const factors = designFactors(s);
  if (factors.length === 0) {
    throw badInput({
      message:
        'the scenario has no uncertain parameter to vary: add an `uncertain` block (docs/scenarios.md) before a sensitivity analysis',
      path: ['uncertain'],
    });
  }
  return { ...s, design: { method, n, levels, seed, factors } };
}

/** Indices of one series in one year. */
export interface SeriesSensitivity {
  readonly series: string;
  readonly year: number;
  readonly sobol?: SobolIndices;
  readonly morris?: MorrisIndex[];
}

/**
 * The indices of `series` in `year` from the design's outputs (one value
 * per row, in row order).
 *
 * @throws ConcertError (bad input) when an output is not finite.
 */
export function analyzeDesign(
  table: DesignTable,
  series: string,
  year: number,
  outputs: Float64Array,
  seed: number,
  resamples: number,
): SeriesSensitivity {
  const rng = Rng.fromSeed(seed);
  if (table.saltelli)
    return { series, year, sobol: sobolIndices(table.saltelli, outputs, { rng, resamples }) };
  return { series, year, morris: morrisIndices(table.morris!, outputs, { rng, resamples }) };
}

/**
 * The problems of a request's series and year (paths `series[i]`, `year`):
 * unknown series name the known ones; a year must be one of the scenario's.
 */
export function sensitivityProblems(s: Scenario, series: readonly string[], year: number): Problem[] {
  const names = scenarioSeries(s);
  const problems: Problem[] = series.flatMap((name, i) =>
    names.includes(name)
      ? []
      : [{ message: `unknown series "${name}": expected one of ${names.join(', ')}`, path: ['series', i] }],
  );
  if (!Number.isInteger(year) || year < s.years.from || year > s.years.to) {
    problems.push({
      message: `expected a year of the scenario, ${s.years.from}–${s.years.to}; got ${year}`,
      path: ['year'],
    });
  }
  return problems;
}

/** What {@link runSensitivity} needs besides the scenario. */
export interface SensitivityOptions extends Omit<EnsembleOptions, 'runs' | 'summarize'> {
  readonly method: SensitivityMethod;
  /** Base points (Sobol', a power of two is best) or trajectories (Morris). */
  readonly n: number;
  /** Morris grid levels (default 4). */
  readonly levels?: number;
  /** The series analysed (default `stability.index`). */
  readonly series?: readonly string[];
  /** The year analysed (default the scenario's last year). */
  readonly year?: number;
  /** Bootstrap resamples (default 100 for Sobol', 1000 for Morris). */
  readonly resamples?: number;
}

export interface SensitivityOutcome {
  readonly scenario: DesignScenario;
  readonly table: DesignTable;
  readonly ensemble: EnsembleOutcome;
  readonly year: number;
  /** Bootstrap resamples of the intervals. */
  readonly resamples: number;
  /** Per series: the indices, and the mean and (population) variance of the output over all rows. */
  readonly results: readonly (SeriesSensitivity & { readonly mean: number; readonly variance: number })[];
}

/**
 * Runs (or resumes) a scenario's sensitivity design as an ensemble and
 * computes the indices of each requested series in the requested year.
 *
 * @throws ConcertError (bad input) for an unknown series, a year outside the scenario, or no uncertain parameter.
 */
export async function runSensitivity(s: Scenario, options: SensitivityOptions): Promise<SensitivityOutcome> {
  const names = scenarioSeries(s);
  const wanted = options.series ?? ['stability.index'];
  const year = options.year ?? s.years.to;
  const problems = sensitivityProblems(s, wanted, year);
  if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
  const design = designScenario(s, options.method, options.n, options.seed, options.levels ?? 4);
  const table = designTable(design.design);
  const ensemble = await runEnsemble(design, { ...options, runs: table.rows });
  const years = yearCount(s);
  const t = year - s.years.from;
  const columns = wanted.map((name) => names.indexOf(name) * years + t);
  const outputs = wanted.map(() => new Float64Array(table.rows));
  let row = 0;
  for (const values of options.store.iterateValues(ensemble.meta.id, table.rows)) {
    columns.forEach((c, j) => {
      outputs[j]![row] = values[c]!;
    });
    row++;
  }
  const resamples = options.resamples ?? (options.method === 'sobol' ? 100 : 1000);
  const results = wanted.map((series, j) => {
    const y = outputs[j]!;
    let mean = 0;
    for (const v of y) mean += v;
    mean /= y.length;
    let variance = 0;
    for (const v of y) variance += (v - mean) ** 2;
    variance /= y.length;
    return { ...analyzeDesign(table, series, year, y, options.seed, resamples), mean, variance };
  });
  return { scenario: design, table, ensemble, year, resamples, results };
}
