/**
 * Strategies with parameters, named as the Axelrod library names them, play
 * the library's own test transcripts (Axelrod v4.13, axelrod/tests/strategies:
 * test_axelrod_first.py, test_cycler.py, test_gobymajority.py, test_rand.py).
 * The library's MockPlayer repeats its list of actions, so each scripted
 * opponent of those tests is a `Cycler` of that pattern here; pairs are
 * (player, opponent) per turn, as in the library's `expected_actions`.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import {
  actionPairs,
  findStrategy,
  lookupStrategy,
  playMatch,
  type Strategy,
} from '../../src/models/games/repeated/index.js';

const named = (name: string): Strategy => {
  const r = lookupStrategy(name);
  if ('problem' in r) throw new Error(r.problem);
  return r.strategy;
};

/** The transcript of `player` against `opponent`, as many turns as `expected` lists. */
function transcript(player: string, opponent: string, expected: string): string {
  const turns = expected.split(' ').length;
  const r = playMatch(named(player), named(opponent), { turns }, Rng.fromSeed(0));
  return actionPairs(r.actions).join(' ');
}

const rep = (pairs: string, n: number) => Array(n).fill(pairs).join(' ');

describe("a Cycler against Axelrod's first-tournament entries (test_axelrod_first.py)", () => {
  // TestFirstByDavis.test_retaliation_after_ten_rounds1/2: MockPlayer([C]*10 + [D]), ([C]*15 + [D]).
  it.each([
    ['Cycler CCCCCCCCCCD', `${rep('CC', 10)} CD DC`],
    [`Cycler ${'C'.repeat(15)}D`, `${rep('CC', 15)} CD DC`],
  ])('First by Davis vs %s: ten cooperations, then a grudge from the first defection', (cycler, expected) => {
    expect(transcript('First by Davis', cycler, expected)).toBe(expected);
  });

  // TestFirstByShubik.test_strategy: MockPlayer([D, C, C]), ([D, C, D, C, C]), ([D, C, D, D, C]), ([D, C, D, C, C, D]).
  it.each([
    ['Cycler DCC', 'CD DC CC CD'],
    ['Cycler DCDCC', 'CD DC CD DC DC CD DC'],
    ['Cycler DCDDC', 'CD DC CD DD DC CD DC'],
    ['Cycler DCDCCD', 'CD DC CD DC DC CD DD DC DD CC'],
  ])('First by Shubik vs %s: retaliations one turn longer each time', (cycler, expected) => {
    expect(transcript('First by Shubik', cycler, expected)).toBe(expected);
  });

  it('the library writes the general cycler "Cycler: DCDDC"; it is the same player', () => {
    const expected = 'CD DC CD DD DC CD DC';
    expect(transcript('First by Shubik', 'Cycler: DCDDC', expected)).toBe(expected);
    expect(named('Cycler: DCDDC').name).toBe('Cycler DCDDC');
  });
});

describe('the Cycler itself (test_cycler.py)', () => {
  it('Cycler CDDC against Defector repeats C, D, D, C (test_cycler_works_as_expected)', () => {
    const expected = rep('CD DD DD CD', 2);
    expect(transcript('Cycler CDDC', 'Defector', expected)).toBe(expected);
  });

  it.each(['DC', 'CCD', 'DDC', 'CCCD', 'CCCCCD', 'CCCDCD'])(
    'Cycler %s against Cooperator plays its cycle for 20 turns (test_cycler_factory)',
    (cycle) => {
      const expected = Array.from({ length: 20 }, (_, t) => `${cycle[t % cycle.length]}C`).join(' ');
      expect(transcript(`Cycler ${cycle}`, 'Cooperator', expected)).toBe(expected);
    },
  );

  it('memory depth is the cycle length minus one (test_memory_depth_is_len_cycle_minus_one)', () => {
    expect(named('Cycler DCDCDDCDCD').classifier.memoryDepth).toBe(9);
    expect(named('Cycler DCDDC').classifier.memoryDepth).toBe(4);
  });

  it('a cycle with a letter other than capital C and D is refused, as the library refuses Cycler("CdDC")', () => {
    expect(lookupStrategy('Cycler: CdDC')).toEqual({
      problem:
        '"Cycler: CdDC": cycle (moves repeated, in order) must be a sequence of the capital letters C and D, e.g. CCD; got "CdDC"',
    });
  });

  it('the four cyclers the library names keep their records (Cycler CCD is also plain "Cycler", the default)', () => {
    for (const cycle of ['CCD', 'DDC', 'CCCD', 'CCCCCD'])
      expect(named(`Cycler: ${cycle}`)).toBe(findStrategy(`Cycler ${cycle}`));
    expect(named('Cycler')).toBe(findStrategy('Cycler CCD'));
  });
});

describe('Go By Majority over the last moves (test_gobymajority.py)', () => {
  const opponent = (m: number) => `Cycler ${'C'.repeat(m)}${'D'.repeat(m)}`;

  it('Hard Go By Majority: 4 (test_memory_depth_even_soft_is_false)', () => {
    const expected = `DC ${rep('CC', 3)} ${rep('CD', 2)} ${rep('DD', 2)} ${rep('DC', 3)} CC`;
    expect(transcript('Hard Go By Majority: 4', opponent(4), expected)).toBe(expected);
  });

  it('Hard and Soft Go By Majority: 5 (test_memory_depth_odd)', () => {
    const rest = `${rep('CC', 4)} ${rep('CD', 3)} ${rep('DD', 2)} ${rep('DC', 3)} ${rep('CC', 2)}`;
    expect(transcript('Hard Go By Majority: 5', opponent(5), `DC ${rest}`)).toBe(`DC ${rest}`);
    expect(transcript('Soft Go By Majority: 5', opponent(5), `CC ${rest}`)).toBe(`CC ${rest}`);
  });

  it('Soft Go By Majority: 4 (test_memory_depth_even_soft_is_true)', () => {
    const expected = `${rep('CC', 4)} ${rep('CD', 3)} DD ${rep('DC', 2)} ${rep('CC', 2)}`;
    expect(transcript('Soft Go By Majority: 4', opponent(4), expected)).toBe(expected);
  });

  it('names as the library names them: "Soft Go By Majority: 5", and the plain name for the whole match (test_name)', () => {
    expect(named('Soft Go By Majority 5').name).toBe('Soft Go By Majority: 5');
    expect(named('Soft Go By Majority: inf').name).toBe('Soft Go By Majority');
    expect(named('Hard Go By Majority: 5').classifier.memoryDepth).toBe(5);
  });
});

describe('Random with a probability (test_rand.py)', () => {
  it('Random: 0 defects and Random: 1 cooperates, deterministically (test_deterministic)', () => {
    expect(transcript('Random: 0', 'Cooperator', 'DC DC DC')).toBe('DC DC DC');
    expect(transcript('Random: 1', 'Cooperator', 'CC CC CC')).toBe('CC CC CC');
    expect(named('Random: 0').classifier.stochastic).toBe(false);
    expect(named('Random: 0.5').classifier.stochastic).toBe(true);
  });
});
