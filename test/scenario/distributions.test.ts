import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { sample } from '../../src/scenario/distributions.js';
import { quantileSorted } from '../../src/scenario/ensemble.js';

function moments(draw: () => number, n = 20_000): { mean: number; sd: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, sd: Math.sqrt(s2 / n - mean * mean) };
}

describe('uncertain-parameter distributions', () => {
  it('uniform and triangular stay inside [min, max] for any parameters (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (min, width, m, seed) => {
          const rng = Rng.fromSeed(seed);
          const max = min + width;
          const mode = min + m * width;
          for (let k = 0; k < 20; k++) {
            const u = sample({ type: 'uniform', min, max }, rng);
            const t = sample({ type: 'triangular', min, mode, max }, rng);
            expect(u).toBeGreaterThanOrEqual(min);
            expect(u).toBeLessThanOrEqual(max);
            expect(t).toBeGreaterThanOrEqual(min);
            expect(t).toBeLessThanOrEqual(max);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('has the textbook moments: uniform(2, 4), triangular(0, 1, 4), normal(1, 2), lognormal(0, 0.5)', () => {
    const rng = Rng.fromSeed(42);
    const u = moments(() => sample({ type: 'uniform', min: 2, max: 4 }, rng));
    expect(u.mean).toBeCloseTo(3, 1);
    expect(u.sd).toBeCloseTo(2 / Math.sqrt(12), 1);
    const t = moments(() => sample({ type: 'triangular', min: 0, mode: 1, max: 4 }, rng));
    expect(t.mean).toBeCloseTo(5 / 3, 1);
    const n = moments(() => sample({ type: 'normal', mean: 1, sd: 2 }, rng));
    expect(n.mean).toBeCloseTo(1, 1);
    expect(n.sd).toBeCloseTo(2, 1);
    const l = moments(() => sample({ type: 'lognormal', mu: 0, sigma: 0.5 }, rng));
    expect(l.mean).toBeCloseTo(Math.exp(0.125), 1);
  });

  it('truncates a normal to its window', () => {
    const rng = Rng.fromSeed(1);
    for (let k = 0; k < 1000; k++) {
      const x = sample({ type: 'normal', mean: 0, sd: 1, min: -0.5, max: 0.2 }, rng);
      expect(x).toBeGreaterThanOrEqual(-0.5);
      expect(x).toBeLessThanOrEqual(0.2);
    }
  });
});

describe('quantiles (Hyndman–Fan type 7)', () => {
  it('interpolates between order statistics as R and NumPy do', () => {
    const x = Float64Array.of(1, 2, 3, 4, 10);
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 0.5)).toBe(3);
    expect(quantileSorted(x, 0.95)).toBeCloseTo(8.8, 12);
    expect(quantileSorted(x, 0.25)).toBe(2);
    expect(quantileSorted(Float64Array.of(7), 0.05)).toBe(7);
  });
});
