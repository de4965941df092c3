import { describe, expect, it } from 'vitest';
import { isConcertError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { fitLogistic } from './logistic.js';

describe('fitLogistic', () => {
  it('matches the closed form of a binary regressor: the log-odds of each group', () => {
    const x = [
      [1, 0],
      [1, 0],
      [1, 1],
      [1, 1],
      [1, 1],
    ];
    const fit = fitLogistic(x, [0, 1, 0, 1, 1]);
    expect(fit.coefficients[0]).toBeCloseTo(0, 9);
    expect(fit.coefficients[1]).toBeCloseTo(Math.log(2), 9);
    // Standard errors of a 2×2 table: √(1/a + 1/b + …).
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(1 / 1 + 1 / 1), 6);
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(1 + 1 + 1 / 2 + 1), 6);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(fit.nullLogLikelihood);
  });

  it('recovers the coefficients of a large simulated sample within 3 standard errors', () => {
    const rng = Rng.fromSeed(2017);
    const x: number[][] = [];
    const y: number[] = [];
    for (let r = 0; r < 5000; r++) {
      const v = 2 * rng.next() - 1;
      x.push([1, -v]);
      y.push(rng.next() < 1 / (1 + Math.exp(-(-2.5 - 1.5 * v))) ? 1 : 0);
    }
    const fit = fitLogistic(x, y);
    expect(Math.abs(fit.coefficients[0]! + 2.5)).toBeLessThan(3 * fit.standardErrors[0]!);
    expect(Math.abs(fit.coefficients[1]! - 1.5)).toBeLessThan(3 * fit.standardErrors[1]!);
  });

  it('refuses outcomes without events and separated data', () => {
    for (const [x, y, re] of [
      [
        [
          [1, 0],
          [1, 1],
        ],
        [0, 0],
        /both events and non-events/,
      ],
      [
        [
          [1, 0],
          [1, 0],
          [1, 1],
          [1, 1],
        ],
        [0, 0, 1, 1],
        /separated/,
      ],
    ] as const) {
      try {
        fitLogistic(x, y);
        expect.unreachable();
      } catch (e) {
        expect(isConcertError(e)).toBe(true);
        expect((e as Error).message).toMatch(re);
      }
    }
  });
});
