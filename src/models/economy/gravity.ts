/**
 * Gravity equations of bilateral trade, estimated two ways (docs/models/economy.md, "Gravity"):
 *
 * - **log-linear OLS**: ln Tᵢⱼ = xᵢⱼ′β + εᵢⱼ on the pairs with Tᵢⱼ > 0 (zero flows
 *   have no logarithm and are dropped, which is what Santos Silva & Tenreyro
 *   2006 show biases the estimates under heteroskedasticity);
 * - **PPML** (Santos Silva & Tenreyro 2006, REStat 88(4): 641–658): the Poisson
 *   pseudo-maximum-likelihood estimator, solving Σ (Tᵢⱼ − exp(xᵢⱼ′β)) xᵢⱼ = 0 by
 *   iteratively reweighted least squares with zero flows kept. Start: OLS of
 *   ln(1 + T); iterate μ = exp(Xβ), β ← (X′WX)⁻¹X′Wz with W = diag(μ) and
 *   z = Xβ + (T − μ)/μ until max|Δβ| < 1e-10 (at most 100 iterations).
 *
 * Both report heteroskedasticity-robust (HC0, Eicker–White) standard errors:
 * OLS (X′X)⁻¹X′diag(e²)X(X′X)⁻¹, PPML (X′WX)⁻¹X′diag((T − μ)²)X(X′WX)⁻¹.
 */
import { badInput, type FieldPath } from '../../core/errors.js';
import { type Formula, INTERCEPT } from './formula.js';
import {
  choleskyInverse,
  choleskySolve,
  cholesky,
  crossProduct,
  crossVector,
  type Design,
  linearPredictor,
  sandwich,
} from './linear.js';

/** Named numeric columns of equal length (a data frame); NaN is a missing value. */
export interface DataFrame {
  readonly rows: number;
  readonly columns: Readonly<Record<string, Float64Array>>;
  /** Columns of the source that hold text and were left out (named in messages). */
  readonly textColumns?: readonly string[];
}

export type GravityMethod = 'ols' | 'ppml';
export const GRAVITY_METHODS: readonly GravityMethod[] = ['ols', 'ppml'];

export interface GravityCoefficient {
  readonly term: string;
  readonly estimate: number;
  /** Robust (HC0) standard error. */
  readonly standardError: number;
  /** estimate / standardError. */
  readonly z: number;
}

export interface GravityFit {
  readonly method: GravityMethod;
  readonly formula: string;
  /** Observations used. */
  readonly observations: number;
  /** Rows left out: a missing or non-finite value in a used column, and (OLS) zero or negative flows. */
  readonly dropped: { readonly missing: number; readonly nonPositiveResponse: number };
  /** Observations with a zero response among those used (PPML keeps them). */
  readonly zeroResponses: number;
  readonly coefficients: readonly GravityCoefficient[];
  /** IRLS iterations (PPML); 0 for OLS. */
  readonly iterations: number;
  readonly converged: boolean;
  /**
   * OLS: R² of ln T. PPML: the squared correlation of T and its fitted values
   * (the pseudo-R² Santos Silva & Tenreyro report).
   */
  readonly rSquared: number;
}

export interface GravityOptions {
  readonly method?: GravityMethod;
  /** PPML: stop when max|Δβ| is below this (default 1e-10). */
  readonly tolerance?: number;
  /** PPML: at most this many IRLS iterations (default 100). */
  readonly maxIterations?: number;
  /** Where the formula came from, to locate its problems (default `['formula']`). */
  readonly path?: FieldPath;
}

interface Prepared {
  readonly design: Design;
  readonly y: Float64Array;
  readonly labels: readonly string[];
  readonly missing: number;
  readonly nonPositive: number;
}

function prepare(data: DataFrame, f: Formula, method: GravityMethod, path: FieldPath): Prepared {
  const wanted = [f.response, ...f.terms.map((t) => t.column)];
  const unknown = wanted.filter((c, i) => !(c in data.columns) && wanted.indexOf(c) === i);
  const text = unknown.filter((c) => data.textColumns?.includes(c));
  if (text.length > 0)
    throw badInput({
      path,
      message: `column${text.length > 1 ? 's' : ''} ${text.map((c) => `"${c}"`).join(', ')} hold${text.length > 1 ? '' : 's'} text, not numbers: expected numeric columns in a regression`,
    });
  if (unknown.length > 0)
    throw badInput({
      path,
      message: `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}: expected one of ${Object.keys(data.columns).join(', ')}`,
    });
  const k = f.terms.length + (f.intercept ? 1 : 0);
  const labels = [...(f.intercept ? [INTERCEPT] : []), ...f.terms.map((t) => t.label)];
  const response = data.columns[f.response]!;
  const columns = f.terms.map((t) => data.columns[t.column]!);
  const x = new Float64Array(data.rows * k);
  const y = new Float64Array(data.rows);
  let rows = 0;
  let missing = 0;
  let nonPositive = 0;
  const row = new Float64Array(k);
  for (let r = 0; r < data.rows; r++) {
    const yr = response[r]!;
    let ok = Number.isFinite(yr) && yr >= 0;
    let c = 0;
    if (f.intercept) row[c++] = 1;
    for (let t = 0; ok && t < columns.length; t++) {
      const v = columns[t]![r]!;
      const value = f.terms[t]!.transform === 'log' ? Math.log(v) : v;
      if (!Number.isFinite(value)) ok = false;
      row[c++] = value;
    }
    if (!ok) {
      missing++;
      continue;
    }
    if (method === 'ols' && !(yr > 0)) {
      nonPositive++;
      continue;
    }
    x.set(row, rows * k);
    y[rows] = yr;
    rows++;
  }
  return {
    design: { rows, cols: k, x: x.subarray(0, rows * k) },
    y: y.subarray(0, rows),
    labels,
    missing,
    nonPositive,
  };
}

function factor(a: Float64Array, k: number, labels: readonly string[], path: FieldPath): Float64Array {
  const c = cholesky(a, k);
  if (c.ok) return c.l;
  const term = labels[c.column]!;
  throw badInput({
    path,
    message:
      c.column === 0 && labels.length === 1
        ? `the regressor ${term} is zero in every observation used: singular design matrix`
        : `singular design matrix: ${term} is constant or a linear combination of ${labels.slice(0, c.column).join(', ') || 'nothing'} in the observations used; drop it or another term`,
  });
}

function rSquaredOf(y: ArrayLike<number>, fit: ArrayLike<number>, n: number): number {
  let my = 0;
  let mf = 0;
  for (let i = 0; i < n; i++) {
    my += y[i]!;
    mf += fit[i]!;
  }
  my /= n;
  mf /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = y[i]! - my;
    const b = fit[i]! - mf;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxx > 0 && syy > 0 ? (sxy * sxy) / (sxx * syy) : 0;
}

function coefficients(
  beta: Float64Array,
  cov: Float64Array,
  labels: readonly string[],
): GravityCoefficient[] {
  const k = labels.length;
  return labels.map((term, i) => {
    const se = Math.sqrt(Math.max(0, cov[i * k + i]!));
    return { term, estimate: beta[i]!, standardError: se, z: se > 0 ? beta[i]! / se : 0 };
  });
}

/** Robust covariance A·X′diag(s²)X·A. */
function robust(d: Design, bread: Float64Array, squared: Float64Array): Float64Array {
  return sandwich(bread, crossProduct(d, squared), d.cols);
}

/**
 * Estimates a gravity equation (see the module comment for the two methods).
 * The response is the flow in levels for both: OLS takes its logarithm.
 *
 * @throws {ConcertError} bad input at `options.path` (default `['formula']`)
 *   for an unknown column, fewer observations than coefficients, or a
 *   singular design matrix (naming the collinear term).
 * @example
 * gravity(frame, parseFormula('trade ~ log(gdp_ex) + log(gdp_im) + log(dist_km)'), { method: 'ppml' });
 */
export function gravity(data: DataFrame, formula: Formula, options: GravityOptions = {}): GravityFit {
  const method = options.method ?? 'ppml';
  const path = options.path ?? ['formula'];
  const p = prepare(data, formula, method, path);
  const { design, y, labels } = p;
  const n = design.rows;
  const k = design.cols;
  if (n <= k)
    throw badInput({
      path,
      message: `${n} usable observation${n === 1 ? '' : 's'} for ${k} coefficients: expected more observations than coefficients`,
    });
  let zeros = 0;
  for (let i = 0; i < n; i++) if (y[i] === 0) zeros++;
  const base = {
    method,
    formula: formula.text,
    observations: n,
    dropped: { missing: p.missing, nonPositiveResponse: p.nonPositive },
    zeroResponses: zeros,
  };

  // OLS of ln T (OLS) or of ln(1 + T) (PPML's start).
  const logY = new Float64Array(n);
  for (let i = 0; i < n; i++) logY[i] = method === 'ols' ? Math.log(y[i]!) : Math.log1p(y[i]!);
  const l0 = factor(crossProduct(design), k, labels, path);
  let beta = choleskySolve(l0, k, crossVector(design, logY));

  if (method === 'ols') {
    const fit = linearPredictor(design, beta);
    const e2 = new Float64Array(n);
    for (let i = 0; i < n; i++) e2[i] = (logY[i]! - fit[i]!) ** 2;
    const cov = robust(design, choleskyInverse(l0, k), e2);
    return {
      ...base,
      coefficients: coefficients(beta, cov, labels),
      iterations: 0,
      converged: true,
      rSquared: rSquaredOf(logY, fit, n),
    };
  }

  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;
  const mu = new Float64Array(n);
  const wz = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  let l = l0;
  while (iterations < maxIterations) {
    iterations++;
    const eta = linearPredictor(design, beta);
    for (let i = 0; i < n; i++) {
      mu[i] = Math.exp(eta[i]!);
      // W z = μ(η + (T − μ)/μ) = μη + T − μ, without dividing by a tiny μ.
      wz[i] = mu[i]! * eta[i]! + y[i]! - mu[i]!;
    }
    l = factor(crossProduct(design, mu), k, labels, path);
    const next = choleskySolve(l, k, crossVector(design, wz));
    let change = 0;
    for (let c = 0; c < k; c++) change = Math.max(change, Math.abs(next[c]! - beta[c]!));
    beta = next;
    if (!Number.isFinite(change)) break;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  const eta = linearPredictor(design, beta);
  const r2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mu[i] = Math.exp(eta[i]!);
    r2[i] = (y[i]! - mu[i]!) ** 2;
  }
  l = factor(crossProduct(design, mu), k, labels, path);
  const cov = robust(design, choleskyInverse(l, k), r2);
  return {
    ...base,
    coefficients: coefficients(beta, cov, labels),
    iterations,
    converged,
    rSquared: rSquaredOf(y, mu, n),
  };
}
