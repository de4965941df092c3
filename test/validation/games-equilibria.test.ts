/**
 * Published normal-form cases (Nashpy and Gambit, ../shared/fixtures/games.json,
 * copied unchanged to fixtures/games-equilibria.json) reproduced exactly, plus
 * two Gambit catalog games: von Stengel's 6×6 game with 75 equilibria and the
 * McKelvey–McLennan 2×2×2 game with 9.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bestResponses,
  bimatrixGame,
  binaryGameEquilibria,
  type Equilibrium,
  Fraction,
  lemkeHowson,
  lemkeHowsonAll,
  logitQre,
  type NormalFormGame,
  parseGameJson,
  parseNfg,
  pureEquilibria,
  solveEquilibria,
  supportEnumeration,
  vertexEnumeration,
  zeroSumSolution,
} from '../../src/models/games/normal/index.js';
import { runCli, runCliJson } from '../helpers/cli.js';

const dir = new URL('./fixtures/', import.meta.url);
const fixtures = JSON.parse(readFileSync(new URL('games-equilibria.json', dir), 'utf8')) as {
  id: string;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
}[];
const fixture = (id: string) => {
  const f = fixtures.find((x) => x.id === id);
  if (!f) throw new Error(`no fixture ${id}`);
  return f;
};

type Cell = number | string;
type Profile = Cell[][];

/** A fixture probability (number or "p/q") as an exact string. */
const exactString = (x: Cell) => new Fraction(typeof x === 'number' ? String(x) : x).toFraction();
const expectedKeys = (profiles: Profile[]) =>
  profiles.map((p) => JSON.stringify(p.map((s) => s.map(exactString))));
const keys = (eqs: Equilibrium[]) => eqs.map((e) => JSON.stringify(e.exact));
const sorted = (xs: string[]) => [...xs].sort();

function gameOf(id: string): NormalFormGame {
  const input = fixture(id).input as { A: number[][]; B: number[][] | string };
  return bimatrixGame(input.A, typeof input.B === 'string' ? input.A : input.B);
}

describe('Nashpy fixtures', () => {
  it('nashpy-readme-3eq: support enumeration yields the three equilibria in Nashpy order', () => {
    const f = fixture('nashpy-readme-3eq');
    const game = gameOf(f.id);
    expect(keys(supportEnumeration(game))).toEqual(expectedKeys(f.expected.equilibria as Profile[]));
    expect(sorted(keys(vertexEnumeration(game).equilibria))).toEqual(
      sorted(expectedKeys(f.expected.equilibria as Profile[])),
    );
    const check = f.expected.utility_check as {
      row_strategy: number[];
      col_strategy: number[];
      payoffs: number[];
    };
    const eq = solveEquilibria(game, 'vertex').equilibria.find(
      (e) => JSON.stringify(e.strategies) === JSON.stringify([check.row_strategy, check.col_strategy]),
    );
    expect(eq?.payoffs).toEqual(check.payoffs);
  });

  it('nashpy-4x3-unique: support, vertex and Lemke–Howson (label 4) agree exactly', () => {
    const f = fixture('nashpy-4x3-unique');
    const game = gameOf(f.id);
    const want = expectedKeys(f.expected.equilibria as Profile[]);
    expect(keys(supportEnumeration(game))).toEqual(want);
    expect(keys(vertexEnumeration(game).equilibria)).toEqual(want);
    expect(keys([lemkeHowson(game, 4).equilibrium])).toEqual(want);
  });

  for (const id of ['nashpy-2x2-3eq-a', 'nashpy-2x2-3eq-b']) {
    it(`${id}: three equilibria by support and vertex enumeration`, () => {
      const f = fixture(id);
      const game = gameOf(id);
      const want = sorted(expectedKeys(f.expected.equilibria as Profile[]));
      expect(sorted(keys(supportEnumeration(game)))).toEqual(want);
      expect(sorted(keys(vertexEnumeration(game).equilibria))).toEqual(want);
    });
  }

  it('nashpy-degenerate-2x2-rows-equal: both extreme equilibria, one component, flagged degenerate', () => {
    const f = fixture('nashpy-degenerate-2x2-rows-equal');
    const game = gameOf(f.id);
    const r = vertexEnumeration(game);
    expect(r.degenerate).toBe(true);
    expect(sorted(keys(r.equilibria))).toEqual(sorted(expectedKeys(f.expected.equilibria as Profile[])));
    expect(r.components).toEqual([{ equilibria: [0, 1], nashSubsets: [[0, 1]] }]);
    const viaSupport = solveEquilibria(game, 'support');
    expect(viaSupport.degenerate).toBe(true);
    expect(sorted(keys(viaSupport.equilibria))).toEqual(sorted(keys(r.equilibria)));
  });

  it('nashpy-zero-game-2x2: the four pure profiles span one component (the whole square)', () => {
    const f = fixture('nashpy-zero-game-2x2');
    const r = vertexEnumeration(gameOf(f.id));
    expect(sorted(keys(r.equilibria))).toEqual(sorted(expectedKeys(f.expected.equilibria as Profile[])));
    expect(r.components).toHaveLength(1);
    expect(r.components[0]!.nashSubsets).toEqual([[0, 1, 2, 3]]);
  });

  it('nashpy-matching-pennies: the unique equilibrium (1/2, 1/2) by vertex enumeration', () => {
    const f = fixture('nashpy-matching-pennies');
    const A = (f.input as { A: number[][] }).A;
    expect(keys(vertexEnumeration(bimatrixGame(A)).equilibria)).toEqual(
      expectedKeys(f.expected.equilibria as Profile[]),
    );
  });

  it('nashpy-lh-enumeration: Lemke–Howson from each dropped label in order', () => {
    const f = fixture('nashpy-lh-enumeration');
    const cases = (f.input as { cases: { A: number[][]; B: number[][] }[] }).cases;
    const results = f.expected.results as Profile[][];
    cases.forEach((c, k) => {
      const got = lemkeHowsonAll(bimatrixGame(c.A, c.B)).results.map((r) => r.equilibrium);
      expect(keys(got)).toEqual(expectedKeys(results[k]!));
    });
  });

  it('nashpy-zero-sum-lp: the minimax LP on HiGHS, and a non-zero-sum game is refused', async () => {
    const f = fixture('nashpy-zero-sum-lp');
    const input = f.input as { A: number[][]; B_ok: number[][]; B_not_zero_sum: number[][] };
    const r = await zeroSumSolution(bimatrixGame(input.A, input.B_ok));
    expect(r.exact?.strategies).toEqual(
      expectedKeys([f.expected.equilibrium as Profile]).map((s) => JSON.parse(s))[0],
    );
    await expect(zeroSumSolution(bimatrixGame(input.A, input.B_not_zero_sum))).rejects.toThrow(
      /not constant-sum/,
    );
  });

  it('nashpy-is-best-response-pd: row plays a best response, column does not', () => {
    const f = fixture('nashpy-is-best-response-pd');
    const input = f.input as { A: number[][]; B: number[][]; sigma_r: number[]; sigma_c: number[] };
    const game = bimatrixGame(input.A, input.B);
    const sigma = [input.sigma_r, input.sigma_c];
    const isBest = (i: number) => {
      const br = bestResponses(game, sigma, i);
      return sigma[i]!.every((p, s) => p === 0 || br.includes(s));
    };
    expect(isBest(0)).toBe(f.expected.row_is_best_response);
    expect(isBest(1)).toBe(f.expected.column_is_best_response);
  });

  it('nashpy-paper-11x11: the first Lemke–Howson equilibrium mixes strategies 1 and 11', () => {
    const f = fixture('nashpy-paper-11x11');
    const I = Array.from({ length: 11 }, (_, i) => Array.from({ length: 11 }, (_, j) => (i === j ? 1 : 0)));
    const game = bimatrixGame(I, [...I].reverse());
    expect(keys([lemkeHowson(game, 0).equilibrium])).toEqual(
      expectedKeys([f.expected.first_lemke_howson_enumeration as Profile]),
    );
  });
});

describe('Gambit fixtures', () => {
  it('gambit-coordination-3x3: 3 pure and 7 extreme equilibria (2^n − 1)', () => {
    const f = fixture('gambit-coordination-3x3');
    const game = gameOf(f.id);
    expect(sorted(keys(pureEquilibria(game)))).toEqual(sorted(expectedKeys(f.expected.pure as Profile[])));
    const all = vertexEnumeration(game).equilibria;
    expect(all).toHaveLength(f.expected.count as number);
    expect(sorted(keys(all))).toEqual(sorted(expectedKeys(f.expected.all_extreme as Profile[])));
  });

  it('gambit-trust-game-kreps: one pure equilibrium, two extreme points of one component', () => {
    const f = fixture('gambit-trust-game-kreps');
    const sf = (f.input as { strategic_form: { A: number[][]; B: number[][] } }).strategic_form;
    const game = bimatrixGame(sf.A, sf.B);
    expect(keys(pureEquilibria(game))).toEqual(expectedKeys(f.expected.pure as Profile[]));
    const r = vertexEnumeration(game);
    expect(sorted(keys(r.equilibria))).toEqual(sorted(expectedKeys(f.expected.extreme as Profile[])));
    expect(r.components).toHaveLength(1);
  });

  it('gambit-2x2x2-local-maxcut: 2 pure equilibria and 1 mixed, from the .nfg payoff body', () => {
    const f = fixture('gambit-2x2x2-local-maxcut');
    const body = (f.input as { nfg_payoff_body: number[] }).nfg_payoff_body;
    const game = parseNfg(
      `NFG 1 R "local max cut" { "1" "2" "3" } { 2 2 2 }\n${body.join(' ')}\n`,
      'maxcut.nfg',
    );
    expect(sorted(keys(pureEquilibria(game)))).toEqual(sorted(expectedKeys(f.expected.pure as Profile[])));
    const r = binaryGameEquilibria(game);
    expect(sorted(keys(r.equilibria))).toEqual(
      sorted(expectedKeys(f.expected['all_isolated (enumpoly)'] as Profile[])),
    );
    expect(r.continua).toEqual([]);
  });

  it('gambit-nau2004-sec4-irrational: the unique equilibrium to 1e-13, from the outcome version', () => {
    const f = fixture('gambit-nau2004-sec4-irrational');
    const outcomes = (f.input as { outcomes: Record<string, number[]> }).outcomes;
    const text = [
      'NFG 1 R "Nau et al. 2004, section 4" { "1" "2" "3" } { { "a" "b" } { "a" "b" } { "a" "b" } } ""',
      '{',
      ...Object.keys(outcomes).map((k) => `{ "o${k}" ${outcomes[k]!.join(', ')} }`),
      '}',
      Object.keys(outcomes).join(' '),
    ].join('\n');
    const r = binaryGameEquilibria(parseNfg(text, 'nau-sec4.nfg'));
    const want = f.expected.equilibria as number[][][];
    expect(r.equilibria).toHaveLength(1);
    expect(r.equilibria[0]!.exact).toBeUndefined();
    const got = r.equilibria[0]!.strategies;
    for (const [i, p] of got.entries()) {
      for (const [k, x] of p.entries())
        expect(Math.abs(x - want[0]![i]![k]!)).toBeLessThan(f.expected.tolerance as number);
    }
  });

  it('gambit-2x2const-lp: value strategies (1/3, 2/3) for both players, exactly', async () => {
    const f = fixture('gambit-2x2const-lp');
    const game = gameOf(f.id);
    const r = await zeroSumSolution(game);
    expect(r.exact?.strategies).toEqual(
      (f.expected.equilibrium as string[][]).map((p) => p.map(exactString)),
    );
    expect(keys(vertexEnumeration(game).equilibria)).toEqual(
      expectedKeys([f.expected.equilibrium as Profile]),
    );
  });

  it('gambit-logit-qre-constsum: QRE profiles at λ = 0, 1, 2, 3 within 1e-3', () => {
    const f = fixture('gambit-logit-qre-constsum');
    const input = f.input as { A: number[][]; B: number[][] };
    const game = bimatrixGame(input.A, input.B);
    const expected = {
      ...(f.expected.profiles as Record<string, number[][]>),
      0: f.expected.lambda_0 as number[][],
    };
    for (const [lambda, profile] of Object.entries(expected)) {
      const got = logitQre(game, Number(lambda)).profile;
      for (const [i, p] of got.entries()) {
        for (const [k, x] of p.entries()) expect(Math.abs(x - profile[i]![k]!)).toBeLessThan(1e-3);
      }
    }
  });

  it("von Stengel's 6×6 game: exactly 75 equilibria by vertex and by support enumeration", () => {
    const game = parseNfg(
      readFileSync(new URL('vonstengel-6x6-75eq.nfg', dir), 'utf8'),
      'vonstengel-6x6-75eq.nfg',
    );
    const ve = vertexEnumeration(game);
    expect(ve.degenerate).toBe(false);
    expect(ve.equilibria).toHaveLength(75);
    expect(sorted(keys(supportEnumeration(game)))).toEqual(sorted(keys(ve.equilibria)));
    const lh = new Set(keys(lemkeHowsonAll(game).equilibria));
    for (const k of lh) expect(keys(ve.equilibria)).toContain(k);
  });

  it('McKelvey–McLennan 2×2×2 game: 9 equilibria, 2 of them totally mixed, exact', () => {
    const game = parseNfg(
      readFileSync(new URL('mckelvey-mclennan-2x2x2.nfg', dir), 'utf8'),
      'mckelvey-mclennan-2x2x2.nfg',
    );
    const r = binaryGameEquilibria(game);
    expect(r.equilibria).toHaveLength(9);
    const totallyMixed = r.equilibria.filter((e) => e.strategies.every((p) => p.every((x) => x > 0)));
    expect(sorted(keys(totallyMixed))).toEqual(
      sorted([
        JSON.stringify([
          ['2/5', '3/5'],
          ['1/2', '1/2'],
          ['1/3', '2/3'],
        ]),
        JSON.stringify([
          ['1/2', '1/2'],
          ['2/5', '3/5'],
          ['1/4', '3/4'],
        ]),
      ]),
    );
  });
});

describe('CLI: concert games equilibria | classify', () => {
  it("lists all 75 equilibria of von Stengel's game from an .nfg file, exact (--json)", () => {
    const nfg = new URL('vonstengel-6x6-75eq.nfg', dir).pathname;
    const out = runCliJson<{
      equilibria: { strategies: number[][]; exact?: string[][] }[];
      complete: boolean;
    }>(['games', 'equilibria', nfg]);
    expect(out.equilibria).toHaveLength(75);
    expect(out.complete).toBe(true);
    expect(out.equilibria[0]!.exact![0]!.length).toBe(6);
  });

  it('reports every problem of a ragged JSON game with its line and column, exit 2', () => {
    const file = new URL('../../test/validation/fixtures/games-equilibria-bad.json', import.meta.url)
      .pathname;
    const r = runCli(['games', 'equilibria', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'games-equilibria-bad.json:4:24: payoffs[0][1]: expected a payoff vector of 2 numbers',
    );
    expect(r.stderr).toContain('games-equilibria-bad.json:5:15: payoffs[1]: expected an array of 2 entries');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('locates a malformed .nfg payoff and the missing ones, exit 2', () => {
    const file = new URL('../../test/validation/fixtures/games-equilibria-bad.nfg', import.meta.url).pathname;
    const r = runCli(['games', 'equilibria', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "games-equilibria-bad.nfg:3:7: payoff 4: expected a number (integer, decimal or p/q), found 'x'",
    );
    expect(r.stderr).toContain('too few payoffs: found 6, expected 8');
  });

  it('classifies the triangle game as a lose-lose dilemma (--json)', () => {
    const file = new URL('../../test/validation/fixtures/games-triangle.json', import.meta.url).pathname;
    const c = runCliJson<{ verdict: string; outcomes: { nash: boolean }[] }>(['games', 'classify', file]);
    expect(c.outcomes).toHaveLength(8);
    expect(c.verdict).toBe('dilemma');
  });
});

describe('the 2×2×2 triangle game', () => {
  it('has mutual confrontation as its only equilibrium with the illustrative payoffs', () => {
    const game = parseGameJson(
      readFileSync(new URL('games-triangle.json', dir), 'utf8'),
      'games-triangle.json',
    );
    const r = solveEquilibria(game);
    expect(r.method).toBe('support');
    expect(r.complete).toBe(true);
    expect(keys(r.equilibria)).toEqual([
      JSON.stringify([
        ['0', '1'],
        ['0', '1'],
        ['0', '1'],
      ]),
    ]);
    expect(r.equilibria[0]!.payoffs).toEqual([1, 1, 1]);
  });
});
