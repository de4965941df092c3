/**
 * Estimation of the scenario engine's arms rule (docs/models/scenario.md,
 * rules A1–A2) from a panel of yearly military spending and hostility.
 *
 * Model. Spending is a trend times a Richardson index:
 *
 *   m_i(t) = m_i(t0)·(1 + b_i)^(t − t0)·y_i(t)
 *   y_i(t+1) − y_i(t) = g_i + k·Σ_j H_ij(t)·y_j(t) − a·y_i(t) + σ_i·ε_i(t),   ε ~ N(0, 1)
 *
 * with b_i the actor's trend growth, k the reaction to hostility-weighted
 * rival spending (H_ij ≥ 0), a the fatigue (pull back to the trend), g_i a
 * per-actor grievance and σ_i the actor's yearly shock.
 *
 * Estimator. b_i = exp(mean of Δln m_i) − 1 (the geometric mean growth; its
 * standard error by the delta method, (1 + b_i)·sd(Δln m_i)/√n). Then, with
 * y_i detrended by b_i, the increments of every actor are pooled and k, a
 * and the g_i (actor fixed effects) estimated by ordinary least squares
 * (classical standard errors; models/arms/fit.ts `ols`); σ_i is actor i's
 * residual root mean square, corrected for the degrees of freedom used
 * (× √(N/(N − p))). k and a are pooled across actors because a dozen years
 * per actor cannot identify them one by one. The caveats of fit.ts apply:
 * short, autocorrelated series make the standard errors optimistic, and a
 * fatigue estimated on a short window is biased upwards (the Hurwicz bias of
 * an autoregression, Hurwicz 1950). When no dyad is hostile in any year the
 * reaction is not identified and is reported as null.
 */
import { badInput } from '../../core/errors.js';
import { type FittedEstimate, fittedEstimate, ols } from './fit.js';

/** Yearly spending of each actor and the hostility between them. */
export interface SpendingPanel {
  readonly actors: readonly string[];
  /** Consecutive calendar years. */
  readonly years: readonly number[];
  /** spending[t][i] > 0: actor i in years[t] (any constant unit). */
  readonly spending: readonly (readonly number[])[];
  /** hostility[t][i·n + j] ≥ 0: H_ij at the start of years[t] (the last year's is not used). */
  readonly hostility: readonly (readonly number[])[];
}

export interface TrendRichardsonFit {
  readonly actors: string[];
  readonly firstYear: number;
  readonly lastYear: number;
  /** Pooled yearly increments (actors × (years − 1)). */
  readonly observations: number;
  /** Coefficients of the pooled regression (k, a and one g per actor; k is dropped when not identified). */
  readonly parameters: number;
  /** b_i per actor: trend growth per year (fraction). */
  readonly trend: readonly ({ readonly actor: string } & FittedEstimate)[];
  /** k, per year per unit of hostility-weighted rival index; null when no dyad is ever hostile. */
  readonly reaction: FittedEstimate | null;
  /** a, per year. */
  readonly fatigue: FittedEstimate;
  /** g_i per actor, index units per year. */
  readonly grievance: readonly ({ readonly actor: string } & FittedEstimate)[];
  /** σ_i per actor: the sd of the yearly shock to the index. */
  readonly shockSd: readonly { readonly actor: string; readonly value: number }[];
  readonly rSquared: number;
  readonly estimator: string;
}

function checkPanel(panel: SpendingPanel): void {
  const { actors, years, spending, hostility } = panel;
  const n = actors.length;
  if (n < 1) throw badInput({ path: ['actors'], message: 'expected at least one actor' });
  if (years.length < 4) {
    throw badInput({
      path: ['years'],
      message: `expected at least 4 consecutive years (3 increments per actor); got ${years.length}`,
    });
  }
  for (let t = 1; t < years.length; t++) {
    if (years[t] !== years[t - 1]! + 1) {
      throw badInput({
        path: ['years', t],
        message: `years must be consecutive; ${years[t - 1]} is followed by ${years[t]}`,
      });
    }
  }
  if (spending.length !== years.length || hostility.length < years.length - 1) {
    throw badInput({
      path: ['spending'],
      message: `expected spending for each of the ${years.length} years and hostility for the first ${years.length - 1}`,
    });
  }
  for (const [t, row] of spending.entries()) {
    if (row.length !== n)
      throw badInput({ path: ['spending', t], message: `expected ${n} values (one per actor)` });
    for (const [i, v] of row.entries()) {
      if (!(Number.isFinite(v) && v > 0)) {
        throw badInput({
          path: ['spending', t, i],
          message: `expected positive spending for ${actors[i]} in ${years[t]}; got ${v}`,
        });
      }
    }
  }
  for (let t = 0; t < years.length - 1; t++) {
    const h = hostility[t]!;
    if (h.length !== n * n) {
      throw badInput({ path: ['hostility', t], message: `expected ${n * n} values (n × n, row-major)` });
    }
    for (const [k, v] of h.entries()) {
      if (!(Number.isFinite(v) && v >= 0)) {
        throw badInput({ path: ['hostility', t, k], message: `expected hostility ≥ 0; got ${v}` });
      }
    }
  }
}

/**
 * Fits the engine's trend-and-Richardson arms rule to a spending panel (see
 * the module comment for the model and estimator).
 *
 * @throws ConcertError (bad input) for fewer than 4 or non-consecutive years,
 *   non-positive spending, negative hostility, or collinear regressors.
 * @example
 * // two actors with steady 3 % and 1 % growth and no hostility:
 * const years = [2000, 2001, 2002, 2003, 2004];
 * const fit = fitTrendRichardson({
 *   actors: ['A', 'B'], years,
 *   spending: years.map((_, t) => [100 * 1.03 ** t * (1 + 0.01 * (t % 2)), 50 * 1.01 ** t * (1 - 0.01 * (t % 2))]),
 *   hostility: years.map(() => [0, 0, 0, 0]),
 * });
 * fit.reaction; // => null (no hostile dyad)
 */
export function fitTrendRichardson(panel: SpendingPanel): TrendRichardsonFit {
  checkPanel(panel);
  const { actors, years, spending, hostility } = panel;
  const n = actors.length;
  const T = years.length;
  const steps = T - 1;
  // Trends: geometric mean growth and its delta-method standard error.
  const trend = actors.map((actor, i) => {
    const dl = Array.from({ length: steps }, (_, t) => Math.log(spending[t + 1]![i]! / spending[t]![i]!));
    const mean = dl.reduce((a, x) => a + x, 0) / steps;
    const sd = Math.sqrt(dl.reduce((a, x) => a + (x - mean) ** 2, 0) / (steps - 1));
    const b = Math.exp(mean) - 1;
    return { actor, ...fittedEstimate(b, ((1 + b) * sd) / Math.sqrt(steps)) };
  });
  // Detrended indices, y_i(t0) = 1.
  const y = spending.map((row, t) =>
    row.map((m, i) => m / (spending[0]![i]! * (1 + trend[i]!.estimate) ** t)),
  );
  const drive = (t: number, i: number) => {
    let s = 0;
    for (let j = 0; j < n; j++) if (j !== i) s += hostility[t]![i * n + j]! * y[t]![j]!;
    return s;
  };
  let identified = false;
  for (let t = 0; t < steps && !identified; t++)
    for (let i = 0; i < n; i++) if (drive(t, i) > 0) identified = true;
  const design: number[][] = [];
  const dy: number[] = [];
  const owner: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < steps; t++) {
      const dummies = Array.from({ length: n }, (_, c) => (c === i ? 1 : 0));
      design.push([...(identified ? [drive(t, i)] : []), y[t]![i]!, ...dummies]);
      dy.push(y[t + 1]![i]! - y[t]![i]!);
      owner.push(i);
    }
  }
  const p = design[0]!.length;
  if (dy.length <= p) {
    throw badInput({
      path: ['years'],
      message: `${dy.length} increments cannot estimate ${p} coefficients with a residual degree of freedom; give more years`,
    });
  }
  const fit = ols(design, dy, () => 'pooled arms regression');
  const off = identified ? 1 : 0;
  const correction = Math.sqrt(dy.length / (dy.length - p));
  const shockSd = actors.map((actor, i) => {
    let ss = 0;
    let count = 0;
    fit.residuals.forEach((e, r) => {
      if (owner[r] === i) {
        ss += e * e;
        count++;
      }
    });
    return { actor, value: Math.sqrt(ss / count) * correction };
  });
  return {
    actors: [...actors],
    firstYear: years[0]!,
    lastYear: years.at(-1)!,
    observations: dy.length,
    parameters: p,
    trend,
    reaction: identified ? fittedEstimate(fit.beta[0]!, fit.se[0]!) : null,
    fatigue: fittedEstimate(-fit.beta[off]!, fit.se[off]!),
    grievance: actors.map((actor, i) => ({
      actor,
      ...fittedEstimate(fit.beta[off + 1 + i]!, fit.se[off + 1 + i]!),
    })),
    shockSd,
    rSquared: fit.rSquared,
    estimator:
      'trend: geometric mean growth per actor; k, a pooled and g per actor by ordinary least squares on the detrended increments; classical standard errors',
  };
}
