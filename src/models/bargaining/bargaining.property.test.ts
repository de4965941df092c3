/**
 * Invariants of the Spatial Model of Politics on random problems, and bad
 * input of any shape: a located bad-input error, never a crash or NaN.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isConcertError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import {
  ACCEPTANCE_RULES,
  BARGAINING_OPTION_VALUES,
  compileBargaining,
  parseBargaining,
  runBargaining,
} from './index.js';

/** A random valid bargaining file (3–6 actors, 1–3 dimensions) with random options. */
const problemArb = fc
  .record({ n: fc.integer({ min: 3, max: 6 }), k: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, k }) =>
    fc.record({
      dimensions: fc.constant(Array.from({ length: k }, (_, d) => `d${d}`)),
      actors: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            id: fc.constant(`A${i}`),
            capability: fc.double({ min: 0.1, max: 1000, noNaN: true }),
            position: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: k, maxLength: k }),
            salience: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: k, maxLength: k }).map((s) => {
              const total = s.reduce((a, b) => a + b, 0);
              return s.map((x) => Math.max(1, Math.floor((x * 90) / total)));
            }),
          }),
        ),
      ),
      options: fc.record({
        victoryProbModel: fc.constantFrom(...BARGAINING_OPTION_VALUES.victoryProbModel),
        pceModel: fc.constantFrom(...BARGAINING_OPTION_VALUES.pceModel),
        votingRule: fc.constantFrom(...BARGAINING_OPTION_VALUES.votingRule),
        bigRRange: fc.constantFrom(...BARGAINING_OPTION_VALUES.bigRRange),
        bigRAdjust: fc.constantFrom(...BARGAINING_OPTION_VALUES.bigRAdjust),
        thirdPartyCommit: fc.constantFrom(...BARGAINING_OPTION_VALUES.thirdPartyCommit),
        interVecBrgn: fc.constantFrom(...BARGAINING_OPTION_VALUES.interVecBrgn),
        bargnModel: fc.constantFrom(...BARGAINING_OPTION_VALUES.bargnModel),
        stateTransitions: fc.constantFrom(...BARGAINING_OPTION_VALUES.stateTransitions),
        acceptance: fc.constantFrom(...ACCEPTANCE_RULES),
      }),
    }),
  );

const finite = (xs: ArrayLike<number>) => Array.from(xs).every(Number.isFinite);

describe('bargaining on random problems', () => {
  it('every state is finite, positions stay in [0, 1], probabilities in [0, 1], and the stopping rule holds', () => {
    fc.assert(
      fc.property(problemArb, fc.integer({ min: 0, max: 1000 }), (file, seed) => {
        const { model, state } = compileBargaining(parseBargaining(JSON.stringify(file), 'p.json'));
        let h: ReturnType<typeof runBargaining>;
        try {
          h = runBargaining(model, state, { maxTurns: 15, rng: Rng.fromSeed(seed) });
        } catch (e) {
          // A Markov PCE that does not converge is bad input at options.pceModel, never NaN.
          if (isConcertError(e) && e.code === 'bad-input' && e.problems[0]?.path?.[1] === 'pceModel') return;
          throw e;
        }
        for (const s of h.states) {
          expect(finite(s.positions) && finite(s.riskAttitudes) && finite(s.probabilities)).toBe(true);
          expect(Array.from(s.positions).every((x) => x >= -1e-12 && x <= 1 + 1e-12)).toBe(true);
          expect(Array.from(s.probabilities).every((p) => p >= 0 && p <= 1 + 1e-12)).toBe(true);
        }
        const last = h.turns.at(-1)!;
        if (h.stoppedBy === 'converged') expect(last.fractionalChange).toBeLessThan(0.02);
        else expect(h.turns).toHaveLength(15);
      }),
      { numRuns: 60 },
    );
  });

  it('a run is a pure function of its inputs and seed', () => {
    fc.assert(
      fc.property(problemArb, fc.integer({ min: 0, max: 1000 }), (file, seed) => {
        const { model, state } = compileBargaining(parseBargaining(JSON.stringify(file), 'p.json'));
        const run = () => {
          try {
            return runBargaining(model, state, { maxTurns: 6, rng: Rng.fromSeed(seed) }).states.map((s) =>
              Array.from(s.positions),
            );
          } catch (e) {
            return isConcertError(e) ? e.message : String(e);
          }
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: 30 },
    );
  });

  it('the Mid range keeps risk attitudes in [−1/2, 1], with the most probable position at 1', () => {
    fc.assert(
      fc.property(problemArb, (file) => {
        const mid = { ...file, options: { ...file.options, bigRRange: 'Mid', pceModel: 'Conditional' } };
        const { model, state } = compileBargaining(parseBargaining(JSON.stringify(mid), 'p.json'));
        const s = runBargaining(model, state, { maxTurns: 1, rng: Rng.fromSeed(1) }).states[0]!;
        const r = Array.from(s.riskAttitudes);
        expect(r.every((x) => x >= -0.5 - 1e-12 && x <= 1 + 1e-12)).toBe(true);
        if (r.some((x) => x !== 0)) expect(Math.max(...r)).toBeCloseTo(1, 12);
      }),
      { numRuns: 40 },
    );
  });
});

describe('bad input of any shape', () => {
  it('is bad input with a located problem (or a valid problem), never another error', () => {
    const anyValue = fc.oneof(
      fc.constant(null),
      fc.double(),
      fc.integer({ min: -200, max: 300 }),
      fc.string({ maxLength: 5 }),
      fc.array(fc.integer({ min: -50, max: 150 }), { maxLength: 4 }),
    );
    const fileArb = fc.record(
      {
        dimensions: fc.oneof(fc.array(fc.string({ maxLength: 3 }), { maxLength: 4 }), anyValue),
        actors: fc.oneof(
          fc.array(
            fc.record(
              { id: anyValue, capability: anyValue, position: anyValue, salience: anyValue, extra: anyValue },
              { requiredKeys: [] },
            ),
            { maxLength: 5 },
          ),
          anyValue,
        ),
        options: fc.oneof(
          fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 10 })),
          anyValue,
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fileArb, (file) => {
        try {
          parseBargaining(JSON.stringify(file), 'p.json');
        } catch (e) {
          expect(isConcertError(e) && e.code === 'bad-input').toBe(true);
          if (isConcertError(e)) for (const p of e.problems) expect(p.file).toBe('p.json');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('malformed CSV and XML text is bad input too', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.constantFrom('csv', 'xml') as fc.Arbitrary<'csv' | 'xml'>,
        (text, format) => {
          try {
            parseBargaining(text, `p.${format}`, format);
          } catch (e) {
            expect(isConcertError(e) && e.code === 'bad-input').toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
