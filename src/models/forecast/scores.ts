/**
 * Scores of probabilistic forecasts against what happened
 * (docs/models/forecast.md): the continuous ranked probability score of an
 * ensemble and of a normal forecast, the coverage of central bands, the
 * Brier score of event probabilities, and skill against a benchmark.
 *
 * Gneiting, T., & Raftery, A. E. (2007). Strictly proper scoring rules,
 * prediction, and estimation. JASA 102, 359–378.
 */
import { badInput, type FieldPath } from '../../core/errors.js';
import { sampleCorrelation } from 'simple-statistics';
import { normalCdf } from '../../core/statistics.js';

function finite(x: number, path: FieldPath, what: string): void {
  if (!Number.isFinite(x)) throw badInput({ message: `expected ${what}, a finite number; got ${x}`, path });
}

/**
 * CRPS of an ensemble forecast x₁ … x_m for the observation y, in y's units
 * (lower is better; 0 for a perfect point forecast):
 *   CRPS = (1/m) Σ|xᵢ − y| − (1/(2m²)) Σᵢ Σⱼ |xᵢ − xⱼ|
 * — the CRPS of the ensemble's empirical distribution (Gneiting & Raftery
 * 2007, eq. 21; properscoring's `crps_ensemble`). The double sum is computed
 * from the sorted members in O(m log m): Σᵢⱼ|xᵢ − xⱼ| = 2 Σₖ (2k − m − 1)·x₍ₖ₎.
 *
 * @throws ConcertError (bad input) for an empty ensemble or a non-finite value.
 * @example
 * crpsEnsemble([0, 0], 0); // 0
 * crpsEnsemble([-1, 1], 0); // 0.5 = 1 − ½·1
 */
export function crpsEnsemble(members: ArrayLike<number>, observed: number): number {
  const m = members.length;
  if (m === 0) throw badInput({ message: 'expected at least one ensemble member', path: ['members'] });
  finite(observed, ['observed'], 'the observation');
  const xs = Float64Array.from(members);
  for (let i = 0; i < m; i++) finite(xs[i]!, ['members', i], 'a member');
  xs.sort();
  let spread = 0;
  let miss = 0;
  for (let k = 0; k < m; k++) {
    miss += Math.abs(xs[k]! - observed);
    spread += (2 * (k + 1) - m - 1) * xs[k]!;
  }
  return miss / m - spread / (m * m);
}

/** Standard normal density and distribution function. */
function phi(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/**
 * CRPS of a normal forecast N(μ, σ²) for the observation y (Gneiting et al.
 * 2005): σ·[z(2Φ(z) − 1) + 2φ(z) − 1/√π], z = (y − μ)/σ; |y − μ| when σ = 0.
 *
 * @throws ConcertError (bad input) for σ < 0 or a non-finite value.
 * @example
 * crpsNormal(0, 1, 0); // 0.2336949772551091
 */
export function crpsNormal(mean: number, sd: number, observed: number): number {
  finite(mean, ['mean'], 'the forecast mean');
  finite(sd, ['sd'], 'the forecast standard deviation');
  finite(observed, ['observed'], 'the observation');
  if (sd < 0) throw badInput({ message: `expected a standard deviation ≥ 0; got ${sd}`, path: ['sd'] });
  if (sd === 0) return Math.abs(observed - mean);
  const z = (observed - mean) / sd;
  return sd * (z * (2 * normalCdf(z) - 1) + 2 * phi(z) - 1 / Math.sqrt(Math.PI));
}

/**
 * Whether y lies in the ensemble's central band of probability `level`:
 * between its (1 − level)/2 and (1 + level)/2 empirical quantiles (R's type
 * 7, linear interpolation), ends included.
 */
export function inCentralBand(members: ArrayLike<number>, observed: number, level: number): boolean {
  if (!(level > 0 && level < 1))
    throw badInput({ message: `expected a band level in (0, 1); got ${level}`, path: ['level'] });
  const xs = Float64Array.from(members).sort();
  if (xs.length === 0)
    throw badInput({ message: 'expected at least one ensemble member', path: ['members'] });
  const q = (p: number) => {
    const h = (xs.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(xs.length - 1, lo + 1);
    return xs[lo]! + (h - lo) * (xs[hi]! - xs[lo]!);
  };
  return observed >= q((1 - level) / 2) && observed <= q((1 + level) / 2);
}

/**
 * Brier score of event probabilities p against outcomes o ∈ {0, 1}:
 * mean (p − o)² (Brier 1950); 0 is perfect, 0.25 is a constant ½.
 */
export function brierScore(probabilities: ArrayLike<number>, outcomes: ArrayLike<number>): number {
  if (probabilities.length !== outcomes.length || probabilities.length === 0) {
    throw badInput({
      message: `expected as many outcomes as probabilities (≥ 1); got ${outcomes.length} and ${probabilities.length}`,
      path: ['outcomes'],
    });
  }
  let s = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    const o = outcomes[i]!;
    if (!(p >= 0 && p <= 1))
      throw badInput({ message: `expected a probability in [0, 1]; got ${p}`, path: ['probabilities', i] });
    if (o !== 0 && o !== 1)
      throw badInput({ message: `expected an outcome 0 or 1; got ${o}`, path: ['outcomes', i] });
    s += (p - o) ** 2;
  }
  return s / probabilities.length;
}

/** Skill of a score against a benchmark's: 1 − score/benchmark (1 perfect, 0 no better, < 0 worse). */
export function skill(score: number, benchmark: number): number {
  if (!(benchmark > 0)) return score === 0 ? 0 : Number.NEGATIVE_INFINITY;
  return 1 - score / benchmark;
}

/** Ranks 1 … n of `xs`, ties sharing the mean of the ranks they span. */
function midRanks(xs: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: xs.length }, (_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  const ranks = new Float64Array(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && xs[order[j + 1]!] === xs[order[i]!]) j++;
    for (let k = i; k <= j; k++) ranks[order[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return ranks;
}

/**
 * Spearman's rank correlation of paired values: Pearson's correlation of
 * their ranks, ties given their mid-rank (so that tied forecasts neither gain
 * nor lose). Null when there are fewer than three pairs or either side is
 * constant (the correlation is undefined).
 *
 * @throws ConcertError (bad input) for lists of different lengths or a non-finite value.
 * @example
 * rankCorrelation([1, 2, 3], [10, 30, 20]); // 0.5
 */
export function rankCorrelation(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  if (xs.length !== ys.length)
    throw badInput({ message: `expected paired values; got ${xs.length} and ${ys.length}`, path: ['ys'] });
  for (let i = 0; i < xs.length; i++) {
    finite(xs[i]!, ['xs', i], 'a value');
    finite(ys[i]!, ['ys', i], 'a value');
  }
  const n = xs.length;
  if (n < 3) return null;
  const rx = midRanks(xs);
  const ry = midRanks(ys);
  // Constant ranks: all values tied on one side.
  if (rx.every((r) => r === rx[0]) || ry.every((r) => r === ry[0])) return null;
  return Math.max(-1, Math.min(1, sampleCorrelation(Array.from(rx), Array.from(ry))));
}
