/**
 * Maximum-likelihood logistic regression, P(y = 1 | x) = logistic(xᵀβ), by
 * Newton–Raphson (iteratively reweighted least squares; McCullagh & Nelder
 * 1989, §4.4) with standard errors from the inverse observed information
 * (Xᵀ W X)⁻¹. Used to fit the crisis rule's constants to MID onsets
 * (src/scenario/calibrate.ts). Few coefficients (two or three), so the
 * normal equations are solved directly (ml-matrix).
 */
import { inverse, Matrix } from 'ml-matrix';
import { badInput } from '../../core/errors.js';

export interface LogisticFit {
  readonly coefficients: readonly number[];
  readonly standardErrors: readonly number[];
  readonly logLikelihood: number;
  /** Log-likelihood of the intercept-only model (the base rate). */
  readonly nullLogLikelihood: number;
  readonly observations: number;
  readonly events: number;
  readonly iterations: number;
}

function logistic(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function logLik(x: readonly (readonly number[])[], y: readonly number[], beta: readonly number[]): number {
  let ll = 0;
  for (let r = 0; r < y.length; r++) {
    let z = 0;
    for (let c = 0; c < beta.length; c++) z += x[r]![c]! * beta[c]!;
    // log p = −log(1 + e^(−z)), log(1 − p) = −log(1 + e^z), both computed stably.
    ll -=
      y[r] === 1
        ? Math.log1p(Math.exp(-Math.abs(z))) + Math.max(0, -z)
        : Math.log1p(Math.exp(-Math.abs(z))) + Math.max(0, z);
  }
  return ll;
}

/** (Xᵀ W X)⁻¹·g, or null when the information matrix is singular (separated data). */
function solveOrNull(info: Matrix, grad: number[]): number[] | null {
  const inv = inverseOrNull(info);
  return inv ? inv.mmul(Matrix.columnVector(grad)).to1DArray() : null;
}

function inverseOrNull(m: Matrix): Matrix | null {
  try {
    const inv = inverse(m);
    return inv.to1DArray().every(Number.isFinite) ? inv : null;
  } catch {
    return null;
  }
}

/**
 * Fits β of P(y = 1) = logistic(xᵀβ); x's rows are the regressors (include a
 * column of ones for an intercept), y is 0 or 1.
 *
 * @throws ConcertError (bad input) when y has no events or no non-events, the
 *   rows differ in length, or the fit does not converge (separation).
 * @example
 * const x = [[1, 0], [1, 0], [1, 1], [1, 1], [1, 1]];
 * fitLogistic(x, [0, 1, 0, 1, 1]).coefficients; // => [0, log 2] (to rounding)
 */
export function fitLogistic(x: readonly (readonly number[])[], y: readonly number[]): LogisticFit {
  const n = y.length;
  const p = x[0]?.length ?? 0;
  if (n === 0 || p === 0 || x.length !== n || x.some((row) => row.length !== p)) {
    throw badInput({ path: ['x'], message: `expected ${n} rows of regressors of one length` });
  }
  const events = y.reduce((a, v) => a + v, 0);
  if (events === 0 || events === n) {
    throw badInput({
      path: ['y'],
      message: `expected both events and non-events to fit a logistic regression; got ${events} events in ${n} observations`,
    });
  }
  let beta = new Array<number>(p).fill(0);
  beta[0] = Math.log(events / (n - events));
  let ll = logLik(x, y, beta);
  let iterations = 0;
  let info = new Matrix(p, p);
  for (; iterations < 100; iterations++) {
    const grad = new Array<number>(p).fill(0);
    info = new Matrix(p, p);
    for (let r = 0; r < n; r++) {
      let z = 0;
      for (let c = 0; c < p; c++) z += x[r]![c]! * beta[c]!;
      const mu = logistic(z);
      const w = mu * (1 - mu);
      for (let c = 0; c < p; c++) {
        grad[c]! += (y[r]! - mu) * x[r]![c]!;
        for (let d = 0; d < p; d++) info.set(c, d, info.get(c, d) + w * x[r]![c]! * x[r]![d]!);
      }
    }
    const step = solveOrNull(info, grad);
    if (!step) break;
    // Step halving keeps every iterate an ascent (Newton can overshoot far from the optimum).
    let scale = 1;
    let next = beta.map((b, c) => b + step[c]!);
    let llNext = logLik(x, y, next);
    while (llNext < ll - 1e-12 && scale > 1e-6) {
      scale /= 2;
      next = beta.map((b, c) => b + scale * step[c]!);
      llNext = logLik(x, y, next);
    }
    const change = Math.max(...step.map((s) => Math.abs(s * scale)));
    beta = next;
    ll = llNext;
    if (change < 1e-10 || beta.some((v) => Math.abs(v) > 30)) break;
  }
  const cov = iterations < 100 ? inverseOrNull(info) : null;
  if (!cov || beta.some((b) => !Number.isFinite(b) || Math.abs(b) > 30)) {
    throw badInput({
      path: ['y'],
      message:
        'the logistic regression does not converge: the events are (quasi-)separated by the regressors, so the maximum-likelihood coefficients are infinite',
    });
  }
  const base = events / n;
  return {
    coefficients: beta,
    standardErrors: beta.map((_, c) => Math.sqrt(cov.get(c, c))),
    logLikelihood: ll,
    nullLogLikelihood: events * Math.log(base) + (n - events) * Math.log(1 - base),
    observations: n,
    events,
    iterations: iterations + 1,
  };
}
