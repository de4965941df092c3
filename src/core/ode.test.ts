import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcertError } from './errors.js';
import { dopri5, type OdeRightHandSide } from './ode.js';

/** y′ = λy. */
const linear =
  (lambda: number): OdeRightHandSide =>
  (_t, y, d) => {
    d[0] = lambda * y[0]!;
  };

describe('dopri5', () => {
  it('integrates exponential decay y′ = λy to the closed form e^{λt}', () => {
    const sol = dopri5(linear(-0.7), 0, [2], 10, { rtol: 1e-10, atol: 1e-12 });
    expect(sol.status).toBe('done');
    expect(sol.tEnd).toBe(10);
    expect(sol.yEnd[0]!).toBeCloseTo(2 * Math.exp(-7), 11);
  });

  it('keeps the harmonic oscillator on its circle and matches cos/sin over ten periods', () => {
    const sol = dopri5(
      (_t, y, d) => {
        d[0] = y[1]!;
        d[1] = -y[0]!;
      },
      0,
      [1, 0],
      20 * Math.PI,
      { rtol: 1e-10, atol: 1e-12 },
    );
    expect(sol.yEnd[0]!).toBeCloseTo(1, 8);
    expect(sol.yEnd[1]!).toBeCloseTo(0, 8);
    let worst = 0;
    for (const [i, t] of sol.t.entries()) {
      worst = Math.max(worst, Math.abs(sol.y[i]![0]! - Math.cos(t)), Math.abs(sol.y[i]![1]! + Math.sin(t)));
    }
    expect(worst).toBeLessThan(1e-7);
    expect(sol.stats.rejected).toBeLessThan(sol.stats.accepted);
  });

  it('dense output between steps is accurate to the 4th-order interpolant', () => {
    const sol = dopri5(linear(1), 0, [1], 3, { rtol: 1e-9, atol: 1e-12 });
    for (let t = 0; t <= 3; t += 0.137) expect(sol.at(t)[0]!).toBeCloseTo(Math.exp(t), 6);
    expect(() => sol.at(3.5)).toThrow(ConcertError);
  });

  it('reports requested output times from the dense output', () => {
    const times = [0, 0.5, 1, 1.5, 2];
    const sol = dopri5(linear(-1), 0, [1], 2, { outputTimes: times });
    expect(sol.output.t).toEqual(times);
    for (const [i, t] of times.entries()) expect(sol.output.y[i]![0]!).toBeCloseTo(Math.exp(-t), 7);
  });

  it('locates a threshold crossing by root finding on the dense output', () => {
    // y = e^{t}: crosses 10 at t = ln 10.
    const sol = dopri5(
      (_t, y, d) => {
        d[0] = y[0]!;
      },
      0,
      [1],
      5,
      {
        rtol: 1e-10,
        events: [{ name: 'reaches 10', g: (_t, y) => y[0]! - 10, direction: 'rising' }],
      },
    );
    expect(sol.events).toHaveLength(1);
    expect(sol.events[0]!.t).toBeCloseTo(Math.log(10), 9);
    expect(sol.events[0]!.direction).toBe('rising');
    expect(sol.status).toBe('done');
  });

  it('stops at a terminal event and ignores crossings in the other direction', () => {
    // y = sin t: falls through 0 at π, rises at 2π.
    const sol = dopri5(
      (_t, y, d) => {
        d[0] = y[1]!;
        d[1] = -y[0]!;
      },
      0,
      [0, 1],
      10,
      { rtol: 1e-10, events: [{ name: 'up', g: (_t, y) => y[0]!, direction: 'rising', terminal: true }] },
    );
    expect(sol.status).toBe('event');
    expect(sol.events.map((e) => e.name)).toEqual(['up']);
    expect(sol.tEnd).toBeCloseTo(2 * Math.PI, 9);
    expect(sol.t.at(-1)).toBe(sol.tEnd);
  });

  it('reports a finite-time blow-up as non-finite or step-too-small, never as done', () => {
    // y′ = y², y(0) = 1 → y = 1/(1−t), blows up at t = 1.
    const sol = dopri5(
      (_t, y, d) => {
        d[0] = y[0]! * y[0]!;
      },
      0,
      [1],
      2,
    );
    expect(['non-finite', 'step-too-small', 'max-steps']).toContain(sol.status);
    expect(Math.abs(sol.tEnd - 1)).toBeLessThan(1e-3);
  });

  it('rejects t1 < t0', () => {
    expect(() => dopri5(linear(0), 1, [0], 0)).toThrow(/t1: dopri5: expected finite t0 ≤ t1/);
  });

  it('property: linear decay with random rate and horizon matches the closed form', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 1, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (lambda, y0, horizon) => {
          const sol = dopri5(
            (_t, y, d) => {
              d[0] = lambda * y[0]!;
            },
            0,
            [y0],
            horizon,
            {
              rtol: 1e-10,
              atol: 1e-12,
            },
          );
          const exact = y0 * Math.exp(lambda * horizon);
          expect(sol.status).toBe('done');
          expect(Math.abs(sol.yEnd[0]! - exact)).toBeLessThan(1e-7 * Math.max(1, Math.abs(exact)));
        },
      ),
      { numRuns: 100 },
    );
  });
});
