/**
 * Transcripts of the Tit For Tat family against fixed opponents, from the
 * Axelrod library's tests (v4.13, axelrod/tests/strategies/test_titfortat.py,
 * test_memoryone.py and test_adaptive.py, deterministic cases). Pairs are (this player, opponent);
 * scripted opponents cycle like the library's MockPlayer.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../core/rng.js';
import { C, D } from '../game.js';
import { actionPairs, playMatch } from '../match.js';
import { findStrategy } from '../registry.js';
import { type Strategy, stateless, strategy } from '../strategy.js';
import { memoryOnePlayer } from './memory-one.js';

const script = (moves: string): Strategy =>
  strategy({
    name: `Script ${moves}`,
    className: 'Script',
    origin: 'test',
    description: 'cycles a script',
    memoryDepth: 0,
    create: stateless((h) => (moves[h.turn % moves.length] === 'C' ? C : D)),
  });

const get = (name: string): Strategy => {
  if (name.startsWith('script:')) return script(name.slice(7));
  const s = findStrategy(name);
  if (!s) throw new Error(name);
  return s;
};

function transcript(player: string, opponent: string | Strategy, turns: number): string {
  const o = typeof opponent === 'string' ? get(opponent) : opponent;
  return actionPairs(playMatch(get(player), o, { turns }, Rng.fromSeed(0)).actions).join(' ');
}

const cases: [string, string, string][] = [
  ['Tit For 2 Tats', 'script:DDDCC', 'CD CD DD DC CC CD'],
  ['Tit For 2 Tats', 'script:CCDDCDDCCDD', 'CC CC CD CD DC CD CD DC CC CD CD'],
  ['Two Tits For Tat', 'script:DCCDC', 'CD DC DC CD DC'],
  ['Two Tits For Tat', 'Defector', 'CD DD DD'],
  ['Bully', 'Alternator', 'DC DD CC DD CC'],
  ['Bully', 'Defector', 'DD CD CD CD CD'],
  ['Sneaky Tit For Tat', 'script:CCCDCC', 'CC CC DC DD CC CC'],
  ['Sneaky Tit For Tat', 'Alternator', 'CC CD DC CD CC'],
  ['Suspicious Tit For Tat', 'Tit For Tat', Array(8).fill('DC CD').join(' ')],
  ['Suspicious Tit For Tat', 'Cooperator', 'DC CC CC'],
  ['Anti Tit For Tat', 'Tit For Tat', Array(4).fill('CC DC DD CD').join(' ')],
  ['Hard Tit For Tat', 'script:DCCCDC', 'CD DC DC DC CD DC'],
  ['Hard Tit For 2 Tats', 'script:DCCDDDC', 'CD CC CC CD CD DD DC'],
  ['Omega TFT', 'Suspicious Tit For Tat', 'CD DC CD DC CD CC CC CC CC'],
  ['Omega TFT', 'Alternator', 'CC CD DC CD DC CD CC CD DC DD DC DD DC DD'],
  ['Gradual', 'script:DCDCCCDC', 'CD DC CD CC CC CC CD DC'],
  ['Gradual', 'script:DCDCCDDD', 'CD DC CD CC CC CD DD DD'],
  [
    'Gradual',
    'Defector',
    `CD DD CD CD DD DD DD DD CD CD ${Array(10).fill('DD').join(' ')} CD CD ${Array(22).fill('DD').join(' ')} CD CD DD DD DD DD`,
  ],
  ['Adaptive Tit For Tat', 'Alternator', 'CC CD DC CD DC'],
  ['Spiteful Tit For Tat', 'script:CCCC', 'CC CC CC CC CC'],
  ['Spiteful Tit For Tat', 'script:CCCCDC', 'CC CC CC CC CD DC CC'],
  ['Spiteful Tit For Tat', 'script:CCDDC', 'CC CC CD DD DC'],
  ['Win-Stay Lose-Shift', 'Alternator', 'CC CD DC DD CC'],
  ['Adaptive', 'Cooperator', `${Array(6).fill('CC').join(' ')} ${Array(8).fill('DC').join(' ')}`],
  ['Adaptive', 'Defector', `${Array(6).fill('CD').join(' ')} ${Array(8).fill('DD').join(' ')}`],
  ['Adaptive', 'Alternator', `${Array(3).fill('CC CD').join(' ')} ${Array(4).fill('DC DD').join(' ')}`],
  ['Adaptive', 'Tit For Tat', 'CC CC CC CC CC CC DC DD DD DD DD CD CC'],
];

describe('Tit For Tat family, as the Axelrod library tests play it', () => {
  it.each(cases)('%s vs %s', (player, opponent, expected) => {
    expect(transcript(player, opponent, expected.split(' ').length)).toBe(expected);
  });

  it('Contrite Tit For Tat is Tit For Tat when there is no noise', () => {
    for (const o of ['Alternator', 'Defector', 'Grudger', 'Gradual', 'First by Shubik', 'script:CDDCCD']) {
      expect(transcript('Contrite Tit For Tat', o, 20)).toBe(transcript('Tit For Tat', o, 20));
    }
  });

  it("Gradual's payoffs against 11 deterministic players over 1000 turns (Axelrod issue #1294)", () => {
    const mistrustWithBug = strategy({
      name: 'Mistrust (bug)',
      className: 'MemoryOnePlayer',
      origin: 'Axelrod library test_titfortat.py',
      description: 'memory-one (1, 0, 0, 0), opening D',
      memoryDepth: 1,
      create: () => memoryOnePlayer([1, 0, 0, 0], D),
    });
    const opponents: (string | Strategy)[] = [
      'Gradual',
      'Tit For Tat',
      'Soft Go By Majority',
      'Grudger',
      'Win-Stay Lose-Shift',
      'Prober',
      'Defector',
      mistrustWithBug,
      'Cooperator',
      'Cycler CCD',
      'Cycler DDC',
    ];
    const row = opponents.map((o) => {
      const r = playMatch(
        get('Gradual'),
        typeof o === 'string' ? get(o) : o,
        { turns: 1000 },
        Rng.fromSeed(1),
      );
      return Math.round(((r.scores[0] as number) / r.turns) * 1000 * 10) / 10;
    });
    expect(row).toEqual([3000, 3000, 3000, 3000, 3000, 2999, 983, 983, 3000, 3596, 2302]);
  });
});
