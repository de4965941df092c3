import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcertError } from '../../../core/errors.js';
import { moranProcess } from './moran.js';
import { discreteReplicator, replicatorDynamics } from './replicator.js';

describe('replicator dynamics', () => {
  it('keeps the population on the simplex (shares ≥ 0, summing to 1) for any payoffs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((n) =>
          fc.tuple(
            fc.array(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }), {
              minLength: n,
              maxLength: n,
            }),
            fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
          ),
        ),
        ([A, w]) => {
          const total = w.reduce((a, b) => a + b, 0);
          const x0 = w.map((v) => v / total);
          const r = replicatorDynamics(A, x0, [0, 1, 2]);
          return r.x.every(
            (x) => Math.abs(x.reduce((a, b) => a + b, 0) - 1) < 1e-7 && x.every((v) => v > -1e-9),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is at rest at a pure state and at the interior rest point of a hawk–dove game', () => {
    const A = [
      [3, 2],
      [4, 1],
    ];
    expect(replicatorDynamics(A, [1, 0], [0, 5]).x[1]).toEqual([1, 0]);
    const mid = replicatorDynamics(A, [0.5, 0.5], [0, 5]).x[1] as number[];
    expect(mid[0]).toBeCloseTo(0.5, 10);
  });

  it('discrete map refuses non-positive mean fitness with a bad-input error', () => {
    expect(() =>
      discreteReplicator(
        [
          [-1, 0],
          [0, -1],
        ],
        [0.5, 0.5],
        1,
      ),
    ).toThrow(ConcertError);
  });
});

describe('Moran process with mutation', () => {
  it('runs every generation, keeps the population size, and reintroduces lost strategies', () => {
    const r = moranProcess({
      population: ['Tit For Tat', 'Tit For Tat', 'Defector', 'Defector'],
      turns: 20,
      seed: 2,
      mutationRate: 0.2,
      maxGenerations: 400,
    });
    expect(r.winner).toBeNull();
    expect(r.generations).toBe(400);
    expect(r.populations.every((p) => Object.values(p).reduce((a, b) => a + b, 0) === 4)).toBe(true);
    const lostThenBack = r.populations.some(
      (p, g) => (p.Defector ?? 0) === 0 && r.populations.slice(g).some((q) => (q.Defector ?? 0) > 0),
    );
    expect(lostThenBack).toBe(true);
  });
});

describe('bad input is located at the parameter', () => {
  const pathsOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ConcertError);
      return (e as ConcertError).problems.map((p) => p.path);
    }
    throw new Error('expected a bad-input error');
  };

  it('matrices of the wrong shape, negative shares, decreasing times and a bad step count', () => {
    expect(pathsOf(() => replicatorDynamics([[0, 1]], [0.5, -0.5], [0, 2, 1]))).toEqual([
      ['x0', 1],
      ['A'],
      ['ts', 2],
    ]);
    expect(pathsOf(() => discreteReplicator([[1]], [1], 1.5))).toEqual([['steps']]);
  });
});
