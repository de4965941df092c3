/**
 * Least-squares estimation of Richardson coefficients from yearly series.
 *
 * Model (discrete time, Δt = 1 year; the USMA teaching form of Richardson's
 * equations): Δx_i(t) = x_i(t+1) − x_i(t) = Σ_{j≠i} k_ij·z_j(t) − a_i·z_i(t) + g_i + ε_i(t),
 * where z(t) is either the start-of-year level x(t) (`regressor: 'start'`, the
 * predetermined regressor of the discrete model) or the midpoint
 * (x(t) + x(t+1))/2 (`'midpoint'`, Richardson's own practice of regressing
 * the yearly increment on the mean of the two years, 1960 ch. II).
 *
 * Estimator: ordinary least squares equation by equation. Every equation has
 * the same regressors, so OLS equals the SUR/GLS estimator (Zellner 1962,
 * JASA 57: 348–368). Standard errors are the classical ones, σ̂²(XᵀX)⁻¹ with
 * σ̂² = RSS/(n − p), valid under homoskedastic, serially uncorrelated errors
 * that are uncorrelated with the regressors. Yearly spending series are
 * trending and autocorrelated, so these standard errors are optimistic and
 * levels regressions may be spurious (Granger & Newbold 1974, J. Econometrics
 * 2: 111–120); the Durbin–Watson statistic is reported per equation as a
 * warning sign (≈ 2 when residuals are uncorrelated). With the midpoint
 * regressor z contains x(t+1), so it is correlated with ε and OLS is biased;
 * it is offered to reproduce Richardson-style fits, not as the better estimator.
 */
import { SingularValueDecomposition } from 'ml-matrix';
import { badInput } from '../../core/errors.js';
import {
  type RichardsonEigenvalue,
  type RichardsonEquilibrium,
  type RichardsonStability,
  richardsonEquilibrium,
  richardsonStability,
} from './linear.js';
import type { RichardsonSystem } from './schema.js';

/** Yearly levels of each actor, e.g. military expenditure. */
export interface RichardsonSeries {
  readonly actors: readonly string[];
  /** Consecutive calendar years. */
  readonly years: readonly number[];
  /** values[t][i]: actor i in years[t]. */
  readonly values: readonly (readonly number[])[];
}

export type FitRegressor = 'start' | 'midpoint';

/** An estimate with its classical standard error and t statistic (estimate / standard error). */
export interface FittedEstimate {
  readonly estimate: number;
  readonly standardError: number;
  readonly tStatistic: number;
}

export interface RichardsonEquationFit {
  readonly actor: string;
  /** k_ij for every other actor j, per year. */
  readonly reaction: ({ readonly actor: string } & FittedEstimate)[];
  /** a_i, per year (the negative of the own-level coefficient; may come out negative: self-stimulation). */
  readonly fatigue: FittedEstimate;
  /** g_i, in units of the series per year. */
  readonly grievance: FittedEstimate;
  readonly rSquared: number;
  /** √(RSS/(n − p)), units of the series per year. */
  readonly residualStandardError: number;
  /** Durbin–Watson statistic of the residuals (≈ 2: no first-order autocorrelation). */
  readonly durbinWatson: number;
}

export interface RichardsonFit {
  readonly actors: string[];
  readonly firstYear: number;
  readonly lastYear: number;
  /** Number of yearly increments used per equation (years − 1). */
  readonly observations: number;
  /** Regressors per equation (other actors + own level + intercept). */
  readonly parameters: number;
  readonly regressor: FitRegressor;
  readonly estimator: string;
  readonly equations: RichardsonEquationFit[];
  /** The point estimates as a continuous-time system (Δt = 1 year, Euler reading). */
  readonly system: RichardsonSystem;
  readonly equilibrium: RichardsonEquilibrium;
  /** Stability of the continuous-time reading dx/dt = M̂x + ĝ. */
  readonly stability: RichardsonStability;
  /** Stability of the estimated yearly map x(t+1) = (I + M̂)x(t) + ĝ: spectral radius < 1. */
  readonly discrete: {
    readonly eigenvalues: RichardsonEigenvalue[];
    readonly spectralRadius: number;
    readonly stable: boolean;
  };
}

/** An ordinary-least-squares fit: coefficients, classical standard errors, residuals. */
export interface OlsResult {
  readonly beta: number[];
  readonly se: number[];
  readonly residuals: number[];
  readonly rSquared: number;
  readonly sigma: number;
}

/**
 * OLS of y on the columns of X by SVD; throws bad input when X is (numerically) rank deficient.
 *
 * @throws ConcertError (bad input) naming `context()` when the columns are collinear.
 * @example
 * ols([[1, 0], [1, 1], [1, 2]], [1, 3, 5], () => 'line').beta; // => [1, 2] (to rounding)
 */
export function ols(x: number[][], y: number[], context: () => string): OlsResult {
  const n = x.length;
  const p = x[0]!.length;
  const svd = new SingularValueDecomposition(x, { autoTranspose: true });
  const s = svd.diagonal;
  const sMax = Math.max(...s);
  if (!(Math.min(...s) > 1e-10 * sMax)) {
    throw badInput({
      message: `the regressors are collinear (${context()}): the coefficients are not identified; use other years or actors`,
    });
  }
  const v = svd.rightSingularVectors;
  const u = svd.leftSingularVectors;
  const beta = new Array<number>(p).fill(0);
  for (let k = 0; k < p; k++) {
    let uy = 0;
    for (let t = 0; t < n; t++) uy += u.get(t, k) * y[t]!;
    const c = uy / s[k]!;
    for (let j = 0; j < p; j++) beta[j]! += v.get(j, k) * c;
  }
  const residuals = y.map((yt, t) => yt - x[t]!.reduce((acc, xv, j) => acc + xv * beta[j]!, 0));
  const rss = residuals.reduce((acc, e) => acc + e * e, 0);
  const mean = y.reduce((acc, v2) => acc + v2, 0) / n;
  const tss = y.reduce((acc, v2) => acc + (v2 - mean) ** 2, 0);
  const sigma2 = rss / (n - p);
  const se = beta.map((_, j) => {
    let c = 0;
    for (let k = 0; k < p; k++) c += (v.get(j, k) / s[k]!) ** 2;
    return Math.sqrt(sigma2 * c);
  });
  return { beta, se, residuals, rSquared: tss > 0 ? 1 - rss / tss : 0, sigma: Math.sqrt(sigma2) };
}

/** An estimate with its standard error and t statistic (∞ for an exact non-zero estimate). */
export function fittedEstimate(value: number, se: number): FittedEstimate {
  return { estimate: value, standardError: se, tStatistic: se > 0 ? value / se : value === 0 ? 0 : Infinity };
}

function durbinWatson(e: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let t = 0; t < e.length; t++) {
    den += e[t]! ** 2;
    if (t > 0) num += (e[t]! - e[t - 1]!) ** 2;
  }
  return den > 0 ? num / den : 2;
}

function checkSeries(series: RichardsonSeries, parameters: number): void {
  const { years, values, actors } = series;
  for (let t = 1; t < years.length; t++) {
    if (years[t] !== years[t - 1]! + 1) {
      throw badInput({
        path: ['years', t],
        message: `years must be consecutive (yearly increments); ${years[t - 1]} is followed by ${years[t]}`,
      });
    }
  }
  for (const [t, row] of values.entries()) {
    if (row.length !== actors.length) {
      throw badInput({ path: ['values', t], message: `expected ${actors.length} values (one per actor)` });
    }
    for (const [i, v] of row.entries()) {
      if (!Number.isFinite(v)) {
        throw badInput({
          path: ['values', t, i],
          message: `missing or non-finite value for ${actors[i]} in ${years[t]}`,
        });
      }
    }
  }
  const needed = parameters + 2;
  if (years.length < needed) {
    throw badInput({
      path: ['years'],
      message: `${actors.length} actor(s) need at least ${needed} consecutive years to estimate ${parameters} coefficients per equation with a residual degree of freedom; got ${years.length}`,
    });
  }
}

/**
 * Fits k_ij, a_i and g_i of an N-actor Richardson system to yearly series by
 * OLS on the yearly increments (see the module comment for the model, the
 * estimator and its assumptions). The series are divided by their largest
 * absolute value before the regression for numerical conditioning; rates
 * (k, a) are scale-free and g is scaled back. Throws bad input for
 * non-consecutive years, missing values, too few years, or collinear series.
 */
export function fitRichardson(
  series: RichardsonSeries,
  options: { regressor?: FitRegressor } = {},
): RichardsonFit {
  const regressor = options.regressor ?? 'start';
  const n = series.actors.length;
  const parameters = n + 1;
  checkSeries(series, parameters);
  const scale = Math.max(...series.values.flat().map(Math.abs)) || 1;
  const x = series.values.map((row) => row.map((v) => v / scale));
  const obs = x.length - 1;
  const z = Array.from({ length: obs }, (_, t) =>
    regressor === 'start' ? x[t]! : x[t]!.map((v, i) => (v + x[t + 1]![i]!) / 2),
  );
  const equations: RichardsonEquationFit[] = [];
  const reaction: number[][] = [];
  const fatigue: number[] = [];
  const grievance: number[] = [];
  for (let i = 0; i < n; i++) {
    const others = [...Array(n).keys()].filter((j) => j !== i);
    const design = z.map((zt) => [...others.map((j) => zt[j]!), zt[i]!, 1]);
    const dy = Array.from({ length: obs }, (_, t) => x[t + 1]![i]! - x[t]![i]!);
    const r = ols(design, dy, () => `equation for ${series.actors[i]}`);
    const k = others.map((j, c) => ({ actor: series.actors[j]!, ...fittedEstimate(r.beta[c]!, r.se[c]!) }));
    const own = fittedEstimate(-r.beta[n - 1]!, r.se[n - 1]!);
    const g = fittedEstimate(r.beta[n]! * scale, r.se[n]! * scale);
    equations.push({
      actor: series.actors[i]!,
      reaction: k,
      fatigue: own,
      grievance: g,
      rSquared: r.rSquared,
      residualStandardError: r.sigma * scale,
      durbinWatson: durbinWatson(r.residuals),
    });
    const row = new Array<number>(n).fill(0);
    for (const [c, j] of others.entries()) row[j] = r.beta[c]!;
    reaction.push(row);
    fatigue.push(own.estimate);
    grievance.push(g.estimate);
  }
  const system: RichardsonSystem = { actors: [...series.actors], reaction, fatigue, grievance };
  const stability = richardsonStability(system);
  // The yearly map's matrix is I + M, so its eigenvalues are 1 + λ(M).
  const discreteEigenvalues = stability.eigenvalues.map((l) => ({ re: 1 + l.re, im: l.im }));
  const spectralRadius = Math.max(...discreteEigenvalues.map((l) => Math.hypot(l.re, l.im)));
  return {
    actors: [...series.actors],
    firstYear: series.years[0]!,
    lastYear: series.years.at(-1)!,
    observations: obs,
    parameters,
    regressor,
    estimator:
      'ordinary least squares per equation (= SUR with identical regressors); classical standard errors',
    equations,
    system,
    equilibrium: richardsonEquilibrium(system),
    stability,
    discrete: { eigenvalues: discreteEigenvalues, spectralRadius, stable: spectralRadius < 1 },
  };
}

export interface AdditiveFit {
  /** k − a, per year. */
  readonly slope: FittedEstimate;
  /** g + h, units per year. */
  readonly intercept: FittedEstimate;
  /** S* = −(g + h)/(k − a), units (null when the slope is 0). */
  readonly equilibrium: number | null;
  readonly rSquared: number;
  readonly observations: number;
  readonly regressor: FitRegressor;
}

/**
 * Richardson's additive test: with a = b and k = l the sum S = x + y obeys
 * dS/dt = (k − a)·S + (g + h) ("Complete Solution to Richardson's Arms Race
 * Equations", as summarised in the deterrence notes §4.1), estimated by OLS of
 * ΔS(t) on S at the start of the year or the midpoint (S(t) + S(t+1))/2 with an
 * intercept. Needs at least 4 consecutive years.
 */
export function fitRichardsonAdditive(
  totals: readonly number[],
  options: { regressor?: FitRegressor } = {},
): AdditiveFit {
  const regressor = options.regressor ?? 'midpoint';
  if (totals.length < 4) {
    throw badInput({
      path: ['totals'],
      message: `need at least 4 consecutive years (2 coefficients and a residual degree of freedom); got ${totals.length}`,
    });
  }
  for (const [t, v] of totals.entries()) {
    if (!Number.isFinite(v)) throw badInput({ path: ['totals', t], message: 'missing or non-finite value' });
  }
  const scale = Math.max(...totals.map(Math.abs)) || 1;
  const s = totals.map((v) => v / scale);
  const obs = s.length - 1;
  const design = Array.from({ length: obs }, (_, t) => [
    regressor === 'start' ? s[t]! : (s[t]! + s[t + 1]!) / 2,
    1,
  ]);
  const dy = Array.from({ length: obs }, (_, t) => s[t + 1]! - s[t]!);
  const r = ols(design, dy, () => 'additive form');
  const slope = fittedEstimate(r.beta[0]!, r.se[0]!);
  const intercept = fittedEstimate(r.beta[1]! * scale, r.se[1]! * scale);
  return {
    slope,
    intercept,
    equilibrium: slope.estimate !== 0 ? -intercept.estimate / slope.estimate : null,
    rSquared: r.rSquared,
    observations: obs,
    regressor,
  };
}
