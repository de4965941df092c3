import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isConcertError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { normalCdf } from '../../core/statistics.js';
import { ar1Forecast, fitAr1, randomWalkForecast } from './benchmarks.js';
import { brierScore, crpsEnsemble, crpsNormal, inCentralBand, skill } from './scores.js';

const bruteCrps = (xs: number[], y: number) => {
  const m = xs.length;
  let a = 0;
  let b = 0;
  for (const x of xs) a += Math.abs(x - y);
  for (const x of xs) for (const z of xs) b += Math.abs(x - z);
  return a / m - b / (2 * m * m);
};

describe('normalCdf', () => {
  it('matches reference values of Φ to 1e-14 relative', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-3) / 0.0013498980316300946).toBeCloseTo(1, 12);
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 10);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
  });
  it('is increasing and symmetric', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 12);
        expect(normalCdf(z + 0.01)).toBeGreaterThanOrEqual(normalCdf(z));
      }),
    );
  });
});

describe('crpsEnsemble', () => {
  it('hand values: a perfect ensemble scores 0, two members ±1 around the outcome 0.5, one member |x − y|', () => {
    expect(crpsEnsemble([0, 0], 0)).toBe(0);
    expect(crpsEnsemble([-1, 1], 0)).toBe(0.5);
    expect(crpsEnsemble([3], 1)).toBe(2);
  });
  it('equals the O(m²) definition for any ensemble', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (xs, y) => {
          expect(crpsEnsemble(xs, y)).toBeCloseTo(bruteCrps(xs, y), 8);
          expect(crpsEnsemble(xs, y)).toBeGreaterThanOrEqual(-1e-9);
        },
      ),
    );
  });
  it('tends to the normal CRPS for a large normal ensemble', () => {
    const rng = Rng.fromSeed(4);
    const xs = Array.from({ length: 20_000 }, () => rng.normal(1, 2));
    for (const y of [-3, 1, 2.5])
      expect(Math.abs(crpsEnsemble(xs, y) - crpsNormal(1, 2, y))).toBeLessThan(0.02);
  });
  it('locates bad input', () => {
    expect(() => crpsEnsemble([], 0)).toThrow(/at least one/);
    try {
      crpsEnsemble([1, Number.NaN], 0);
      expect.unreachable();
    } catch (e) {
      expect(isConcertError(e)).toBe(true);
      expect((e as Error).message).toContain('members[1]');
    }
  });
});

describe('crpsNormal', () => {
  it("properscoring's values: CRPS(N(0,1), 0) = 0.23369497725510913; at 1, 0.6024414; σ = 0 gives |y − μ|", () => {
    expect(crpsNormal(0, 1, 0)).toBeCloseTo(0.23369497725510913, 14);
    expect(crpsNormal(0, 1, 1)).toBeCloseTo(0.602441357, 8);
    expect(crpsNormal(2, 0, -1)).toBe(3);
  });
  it('equals ∫(F(x) − 1{x ≥ y})² dx by quadrature', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: -8, max: 8, noNaN: true }),
        (mu, sd, y) => {
          // Midpoint rule on each side of the jump at y, so the step adds no error of order dx.
          const lo = Math.min(mu - 12 * sd, y) - 1;
          const hi = Math.max(mu + 12 * sd, y) + 1;
          const side = (a: number, b: number, step: number) => {
            const n = 20_000;
            const dx = (b - a) / n;
            let t = 0;
            for (let i = 0; i < n; i++) t += (normalCdf((a + (i + 0.5) * dx - mu) / sd) - step) ** 2 * dx;
            return t;
          };
          const s = side(lo, y, 0) + side(y, hi, 1);
          expect(crpsNormal(mu, sd, y)).toBeCloseTo(s, 6);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('bands, Brier, skill', () => {
  it('central bands by linear interpolation, ends included', () => {
    const xs = Array.from({ length: 101 }, (_, i) => i); // quantiles are the values
    expect(inCentralBand(xs, 5, 0.9)).toBe(true);
    expect(inCentralBand(xs, 4.9, 0.9)).toBe(false);
    expect(inCentralBand(xs, 75, 0.5)).toBe(true);
    expect(inCentralBand(xs, 75.1, 0.5)).toBe(false);
  });
  it('Brier: 0 perfect, 0.25 for a constant one half, bad probabilities located', () => {
    expect(brierScore([1, 0], [1, 0])).toBe(0);
    expect(brierScore([0.5, 0.5, 0.5], [1, 0, 1])).toBe(0.25);
    expect(() => brierScore([1.2], [1])).toThrow(/probabilities\[0\]/);
    expect(() => brierScore([0.2], [2])).toThrow(/outcomes\[0\]/);
  });
  it('skill: 1 − score/benchmark', () => {
    expect(skill(0.5, 1)).toBe(0.5);
    expect(skill(2, 1)).toBe(-1);
  });
});

describe('benchmarks', () => {
  it('random walk: the last value, sd √h times the sd of the differences', () => {
    const f = randomWalkForecast([1, 2, 1, 2, 1], 4);
    expect(f.mean).toBe(1);
    // differences 1, −1, 1, −1: mean 0, variance 4/3
    expect(f.sd).toBeCloseTo(Math.sqrt((4 * 4) / 3), 12);
  });
  it('AR(1) recovers c and φ of a simulated series, and its forecast tends to the mean c/(1 − φ)', () => {
    const rng = Rng.fromSeed(9);
    const ys = [2];
    for (let t = 1; t < 5000; t++) ys.push(0.8 + 0.6 * ys[t - 1]! + rng.normal(0, 0.5));
    const fit = fitAr1(ys);
    expect(fit.phi).toBeCloseTo(0.6, 1);
    expect(fit.c).toBeCloseTo(0.8, 1);
    expect(Math.sqrt(fit.sigma2)).toBeCloseTo(0.5, 1);
    const far = ar1Forecast(ys, 200);
    expect(far.mean).toBeCloseTo(fit.c / (1 - fit.phi), 6);
    expect(far.sd).toBeCloseTo(Math.sqrt(fit.sigma2 / (1 - fit.phi ** 2)), 6);
    expect(ar1Forecast(ys, 1).mean).toBeCloseTo(fit.c + fit.phi * ys.at(-1)!, 12);
  });
  it('refuses short or constant training series and bad horizons, located', () => {
    expect(() => randomWalkForecast([1, 2], 1)).toThrow(/at least 3/);
    expect(() => fitAr1([1, 1, 1, 1])).toThrow(/constant/);
    expect(() => ar1Forecast([1, 2, 4, 3], 0)).toThrow(/horizon/);
    expect(() => fitAr1([1, 2, Number.POSITIVE_INFINITY, 3])).toThrow(/train\[2\]/);
  });
});
