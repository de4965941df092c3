import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcertError } from '../../core/errors.js';
import { Fraction, formatRational, parseRational, sumRationals } from '../../core/rational.js';
import { Rng } from '../../core/rng.js';
import { councilPower } from './council.js';
import {
  generatingFunctionCounts,
  minimalWinningCounts,
  winningCoalitionCount,
} from './generating-function.js';
import { POWER_INDICES } from './names.js';
import { enumeratePowerIndices, exactSwings, nullPlayers, type PowerIndexName, powerIndex } from './power.js';
import {
  enumerationCounts,
  gdpWeightedGame,
  layeredVotingGame,
  listedGame,
  minimalBlockingCoalitions,
  minimalWinningCoalitions,
  vetoPlayers,
  weightedVotingGame,
  winningTable,
} from './simple-game.js';

const weightedGameArb = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 8 })
  .filter((w) => w.some((x) => x > 0))
  .chain((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    return fc.record({ weights: fc.constant(w), quota: fc.integer({ min: 1, max: total }) });
  });

describe('power indices (properties)', () => {
  it('every index sums to 1 exactly, and generating functions agree with enumeration', () => {
    fc.assert(
      fc.property(weightedGameArb, ({ weights, quota }) => {
        const game = weightedVotingGame(weights, quota);
        const all = enumeratePowerIndices(game);
        for (const index of [
          'shapley-shubik',
          'banzhaf',
          'deegan-packel',
          'holler-packel',
          'johnston',
        ] as const) {
          expect(formatRational(sumRationals(all[index]))).toBe('1');
        }
        const gf = generatingFunctionCounts(game)!;
        expect(gf.shapleyShubik.map(formatRational)).toEqual(all['shapley-shubik'].map(formatRational));
        const n = weights.length;
        expect(gf.swings.map((s) => formatRational(new Fraction(s, 2n ** BigInt(n - 1))))).toEqual(
          all['banzhaf-absolute'].map(formatRational),
        );
        const wins = winningTable(game).reduce((a, b) => a + b, 0);
        expect(winningCoalitionCount(game)).toBe(BigInt(wins));
      }),
      { numRuns: 150 },
    );
  });

  it('minimal winning coalitions counted by generating functions equal enumeration, by player and size', () => {
    fc.assert(
      fc.property(weightedGameArb, ({ weights, quota }) => {
        const game = weightedVotingGame(weights, quota);
        const gf = minimalWinningCounts(game)!;
        const en = enumerationCounts(game);
        expect(gf.total).toBe(en.minimalWinningCount);
        expect(gf.bySize.map((row) => [...row])).toEqual(en.minimalBySize.map((row) => [...row]));
      }),
      { numRuns: 150 },
    );
  });

  it('players with equal weight get equal power; a zero-weight player is null in every index', () => {
    fc.assert(
      fc.property(weightedGameArb, ({ weights, quota }) => {
        const game = weightedVotingGame([...weights, 0], quota);
        const all = enumeratePowerIndices(game);
        const last = weights.length;
        for (const index of POWER_INDICES) {
          expect(all[index][last]!.equals(0)).toBe(true);
          for (let i = 0; i < weights.length; i++) {
            for (let j = 0; j < weights.length; j++) {
              if (weights[i] === weights[j]) expect(all[index][i]!.compare(all[index][j]!)).toBe(0);
            }
          }
        }
        expect(nullPlayers(game)).toContain(`P${last + 1}`);
      }),
      { numRuns: 100 },
    );
  });

  it('a veto player belongs to every minimal winning coalition, and alone blocks', () => {
    fc.assert(
      fc.property(weightedGameArb, ({ weights, quota }) => {
        const game = weightedVotingGame(weights, quota);
        const mwc = minimalWinningCoalitions(game);
        const blocking = minimalBlockingCoalitions(game);
        for (const p of vetoPlayers(game)) {
          const i = game.players.indexOf(p);
          for (const c of mwc) expect(c).toContain(i);
          expect(blocking).toContainEqual([i]);
        }
        expect(mwc.length).toBe(enumerationCounts(game).minimalWinningCount);
      }),
      { numRuns: 100 },
    );
  });

  it('layered games: generating functions match enumeration (double majority with a veto group)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 6 })), {
          minLength: 2,
          maxLength: 9,
        }),
        fc.integer({ min: 1, max: 100 }),
        (seats, share) => {
          const players = seats.map((_, i) => `S${i}`);
          const veto = seats.map(([v]) => v);
          const pop = seats.map(([, p]) => p);
          const vetoTotal = veto.reduce((a, b) => a + b, 0);
          const popTotal = pop.reduce((a, b) => a + b, 0);
          const layers = [
            { weights: pop, quota: Math.max(1, Math.ceil((share / 100) * popTotal)) },
            ...(vetoTotal > 0 ? [{ weights: veto, quota: vetoTotal }] : []),
          ];
          const game = layeredVotingGame(players, layers);
          const gf = generatingFunctionCounts(game)!;
          const all = enumeratePowerIndices(game);
          expect(gf.shapleyShubik.map(formatRational)).toEqual(all['shapley-shubik'].map(formatRational));
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('power indices (behaviour)', () => {
  it('the layered UNSC (P5 concurrence ∩ 9 of 15) equals the weighted form [39; 7×5, 1×10]', () => {
    const players = ['CHN', 'FRA', 'RUS', 'GBR', 'USA', ...Array.from({ length: 10 }, (_, i) => `E${i + 1}`)];
    const layered = layeredVotingGame(players, [
      { weights: players.map((_, i) => (i < 5 ? 1 : 0)), quota: 5 },
      { weights: players.map(() => 1), quota: 9 },
    ]);
    const weighted = weightedVotingGame(
      players.map((_, i) => (i < 5 ? 7 : 1)),
      39,
      players,
    );
    for (const index of POWER_INDICES) {
      expect(powerIndex(layered, index).values.map((v) => v.exact)).toEqual(
        powerIndex(weighted, index).values.map((v) => v.exact),
      );
    }
    expect(vetoPlayers(layered)).toEqual(['CHN', 'FRA', 'RUS', 'GBR', 'USA']);
  });

  it('listed games: the 3-player majority game gives everyone 1/3 in every index', () => {
    const game = listedGame(
      ['A', 'B', 'C'],
      [
        [0, 1],
        [0, 2],
        [1, 2],
      ],
    );
    for (const index of POWER_INDICES.filter((x) => x !== 'banzhaf-absolute')) {
      expect(powerIndex(game, index).values.map((v) => v.exact)).toEqual(['1/3', '1/3', '1/3']);
    }
    // each player is decisive in 2 of the 4 profiles of the others
    expect(powerIndex(game, 'banzhaf-absolute').values.map((v) => v.exact)).toEqual(['1/2', '1/2', '1/2']);
  });

  it('Deegan–Packel and Holler–Packel differ from Banzhaf on [6; 4,3,2,1]', () => {
    const game = weightedVotingGame([4, 3, 2, 1], 6);
    // MWCs: {1,2}, {1,3}, {2,3,4}
    expect(powerIndex(game, 'holler-packel').values.map((v) => v.exact)).toEqual([
      '2/7',
      '2/7',
      '2/7',
      '1/7',
    ]);
    expect(powerIndex(game, 'deegan-packel').values.map((v) => v.exact)).toEqual([
      '1/3',
      '5/18',
      '5/18',
      '1/9',
    ]);
  });

  it('GDP-weighted game: weights in whole billions of US$, wins with more than the quota share', () => {
    const gdp = new Map([
      ['USA', 18.7e12],
      ['CHN', 11.2e12],
      ['JPN', 4.9e12],
    ]);
    const game = gdpWeightedGame(gdp, ['USA', 'CHN', 'JPN']);
    expect(game.layers[0]).toEqual({ weights: [18700, 11200, 4900], quota: 17401 });
    expect(powerIndex(game, 'shapley-shubik').values.map((v) => v.exact)).toEqual(['1', '0', '0']);
    expect(gdpWeightedGame(gdp, ['USA', 'CHN', 'JPN'], 0.6).layers[0]!.quota).toBe(20881);
  });

  it('decimal weights are scaled to integers for generating functions', () => {
    const r = powerIndex(weightedVotingGame([0.4, 0.3, 0.2, 0.1], 0.6), 'banzhaf');
    expect(r.method).toBe('generating-function');
    expect(r.values.map((v) => v.exact)).toEqual(['5/12', '1/4', '1/4', '1/12']);
  });

  it('200 players: exact bigint generating functions, Shapley–Shubik sums to 1', () => {
    const weights = Array.from({ length: 200 }, (_, i) => 1 + (i % 7));
    const total = weights.reduce((a, b) => a + b, 0);
    const game = weightedVotingGame(weights, Math.floor(total / 2) + 1);
    const counts = exactSwings(game)!;
    expect(formatRational(sumRationals(counts.shapleyShubik))).toBe('1');
    expect(counts.swings[6]! > counts.swings[0]!).toBe(true);
  });

  it('Monte Carlo estimates cover the exact values (seeded, reproducible)', () => {
    const weights = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1, 1];
    const game = weightedVotingGame(weights, 30);
    for (const index of ['shapley-shubik', 'banzhaf', 'banzhaf-absolute'] as const) {
      const exact = powerIndex(game, index).values;
      const mc = powerIndex(game, index, { method: 'monte-carlo', samples: 20_000, rng: Rng.fromSeed(7) });
      const again = powerIndex(game, index, { method: 'monte-carlo', samples: 20_000, rng: Rng.fromSeed(7) });
      expect(again.values).toEqual(mc.values);
      mc.values.forEach((v, i) => {
        // 2.5 half-widths ≈ 4.9 standard errors: a family-wise bound over the 36 estimates checked here.
        expect(Math.abs(v.value - exact[i]!.value)).toBeLessThanOrEqual(2.5 * v.halfWidth95! + 1e-12);
      });
    }
  });

  it('Deegan–Packel and Holler–Packel of a 30-player weighted game by generating functions', () => {
    const weights = Array.from({ length: 30 }, (_, i) => 1 + (i % 4));
    const game = weightedVotingGame(weights, 40);
    for (const index of ['deegan-packel', 'holler-packel'] as const) {
      const r = powerIndex(game, index);
      expect(r.method).toBe('generating-function');
      const total = sumRationals(r.values.map((v) => parseRational(v.exact!)!));
      expect(formatRational(total)).toBe('1');
      expect(r.values[3]!.value).toBeGreaterThan(r.values[0]!.value);
    }
  });

  it('refuses Johnston beyond the enumeration limit and Monte Carlo for Deegan–Packel', () => {
    const big = weightedVotingGame(Array(30).fill(1), 16);
    expect(() => powerIndex(big, 'johnston')).toThrow(/minimal winning coalitions/);
    expect(() => powerIndex(big, 'deegan-packel', { method: 'monte-carlo', rng: Rng.fromSeed(1) })).toThrow(
      /Monte Carlo is available/,
    );
  });
});

describe('bad input is located at the parameter', () => {
  function problemsOf(f: () => unknown) {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ConcertError);
      expect((e as ConcertError).code).toBe('bad-input');
      return (e as ConcertError).problems;
    }
    throw new Error('expected a bad-input error');
  }

  it('an exact method that does not fit names the method option, not a command-line flag', () => {
    const big = weightedVotingGame(Array<number>(60).fill(1.123456789), 30);
    const [p] = problemsOf(() => powerIndex(big, 'banzhaf', { method: 'exact' }));
    expect(p).toMatchObject({ path: ['method'] });
    expect(p!.message).toMatch(/use the monte-carlo method$/);
    expect(p!.message).not.toMatch(/--/);
  });

  it('Monte Carlo without a generator, an unknown index and a bad sample count', () => {
    const g = weightedVotingGame([3, 2, 1], 4);
    expect(problemsOf(() => powerIndex(g, 'banzhaf', { method: 'monte-carlo' }))).toEqual([
      { path: ['rng'], message: 'Monte Carlo needs a seeded random generator' },
    ]);
    expect(
      problemsOf(() => powerIndex(g, 'penrose' as PowerIndexName, { samples: -1 })).map((p) => p.path),
    ).toEqual([['index'], ['samples']]);
  });

  it('weighted games check their weights, quota and names', () => {
    expect(problemsOf(() => weightedVotingGame([1, -2, Number.NaN], 0, ['A', 'B']))).toEqual([
      { path: ['weights', 1], message: 'expected a weight ≥ 0; got -2' },
      { path: ['weights', 2], message: 'expected a weight ≥ 0; got NaN' },
      { path: ['quota'], message: 'expected a quota > 0; got 0' },
      { path: ['players'], message: 'expected one name per weight (3); got 2' },
    ]);
    expect(problemsOf(() => listedGame(['A', 'B'], [[0, 2]]))).toEqual([
      { path: ['minimalWinning', 0, 1], message: 'expected a player index in 0..1; got 2' },
    ]);
  });

  it('council groups must name players, each once', () => {
    const g = weightedVotingGame([1, 1, 1], 2, ['A', 'B', 'C']);
    expect(problemsOf(() => councilPower(g, { x: ['A', 'Z'], y: ['A'], z: [] })).map((p) => p.path)).toEqual([
      ['groups', 'x', 1],
      ['groups', 'y', 0],
      ['groups', 'z'],
    ]);
  });

  it('property: any weights and quota give a game or located bad input, never another error', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 6 }), fc.double(), (weights, quota) => {
        try {
          const g = weightedVotingGame(weights, quota);
          expect(powerIndex(g, 'shapley-shubik').values).toHaveLength(weights.length);
        } catch (e) {
          expect(e).toBeInstanceOf(ConcertError);
          for (const p of (e as ConcertError).problems)
            expect(['weights', 'quota', 'game']).toContain(p.path?.[0]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
