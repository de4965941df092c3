import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcertError } from '../../../core/errors.js';
import { Rng } from '../../../core/rng.js';
import { moranFixation, moranFixationProbabilities, moranProcess } from '../evolution/moran.js';
import { MatchEngine, type MatchSummary, type OutcomeCounts } from './match.js';
import {
  actionPairs,
  findStrategy,
  matchSeed,
  playMatch,
  playTournament,
  runTournament,
  STRATEGIES,
  type Strategy,
  strategiesNamed,
  suggestStrategies,
  zeroDeterminantVector,
} from './index.js';

const S = (n: string): Strategy => findStrategy(n) as Strategy;
const play = (a: string, b: string, turns: number, extra = {}) =>
  actionPairs(playMatch(S(a), S(b), { turns, ...extra }, Rng.fromSeed(5)).actions).join(' ');

describe('strategies read like match transcripts', () => {
  it('has at least 40 strategies with unique Axelrod-library names', () => {
    expect(STRATEGIES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(STRATEGIES.map((s) => s.name)).size).toBe(STRATEGIES.length);
  });
  it('Suspicious Tit For Tat vs Tit For Tat echoes the first defection for ever', () => {
    expect(play('Suspicious Tit For Tat', 'Tit For Tat', 5)).toBe('DC CD DC CD DC');
  });
  it('Two Tits For Tat answers one defection with two', () => {
    expect(play('Two Tits For Tat', 'Alternator', 5)).toBe('CC CD DC DD DC');
  });
  it('Gradual punishes the n-th defection n times then calms twice', () => {
    expect(play('Gradual', 'Defector', 8)).toBe('CD DD CD CD DD DD DD DD');
  });
  it('Prober exploits an unconditional cooperator; Handshake recognises itself', () => {
    expect(play('Prober', 'Cooperator', 5)).toBe('DC CC CC DC DC');
    expect(play('Handshake', 'Handshake', 4)).toBe('CC DD CC CC');
  });
  it('First by Shubik retaliates one turn longer after each departure from mutual cooperation', () => {
    expect(play('First by Shubik', 'Alternator', 8)).toBe('CC CD DC CD DC DD CC CD');
  });
  it('First by Davis cooperates 10 turns, then holds a grudge', () => {
    expect(play('First by Davis', 'Defector', 12).split(' ').slice(9)).toEqual(['CD', 'DD', 'DD']);
  });
  it('First by Stein and Rapoport and Tideman and Chieruzzi defect on the last two turns', () => {
    expect(play('First by Stein and Rapoport', 'Cooperator', 20).split(' ').slice(-3)).toEqual([
      'CC',
      'DC',
      'DC',
    ]);
    expect(play('First by Tideman and Chieruzzi', 'Cooperator', 20).split(' ').slice(-3)).toEqual([
      'CC',
      'DC',
      'DC',
    ]);
  });
  it('First by Downing opens with two defections', () => {
    expect(play('First by Downing', 'Cooperator', 3).split(' ').slice(0, 2)).toEqual(['DC', 'DC']);
  });
  it('ZD strategies have the published four-vectors', () => {
    const g = { R: 3, S: 0, T: 5, P: 1 };
    const v = (phi: number, s: number, l: number) =>
      zeroDeterminantVector(g, phi, s, l, 'x').map((p) => +p.toFixed(12));
    expect(v(1 / 9, 0.5, 1)).toEqual([8 / 9, 0.5, 1 / 3, 0].map((p) => +p.toFixed(12)));
    expect(v(0.25, 0.5, 3)).toEqual([1, 0.125, 1, 0.25]);
  });
  it('unknown names get suggestions', () => {
    expect(suggestStrategies('Tit For Tatt')[0]).toBe('Tit For Tat');
    expect(suggestStrategies('grudgr')).toContain('Grudger');
  });
});

describe('noise, misperception and consultation', () => {
  it('full consultation restores cooperation between Tit For Tats under misperception', () => {
    const r0 = playMatch(S('TFT'), S('TFT'), { turns: 2000, misperception: 0.05 }, Rng.fromSeed(1));
    const r1 = playMatch(
      S('TFT'),
      S('TFT'),
      { turns: 2000, misperception: 0.05, consultation: 1 },
      Rng.fromSeed(1),
    );
    expect(r1.cooperation).toEqual([2000, 2000]);
    expect(r0.cooperation[0]).toBeLessThan(1500);
  });
  it('misperception never changes unconditional players’ payoffs', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer(), (m, seed) => {
        const r = playMatch(
          S('Cooperator'),
          S('Defector'),
          { turns: 50, misperception: m },
          Rng.fromSeed(seed),
        );
        return r.scores[0] === 0 && r.scores[1] === 250;
      }),
      { numRuns: 50 },
    );
  });
  it('same seed, same match; continuation length is geometric with the right mean', () => {
    const a = playMatch(S('GTFT'), S('Random'), { turns: 100, noise: 0.1 }, Rng.fromSeed(9));
    const b = playMatch(S('GTFT'), S('Random'), { turns: 100, noise: 0.1 }, Rng.fromSeed(9));
    expect(a).toEqual(b);
    let total = 0;
    for (let i = 0; i < 4000; i++)
      total += playMatch(
        S('TFT'),
        S('TFT'),
        { continuationProbability: 0.9 },
        Rng.fromSeed(matchSeed(1, i)),
      ).turns;
    expect(total / 4000).toBeGreaterThan(9.5);
    expect(total / 4000).toBeLessThan(10.5);
  });
});

describe('tournaments', () => {
  it('give the same result on 2 workers as in this thread', async () => {
    const spec = {
      players: ['TFT', 'Random', 'GTFT', 'Defector', 'First by Joss'],
      turns: 50,
      repetitions: 4,
      noise: 0.05,
      seed: 3,
    };
    const inline = playTournament(spec);
    const pooled = await runTournament(spec, { workers: 2 });
    expect(pooled).toEqual(inline);
  });
});

describe('MatchEngine outcome counts (property)', () => {
  it('count the executed action pairs of the last match, across games and match lengths', () => {
    const games = [
      { R: 3, S: 0, T: 5, P: 1 },
      { R: 6, S: 0, T: 10, P: 2 },
    ];
    // Zero-determinant strategies exist only for some payoffs: keep those defined for both games.
    const definedFor = (name: string) =>
      games.every((g) => {
        try {
          S(name).create(g);
          return true;
        } catch {
          return false;
        }
      });
    const names = STRATEGIES.map((x) => x.name).filter(definedFor);
    const engine = new MatchEngine();
    const summary: MatchSummary = { turns: 0, score1: 0, score2: 0, cooperation1: 0, cooperation2: 0 };
    const counts: OutcomeCounts = { mutualCooperation: 0, mutualDefection: 0, mixed: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.constantFrom(...names),
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.constantFrom(...games),
        fc.integer(),
        (a, b, turns, noise, game, seed) => {
          engine.play(S(a), S(b), { turns, noise, game }, Rng.fromSeed(seed), summary);
          engine.countOutcomes(summary.turns, counts);
          const [x, y] = engine.lastActions(summary.turns);
          let cc = 0;
          let dd = 0;
          let score = 0;
          x.forEach((v, t) => {
            if (v === 0 && y[t] === 0) cc++;
            if (v === 1 && y[t] === 1) dd++;
            score += [game.R, game.S, game.T, game.P][2 * v + y[t]!]!;
          });
          return (
            counts.mutualCooperation === cc &&
            counts.mutualDefection === dd &&
            counts.mixed === turns - cc - dd &&
            // the engine's cached payoff table follows the game
            summary.score1 === score
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('tournament invariants (property)', () => {
  it('ranks are 1..n, rates are probabilities, wins are bounded, and scores add up over the matches', () => {
    const names = STRATEGIES.map((x) => x.name);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...names), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer(),
        (players, turns, repetitions, noise, seed) => {
          const spec = { players, turns, repetitions, noise, seed };
          const r = playTournament(spec);
          const n = players.length;
          const ranks = r.players.map((p) => p.rank).sort((a, b) => a - b);
          if (ranks.join() !== Array.from({ length: n }, (_, i) => i + 1).join()) return false;
          for (const p of r.players) {
            if (!(p.cooperationRate >= 0 && p.cooperationRate <= 1)) return false;
            if (p.wins < 0 || p.wins > (n - 1) * repetitions) return false;
            if (Math.abs(p.meanScorePerTurn * turns * (n - 1) * repetitions - p.totalScore) > 1e-6)
              return false;
          }
          const rowSums = r.payoffMatrix.map((row, i) => row.reduce((a, v, j) => a + (i === j ? 0 : v), 0));
          return r.ids.every((id, i) => {
            const p = r.players.find((x) => x.id === id);
            return (
              p !== undefined && Math.abs((rowSums[i] as number) * turns * repetitions - p.totalScore) < 1e-6
            );
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('Moran fixation probabilities', () => {
  it('simulated fixation of one Tit For Tat among 3 Defectors agrees with the exact chain within 4 standard errors', () => {
    const turns = 50;
    const a = [
      [3, (turns - 1) / turns],
      [(turns + 4) / turns, 1],
    ] as const;
    const exact = moranFixationProbabilities(a, 4)[1] as number;
    const runs = 3000;
    const sim = moranFixation(
      { population: ['Tit For Tat', 'Defector', 'Defector', 'Defector'], turns, seed: 5 },
      runs,
    );
    const se = Math.sqrt((exact * (1 - exact)) / runs);
    expect(Math.abs((sim.fixation['Tit For Tat'] as number) - exact)).toBeLessThan(4 * se);
    expect(sim.unfixed).toBe(0);
  });

  it('are k/N for neutral strategies and favour Defector against Tit For Tat in small populations', () => {
    expect(
      moranFixationProbabilities(
        [
          [2, 2],
          [2, 2],
        ],
        4,
      ).map((x) => +x.toFixed(12)),
    ).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const rho = moranFixationProbabilities(
      [
        [3, 199 / 200],
        [204 / 200, 1],
      ],
      6,
    );
    expect(rho[1]).toBeGreaterThan(0.29);
    expect(rho[1]).toBeLessThan(0.3);
  });
});

describe('bad input is located at the parameter', () => {
  const problemsOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ConcertError);
      expect((e as ConcertError).code).toBe('bad-input');
      return (e as ConcertError).problems;
    }
    throw new Error('expected a bad-input error');
  };

  it('an unknown strategy is named at its index, with suggestions and no command line in the message', () => {
    const [p] = problemsOf(() => strategiesNamed(['Tit For Tat', 'Tit For Tatt'], ['players']));
    expect(p!.path).toEqual(['players', 1]);
    expect(p!.message).toMatch(/^unknown strategy "Tit For Tatt"; did you mean "Tit For Tat"/);
    expect(p!.message).not.toMatch(/concert/);
  });

  it('tournaments and Moran processes refuse unknown players and settings out of range', () => {
    expect(
      problemsOf(() => playTournament({ players: ['Defector', 'Nobody'], turns: 0, noise: 2 })).map(
        (p) => p.path,
      ),
    ).toEqual([['turns'], ['noise']]);
    expect(problemsOf(() => playTournament({ players: ['Defector', 'Nobody'] })).map((p) => p.path)).toEqual([
      ['players', 1],
    ]);
    expect(
      problemsOf(() => moranProcess({ population: ['Defector'], mutationRate: -0.1 })).map((p) => p.path),
    ).toEqual([['population'], ['mutationRate']]);
    expect(problemsOf(() => moranFixation({ population: ['Defector', 'Cooperator'] }, 0))).toEqual([
      { path: ['runs'], message: 'expected a whole number of runs ≥ 1; got 0' },
    ]);
    expect(
      problemsOf(() =>
        moranFixationProbabilities(
          [
            [1, 1],
            [1, Number.NaN],
          ],
          1,
        ),
      ).map((p) => p.path),
    ).toEqual([['N'], ['payoffs', 1, 1]]);
  });

  it('playMatch checks its settings', () => {
    expect(
      problemsOf(() =>
        playMatch(S('Defector'), S('Cooperator'), { continuationProbability: 1 }, Rng.fromSeed(1)),
      ),
    ).toEqual([{ path: ['continuationProbability'], message: 'expected a probability in [0, 1); got 1' }]);
  });
});
