import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isConcertError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { morrisDesign, morrisIndices } from './morris.js';
import { normalQuantile } from '../../core/statistics.js';
import { saltelliDesign, sobolIndices } from './saltelli.js';
import { MAX_SOBOL_DIMENSION, SobolSequence } from './sobol-sequence.js';

describe('SobolSequence', () => {
  it("gives scipy.stats.qmc.Sobol(d=3, scramble=False)'s first eight points", () => {
    const s = new SobolSequence(3);
    const pts = Array.from({ length: 8 }, () => [...s.next()]);
    expect(pts).toEqual([
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
    ]);
  });

  it('seek(i) gives the same point as i calls of next', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 3000 }), (dim, i) => {
        const a = new SobolSequence(dim);
        for (let j = 0; j < i; j++) a.next();
        const b = new SobolSequence(dim);
        b.seek(i);
        expect([...b.next()]).toEqual([...a.next()]);
      }),
      { numRuns: 30 },
    );
  });

  it('the first 2^m points put exactly one point in each interval [j/2^m, (j+1)/2^m) of every dimension', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: MAX_SOBOL_DIMENSION }),
        (m, dim) => {
          const s = new SobolSequence(dim);
          const n = 2 ** m;
          const seen = Array.from({ length: dim }, () => new Uint8Array(n));
          for (let p = 0; p < n; p++) {
            const x = s.next();
            for (let d = 0; d < dim; d++) seen[d]![Math.floor(x[d]! * n)]!++;
          }
          for (const row of seen) expect(row.every((c) => c === 1)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a dimension outside 1 … 161 as bad input', () => {
    for (const d of [0, MAX_SOBOL_DIMENSION + 1, 2.5, Number.NaN]) {
      try {
        new SobolSequence(d);
        expect.unreachable();
      } catch (e) {
        expect(isConcertError(e) && e.code === 'bad-input').toBe(true);
        expect((e as Error).message).toContain('1 to 161');
      }
    }
  });
});

describe('saltelliDesign and sobolIndices', () => {
  it('lays rows out as A, AB⁽¹⁾ … AB⁽ᵏ⁾, B per base point', () => {
    const d = saltelliDesign(2, 4);
    expect(d.rows).toBe(16);
    const row = (r: number) => [...d.points.subarray(r * 2, r * 2 + 2)];
    const [a, ab1, ab2, b] = [row(4), row(5), row(6), row(7)];
    expect(ab1).toEqual([b![0], a![1]]);
    expect(ab2).toEqual([a![0], b![1]]);
  });

  it('indices of any additive function of the inputs sum to one, and totals equal first orders', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (c) => {
          fc.pre(c.some((x) => Math.abs(x) > 1e-3));
          const k = c.length;
          const d = saltelliDesign(k, 2048);
          const y = new Float64Array(d.rows);
          for (let r = 0; r < d.rows; r++) for (let i = 0; i < k; i++) y[r]! += c[i]! * d.points[r * k + i]!;
          const s = sobolIndices(d, y, { resamples: 0 });
          const sum = s.first.reduce((t, e) => t + e.value, 0);
          expect(sum).toBeCloseTo(1, 2);
          for (const [i, e] of s.first.entries()) expect(s.total[i]!.value).toBeCloseTo(e.value, 2);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a constant output is reported as such, every index 0', () => {
    const d = saltelliDesign(3, 64);
    const s = sobolIndices(d, new Float64Array(d.rows).fill(2), { resamples: 10, rng: Rng.fromSeed(1) });
    expect(s.constantOutput).toBe(true);
    expect(s.first.every((e) => e.value === 0 && e.conf === 0)).toBe(true);
  });

  it('is deterministic for a seed, and the intervals depend on it', () => {
    const d = saltelliDesign(2, 256);
    const y = Array.from(
      { length: d.rows },
      (_, r) => Math.sin(6 * d.points[r * 2]!) + d.points[r * 2 + 1]! ** 2,
    );
    const a = sobolIndices(d, y, { rng: Rng.fromSeed(5) });
    expect(sobolIndices(d, y, { rng: Rng.fromSeed(5) })).toEqual(a);
    expect(sobolIndices(d, y, { rng: Rng.fromSeed(6) }).first[0]!.conf).not.toBe(a.first[0]!.conf);
  });

  it('locates bad input: a wrong output count, a non-finite output, a bad k, missing rng', () => {
    const d = saltelliDesign(2, 8);
    const bad = (f: () => unknown, text: string) => {
      try {
        f();
        expect.unreachable();
      } catch (e) {
        expect(isConcertError(e) && e.code === 'bad-input').toBe(true);
        expect((e as Error).message).toContain(text);
      }
    };
    bad(() => sobolIndices(d, [1, 2, 3]), 'one output per row of the design (32); got 3');
    const y = new Float64Array(d.rows);
    y[7] = Number.NaN;
    bad(() => sobolIndices(d, y, { resamples: 0 }), 'outputs[7]: expected a finite number; got NaN');
    bad(() => saltelliDesign(0, 8), 'k: expected the number of inputs');
    bad(() => saltelliDesign(81, 8), '1 … 80');
    bad(() => sobolIndices(d, new Float64Array(d.rows)), 'seeded random generator');
  });
});

describe('morrisDesign', () => {
  it('each trajectory moves every input once, by ±Δ, on the p-level grid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(2, 4, 6, 8),
        fc.integer({ min: 0, max: 1e6 }),
        (k, p, seed) => {
          const d = morrisDesign(k, 5, Rng.fromSeed(seed), { levels: p });
          for (let t = 0; t < d.trajectories; t++) {
            const movedSet = new Set<number>();
            for (let s = 0; s < k; s++) {
              const r = t * (k + 1) + s;
              let changed = 0;
              for (let i = 0; i < k; i++) {
                const a = d.points[r * k + i]!;
                const b = d.points[(r + 1) * k + i]!;
                expect(Math.abs(Math.round(a * (p - 1)) - a * (p - 1))).toBeLessThan(1e-9);
                expect(a).toBeGreaterThanOrEqual(0);
                expect(a).toBeLessThanOrEqual(1 + 1e-12);
                if (a !== b) {
                  changed++;
                  expect(Math.abs(Math.abs(b - a) - d.delta)).toBeLessThan(1e-12);
                  movedSet.add(i);
                }
              }
              expect(changed).toBe(1);
            }
            expect(movedSet.size).toBe(k);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('an input the function ignores has μ* = σ = 0', () => {
    const d = morrisDesign(3, 20, Rng.fromSeed(2));
    const y = Array.from({ length: d.rows }, (_, r) => Math.exp(d.points[r * 3]!) * d.points[r * 3 + 2]!);
    const m = morrisIndices(d, y, { resamples: 0 });
    expect(m[1]!.muStar).toBe(0);
    expect(m[1]!.sigma).toBe(0);
    expect(m[0]!.muStar).toBeGreaterThan(0);
    expect(m[0]!.sigma).toBeGreaterThan(0); // it interacts with x₃
  });

  it('refuses an odd number of levels and too few trajectories', () => {
    expect(() => morrisDesign(2, 10, Rng.fromSeed(1), { levels: 3 })).toThrow(/even/);
    expect(() => morrisDesign(2, 1, Rng.fromSeed(1))).toThrow(/trajectories/);
  });
});

describe('normalQuantile', () => {
  it('matches the standard normal quantiles to 1e-8', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
  });
});
