/**
 * Dev-time cross-check (STACK.md, ODE row): Concert's own Dormand–Prince
 * integrator against `odex` (Hairer & Wanner's GBS extrapolation code, a
 * different method) on random Richardson systems.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RichardsonSystem, richardsonRate, simulateRichardson } from '../../src/models/arms/index.js';

/** The part of odex 2.0.4's API used here (README). */
interface OdexSolver {
  absoluteTolerance: number;
  relativeTolerance: number;
  maxSteps: number;
  solve(
    f: (x: number, y: number[]) => number[],
    x0: number,
    y0: number[],
    x1: number,
  ): { y: number[]; outcome: number };
}
// odex ships its TypeScript source as `main`'s sibling, which tsc would type-check under our
// strict settings; loading it through require keeps that source out of the type check.
const { Solver } = createRequire(import.meta.url)('odex') as { Solver: new (n: number) => OdexSolver };

describe('DOPRI5 vs odex on Richardson systems', () => {
  it('property: both integrators agree at the horizon (relative 1e-6)', () => {
    const arb = fc.integer({ min: 1, max: 5 }).chain((n) => {
      const vec = (min: number, max: number) =>
        fc.array(fc.double({ min, max, noNaN: true }), { minLength: n, maxLength: n });
      return fc.record({
        reaction: fc.array(vec(-0.5, 1), { minLength: n, maxLength: n }),
        fatigue: vec(0, 2),
        grievance: vec(-1, 2),
        initial: vec(-3, 3),
        horizon: fc.double({ min: 0.5, max: 8, noNaN: true }),
      });
    });
    fc.assert(
      fc.property(arb, (r) => {
        const n = r.fatigue.length;
        const system: RichardsonSystem = {
          actors: Array.from({ length: n }, (_, i) => `A${i}`),
          reaction: r.reaction.map((row, i) => row.map((v, j) => (i === j ? 0 : v))),
          fatigue: r.fatigue,
          grievance: r.grievance,
        };
        const ours = simulateRichardson(system, r.initial, {
          horizonYears: r.horizon,
          rtol: 1e-11,
          atol: 1e-12,
        });
        const rate = richardsonRate(system);
        const solver = new Solver(n);
        solver.absoluteTolerance = 1e-12;
        solver.relativeTolerance = 1e-11;
        solver.maxSteps = 100_000;
        const theirs = solver.solve(
          (t: number, y: number[]) => {
            const d = new Float64Array(n);
            rate(t, Float64Array.from(y), d);
            return Array.from(d);
          },
          0,
          [...r.initial],
          r.horizon,
        );
        expect(ours.status).toBe('done');
        expect(theirs.outcome).toBe(0);
        for (let i = 0; i < n; i++) {
          const a = ours.finalState[i]!;
          const b = theirs.y[i]!;
          expect(Math.abs(a - b)).toBeLessThan(1e-6 * (1 + Math.abs(b)));
        }
      }),
      { numRuns: 50 },
    );
  });
});
