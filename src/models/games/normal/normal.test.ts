import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcertError } from '../../../core/errors.js';
import { solveExact } from '../../../core/rational.js';
import { integerBimatrix } from './tableau.js';
import { exactVertexEnumeration } from './vertex.js';
import {
  bimatrixGame,
  binaryGameEquilibria,
  classifyGame,
  type Equilibrium,
  exactProfile,
  Fraction,
  gameToJson,
  isNashEquilibrium,
  iteratedElimination,
  lemkeHowsonAll,
  logitSolution,
  makeGame,
  type NormalFormGame,
  paretoEfficientProfiles,
  parseGameJson,
  parseNfg,
  pureEquilibria,
  regret,
  solveEquilibria,
  supportEnumeration,
  vertexEnumeration,
  writeNfg,
  zeroSumSolution,
} from './index.js';

const keys = (eqs: Equilibrium[]) => eqs.map((e) => JSON.stringify(e.exact)).sort();

/** Random m×n bimatrix games with small integer payoffs (ties, hence degeneracy, are common). */
const bimatrixArb = (maxSize: number, lo: number, hi: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxSize }), fc.integer({ min: 1, max: maxSize }))
    .chain(([m, n]) =>
      fc.tuple(
        fc.array(fc.array(fc.integer({ min: lo, max: hi }), { minLength: n, maxLength: n }), {
          minLength: m,
          maxLength: m,
        }),
        fc.array(fc.array(fc.integer({ min: lo, max: hi }), { minLength: n, maxLength: n }), {
          minLength: m,
          maxLength: m,
        }),
      ),
    )
    .map(([A, B]) => bimatrixGame(A, B));

/** Random games with three two-strategy players. */
const triangleArb = (lo: number, hi: number) =>
  fc
    .array(fc.array(fc.integer({ min: lo, max: hi }), { minLength: 3, maxLength: 3 }), {
      minLength: 8,
      maxLength: 8,
    })
    .map((p) =>
      makeGame(
        ['1', '2', '3'],
        [
          ['a', 'b'],
          ['a', 'b'],
          ['a', 'b'],
        ],
        p.map((v) => v.map((x) => new Fraction(x))),
      ),
    );

function everyEquilibriumIsNash(game: NormalFormGame, eqs: Equilibrium[]): boolean {
  return eqs.every((e) => {
    const exact = exactProfile(e);
    return exact ? isNashEquilibrium(game, exact) : regret(game, e.strategies) <= 1e-9;
  });
}

/**
 * Extreme equilibria by brute force, independent of the pivoting code: every
 * vertex of P and Q from every choice of tight constraints (solved with
 * rational Gaussian elimination), then every complementary pair.
 */
function bruteForceExtremeEquilibria(game: NormalFormGame): string[] {
  const { m, n, A, B } = integerBimatrix(game);
  const frac = (x: bigint) => new Fraction(x);
  const vertices = (
    M: bigint[][],
    dim: number,
    labelOfVar: (v: number) => number,
    labelOfRow: (r: number) => number,
  ) => {
    const rows = M.length;
    const total = dim + rows;
    const out = new Map<string, { z: Fraction[]; labels: Set<number> }>();
    const choose = (start: number, picked: number[]) => {
      if (picked.length === dim) {
        const mat: Fraction[][] = [];
        const rhs: Fraction[] = [];
        for (const c of picked) {
          if (c < dim) {
            mat.push(Array.from({ length: dim }, (_, k) => new Fraction(k === c ? 1 : 0)));
            rhs.push(new Fraction(0));
          } else {
            mat.push(M[c - dim]!.map(frac));
            rhs.push(new Fraction(1));
          }
        }
        const z = solveExact(mat, rhs);
        if (!z || z.some((v) => v.s < 0n && v.n !== 0n)) return;
        const labels = new Set<number>();
        z.forEach((v, k) => {
          if (v.n === 0n) labels.add(labelOfVar(k));
        });
        for (let r = 0; r < rows; r++) {
          const lhs = M[r]!.reduce((acc, a, k) => acc.add(z[k]!.mul(frac(a))), new Fraction(0));
          if (lhs.gt(1)) return;
          if (lhs.equals(1)) labels.add(labelOfRow(r));
        }
        out.set(z.map((v) => v.toFraction()).join(','), { z, labels });
        return;
      }
      for (let c = start; c < total; c++) choose(c + 1, [...picked, c]);
    };
    choose(0, []);
    return [...out.values()].filter((v) => v.z.some((x) => x.n !== 0n));
  };
  const Bt = Array.from({ length: n }, (_, j) => Array.from({ length: m }, (_, i) => B[i]![j]!));
  const P = vertices(
    Bt,
    m,
    (i) => i,
    (j) => m + j,
  );
  const Q = vertices(
    A,
    n,
    (j) => m + j,
    (i) => i,
  );
  const norm = (z: Fraction[]) => {
    const sum = z.reduce((a, b) => a.add(b), new Fraction(0));
    return z.map((v) => v.div(sum).toFraction());
  };
  const out: string[] = [];
  for (const x of P) {
    for (const y of Q) {
      if (Array.from({ length: m + n }, (_, l) => x.labels.has(l) || y.labels.has(l)).every(Boolean)) {
        out.push(JSON.stringify([norm(x.z), norm(y.z)]));
      }
    }
  }
  return out.sort();
}

describe('two-player equilibria (property tests)', () => {
  it('exact vertex enumeration equals brute-force vertex enumeration, degenerate games included', () => {
    fc.assert(
      fc.property(bimatrixArb(3, -1, 1), (game) => {
        expect(keys(exactVertexEnumeration(game).equilibria)).toEqual(bruteForceExtremeEquilibria(game));
      }),
      { numRuns: 150 },
    );
  });

  it('vertex enumeration: every equilibrium satisfies the best-response conditions exactly; pure ⊆ all', () => {
    fc.assert(
      fc.property(bimatrixArb(4, -3, 3), (game) => {
        const r = vertexEnumeration(game);
        expect(r.equilibria.length).toBeGreaterThan(0);
        expect(everyEquilibriumIsNash(game, r.equilibria)).toBe(true);
        const all = new Set(keys(r.equilibria));
        for (const k of keys(pureEquilibria(game))) expect(all.has(k)).toBe(true);
        const inComponents = r.components.flatMap((c) => c.equilibria).sort((a, b) => a - b);
        expect(inComponents).toEqual(r.equilibria.map((_, k) => k));
      }),
      { numRuns: 150 },
    );
  });

  it('in a non-degenerate game support and vertex enumeration agree and the count is odd', () => {
    fc.assert(
      fc.property(bimatrixArb(5, 0, 999), (game) => {
        const r = vertexEnumeration(game);
        if (r.degenerate) return;
        expect(r.equilibria.length % 2).toBe(1);
        expect(keys(supportEnumeration(game))).toEqual(keys(r.equilibria));
      }),
      { numRuns: 60 },
    );
  });

  it('the floating-point fast path returns exactly what exact integer pivoting returns', () => {
    fc.assert(
      fc.property(bimatrixArb(6, 0, 999), (game) => {
        expect(vertexEnumeration(game)).toEqual(exactVertexEnumeration(game));
      }),
      { numRuns: 60 },
    );
  });

  it('support method (completed on degenerate games) gives the vertex-enumeration set', () => {
    fc.assert(
      fc.property(bimatrixArb(3, -2, 2), (game) => {
        const s = solveEquilibria(game, 'support');
        expect(everyEquilibriumIsNash(game, s.equilibria)).toBe(true);
        expect(keys(s.equilibria)).toEqual(keys(vertexEnumeration(game).equilibria));
      }),
      { numRuns: 100 },
    );
  });

  it('Lemke–Howson from every label ends at an extreme equilibrium, also in degenerate games', () => {
    fc.assert(
      fc.property(bimatrixArb(4, -2, 2), (game) => {
        const all = new Set(keys(vertexEnumeration(game).equilibria));
        for (const r of lemkeHowsonAll(game).results)
          expect(all.has(JSON.stringify(r.equilibrium.exact))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('the zero-sum LP value equals the payoff of every equilibrium', async () => {
    const games = fc.sample(bimatrixArb(4, -5, 5), { numRuns: 12, seed: 7 });
    for (const g of games) {
      const A = g.payoffs.map((p) => p[0]!);
      const zs = makeGame(
        g.players,
        g.strategies,
        A.map((a) => [a, a.neg()]),
      );
      const value = await zeroSumSolution(zs);
      for (const e of vertexEnumeration(zs).equilibria) expect(e.payoffs[0]).toBeCloseTo(value.value, 9);
      expect(value.exact).toBeDefined();
    }
  });
});

describe('three-player games', () => {
  it('2×2×2: every reported equilibrium has regret 0 (exact) or < 1e-9, and pure ⊆ all', () => {
    fc.assert(
      fc.property(triangleArb(-3, 3), (game) => {
        const r = binaryGameEquilibria(game);
        expect(everyEquilibriumIsNash(game, r.equilibria)).toBe(true);
        const all = new Set(keys(r.equilibria));
        for (const k of keys(pureEquilibria(game))) expect(all.has(k)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('2×2×2 generic games always have an equilibrium, and an odd number of them', () => {
    fc.assert(
      fc.property(triangleArb(0, 10_000), (game) => {
        const r = binaryGameEquilibria(game);
        if (r.degenerate) return;
        expect(r.equilibria.length % 2).toBe(1);
      }),
      { numRuns: 100 },
    );
  });

  it('logit QRE tracing finds a certified equilibrium of a 3×2×2 game', () => {
    const [game] = fc.sample(
      fc
        .array(fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 3, maxLength: 3 }), {
          minLength: 12,
          maxLength: 12,
        })
        .map((p) =>
          makeGame(
            ['1', '2', '3'],
            [
              ['a', 'b', 'c'],
              ['a', 'b'],
              ['a', 'b'],
            ],
            p.map((v) => v.map((x) => new Fraction(x))),
          ),
        ),
      { numRuns: 1, seed: 3 },
    );
    const r = logitSolution(game!);
    expect(r.certified).toBe(true);
    expect(regret(game!, r.profile)).toBeLessThan(1e-7);
  });

  it('logit tracing on random small games with ties never throws or returns NaN; certified means regret ≈ 0', () => {
    const gameArb = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 3 }).chain((counts) =>
      fc
        .array(
          fc.array(fc.integer({ min: -2, max: 2 }), { minLength: counts.length, maxLength: counts.length }),
          {
            minLength: counts.reduce((a, b) => a * b, 1),
            maxLength: counts.reduce((a, b) => a * b, 1),
          },
        )
        .map((payoffs) =>
          makeGame(
            counts.map((_, i) => `p${i}`),
            counts.map((c) => Array.from({ length: c }, (_, k) => `s${k}`)),
            payoffs.map((v) => v.map((x) => new Fraction(x))),
          ),
        ),
    );
    fc.assert(
      fc.property(gameArb, (game) => {
        const r = logitSolution(game);
        expect(r.profile.flat().every(Number.isFinite)).toBe(true);
        if (r.certified) expect(regret(game, r.profile)).toBeLessThan(1e-8);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses two-player-only methods with a clear message', () => {
    const [game] = fc.sample(triangleArb(0, 5), { numRuns: 1, seed: 1 });
    expect(() => solveEquilibria(game!, 'vertex')).toThrow(
      /needs a two-player game; this game has 3 players/,
    );
  });
});

describe('file formats', () => {
  it('.nfg payoff and outcome versions and JSON round-trip exactly', () => {
    fc.assert(
      fc.property(bimatrixArb(3, -9, 9), fc.integer({ min: 1, max: 7 }), (g, den) => {
        const game = makeGame(
          ['Row "player"', 'Col'],
          g.strategies,
          g.payoffs.map((p) => p.map((x) => x.div(den))),
          'a title with "quotes"',
        );
        for (const form of ['payoff', 'outcome'] as const) {
          const back = parseNfg(writeNfg(game, form), 'x.nfg');
          expect(back.players).toEqual(game.players);
          expect(back.title).toEqual(game.title);
          expect(back.payoffs.map((p) => p.map((x) => x.toFraction()))).toEqual(
            game.payoffs.map((p) => p.map((x) => x.toFraction())),
          );
        }
        const json = parseGameJson(JSON.stringify(gameToJson(game)), 'x.json');
        expect(json.payoffs.map((p) => p.map((x) => x.toFraction()))).toEqual(
          game.payoffs.map((p) => p.map((x) => x.toFraction())),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('reads decimals, exponents and fractions exactly', () => {
    const g = parseNfg('NFG 1 D "" { "1" "2" } { 1 1 }\n0.1 -2.5e-3\n', 'x.nfg');
    expect(g.payoffs[0]!.map((x) => x.toFraction())).toEqual(['1/10', '-1/400']);
  });

  it('malformed .nfg text never crashes: only located bad-input errors', () => {
    const valid = 'NFG 1 R "t" { "a" "b" } { 2 2 }\n""\n1 2 3 4 5 6 7 8\n';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: valid.length }), fc.string({ maxLength: 6 }), (at, junk) => {
        const text = valid.slice(0, at) + junk + valid.slice(at + 1);
        try {
          parseNfg(text, 'f.nfg');
        } catch (e) {
          expect(e).toBeInstanceOf(ConcertError);
          for (const p of (e as ConcertError).problems) {
            expect(p.file).toBe('f.nfg');
            expect(p.line).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports every ragged or non-numeric payoff of a JSON game with its path and position', () => {
    const text = `{
  "players": ["A", "B"],
  "strategies": [["x", "y"], ["x", "y"]],
  "payoffs": [[[1, 2], [3, "four"]], [[5, 6]]]
}`;
    try {
      parseGameJson(text, 'g.json');
      expect.unreachable();
    } catch (e) {
      const problems = (e as ConcertError).problems;
      expect(problems.map((p) => [p.path, p.line])).toEqual([
        [['payoffs', 0, 1, 1], 4],
        [['payoffs', 1], 4],
      ]);
      expect(problems[1]!.message).toContain(
        'expected an array of 2 entries (one per strategy of player "B")',
      );
    }
  });

  it('rejects duplicate names and a strategy list per player mismatch', () => {
    expect(() =>
      parseGameJson('{"players":["A","A"],"strategies":[["x"],["x"]],"payoffs":[[[1,2]]]}', 'g.json'),
    ).toThrow(/duplicate player name "A"/);
    expect(() =>
      parseGameJson('{"players":["A","B"],"strategies":[["x"]],"payoffs":[[1]]}', 'g.json'),
    ).toThrow(/expected 2 strategy lists/);
  });
});

describe('classification and dominance', () => {
  const symmetric = (R: number, S: number, T: number, P: number) =>
    bimatrixGame(
      [
        [R, S],
        [T, P],
      ],
      [
        [R, T],
        [S, P],
      ],
    );

  it.each([
    ["Prisoner's Dilemma", 3, 0, 5, 1, 'dilemma'],
    ['Chicken', 3, 1, 4, 0, 'conflict'],
    ['Stag Hunt', 4, 0, 3, 2, 'coordination-risk'],
    ['Deadlock', 2, 0, 4, 3, 'no-common-gain'],
    ['Harmony', 4, 2, 3, 1, 'win-win'],
    ['Leader', 2, 3, 4, 1, 'conflict'],
    ['Hero', 2, 4, 3, 1, 'conflict'],
  ])('%s (R=%d S=%d T=%d P=%d) → %s', (name, R, S, T, P, verdict) => {
    const c = classifyGame(symmetric(R, S, T, P));
    expect(c.twoByTwo?.name).toBe(name);
    expect(c.verdict).toBe(verdict);
  });

  it('names a game whatever strategy is listed first', () => {
    const swapped = bimatrixGame(
      [
        [1, 5],
        [0, 3],
      ],
      [
        [1, 0],
        [5, 3],
      ],
    );
    const c = classifyGame(swapped);
    expect(c.twoByTwo?.name).toBe("Prisoner's Dilemma");
    expect(c.twoByTwo?.cooperate).toBe('2');
  });

  it('recognises Battle of the Sexes and Matching Pennies', () => {
    const bos = bimatrixGame(
      [
        [2, 0],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 2],
      ],
    );
    expect(classifyGame(bos).twoByTwo?.name).toBe('Battle of the Sexes');
    const mp = bimatrixGame([
      [1, -1],
      [-1, 1],
    ]);
    expect(classifyGame(mp).twoByTwo?.name).toBe('Matching Pennies');
    expect(classifyGame(mp).verdict).toBe('no-pure-equilibrium');
  });

  it('marks win-win and lose-lose outcomes of the Prisoner’s Dilemma', () => {
    const c = classifyGame(symmetric(3, 0, 5, 1));
    const byName = Object.fromEntries(c.outcomes.map((o) => [o.strategies.join(''), o]));
    expect(byName['11']).toMatchObject({ winWin: true, loseLose: false, nash: false, paretoEfficient: true });
    expect(byName['22']).toMatchObject({ winWin: false, loseLose: true, nash: true, paretoEfficient: false });
    expect(paretoEfficientProfiles(symmetric(3, 0, 5, 1))).toHaveLength(3);
  });

  it('iterated elimination of strictly dominated strategies solves a dominance-solvable game', () => {
    // Row: 2 dominates 1 only after column 3 is removed (column 3 is strictly dominated by column 2).
    const g = bimatrixGame(
      [
        [3, 0, 9],
        [2, 1, 0],
      ],
      [
        [1, 2, 0],
        [2, 3, 1],
      ],
    );
    const r = iteratedElimination(g, 'strict');
    expect(r.surviving).toEqual([[1], [1]]);
    expect(r.rounds.length).toBeGreaterThanOrEqual(2);
  });
});
