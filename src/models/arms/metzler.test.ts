import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixStability, metzlerSpectralAbscissa } from './index.js';

/**
 * A random n×n Metzler matrix: off-diagonal ≥ 0 and often 0 (sparse, reducible
 * cases). `hard` also draws couplings down to 1e-300 and equal diagonals (as
 * when every power has the same fatigue): multiple eigenvalues with Jordan
 * blocks, so ill-conditioned that a general eigenvalue routine is off by
 * up to ε^(1/k) while this one is exact there (the triangular cases below).
 */
const arbMetzler = (hard: boolean) =>
  fc.integer({ min: 1, max: 9 }).chain((n) =>
    fc
      .array(
        fc.oneof(
          fc.constant(0),
          fc.double({ min: 1e-3, max: 2, noNaN: true }),
          hard ? fc.double({ min: 1e-300, max: 1e-3, noNaN: true }) : fc.constant(0.01),
        ),
        { minLength: n * n, maxLength: n * n },
      )
      .chain((off) =>
        (hard
          ? fc.array(
              fc.oneof(fc.constant(-0.1), fc.constant(0), fc.double({ min: -3, max: 1, noNaN: true })),
              { minLength: n, maxLength: n },
            )
          : // Diagonals at least 0.001 apart: eigenvalues well separated enough to compare.
            fc
              .uniqueArray(fc.integer({ min: -3000, max: 1000 }), { minLength: n, maxLength: n })
              .map((d) => d.map((v) => v / 1000))
        ).map((diag) => {
          const m = off.slice();
          for (let i = 0; i < n; i++) m[i * n + i] = diag[i]!;
          return { n, m };
        }),
      ),
  );

const rows = (m: readonly number[], n: number) =>
  Array.from({ length: n }, (_, i) => m.slice(i * n, (i + 1) * n));

describe('spectral abscissa of a Metzler matrix', () => {
  it('equals max Re λ from the general eigenvalue decomposition (property)', () => {
    fc.assert(
      fc.property(arbMetzler(false), ({ n, m }) => {
        const alpha = metzlerSpectralAbscissa(m, n);
        const reference = matrixStability(rows(m, n)).maxRealPart;
        const scale = Math.max(1, ...m.map(Math.abs));
        expect(Math.abs(alpha - reference)).toBeLessThanOrEqual(1e-9 * scale);
      }),
      { numRuns: 500 },
    );
  });

  it('lies within its bounds and moves with shifts, scalings and relabellings (property)', () => {
    fc.assert(
      fc.property(arbMetzler(true), fc.double({ min: -2, max: 2, noNaN: true }), ({ n, m }, shift) => {
        const alpha = metzlerSpectralAbscissa(m, n);
        const scale = Math.max(1, ...m.map(Math.abs));
        const tol = 1e-12 * scale * n;
        const diagonal = Array.from({ length: n }, (_, i) => m[i * n + i]!);
        const rowSums = rows(m, n).map((r) => r.reduce((a, b) => a + b, 0));
        expect(alpha).toBeGreaterThanOrEqual(Math.max(...diagonal) - tol);
        expect(alpha).toBeLessThanOrEqual(Math.max(...rowSums) + tol);
        // α(M + sI) = α(M) + s; α(2M) = 2α(M); α(PMPᵀ) = α(M) for the reversal P.
        const shifted = m.map((v, k) => (k % (n + 1) === 0 ? v + shift : v));
        expect(metzlerSpectralAbscissa(shifted, n)).toBeCloseTo(alpha + shift, 9);
        expect(
          metzlerSpectralAbscissa(
            m.map((v) => 2 * v),
            n,
          ),
        ).toBeCloseTo(2 * alpha, 9);
        const reversed = m.map((_, k) => m[(n - 1 - Math.floor(k / n)) * n + (n - 1 - (k % n))]!);
        expect(metzlerSpectralAbscissa(reversed, n)).toBeCloseTo(alpha, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('is exact where the answer is known', () => {
    // Diagonal and triangular: the largest diagonal entry (also with a Jordan block, where an
    // eigenvalue decomposition is off by ~1e-8).
    expect(metzlerSpectralAbscissa([-0.3, 0, 0, -0.1], 2)).toBe(-0.1);
    expect(metzlerSpectralAbscissa([-0.3, 5, 0, -0.1], 2)).toBe(-0.1);
    expect(metzlerSpectralAbscissa([0, 0.01, 0.01, 0, 0, 0.01, 0, 0, 0], 3)).toBe(0);
    // 2×2: (a + d)/2 + √(((a − d)/2)² + b·c).
    const [a, b, c, d] = [-0.2, 0.05, 0.08, -0.1];
    const closed = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * c);
    expect(metzlerSpectralAbscissa([a, b, c, d], 2)).toBeCloseTo(closed, 14);
    // Equal row sums (the row-sum bound is attained): α = the row sum.
    expect(metzlerSpectralAbscissa([-0.1, 0.025, 0.025, -0.1], 2)).toBeCloseTo(-0.075, 15);
    // The default world's start: rivals USA–CHN–RUS–JPN–IND, three unattached powers.
    const k = 0.025;
    const m = [
      [-0.1, k, 0.02, 0, 0, 0, 0, 0],
      [k, -0.1, 0, k, 0, 0, 0, k],
      [0.02, 0, -0.1, 0, 0, 0, 0, 0],
      [0, k, 0, -0.1, 0, 0, 0, 0],
      [0, 0, 0, 0, -0.1, 0, 0, 0],
      [0, 0, 0, 0, 0, -0.1, 0, 0],
      [0, 0, 0, 0, 0, 0, -0.1, 0],
      [0, k, 0, 0, 0, 0, 0, -0.1],
    ];
    expect(metzlerSpectralAbscissa(m.flat(), 8)).toBeCloseTo(matrixStability(m).maxRealPart, 14);
    expect(metzlerSpectralAbscissa([], 0)).toBe(-Infinity);
    expect(metzlerSpectralAbscissa([0.4], 1)).toBe(0.4);
  });

  it('refuses what is not a finite Metzler matrix of the stated size', () => {
    expect(() => metzlerSpectralAbscissa([-1, -0.5, 0, -1], 2)).toThrow(/entry \(0, 1\) is -0.5 < 0/);
    expect(() => metzlerSpectralAbscissa([-1, Number.NaN, 0, -1], 2)).toThrow(/not finite/);
    expect(() => metzlerSpectralAbscissa([1, 2, 3], 2)).toThrow(/expected 2×2 = 4 entries, got 3/);
  });
});
