import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { quantile, sample } from '../../src/scenario/distributions.js';
import type { Distribution } from '../../src/scenario/schema.js';

const cases: Distribution[] = [
  { type: 'uniform', min: 0.02, max: 0.08 },
  { type: 'normal', mean: 0.5, sd: 0.2 },
  { type: 'normal', mean: 0.1, sd: 0.3, min: 0, max: 0.4 },
  { type: 'triangular', min: 0, mode: 0.7, max: 1 },
  { type: 'lognormal', mu: -3, sigma: 0.5 },
];

describe('quantile (the inverse CDF of an uncertain parameter)', () => {
  it('is non-decreasing in u, finite at 0 and 1, and inside a bounded distribution', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d, u, v) => {
          const [a, b] = u <= v ? [u, v] : [v, u];
          const qa = quantile(d, a);
          const qb = quantile(d, b);
          expect(Number.isFinite(qa) && Number.isFinite(qb)).toBe(true);
          expect(qb).toBeGreaterThanOrEqual(qa - 1e-12);
          if ('min' in d && d.min !== undefined) expect(qa).toBeGreaterThanOrEqual(d.min);
          if ('max' in d && d.max !== undefined) expect(qb).toBeLessThanOrEqual(d.max);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("agrees with the sampler's distribution: the empirical 10/50/90 % quantiles of 40,000 draws", () => {
    const rng = Rng.fromSeed(11);
    for (const d of cases) {
      const xs = Array.from({ length: 40_000 }, () => sample(d, rng)).sort((a, b) => a - b);
      for (const p of [0.1, 0.5, 0.9]) {
        const emp = xs[Math.floor(p * xs.length)]!;
        const spread = xs[Math.floor(0.95 * xs.length)]! - xs[Math.floor(0.05 * xs.length)]!;
        expect(Math.abs(quantile(d, p) - emp)).toBeLessThan(0.02 * spread);
      }
    }
  });

  it('known values: the median of a normal is its mean; uniform is linear; lognormal median is e^μ', () => {
    expect(quantile({ type: 'normal', mean: 3, sd: 2 }, 0.5)).toBeCloseTo(3, 12);
    expect(quantile({ type: 'normal', mean: 0, sd: 1 }, 0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(quantile({ type: 'uniform', min: 2, max: 6 }, 0.25)).toBe(3);
    expect(quantile({ type: 'lognormal', mu: -3, sigma: 0.5 }, 0.5)).toBeCloseTo(Math.exp(-3), 10);
  });
});
