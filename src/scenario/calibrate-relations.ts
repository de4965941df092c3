/**
 * The rates of the relation rules R1 (`interactionSignal.rate`, α) and R2
 * (`structuralBalance.rate`, β) fitted to history by the simulated method of
 * moments (issue 18; docs/validation.md, "Calibration"). Relations have no
 * likelihood in closed form — they come out of the repeated games, the
 * balance dynamics, threat perception, alignment and the bargaining step —
 * so the engine itself is run from the world of the first training year to
 * the last, for each (α, β) of a grid, and the moments of its relation paths
 * are matched to the moments of the relation rule applied to each year's
 * observed data (McFadden 1989; Lee & Ingram 1991):
 *
 * - m₀, the mean absolute yearly change of a dyad's score (volatility);
 * - m_k, for each dyad k, the mean over the years of its departure from the
 *   starting score (the direction and size of the dyad's drift).
 *
 * The objective is Σ w_i (m̂_i(α, β) − m_i)² with w₀ = D (the number of
 * dyads) and w_k = 1, so that the size of yearly change weighs as much as
 * the dyads' drifts together. Inverse-variance weights are not used: given
 * its parameters the engine's relations are nearly deterministic (the
 * moments' standard deviations across runs are mostly below 0.01), so such
 * weights would rest on whatever floor is put under them, and the misfit is
 * misspecification, not simulation noise. For the same reason the standard
 * errors are not the sandwich formula's (which sees only simulation noise)
 * but a bootstrap over dyads: the drift moments resampled with replacement,
 * the objective re-minimised over the simulated grid points, B =
 * {@link BOOTSTRAP_RESAMPLES}, seeded. The estimate is the minimum over a
 * coarse grid and a fine grid around it. Common random numbers: every grid
 * point runs the same seeds. The deterrence parameters are held at
 * their defaults (their draws cost a full exchange evaluation a run and do
 * not move relations except through R3); the scenario's other `uncertain`
 * entries are drawn as they are in a forecast.
 */
import type { SourceDocument } from '../core/document.js';
import { badInput } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { type FittedEstimate, fittedEstimate } from '../models/arms/fit.js';
import { forcesYearFor } from '../world/forces.js';
import { DEFAULT_YEAR } from '../world/index.js';
import { engineCaches, simulateRuns, scenarioSeries, yearCount } from './engine.js';
import { dyadSeriesName } from './indicators.js';
import { prepareScenario } from './load.js';
import { defaultParts } from './parts.js';
import type { Scenario } from './scenario.js';
import { scenarioDyads } from './state.js';

/** The indicator the relation paths are read from. */
const RELATIONS = 'relations.dyad';

/** Runs per grid point (default). */
export const RELATION_CALIBRATION_RUNS = 12;

/** Bootstrap resamples of the dyads for the standard errors. */
export const BOOTSTRAP_RESAMPLES = 200;

/** The coarse grid: α in steps of 0.1 up to 0.6, β in steps of 0.05 up to 0.3; then a fine grid of half … quarter steps around the best point. */
const COARSE_ALPHA = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
const COARSE_BETA = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3];
/** The fine grid's offsets from the coarse optimum: half and quarter coarse steps. */
const FINE_ALPHA = [-0.05, -0.025, 0, 0.025, 0.05];
const FINE_BETA = [-0.025, -0.0125, 0, 0.0125, 0.025];
/** The largest values the search reaches: the coarse grid's last point plus the fine grid's largest offset. */
const ALPHA_EDGE = COARSE_ALPHA.at(-1)! + FINE_ALPHA.at(-1)!;
const BETA_EDGE = COARSE_BETA.at(-1)! + FINE_BETA.at(-1)!;

export interface RelationCalibrationOptions {
  /** The calibrated template: its actors, policies, couplings and uncertain ranges are run. */
  readonly template: SourceDocument;
  readonly actors: readonly string[];
  /** First training year: the engine starts from its world. */
  readonly from: number;
  /** Last training year (at most the last embedded world). */
  readonly to: number;
  /** The observed relation matrix of a year (n × n row-major), as the calibration reads it. */
  readonly observed: (year: number) => readonly number[];
  readonly runs?: number;
  readonly seed?: number;
}

export interface RelationMoments {
  /** `volatility`, then `drift.A-B` for each dyad. */
  readonly names: readonly string[];
  readonly observed: readonly number[];
  /** Mean over runs at the estimate. */
  readonly simulated: readonly number[];
  /** Standard deviation across runs at the estimate (the simulation noise). */
  readonly sd: readonly number[];
  /** The objective's weights. */
  readonly weights: readonly number[];
}

export interface RelationCalibration {
  readonly from: number;
  readonly to: number;
  readonly runs: number;
  readonly seed: number;
  /** α, R1's rate. */
  readonly interactionRate: FittedEstimate;
  /** β, R2's rate. */
  readonly balanceRate: FittedEstimate;
  readonly moments: RelationMoments;
  /** The objective at the estimate. */
  readonly objective: number;
  /** The objective at α = β = 0 (no relation change from R1 or R2), for comparison. */
  readonly objectiveWithoutRules: number;
  /** The objective of persistence: every score held at its start (simulated moments 0). */
  readonly objectivePersistence: number;
  /** Grid points simulated. */
  readonly gridPoints: number;
  /** The rates whose estimate is at the upper edge of the searched range (the optimum may lie beyond it). */
  readonly atGridEdge: readonly ('interactionRate' | 'balanceRate')[];
}

type Mapping = Record<string, unknown>;
const mapping = (x: unknown): Mapping =>
  x !== null && typeof x === 'object' && !Array.isArray(x) ? { ...(x as Mapping) } : {};

/** The moment vectors of each run at (α, β). */
interface PointMoments {
  readonly perRun: Float64Array[];
  readonly mean: Float64Array;
}

/**
 * Fits α and β on the training years by the simulated method of moments.
 *
 * @throws ConcertError (bad input) for training years outside the embedded worlds
 */
export function calibrateRelations(options: RelationCalibrationOptions): RelationCalibration {
  const { actors, from, to } = options;
  const runs = options.runs ?? RELATION_CALIBRATION_RUNS;
  const seed = options.seed ?? 1;
  if (to > DEFAULT_YEAR)
    throw badInput({
      path: ['to'],
      message: `the relation rates are fitted on the embedded worlds, which end in ${DEFAULT_YEAR}; got ${to}`,
    });
  const n = actors.length;
  const years = to - from + 1;
  const observedPaths = Array.from({ length: years }, (_, t) => options.observed(from + t));
  const base = baseDocument(options.template, actors, from, to);
  const caches = engineCaches();
  const memo = new Map<string, PointMoments>();
  let dyads: readonly (readonly [number, number])[] = [];
  const simulate = (alpha: number, beta: number): PointMoments => {
    const key = `${alpha}|${beta}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const s = withRates(base, alpha, beta);
    dyads = scenarioDyads(s).all;
    const first = scenarioSeries(s).indexOf(dyadSeriesName(RELATIONS, s.actors, dyads[0]![0], dyads[0]![1]));
    const y = yearCount(s);
    const start = dyads.map(([i, j]) => observedPaths[0]![i * n + j]!);
    const perRun = simulateRuns(
      s,
      seed,
      Array.from({ length: runs }, (_, k) => k),
      defaultParts(s),
      caches,
    ).map((r) => moments(start, dyads.length, years, (t, k) => r.values[(first + k) * y + t - 1]!));
    const mean = new Float64Array(perRun[0]!.length);
    for (const m of perRun) for (let i = 0; i < m.length; i++) mean[i]! += m[i]! / runs;
    const out = { perRun, mean };
    memo.set(key, out);
    return out;
  };
  // The observed moments, on the same dyads.
  simulate(0, 0);
  const observed = moments(
    dyads.map(([i, j]) => observedPaths[0]![i * n + j]!),
    dyads.length,
    years,
    (t, k) => observedPaths[t]![dyads[k]![0] * n + dyads[k]![1]]!,
  );
  const objective = (m: Float64Array, w: Float64Array) => {
    let sum = 0;
    for (let i = 0; i < m.length; i++) sum += w[i]! * (m[i]! - observed[i]!) ** 2;
    return sum;
  };
  const search = (w: Float64Array): [number, number] => {
    let best: [number, number] = [0, 0];
    let bestValue = Number.POSITIVE_INFINITY;
    const consider = (a: number, b: number) => {
      if (a < 0 || b < 0 || a > 1 || b > 1) return;
      const v = objective(simulate(a, b).mean, w);
      if (v < bestValue) {
        bestValue = v;
        best = [a, b];
      }
    };
    for (const a of COARSE_ALPHA) for (const b of COARSE_BETA) consider(a, b);
    // Fine grid: half and quarter steps around the coarse optimum.
    const [a0, b0] = best;
    for (const da of FINE_ALPHA) for (const db of FINE_BETA) consider(round(a0 + da), round(b0 + db));
    return best;
  };
  const weights = new Float64Array(observed.length).fill(1);
  weights[0] = dyads.length;
  const [alpha, beta] = search(weights);
  const at = simulate(alpha, beta);
  const se = bootstrap([...memo.entries()], observed, weights, Rng.stream(seed, runs));
  return {
    from,
    to,
    runs,
    seed,
    interactionRate: fittedEstimate(alpha, se[0]),
    balanceRate: fittedEstimate(beta, se[1]),
    moments: {
      names: ['volatility', ...dyads.map(([i, j]) => `drift.${actors[i]}-${actors[j]}`)],
      observed: [...observed],
      simulated: [...at.mean],
      sd: [...columnSd(at.perRun)],
      weights: [...weights],
    },
    objective: objective(at.mean, weights),
    objectiveWithoutRules: objective(simulate(0, 0).mean, weights),
    objectivePersistence: objective(new Float64Array(observed.length), weights),
    gridPoints: memo.size,
    atGridEdge: [
      ...(alpha >= ALPHA_EDGE - 1e-9 ? (['interactionRate'] as const) : []),
      ...(beta >= BETA_EDGE - 1e-9 ? (['balanceRate'] as const) : []),
    ],
  };
}

/**
 * Standard deviations of (α, β) over bootstrap resamples of the dyads: each
 * resample draws D drift moments with replacement (volatility kept), and the
 * objective is re-minimised over the grid points already simulated. `rng`
 * is stream S of the seed (the runs use streams 0 … S − 1).
 */
function bootstrap(
  points: readonly [string, PointMoments][],
  observed: Float64Array,
  weights: Float64Array,
  rng: Rng,
): [number, number] {
  const dyads = observed.length - 1;
  const params = points.map(([key]) => key.split('|').map(Number) as [number, number]);
  const sums = [0, 0, 0, 0];
  const count = new Float64Array(dyads);
  for (let b = 0; b < BOOTSTRAP_RESAMPLES; b++) {
    count.fill(0);
    for (let d = 0; d < dyads; d++) count[rng.int(0, dyads - 1)]! += 1;
    let best = 0;
    let bestValue = Number.POSITIVE_INFINITY;
    points.forEach(([, p], k) => {
      let v = weights[0]! * (p.mean[0]! - observed[0]!) ** 2;
      for (let d = 0; d < dyads; d++)
        if (count[d]! > 0) v += count[d]! * weights[1 + d]! * (p.mean[1 + d]! - observed[1 + d]!) ** 2;
      if (v < bestValue) {
        bestValue = v;
        best = k;
      }
    });
    const [a, be] = params[best]!;
    sums[0]! += a;
    sums[1]! += a * a;
    sums[2]! += be;
    sums[3]! += be * be;
  }
  const sd = (s: number, s2: number) =>
    Math.sqrt(Math.max(0, (s2 - (s * s) / BOOTSTRAP_RESAMPLES) / (BOOTSTRAP_RESAMPLES - 1)));
  return [sd(sums[0]!, sums[1]!), sd(sums[2]!, sums[3]!)];
}

/**
 * The template as the calibration runs it: its actors cut to `actors` (with
 * their policies and uncertain entries), from the world of `from`, relations
 * recorded, no events, no deterrence draws.
 */
function baseDocument(
  template: SourceDocument,
  actors: readonly string[],
  from: number,
  to: number,
): SourceDocument {
  const value = mapping(template.value);
  const kept = new Set(['default', ...actors]);
  const policies = Object.fromEntries(Object.entries(mapping(value.policies)).filter(([id]) => kept.has(id)));
  const uncertain = (Array.isArray(value.uncertain) ? value.uncertain : []).filter((u) => {
    const p = mapping(u).parameter;
    if (typeof p !== 'string') return false;
    const policy = /^policies\.([^.]+)\./.exec(p);
    return (
      !p.startsWith('deterrence.') &&
      p !== 'couplings.interactionSignal.rate' &&
      p !== 'couplings.structuralBalance.rate' &&
      (policy === null || kept.has(policy[1]!))
    );
  });
  return {
    file: template.file,
    locate: template.locate,
    value: {
      ...value,
      name: `calibrate-relations-${from}-${to}`,
      world: { default: from, forces: forcesYearFor(from) },
      actors: [...actors],
      years: `${from + 1}..${to}`,
      policies,
      events: [],
      indicators: [RELATIONS],
      uncertain,
    },
  };
}

/**
 * The scenario the fit runs at (α, β): the template from the world of `from`
 * (nearest shipped forces) to `to`, no events, only `relations.dyad`
 * recorded, the deterrence parameters at their defaults, R1's target relative,
 * the actors cut to `actors`.
 */
export function relationCalibrationScenario(
  template: SourceDocument,
  actors: readonly string[],
  from: number,
  to: number,
  alpha: number,
  beta: number,
): Scenario {
  return withRates(baseDocument(template, actors, from, to), alpha, beta);
}

function withRates(base: SourceDocument, alpha: number, beta: number): Scenario {
  const value = mapping(base.value);
  const couplings = mapping(value.couplings);
  const coupling = (name: string, extra: Mapping) => {
    const c = couplings[name];
    couplings[name] = { ...(typeof c === 'boolean' ? { enabled: c } : mapping(c)), ...extra };
  };
  coupling('interactionSignal', { rate: alpha, relative: true });
  coupling('structuralBalance', { rate: beta });
  return prepareScenario({ ...base, value: { ...value, couplings } });
}

/** Volatility, then each dyad's mean departure from its start, of a path `at(t, k)` for t = 1 … years − 1 (t = 0 is `start`). */
function moments(
  start: readonly number[],
  dyads: number,
  years: number,
  at: (t: number, k: number) => number,
): Float64Array {
  const out = new Float64Array(1 + dyads);
  for (let k = 0; k < dyads; k++) {
    let previous = start[k]!;
    for (let t = 1; t < years; t++) {
      const r = at(t, k);
      out[0]! += Math.abs(r - previous);
      out[1 + k]! += r - start[k]!;
      previous = r;
    }
  }
  out[0]! /= dyads * (years - 1);
  for (let k = 0; k < dyads; k++) out[1 + k]! /= years - 1;
  return out;
}

function columnSd(rows: readonly Float64Array[]): Float64Array {
  const m = rows[0]!.length;
  const c = covariance(rows);
  return Float64Array.from({ length: m }, (_, i) => Math.sqrt(c[i * m + i]!));
}

/** The covariance matrix (m × m, row-major) of the rows (divisor S − 1). */
function covariance(rows: readonly Float64Array[]): Float64Array {
  const s = rows.length;
  const m = rows[0]!.length;
  const mean = new Float64Array(m);
  for (const r of rows) for (let i = 0; i < m; i++) mean[i]! += r[i]! / s;
  const out = new Float64Array(m * m);
  if (s < 2) return out;
  for (const r of rows)
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) out[i * m + j]! += ((r[i]! - mean[i]!) * (r[j]! - mean[j]!)) / (s - 1);
  return out;
}

/** Grid values rounded to 1e-6 so that the memo's keys match. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;
