/**
 * Published repeated-game, tournament and evolution cases (Axelrod library
 * 4.13 tests and docs; Nashpy tests), from /work/shared/fixtures/games.json.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import {
  asymmetricReplicatorDynamics,
  discreteReplicator,
  moranProcess,
  replicatorDynamics,
} from '../../src/models/games/evolution/index.js';
import {
  type Action,
  actionPairs,
  C,
  D,
  FIRST_TOURNAMENT_NAMES,
  findStrategy,
  playMatch,
  playTournament,
  type Strategy,
} from '../../src/models/games/repeated/index.js';
import { stateless, strategy } from '../../src/models/games/repeated/strategy.js';

interface Fixture {
  id: string;
  kind: string;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
}
const fixtures = JSON.parse(
  readFileSync(new URL('./fixtures/games.json', import.meta.url), 'utf8'),
) as Fixture[];
const fixture = (id: string): Fixture => {
  const f = fixtures.find((x) => x.id === id);
  if (!f) throw new Error(`fixture ${id} missing`);
  return f;
};
const S = (name: string): Strategy => {
  const s = findStrategy(name);
  if (!s) throw new Error(`no strategy ${name}`);
  return s;
};
const match = (a: string | Strategy, b: string | Strategy, turns: number) =>
  playMatch(typeof a === 'string' ? S(a) : a, typeof b === 'string' ? S(b) : b, { turns }, Rng.fromSeed(0));

/** A test opponent that cycles through a script of actions. */
const scripted = (script: readonly ('C' | 'D')[]): Strategy =>
  strategy({
    name: `Script ${script.join('')}`,
    className: 'Script',
    origin: 'test',
    description: 'cycles a script',
    memoryDepth: 0,
    create: stateless((h) => (script[h.turn % script.length] === 'C' ? C : D) as Action),
  });

describe('Axelrod library matches', () => {
  it('axl-match-tft-vs-defector-3: per-turn scores, totals, winner', () => {
    const f = fixture('axl-match-tft-vs-defector-3');
    const r = match('TitForTat', 'Defector', 3);
    const perTurn = actionPairs(r.actions).map((p) => [
      p === 'CC' ? 3 : p === 'CD' ? 0 : p === 'DC' ? 5 : 1,
      p === 'CC' ? 3 : p === 'CD' ? 5 : p === 'DC' ? 0 : 1,
    ]);
    expect(perTurn).toEqual(f.expected.per_turn_scores);
    expect(r.scores).toEqual(f.expected.final_score);
    expect(match('Defector', 'TitForTat', 3).scores).toEqual(f.expected.final_score_reversed_order);
    expect(r.scores[1] > r.scores[0] ? r.players[1] : r.players[0]).toBe('Defector');
    const dd = match('Defector', 'Defector', 3);
    expect(dd.scores[0]).toBe(dd.scores[1]);
  });

  it('axl-match-cooperator-vs-alternator-25: actions, scores, cooperation', () => {
    const f = fixture('axl-match-cooperator-vs-alternator-25');
    const r = match('Cooperator', 'Alternator', 25);
    expect(actionPairs(r.actions).slice(0, 5)).toEqual(f.expected.actions_first_5);
    expect(r.scores).toEqual(f.expected.final_score);
    expect(r.scores.map((s) => s / r.turns)).toEqual(f.expected.final_score_per_turn);
    expect(r.cooperation).toEqual(f.expected.cooperation);
    expect(r.cooperation.map((c) => c / r.turns)).toEqual(f.expected.normalised_cooperation);
    expect(r.scores[1]).toBeGreaterThan(r.scores[0]);
  });

  it('axl-match-cooperator-vs-alternator-3-cooperation', () => {
    const f = fixture('axl-match-cooperator-vs-alternator-3-cooperation');
    const cases = f.input.cases as { players: [string, string]; turns: number }[];
    expect(cases.map((c) => match(c.players[0], c.players[1], c.turns).cooperation)).toEqual(
      f.expected.cooperation,
    );
  });
});

describe('Axelrod library sample tournaments (10 turns, 1 repetition)', () => {
  for (const f of fixtures.filter((x) => x.kind === 'ipd.round_robin')) {
    it(`${f.id}: scores exclude self-play`, () => {
      const players = f.input.players as string[];
      const r = playTournament({
        players,
        turns: f.input.turns as number,
        repetitions: f.input.repetitions as number,
      });
      const got = Object.fromEntries(
        players.map((p) => [p, r.players.find((x) => x.id === S(p).name)?.totalScore]),
      );
      expect(got).toEqual(f.expected.scores);
    });
  }
});

describe('Axelrod library strategy traces', () => {
  it('axl-strategy-tft-sequences', () => {
    const f = fixture('axl-strategy-tft-sequences');
    const expected = (f.expected.actions as Record<string, string[]>) ?? {};
    for (const [opponent, actions] of Object.entries(expected)) {
      expect(actionPairs(match('TitForTat', opponent, 5).actions)).toEqual(actions);
    }
  });

  it('axl-strategy-tf2t-mock: scripted opponents', () => {
    const f = fixture('axl-strategy-tf2t-mock');
    const scripts = f.input.opponent_script_cycled as ('C' | 'D')[][];
    const turns = f.input.turns as number[];
    const expected = f.expected.actions as string[][];
    scripts.forEach((script, k) => {
      expect(actionPairs(match('TitFor2Tats', scripted(script), turns[k] as number).actions)).toEqual(
        expected[k],
      );
    });
  });

  it('axl-strategy-wsls-vs-alternator', () => {
    const f = fixture('axl-strategy-wsls-vs-alternator');
    expect(actionPairs(match('WinStayLoseShift', 'Alternator', 5).actions)).toEqual(f.expected.actions);
  });

  it('axl-strategy-grudger: cooperator, defector, one defection', () => {
    const f = fixture('axl-strategy-grudger');
    const expected = f.expected.actions as string[][];
    expect(actionPairs(match('Grudger', 'Cooperator', 20).actions)).toEqual(expected[0]);
    expect(actionPairs(match('Grudger', 'Defector', 21).actions)).toEqual(expected[1]);
    const script = [...Array(10).fill('C'), 'D', ...Array(20).fill('C')] as ('C' | 'D')[];
    expect(actionPairs(match('Grudger', scripted(script), 31).actions)).toEqual(expected[2]);
  });
});

describe('noise (property, 20 seeds)', () => {
  it('axl-noise-extreme: Defector first without noise, Cooperator first at noise 0.75', () => {
    const f = fixture('axl-noise-extreme');
    const ranked = f.expected.ranked_first as Record<string, string>;
    for (let seed = 0; seed < 20; seed++) {
      for (const noise of f.input.noise as number[]) {
        const r = playTournament({
          players: ['Cooperator', 'Defector'],
          turns: 5,
          repetitions: 3,
          noise,
          seed,
        });
        expect(r.players[0]?.id).toBe(ranked[noise === 0 ? '0.0' : String(noise)]);
      }
    }
  });
});

describe('anchor-only cases (compared qualitatively)', () => {
  it('axl-first-tournament-seed1: Tit For Tat is not first; same leaders, same 3rd–4th pair, same bottom four', () => {
    const f = fixture('axl-first-tournament-seed1');
    const anchor = (f.expected.ranked_names as string[]).map((n) => n.split(':')[0]);
    // Ranks 3 and 4 (Shubik and Tit For Tat) are within noise of each other and swap with the
    // random stream, in the anchor as here, so they are compared as a pair.
    const r = playTournament({ players: FIRST_TOURNAMENT_NAMES, turns: 200, repetitions: 5, seed: 1 });
    const ours = r.players.map((p) => p.id);
    expect(ours[0]).not.toBe('Tit For Tat');
    expect(ours.slice(0, 2)).toEqual(anchor.slice(0, 2));
    expect(new Set(ours.slice(2, 4))).toEqual(new Set(anchor.slice(2, 4)));
    expect(new Set(ours.slice(-4))).toEqual(new Set(anchor.slice(-4)));
  });

  it('axl-moran-seed1: first-round fitness [6, 7, 7, 7] and fixation', () => {
    const f = fixture('axl-moran-seed1');
    const r = moranProcess({ population: f.input.players as string[], turns: 200, seed: 1 });
    expect(r.firstRoundScores.map((x) => Math.round(x))).toEqual(f.expected.first_round_scores_rounded);
    // The anchor's winner (Tit For Tat) depends on its RNG; Tit For Tat and Grudger are neutral against each
    // other and both beat Cooperator and Defector, so either may fix with another generator.
    expect([f.expected.winning_strategy_name, 'Grudger']).toContain(r.winner);
    let cooperativeRetaliators = 0;
    for (let seed = 0; seed < 100; seed++) {
      const w = moranProcess({ population: f.input.players as string[], turns: 200, seed }).winner;
      if (w === 'Tit For Tat' || w === 'Grudger') cooperativeRetaliators++;
    }
    expect(cooperativeRetaliators).toBeGreaterThanOrEqual(50);
  });
});

describe('Nashpy evolutionary dynamics', () => {
  const linspace = (a: number, b: number, n: number) =>
    Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
  const close = (got: readonly number[], want: readonly number[]) => {
    got.forEach((g, k) => {
      expect(Math.abs(g - (want[k] as number))).toBeLessThanOrEqual(
        1e-8 + 1e-5 * Math.abs(want[k] as number),
      );
    });
  };

  it('nashpy-replicator-2x2', () => {
    const f = fixture('nashpy-replicator-2x2');
    const r = replicatorDynamics(f.input.A as number[][], f.input.y0 as number[], linspace(0, 10, 100));
    close(r.x.at(-1) as number[], f.expected.x_at_t10 as number[]);
  });

  it('nashpy-replicator-mutation', () => {
    const f = fixture('nashpy-replicator-mutation');
    const r = replicatorDynamics(f.input.A as number[][], f.input.y0 as number[], linspace(0, 10, 100), {
      mutation: f.input.Q as number[][],
    });
    close(r.x.at(-1) as number[], f.expected.x_at_t10 as number[]);
  });

  it('nashpy-asymmetric-replicator', () => {
    const f = fixture('nashpy-asymmetric-replicator');
    const r = asymmetricReplicatorDynamics(
      f.input.A as number[][],
      f.input.B as number[][],
      f.input.x0 as number[],
      f.input.y0 as number[],
      linspace(0, 100, 100),
    );
    close(r.x.at(-1) as number[], f.expected.x_at_t100 as number[]);
    close(r.y.at(-1) as number[], f.expected.y_at_t100 as number[]);
  });

  it('nashpy-discrete-replicator: one step gives (2/13, 11/13)', () => {
    const f = fixture('nashpy-discrete-replicator');
    const xs = discreteReplicator(f.input.A as number[][], f.input.x0 as number[], 1);
    close(xs[1] as number[], [2 / 13, 11 / 13]);
    expect(f.expected.x1).toEqual(['2/13', '11/13']);
  });
});
