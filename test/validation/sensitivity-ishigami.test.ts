/**
 * Sobol' indices of the Ishigami function (Ishigami & Homma 1990) with
 * a = 7, b = 0.1 on [−π, π]³, against the analytical values (Saltelli et al.
 * 2010; Sobol' & Levitan 1999): first order 0.3139, 0.4424, 0; total 0.5576,
 * 0.4424, 0.2437 — each within ±0.02 at N = 2¹⁴ (the issue's criterion), and
 * the Sobol' G-function's analytical first-order and total indices.
 * Morris μ* of a linear function and of the G-function's ranking.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import {
  morrisDesign,
  morrisIndices,
  saltelliDesign,
  sobolIndices,
} from '../../src/models/sensitivity/index.js';

const A = 7;
const B = 0.1;
function ishigami(x1: number, x2: number, x3: number): number {
  return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
}

/** The analytical indices (Homma & Saltelli 1996), computed rather than typed. */
function ishigamiExact() {
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (B * pi4) / 5) ** 2;
  const v2 = A ** 2 / 8;
  const v13 = (B * B * pi4 * pi4) / 18 - (B * B * pi4 * pi4) / 50;
  const v = v1 + v2 + v13;
  return { first: [v1 / v, v2 / v, 0], total: [(v1 + v13) / v, v2 / v, v13 / v] };
}

function evaluate(
  d: { rows: number; k: number; points: Float64Array },
  f: (x: Float64Array) => number,
): Float64Array {
  const y = new Float64Array(d.rows);
  for (let r = 0; r < d.rows; r++) y[r] = f(d.points.subarray(r * d.k, (r + 1) * d.k));
  return y;
}

const toPi = (u: number) => -Math.PI + 2 * Math.PI * u;

describe('Sobol indices of the Ishigami function (a = 7, b = 0.1)', () => {
  const d = saltelliDesign(3, 2 ** 14);
  const y = evaluate(d, (x) => ishigami(toPi(x[0]!), toPi(x[1]!), toPi(x[2]!)));
  const s = sobolIndices(d, y, { resamples: 100, rng: Rng.fromSeed(1) });

  it('the analytical values are the published ones to 4 decimals', () => {
    const e = ishigamiExact();
    expect(e.first.map((x) => Number(x.toFixed(4)))).toEqual([0.3139, 0.4424, 0]);
    expect(e.total.map((x) => Number(x.toFixed(4)))).toEqual([0.5576, 0.4424, 0.2437]);
  });

  it('first-order 0.3139, 0.4424, 0 and total 0.5576, 0.4424, 0.2437, each within ±0.02 at N = 2¹⁴', () => {
    const want = { first: [0.3139, 0.4424, 0], total: [0.5576, 0.4424, 0.2437] };
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(s.first[i]!.value - want.first[i]!)).toBeLessThan(0.02);
      expect(Math.abs(s.total[i]!.value - want.total[i]!)).toBeLessThan(0.02);
    }
  });

  it('the bootstrap intervals are small at this N and cover the analytical values', () => {
    const e = ishigamiExact();
    for (let i = 0; i < 3; i++) {
      expect(s.first[i]!.conf).toBeGreaterThan(0);
      expect(s.first[i]!.conf).toBeLessThan(0.05);
      expect(Math.abs(s.total[i]!.value - e.total[i]!)).toBeLessThan(3 * s.total[i]!.conf + 0.005);
    }
  });

  it('second-order indices: S₁₃ carries the x₁–x₃ interaction, the others vanish', () => {
    const d2 = saltelliDesign(3, 2 ** 13, { secondOrder: true });
    const y2 = evaluate(d2, (x) => ishigami(toPi(x[0]!), toPi(x[1]!), toPi(x[2]!)));
    const s2 = sobolIndices(d2, y2, { resamples: 0 });
    const e = ishigamiExact();
    expect(Math.abs(s2.second![0]![2]!.value - e.total[2]!)).toBeLessThan(0.03);
    expect(Math.abs(s2.second![0]![1]!.value)).toBeLessThan(0.03);
    expect(Math.abs(s2.second![1]![2]!.value)).toBeLessThan(0.03);
    expect(s2.second![1]![0]).toBeNull();
  });
});

describe("Sobol' G-function (Saltelli & Sobol' 1995), a = (0, 1, 4.5, 9, 99, 99)", () => {
  const a = [0, 1, 4.5, 9, 99, 99];
  const vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const v = vi.reduce((p, x) => p * (1 + x), 1) - 1;
  const exactFirst = vi.map((x) => x / v);
  const exactTotal = vi.map((x) => (x * vi.reduce((p, y) => p * (1 + y), 1)) / (1 + x) / v);
  const g = (x: Float64Array) => a.reduce((p, ai, i) => (p * (Math.abs(4 * x[i]! - 2) + ai)) / (1 + ai), 1);

  it('first-order and total indices within ±0.02 of the analytical values at N = 2¹³', () => {
    const d = saltelliDesign(6, 2 ** 13);
    const s = sobolIndices(d, evaluate(d, g), { resamples: 0 });
    for (let i = 0; i < 6; i++) {
      expect(Math.abs(s.first[i]!.value - exactFirst[i]!)).toBeLessThan(0.02);
      expect(Math.abs(s.total[i]!.value - exactTotal[i]!)).toBeLessThan(0.02);
    }
  });

  it('Morris μ* ranks the inputs as their importance (a ascending)', () => {
    const d = morrisDesign(6, 200, Rng.fromSeed(7));
    const m = morrisIndices(d, evaluate(d, g), { resamples: 100, rng: Rng.fromSeed(8) });
    for (let i = 0; i + 1 < 4; i++) expect(m[i]!.muStar).toBeGreaterThan(m[i + 1]!.muStar);
    expect(m[4]!.muStar).toBeLessThan(0.05 * m[0]!.muStar);
  });
});

describe('Morris elementary effects of a linear function', () => {
  it('μ = μ* = the coefficient (times the range), σ = 0', () => {
    const coef = [3, -2, 0, 0.5];
    const d = morrisDesign(4, 30, Rng.fromSeed(3));
    const y = evaluate(d, (x) => coef.reduce((s, c, i) => s + c * x[i]!, 0));
    const m = morrisIndices(d, y, { resamples: 50, rng: Rng.fromSeed(4) });
    coef.forEach((c, i) => {
      expect(m[i]!.mu).toBeCloseTo(c, 12);
      expect(m[i]!.muStar).toBeCloseTo(Math.abs(c), 12);
      expect(m[i]!.sigma).toBeCloseTo(0, 12);
      expect(m[i]!.muStarConf).toBeCloseTo(0, 12);
    });
  });
});
