/**
 * Strategies with parameters, against the special cases the Axelrod
 * library's docstrings state (v4.13: cycler.py, rand.py, memoryone.py) and a
 * few that follow from the rules (Feld, Joss, Davis, Adaptive Tit For Tat).
 * "A is B" is checked as identical transcripts against every deterministic
 * strategy of the registry.
 */
import { describe, expect, it } from 'vitest';
import { ConcertError } from '../../../../core/errors.js';
import { Rng } from '../../../../core/rng.js';
import { PRISONERS_DILEMMA } from '../game.js';
import { actionPairs, playMatch } from '../match.js';
import { findStrategy, lookupStrategy, STRATEGIES } from '../registry.js';
import type { Strategy } from '../strategy.js';
import { strategyGameProblems } from '../tournament-spec.js';
import { zeroDeterminantVector } from './memory-one.js';

const named = (name: string): Strategy => {
  const r = lookupStrategy(name);
  if ('problem' in r) throw new Error(r.problem);
  return r.strategy;
};
const transcript = (a: Strategy, b: Strategy, turns = 40) =>
  actionPairs(playMatch(a, b, { turns }, Rng.fromSeed(9)).actions).join(' ');
const deterministic = STRATEGIES.filter((s) => !s.classifier.stochastic);

/** `a` and `b` play alike against every deterministic strategy. */
function expectSameRule(a: string, b: string): void {
  for (const opponent of deterministic)
    expect(transcript(named(a), opponent), `${a} vs ${opponent.name}`).toBe(transcript(named(b), opponent));
}

describe("the library's special cases", () => {
  it.each([
    ['Cycler C', 'Cooperator'],
    ['Cycler D', 'Defector'],
    ['Cycler CD', 'Alternator'],
    ['Random: 0', 'Defector'],
    ['Random: 1', 'Cooperator'],
    ['GTFT: 0', 'Tit For Tat'],
    ['Stochastic WSLS: 0', 'Win-Stay Lose-Shift'],
    ['Soft Joss: 0', 'Cooperator'],
    ['Soft Joss: 1', 'Tit For Tat'],
  ])('%s plays as %s', (a, b) => expectSameRule(a, b));

  it('and they are deterministic: no random number drawn, classified so', () => {
    for (const name of ['Random: 0', 'GTFT: 0', 'Stochastic WSLS: 0', 'Soft Joss: 1'])
      expect(named(name).classifier.stochastic, name).toBe(false);
    expect(named('Soft Joss: 0').classifier.memoryDepth).toBe(0);
  });
});

describe('cases that follow from the rules', () => {
  it.each([
    ['First by Joss: 1', 'Tit For Tat'],
    ['First by Feld: 1, 1, 200', 'Tit For Tat'],
    ['First by Davis: 0', 'Grudger'],
    ['Handshake: CD', 'Handshake'],
    ['Omega TFT: 3, 8', 'Omega TFT'],
  ])('%s plays as %s', (a, b) => expectSameRule(a, b));

  it('First by Davis: 3 cooperates three turns, then holds a grudge', () => {
    expect(transcript(named('First by Davis: 3'), named('Defector'), 5)).toBe('CD CD CD DD DD');
  });

  it('Handshake: CCD opens C, C, D and cooperates only with an opponent who opened the same', () => {
    const hs = named('Handshake: CCD');
    expect(transcript(hs, hs, 5)).toBe('CC CC DD CC CC');
    expect(transcript(hs, named('Cooperator'), 5)).toBe('CC CC DC DC DC');
  });

  it('Adaptive: CD opens C, D, then plays the action that has earned more (D on ties)', () => {
    // Against Cooperator: C earns 3, D earns 5, so D for ever.
    expect(transcript(named('Adaptive: CD'), named('Cooperator'), 5)).toBe('CC DC DC DC DC');
  });

  it("Adaptive Tit For Tat: 0.1 starts its image at the rate, as the library's code does", () => {
    // w₀ = 0.1; after t cooperations w = 1 − 0.9^(t+1), which first reaches 0.5 at t = 6.
    expect(transcript(named('Adaptive Tit For Tat: 0.1'), named('Cooperator'), 8)).toBe(
      'CC DC DC DC DC DC CC CC',
    );
  });

  it('Win-Shift Lose-Stay: C opens with C, then follows the same four-vector', () => {
    expect(transcript(named('Win-Shift Lose-Stay: C'), named('Cooperator'), 4)).toBe('CC DC CC DC');
    expect(transcript(findStrategy('Win-Shift Lose-Stay')!, named('Cooperator'), 4)).toBe('DC CC DC CC');
  });
});

describe('zero-determinant strategies with parameters', () => {
  it('ZD-Extort-2: φ, s take the vector of the linear relation with l = P of the game', () => {
    const s = named('ZD-Extort-2: 1/10, 0.25');
    expect(s.name).toBe('ZD-Extort-2: 0.1, 0.25');
    expect(transcript(s, named('Defector'), 3)).toBe('CD DD DD');
    expect(zeroDeterminantVector(PRISONERS_DILEMMA, 0.1, 0.25, 1, s.name)).toEqual([
      1 - 0.1 * 0.75 * 2,
      1 - 0.1 * (0.25 * 1 + 4),
      0.1 * (1 + 0.25 * 4),
      0,
    ]);
  });

  it('values whose four-vector leaves [0, 1] are refused for the game, at the player, naming it', () => {
    const problems = strategyGameProblems([named('ZD-GEN-2: 2, 0.5, 3')], undefined, (i) => ({
      path: ['players', i],
    }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toEqual(['players', 0]);
    expect(problems[0]!.message).toMatch(/^ZD-GEN-2: 2, 0.5, 3 is not defined for R=3, S=0, T=5, P=1/);
    expect(() => named('ZD-GEN-2: 2, 0.5, 3').create(PRISONERS_DILEMMA)).toThrow(ConcertError);
  });
});
