/**
 * Transcripts of the probers against fixed opponents, from the Axelrod
 * library's tests (v4.13, axelrod/tests/strategies/test_prober.py).
 * Pairs are (this player, opponent); scripted opponents cycle like MockPlayer.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../core/rng.js';
import { C, D } from '../game.js';
import { actionPairs, playMatch } from '../match.js';
import { findStrategy } from '../registry.js';
import { type Strategy, stateless, strategy } from '../strategy.js';

const get = (name: string): Strategy => {
  if (name.startsWith('script:')) {
    const moves = name.slice(7);
    return strategy({
      name,
      className: 'Script',
      origin: 'test',
      description: 'cycles a script',
      memoryDepth: 0,
      create: stateless((h) => (moves[h.turn % moves.length] === 'C' ? C : D)),
    });
  }
  const s = findStrategy(name);
  if (!s) throw new Error(name);
  return s;
};

const cases: [string, string, string][] = [
  ['Prober', 'Cooperator', 'DC CC CC DC DC DC'],
  ['Prober', 'script:DCC', 'DD CC CC DD DC DC'],
  ['Prober', 'Alternator', 'DC CD CC CD DC'],
  ['Prober', 'Defector', 'DD CD CD DD DD'],
  ['Prober 2', 'Alternator', 'DC CD CC CD CC CD'],
  ['Prober 2', 'script:DDC', 'DD CD CC CD CD CC'],
  ['Prober 2', 'Cooperator', 'DC CC CC CC CC'],
  ['Prober 2', 'Defector', 'DD CD CD DD DD'],
  ['Prober 2', 'script:DC', 'DD CC CD DC CD DC'],
  ['Prober 3', 'Cooperator', 'DC CC DC DC DC'],
  ['Prober 3', 'script:DC', 'DD CC DD DC DD'],
  ['Prober 3', 'Alternator', 'DC CD DC CD DC'],
  ['Prober 3', 'Defector', 'DD CD DD DD DD'],
  ['Hard Prober', 'Cooperator', 'DC DC CC CC DC DC DC'],
  ['Hard Prober', 'script:DCCD', 'DD DC CC CD DD DC DC'],
  ['Hard Prober', 'Alternator', 'DC DD CC CD DC CD DC'],
  ['Hard Prober', 'Defector', 'DD DD CD CD DD DD DD'],
];

describe('probers, as the Axelrod library tests play them', () => {
  it.each(cases)('%s vs %s', (player, opponent, expected) => {
    const r = playMatch(get(player), get(opponent), { turns: expected.split(' ').length }, Rng.fromSeed(0));
    expect(actionPairs(r.actions).join(' ')).toBe(expected);
  });
});
