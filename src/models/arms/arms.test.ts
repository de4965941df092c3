import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isConcertError } from '../../core/errors.js';
import {
  coupledJacobian,
  coupledStability,
  fitRichardson,
  matrixStability,
  metzlerSpectralAbscissa,
  type PerceivedThreat,
  type RichardsonSystem,
  richardsonClosedForm,
  richardsonEquilibrium,
  richardsonStability,
  richardsonStep,
  simulateRichardson,
} from './index.js';

/** A random N-actor system with the given coefficient ranges. */
const arbSystem = (maxActors: number) =>
  fc.integer({ min: 1, max: maxActors }).chain((n) =>
    fc.record({
      actors: fc.constant(Array.from({ length: n }, (_, i) => `A${i}`)),
      reaction: fc.array(
        fc.array(fc.double({ min: -0.5, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
        {
          minLength: n,
          maxLength: n,
        },
      ),
      fatigue: fc.array(fc.double({ min: 0.2, max: 2, noNaN: true }), { minLength: n, maxLength: n }),
      grievance: fc.array(fc.double({ min: -1, max: 2, noNaN: true }), { minLength: n, maxLength: n }),
      initial: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n }),
    }),
  );

function zeroDiagonal<T extends { reaction: number[][] }>(s: T): T {
  return { ...s, reaction: s.reaction.map((row, i) => row.map((v, j) => (i === j ? 0 : v))) };
}

const symmetric = (k: number, a: number, g: number): RichardsonSystem => ({
  actors: ['USA', 'RUS'],
  reaction: [
    [0, k],
    [k, 0],
  ],
  fatigue: [a, a],
  grievance: [g, g],
});

describe('Richardson linear system', () => {
  it('property: for random stable systems the DOPRI5 path converges to the equilibrium', () => {
    fc.assert(
      fc.property(arbSystem(6), (raw) => {
        const sys = zeroDiagonal(raw);
        const st = richardsonStability(sys);
        fc.pre(st.stable && st.margin > 0.05);
        const eq = richardsonEquilibrium(sys);
        const horizon = Math.min(40 / st.margin, 800);
        const path = simulateRichardson(sys, sys.initial, {
          horizonYears: horizon,
          outputStepYears: horizon,
        });
        expect(path.status).toBe('done');
        for (const [i, x] of path.finalState.entries()) {
          const target = eq.equilibrium![i]!;
          expect(Math.abs(x - target)).toBeLessThan(1e-5 * (1 + Math.abs(target)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('property: closed form (matrix exponential) equals DOPRI5 within tolerance, stable or not', () => {
    fc.assert(
      fc.property(arbSystem(5), fc.double({ min: 0.1, max: 5, noNaN: true }), (raw, horizon) => {
        const sys = zeroDiagonal(raw);
        const path = simulateRichardson(sys, sys.initial, { horizonYears: horizon, rtol: 1e-10 });
        expect(path.status).toBe('done');
        for (const [k, t] of path.tYears.entries()) {
          const exact = richardsonClosedForm(sys, sys.initial, t);
          for (const [i, x] of path.states[k]!.entries()) {
            expect(Math.abs(x - exact[i]!)).toBeLessThan(1e-6 * (1 + Math.abs(exact[i]!)));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('closed form from the equilibrium stays at the equilibrium', () => {
    const sys = symmetric(0.5, 1, 1);
    expect(richardsonClosedForm(sys, [2, 2], 7)).toEqual([expect.closeTo(2, 12), expect.closeTo(2, 12)]);
  });

  it('closed form handles a singular M (pure grievance drift): x(t) = x0 + g·t', () => {
    const sys: RichardsonSystem = { actors: ['A'], reaction: [[0]], fatigue: [0], grievance: [3] };
    expect(richardsonClosedForm(sys, [1], 2.5)[0]!).toBeCloseTo(8.5, 12);
    expect(richardsonEquilibrium(sys).singular).toBe(true);
  });

  it('a complex pair (one actor reacts negatively) gives damped oscillation with |im| > 0', () => {
    const sys: RichardsonSystem = {
      actors: ['A', 'B'],
      reaction: [
        [0, -1],
        [1, 0],
      ],
      fatigue: [0.1, 0.1],
      grievance: [0, 0],
    };
    const st = richardsonStability(sys);
    expect(st.eigenvalues.map((e) => Math.abs(e.im))).toEqual([expect.closeTo(1, 12), expect.closeTo(1, 12)]);
    expect(st.stable).toBe(true);
    expect(st.margin).toBeCloseTo(0.1, 12);
  });

  it('an unstable race crosses a threshold; the event is located where the closed form says', () => {
    const sys = symmetric(1.5, 1, 1);
    const path = simulateRichardson(sys, [0, 0], {
      horizonYears: 20,
      thresholds: [{ actor: 'RUS', level: 100, direction: 'rising', stop: true }],
    });
    expect(path.status).toBe('event');
    expect(path.crossings).toHaveLength(1);
    const c = path.crossings[0]!;
    expect(c.name).toBe('RUS crosses 100');
    // Symmetric start: x(t) = s*·(1 − e^{0.5 t}) with s* = −g/(k − a) = −2, so x = 100 at e^{0.5t} = 51.
    expect(c.tYears).toBeCloseTo(2 * Math.log(51), 6);
    expect(c.state[1]!).toBeCloseTo(100, 6);
    expect(path.tEndYears).toBe(c.tYears);
  });

  it('reports every output step and the horizon itself when it is not a multiple of the step', () => {
    const path = simulateRichardson(symmetric(0.5, 1, 1), [0, 0], { horizonYears: 2.5, outputStepYears: 1 });
    expect(path.tYears).toEqual([0, 1, 2, 2.5]);
    expect(path.states).toHaveLength(4);
    expect(path.tEndYears).toBe(2.5);
    expect(path.states[3]).toEqual(path.finalState);
  });

  it('richardsonStep with Δt → 0 approaches the continuous path', () => {
    const sys = symmetric(0.5, 1, 1);
    let x = [0, 0];
    for (let k = 0; k < 10_000; k++) x = richardsonStep(sys, x, 1e-3);
    expect(x[0]!).toBeCloseTo(richardsonClosedForm(sys, [0, 0], 10)[0]!, 3);
  });
});

describe('coupling: reacting to an adversary’s effective capacity', () => {
  // Russia perceives the US threat as US spending plus the damage-limitation
  // value of US missile defences, d(t) in the same units (here a ramp from year 5
  // to year 10 up to 2 units); the US perceives Russia's raw spending.
  const defense = (t: number): number => 2 * Math.min(1, Math.max(0, (t - 5) / 5));
  const usa = 0;
  const rus = 1;
  const threat: PerceivedThreat = (observer, adversary, x, t) =>
    observer === rus && adversary === usa ? x[usa]! + defense(t) : x[adversary]!;

  it('a US defence deployment appears as a Russian build-up, and then as a US build-up (respond in kind)', () => {
    const sys = symmetric(0.4, 1, 1);
    const eq = richardsonEquilibrium(sys).equilibrium!;
    const base = simulateRichardson(sys, eq, { horizonYears: 30 });
    const coupled = simulateRichardson(sys, eq, { horizonYears: 30, threat });
    for (const [k, t] of coupled.tYears.entries()) {
      if (t <= 5) expect(coupled.states[k]![rus]!).toBeCloseTo(base.states[k]![rus]!, 5);
      else expect(coupled.states[k]![rus]!).toBeGreaterThan(base.states[k]![rus]!);
    }
    expect(coupled.finalState[usa]!).toBeGreaterThan(base.finalState[usa]! + 0.1);
  });

  it('after the deployment the coupled path settles at the equilibrium with grievance g + K·d', () => {
    const sys = symmetric(0.4, 1, 1);
    const shifted: RichardsonSystem = { ...sys, grievance: [1, 1 + 0.4 * 2] };
    const target = richardsonEquilibrium(shifted).equilibrium!;
    const coupled = simulateRichardson(sys, [0, 0], { horizonYears: 60, threat });
    expect(coupled.finalState[usa]!).toBeCloseTo(target[usa]!, 6);
    expect(coupled.finalState[rus]!).toBeCloseTo(target[rus]!, 6);
  });

  it('a capacity multiplier acts like a larger reaction coefficient, which can tip a stable race into instability', () => {
    const sys = symmetric(0.8, 1, 1);
    expect(richardsonStability(sys).stable).toBe(true);
    // Defences that make the US look 1.5× as capable: Russia's effective k becomes 1.2, and 0.8·1.2 < 1 still;
    // 1.5× → 1.2 stays stable, 2× → 1.6 gives 0.8·1.6 > 1: unstable.
    const multiplier =
      (m: number): PerceivedThreat =>
      (observer, adversary, x) =>
        observer === rus && adversary === usa ? m * x[usa]! : x[adversary]!;
    const equivalent = (m: number): RichardsonSystem => ({
      ...sys,
      reaction: [
        [0, 0.8],
        [0.8 * m, 0],
      ],
    });
    expect(richardsonStability(equivalent(1.2)).stable).toBe(true);
    expect(richardsonStability(equivalent(2)).stable).toBe(false);
    const path = simulateRichardson(sys, [0, 0], { horizonYears: 10, threat: multiplier(2) });
    const exact = richardsonClosedForm(equivalent(2), [0, 0], 10);
    expect(path.finalState[0]!).toBeCloseTo(exact[0]!, 5);
    expect(path.finalState[1]!).toBeCloseTo(exact[1]!, 5);
  });
});

describe('fitRichardson', () => {
  /** Simulates the yearly map with a deterministic wiggle as noise. */
  function synthetic(sys: RichardsonSystem, x0: number[], years: number, noise: number): number[][] {
    const out: number[][] = [];
    let x = x0;
    for (let t = 0; t < years; t++) {
      out.push(x);
      x = richardsonStep(sys, x, 1).map((v, i) => v + noise * Math.sin(7.3 * t + 2.1 * i + t * t));
    }
    return out;
  }

  const truth: RichardsonSystem = {
    actors: ['USA', 'RUS', 'CHN'],
    reaction: [
      [0, 0.1, 0.05],
      [0.2, 0, 0],
      [0.15, 0.05, 0],
    ],
    fatigue: [0.3, 0.25, 0.2],
    grievance: [10, 5, 8],
  };

  it('recovers the coefficients of a system that generated the data within four standard errors', () => {
    const values = synthetic(truth, [50, 20, 10], 40, 0.05);
    const years = values.map((_, t) => 1970 + t);
    const fit = fitRichardson({ actors: truth.actors, years, values });
    expect(fit.observations).toBe(39);
    expect(fit.parameters).toBe(4);
    const within = (e: { estimate: number; standardError: number }, expected: number) => {
      expect(e.standardError).toBeGreaterThan(0);
      expect(Math.abs(e.estimate - expected)).toBeLessThan(4 * e.standardError);
    };
    for (const [i, eqn] of fit.equations.entries()) {
      expect(eqn.actor).toBe(truth.actors[i]);
      within(eqn.fatigue, truth.fatigue[i]!);
      within(eqn.grievance, truth.grievance[i]!);
      for (const k of eqn.reaction) within(k, truth.reaction[i]![truth.actors.indexOf(k.actor)]!);
      expect(eqn.fatigue.standardError).toBeLessThan(0.02);
      expect(eqn.rSquared).toBeGreaterThan(0.9);
    }
    const trueEq = richardsonEquilibrium(truth).equilibrium!;
    fit.equilibrium.equilibrium!.forEach((x, i) => {
      expect(Math.abs(x - trueEq[i]!) / trueEq[i]!).toBeLessThan(0.02);
    });
    expect(fit.stability.stable).toBe(true);
    expect(fit.discrete.stable).toBe(true);
  });

  it('is scale-invariant: rates unchanged and grievance scaled when the data are multiplied by 1e6', () => {
    const values = synthetic(truth, [50, 20, 10], 30, 0.5);
    const years = values.map((_, t) => 1980 + t);
    const a = fitRichardson({ actors: truth.actors, years, values });
    const b = fitRichardson({
      actors: truth.actors,
      years,
      values: values.map((r) => r.map((v) => v * 1e6)),
    });
    expect(b.system.fatigue[1]!).toBeCloseTo(a.system.fatigue[1]!, 9);
    expect(b.system.reaction[0]![1]!).toBeCloseTo(a.system.reaction[0]![1]!, 9);
    expect(b.system.grievance[2]! / 1e6).toBeCloseTo(a.system.grievance[2]!, 6);
    expect(b.equations[2]!.grievance.standardError / 1e6).toBeCloseTo(
      a.equations[2]!.grievance.standardError,
      6,
    );
  });

  const problemOf = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      if (isConcertError(e)) return e.problems.map((p) => p.message).join('\n');
      throw e;
    }
    throw new Error('expected a bad-input error');
  };

  it('rejects too few years, gaps, missing values and collinear series with clear messages', () => {
    const actors = ['USA', 'RUS'];
    expect(
      problemOf(() =>
        fitRichardson({
          actors,
          years: [1, 2, 3],
          values: [
            [1, 2],
            [2, 3],
            [3, 5],
          ],
        }),
      ),
    ).toMatch(/at least 5 consecutive years/);
    const years = [2000, 2001, 2003, 2004, 2005, 2006];
    const values = years.map((y) => [y, y * y]);
    expect(problemOf(() => fitRichardson({ actors, years, values }))).toMatch(
      /consecutive.*2001 is followed by 2003/,
    );
    const ok = [2000, 2001, 2002, 2003, 2004, 2005];
    expect(
      problemOf(() =>
        fitRichardson({ actors, years: ok, values: ok.map((y) => [y, y === 2002 ? Number.NaN : 1]) }),
      ),
    ).toMatch(/missing or non-finite value for RUS in 2002/);
    expect(problemOf(() => fitRichardson({ actors, years: ok, values: ok.map((y) => [y, 2 * y]) }))).toMatch(
      /collinear/,
    );
  });
});

describe('coupledJacobian / coupledStability', () => {
  const nonlinear: PerceivedThreat = (_observer, adversary, x) => x[adversary]! + 0.1 * x[adversary]! ** 2;

  it('equals K − A for the linear model and matches richardsonStability', () => {
    const sys: RichardsonSystem = {
      actors: ['A', 'B', 'C'],
      reaction: [
        [0, 0.2, 0.1],
        [0.3, 0, 0],
        [0.1, 0.4, 0],
      ],
      fatigue: [0.5, 0.6, 0.7],
      grievance: [1, 2, 3],
    };
    expect(coupledJacobian(sys, [5, 7, 11])).toEqual([
      [expect.closeTo(-0.5, 8), expect.closeTo(0.2, 8), expect.closeTo(0.1, 8)],
      [expect.closeTo(0.3, 8), expect.closeTo(-0.6, 8), expect.closeTo(0, 8)],
      [expect.closeTo(0.1, 8), expect.closeTo(0.4, 8), expect.closeTo(-0.7, 8)],
    ]);
    expect(coupledStability(sys, [5, 7, 11]).maxRealPart).toBeCloseTo(
      richardsonStability(sys).maxRealPart,
      7,
    );
  });

  it('a convex threat function loses stability at high levels: ∂θ/∂x = 1 + 0.2x', () => {
    const sys = symmetric(0.5, 1, 1);
    // J = [[−1, 0.5(1 + 0.2x)], [0.5(1 + 0.2x), −1]]: max Re λ = −1 + 0.5(1 + 0.2x), zero at x = 5.
    expect(coupledStability(sys, [1, 1], nonlinear).maxRealPart).toBeCloseTo(-1 + 0.5 * 1.2, 6);
    expect(coupledStability(sys, [1, 1], nonlinear).stable).toBe(true);
    expect(coupledStability(sys, [6, 6], nonlinear).stable).toBe(false);
  });
});

describe('bad input is located at the parameter', () => {
  const problemsOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (isConcertError(e) && e.code === 'bad-input') return e.problems;
      throw e;
    }
    throw new Error('expected a bad-input error');
  };
  const system = {
    actors: ['A', 'B'],
    reaction: [
      [0, 0.5],
      [0.5, 0],
    ],
    fatigue: [1, 1],
    grievance: [1, 1],
  };

  it('simulateRichardson names the initial state, the horizon and an unknown threshold actor', () => {
    const problems = problemsOf(() =>
      simulateRichardson(system, [0], {
        horizonYears: -1,
        thresholds: [{ actor: 'C', level: 1, direction: 'rising', stop: false }],
      }),
    );
    expect(problems.map((p) => p.path)).toEqual([['initial'], ['horizonYears'], ['thresholds', 0, 'actor']]);
  });

  it('matrixStability and metzlerSpectralAbscissa refuse ragged or non-finite matrices', () => {
    expect(problemsOf(() => matrixStability([[1, 2], [3]])).map((p) => p.path)).toEqual([['matrix', 1]]);
    expect(problemsOf(() => metzlerSpectralAbscissa([-1, -0.5, 0, -1], 2))).toEqual([
      { path: ['m', 1], message: 'not a Metzler matrix: entry (0, 1) is -0.5 < 0' },
    ]);
  });
});
