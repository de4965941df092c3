import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isConcertError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { fitTrendRichardson, type SpendingPanel } from './trend-fit.js';

/** A panel simulated from the model itself: 3 actors, known b, k, a, g and σ. */
function simulate(seed: number, years: number, k: number, a: number, sd: number): SpendingPanel {
  const rng = Rng.fromSeed(seed);
  const n = 3;
  const b = [0.03, 0.01, 0.05];
  const start = [600, 200, 60];
  const y = [1, 1, 1];
  const hostility: number[][] = [];
  const spending: number[][] = [];
  for (let t = 0; t < years; t++) {
    spending.push(y.map((v, i) => start[i]! * (1 + b[i]!) ** t * v));
    // Hostility between actors 0 and 1 and 0 and 2 varies over the years, 1–2 are friends.
    const h01 = 0.3 + 0.3 * Math.sin(t / 3);
    const h02 = 0.2 + 0.2 * Math.cos(t / 4);
    const h = [0, h01, h02, h01, 0, 0, h02, 0, 0];
    hostility.push(h);
    const next = y.map((yi, i) => {
      let drive = 0;
      for (let j = 0; j < n; j++) if (j !== i) drive += h[i * n + j]! * y[j]!;
      const g = a - 0.2 * k;
      return yi + g + k * drive - a * yi + sd * rng.normal();
    });
    for (let i = 0; i < n; i++) y[i] = next[i]!;
  }
  return {
    actors: ['A', 'B', 'C'],
    years: Array.from({ length: years }, (_, t) => 1900 + t),
    spending,
    hostility,
  };
}

describe('fitTrendRichardson', () => {
  it('recovers the reaction, fatigue and shock of a long panel simulated from the model', () => {
    const fit = fitTrendRichardson(simulate(7, 400, 0.08, 0.3, 0.01));
    expect(fit.reaction!.estimate).toBeGreaterThan(0.08 - 3 * fit.reaction!.standardError);
    expect(fit.reaction!.estimate).toBeLessThan(0.08 + 3 * fit.reaction!.standardError);
    expect(fit.fatigue.estimate).toBeCloseTo(0.3, 1);
    for (const s of fit.shockSd) expect(s.value).toBeGreaterThan(0.008);
    for (const s of fit.shockSd) expect(s.value).toBeLessThan(0.013);
    expect(fit.observations).toBe(3 * 399);
    expect(fit.parameters).toBe(2 + 3);
  });

  it('gives each actor its geometric mean growth as trend', () => {
    const p = simulate(3, 30, 0.05, 0.2, 0.02);
    const fit = fitTrendRichardson(p);
    fit.trend.forEach((t, i) => {
      const g = (p.spending[29]![i]! / p.spending[0]![i]!) ** (1 / 29) - 1;
      expect(t.estimate).toBeCloseTo(g, 12);
    });
  });

  it('reports the reaction as not identified when no dyad is ever hostile', () => {
    const p = simulate(5, 20, 0.05, 0.2, 0.02);
    const fit = fitTrendRichardson({ ...p, hostility: p.hostility.map((h) => h.map(() => 0)) });
    expect(fit.reaction).toBeNull();
    expect(fit.parameters).toBe(1 + 3);
  });

  it('locates bad input: non-positive spending, negative hostility, too few years', () => {
    const p = simulate(5, 10, 0.05, 0.2, 0.02);
    const spending = p.spending.map((r) => [...r]);
    spending[4]![1] = 0;
    const errs = [
      () => fitTrendRichardson({ ...p, spending }),
      () =>
        fitTrendRichardson({ ...p, hostility: p.hostility.map((h, t) => (t === 2 ? h.map(() => -1) : h)) }),
      () => fitTrendRichardson({ ...p, years: p.years.slice(0, 3), spending: p.spending.slice(0, 3) }),
    ];
    const messages = errs.map((f) => {
      try {
        f();
      } catch (e) {
        expect(isConcertError(e)).toBe(true);
        return (e as Error).message;
      }
      return 'no error';
    });
    expect(messages[0]).toMatch(/positive spending for B in 1904/);
    expect(messages[1]).toMatch(/hostility ≥ 0/);
    expect(messages[2]).toMatch(/at least 4 consecutive years/);
  });

  it('property: scaling an actor’s spending by a constant changes nothing but its grievance units', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 100, noNaN: true }), (c) => {
        const p = simulate(11, 25, 0.05, 0.25, 0.02);
        const scaled = { ...p, spending: p.spending.map((r) => r.map((v, i) => (i === 1 ? v * c : v))) };
        const a = fitTrendRichardson(p);
        const b = fitTrendRichardson(scaled);
        expect(b.fatigue.estimate).toBeCloseTo(a.fatigue.estimate, 9);
        expect(b.trend[1]!.estimate).toBeCloseTo(a.trend[1]!.estimate, 12);
      }),
      { numRuns: 20 },
    );
  });
});
