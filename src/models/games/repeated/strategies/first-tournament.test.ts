/**
 * Transcripts of Axelrod's first-tournament strategies against fixed
 * opponents, from the Axelrod library's own tests (v4.13,
 * axelrod/tests/strategies/test_axelrod_first.py, deterministic cases only).
 * Each transcript lists (this player, opponent) per turn; scripted opponents
 * cycle through their script like the library's MockPlayer and Cycler.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../core/rng.js';
import { C, D } from '../game.js';
import { actionPairs, playMatch } from '../match.js';
import { findStrategy } from '../registry.js';
import { type Strategy, stateless, strategy } from '../strategy.js';

const script = (moves: string): Strategy =>
  strategy({
    name: `Script ${moves}`,
    className: 'Script',
    origin: 'test',
    description: 'cycles a script',
    memoryDepth: 0,
    create: stateless((h) => (moves[h.turn % moves.length] === 'C' ? C : D)),
  });

const rep = (s: string, n: number) => Array(n).fill(s).join(' ');

interface Case {
  opponent: string;
  expected: string;
  length?: number;
}

function check(player: string, cases: Case[]): void {
  const p = findStrategy(player) as Strategy;
  for (const c of cases) {
    const opponent = c.opponent.startsWith('script:')
      ? script(c.opponent.slice(7))
      : (findStrategy(c.opponent) as Strategy);
    const turns = c.expected.split(' ').length;
    const r = playMatch(p, opponent, { turns, announcedLength: c.length ?? turns }, Rng.fromSeed(0));
    expect(actionPairs(r.actions).join(' '), `${player} vs ${c.opponent}`).toBe(c.expected);
  }
}

describe("Axelrod's first tournament, as the Axelrod library's tests play it", () => {
  it('First by Davis', () =>
    check('First by Davis', [
      { opponent: 'Cooperator', expected: rep('CC', 10) },
      { opponent: 'Defector', expected: rep('CD', 10) },
      { opponent: 'Alternator', expected: rep('CC CD', 5) },
      { opponent: `script:${'C'.repeat(10)}D`, expected: `${rep('CC', 10)} CD DC` },
      { opponent: `script:${'C'.repeat(15)}D`, expected: `${rep('CC', 15)} CD DC` },
    ]));

  it('First by Downing', () =>
    check('First by Downing', [
      { opponent: 'Cooperator', expected: 'DC DC CC' },
      { opponent: 'Defector', expected: 'DD DD DD' },
      { opponent: 'script:DCC', expected: 'DD DC DC DD' },
      { opponent: 'script:DDC', expected: 'DD DD DC DD' },
      { opponent: 'script:CCDDCC', expected: 'DC DC CD DD DC DC DC' },
      { opponent: 'script:CCCCDD', expected: 'DC DC CC DC DD CD DC' },
    ]));

  it('First by Feld against a defector', () =>
    check('First by Feld', [{ opponent: 'Defector', expected: `CD ${rep('DD', 20)}` }]));

  it('First by Graaskamp', () =>
    check('First by Graaskamp', [
      { opponent: 'Alternator', expected: `CC ${rep('CD DC', 24)} CD DC ${rep('CD DC', 2)} CD` },
      { opponent: 'Defector', expected: `CD ${rep('DD', 55)}` },
      { opponent: 'Cooperator', expected: `${rep('CC', 50)} DC ${rep('CC', 5)}` },
      {
        opponent: 'Alternator',
        expected: `CC ${rep('CD DC', 24)} CD DC ${rep('CD DC', 3)} DD ${rep('DC DD', 5)}`,
      },
      { opponent: 'Tit For Tat', expected: `${rep('CC', 50)} DC ${rep('CD DC', 3)} ${rep('CD DC', 50)}` },
    ]));

  it('First by Grofman against a cooperator', () =>
    check('First by Grofman', [{ opponent: 'Cooperator', expected: rep('CC', 7) }]));

  it('First by Nydegger', () =>
    check('First by Nydegger', [
      { opponent: 'Cooperator', expected: rep('CC', 9) },
      { opponent: 'Defector', expected: 'CD DD DD CD CD CD CD CD' },
      { opponent: 'Alternator', expected: 'CC CD DC CD DC CD DC CD' },
      { opponent: 'script:DC', expected: 'CD DC DD DC DD DC DD DC' },
    ]));

  it('First by Shubik', () =>
    check('First by Shubik', [
      { opponent: 'Cooperator', expected: 'CC CC CC' },
      { opponent: 'Alternator', expected: 'CC CD DC' },
      { opponent: 'script:DCC', expected: 'CD DC CC CD' },
      { opponent: 'script:DCDCC', expected: 'CD DC CD DC DC CD DC' },
      { opponent: 'script:DCDDC', expected: 'CD DC CD DD DC CD DC' },
      { opponent: 'script:DCDCCD', expected: 'CD DC CD DC DC CD DD DC DD CC' },
    ]));

  it('First by Tullock (deterministic cases)', () =>
    check('First by Tullock', [
      { opponent: 'Alternator', expected: rep('CC CD', 5) },
      { opponent: 'Defector', expected: `${rep('CD', 11)} DD DD` },
      { opponent: `script:${'D'.repeat(10)}C`, expected: `${rep('CD', 10)} CC DD` },
    ]));

  it('First by Stein and Rapoport', () =>
    check('First by Stein and Rapoport', [
      { opponent: 'Cooperator', expected: `${rep('CC', 17)} DC DC` },
      { opponent: 'Cooperator', expected: rep('CC', 17), length: Infinity },
      { opponent: 'Defector', expected: `${rep('CD', 4)} ${rep('DD', 15)}` },
      { opponent: 'Alternator', expected: `CC CD CC CD ${rep('DC CD', 5)} DC DD DC DD DC` },
      {
        opponent: `script:${'CD'.repeat(6)}${'C'.repeat(50)}`,
        expected: `CC CD CC CD ${rep('DC CD', 4)} DC CC DC ${rep('DC', 14)} CC`,
        length: Infinity,
      },
    ]));

  it('First by Tideman and Chieruzzi', () => {
    check('First by Tideman and Chieruzzi', [
      { opponent: 'Cooperator', expected: 'CC CC DC DC' },
      { opponent: 'Cooperator', expected: 'CC CC CC CC', length: Infinity },
      { opponent: 'Defector', expected: 'CD DD DD DD' },
      { opponent: 'script:DC', expected: 'CD DC CD DC DD DC DD DC DD DC' },
      {
        opponent: 'script:DDCDD',
        expected: 'CD DD DC DD DD DD DD DC DD DD DD DD DC DD DD DD DD DC DD DD',
      },
      {
        opponent: 'script:DDCDD',
        expected: `CD DD DC DD DD DD DD DC DD DD DD DD DC DD DD DD DD DC DD DD DD DD DC DD DD DD DD DC CD CD`,
        length: 50,
      },
      {
        opponent: 'script:DDCDD',
        expected: `CD DD DC DD DD DD DD DC DD DD DD DD DC DD DD DD DD DC DD DD DD DD DC DD DD DD DD DC CD CD`,
        length: Infinity,
      },
      {
        opponent: 'script:DDCDDDDCDDCDCCC',
        expected: 'CD DD DC DD DD DD DD DC DD DD DC CD DC DC DC DD DD DC DD DD DD DD DC DD DD',
      },
      { opponent: 'Tit For Tat', expected: 'CC CC DC DD' },
      {
        opponent: 'script:CCCCD',
        expected:
          'CC CC CC CC CD DC CC CC CC CD DC DC CC CC CD DC DC DC CC CD DC DC DC CC CD DC CC CC CC CD DC DC CC DC DD',
        length: 35,
      },
    ]);
  });
});
