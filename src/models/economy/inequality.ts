/**
 * Inequality of a distribution of values (here: gains from trade) across
 * units with weights pᵢ (Σpᵢ = 1; equal, or population shares), μ = Σpᵢgᵢ:
 *
 * - Gini = ΣᵢΣⱼ pᵢpⱼ|gᵢ − gⱼ| / (2μ);
 * - Theil T = Σ pᵢ (gᵢ/μ) ln(gᵢ/μ) (0·ln 0 = 0);
 * - Atkinson Aε = 1 − [Σ pᵢ (gᵢ/μ)^{1−ε}]^{1/(1−ε)}, A₁ = 1 − exp(Σ pᵢ ln gᵢ)/μ
 *   (Atkinson 1970, J. Econ. Theory 2(3): 244–263), ε ≥ 0 the aversion to inequality.
 */
import { badInput, ConcertError, type Problem } from '../../core/errors.js';

export type InequalityIndex = 'gini' | 'theil' | 'atkinson';

function normalised(values: readonly number[], weights?: readonly number[]): { p: number[]; mean: number } {
  const problems: Problem[] = [];
  if (values.length === 0) throw badInput({ path: ['values'], message: 'expected at least one value' });
  values.forEach((v, i) => {
    if (!(Number.isFinite(v) && v >= 0))
      problems.push({ path: ['values', i], message: `expected a finite value ≥ 0; got ${v}` });
  });
  if (weights && weights.length !== values.length)
    problems.push({
      path: ['weights'],
      message: `expected one weight per value (${values.length}); got ${weights.length}`,
    });
  weights?.forEach((w, i) => {
    if (!(Number.isFinite(w) && w >= 0))
      problems.push({ path: ['weights', i], message: `expected a finite weight ≥ 0; got ${w}` });
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const raw = weights ?? values.map(() => 1);
  const total = raw.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw badInput({ path: ['weights'], message: 'the weights sum to 0' });
  const p = raw.map((w) => w / total);
  const mean = values.reduce((s, v, i) => s + p[i]! * v, 0);
  if (!(mean > 0))
    throw badInput({ path: ['values'], message: 'the weighted mean is 0: inequality is undefined' });
  return { p, mean };
}

/**
 * The Gini coefficient.
 *
 * @throws {ConcertError} bad input at `['values', i]` for a negative or
 *   non-finite value, at `['weights', …]` for bad weights, and when the mean is 0.
 * @example
 * gini([0, 0, 0, 1]); // => 0.75
 */
export function gini(values: readonly number[], weights?: readonly number[]): number {
  const { p, mean } = normalised(values, weights);
  let s = 0;
  for (let i = 0; i < values.length; i++)
    for (let j = 0; j < values.length; j++) s += p[i]! * p[j]! * Math.abs(values[i]! - values[j]!);
  return s / (2 * mean);
}

/**
 * Theil's T index.
 *
 * @example
 * theil([1, 1, 1, 1]); // => 0
 */
export function theil(values: readonly number[], weights?: readonly number[]): number {
  const { p, mean } = normalised(values, weights);
  let s = 0;
  values.forEach((v, i) => {
    if (v > 0) s += p[i]! * (v / mean) * Math.log(v / mean);
  });
  return s;
}

/**
 * The Atkinson index with inequality aversion ε ≥ 0 (values must be > 0 for ε ≥ 1).
 *
 * @throws {ConcertError} bad input at `['epsilon']` for ε < 0, and at
 *   `['values', i]` for a zero value when ε ≥ 1.
 * @example
 * atkinson([1, 2, 3, 4], 1); // => 1 − 24^{1/4}/2.5 ≈ 0.1146
 */
export function atkinson(values: readonly number[], epsilon: number, weights?: readonly number[]): number {
  if (!(Number.isFinite(epsilon) && epsilon >= 0))
    throw badInput({ path: ['epsilon'], message: `expected an inequality aversion ε ≥ 0; got ${epsilon}` });
  const { p, mean } = normalised(values, weights);
  if (epsilon >= 1) {
    const zero = values.indexOf(0);
    if (zero >= 0)
      throw badInput({
        path: ['values', zero],
        message: `the Atkinson index with ε ≥ 1 needs every value > 0; got 0`,
      });
  }
  if (epsilon === 1) {
    const logMean = values.reduce((s, v, i) => s + p[i]! * Math.log(v), 0);
    return 1 - Math.exp(logMean) / mean;
  }
  const s = values.reduce((acc, v, i) => acc + p[i]! * (v / mean) ** (1 - epsilon), 0);
  return 1 - s ** (1 / (1 - epsilon));
}
