import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../core/document.js';
import { ConcertError, type Problem } from '../../core/errors.js';
import {
  Fraction,
  formatRational,
  parseRational,
  rationalToNumber,
  sumRationals,
} from '../../core/rational.js';
import { Rng } from '../../core/rng.js';
import type { World } from '../../world/schema.js';
import { bankruptcyAwards } from './bankruptcy.js';
import { BANKRUPTCY_RULES } from './names.js';
import { leastCore, nucleolus } from './nucleolus.js';
import { readBankruptcy, readSimpleGame, readTuGame } from './schema.js';
import { shapleySample, shapleyValue } from './shapley.js';
import { bankruptcyGame, superadditivityViolations, tradeSurplusGame, tuGameFromTable } from './tu-game.js';

const names = (n: number) => Array.from({ length: n }, (_, i) => `P${i + 1}`);

/** A random integer TU game on n players. */
const tuGameArb = (minN: number, maxN: number) =>
  fc.integer({ min: minN, max: maxN }).chain((n) =>
    fc
      .array(fc.integer({ min: -20, max: 60 }), { minLength: 2 ** n - 1, maxLength: 2 ** n - 1 })
      .map((vals) => {
        const table = new Float64Array(2 ** n);
        vals.forEach((x, k) => {
          table[k + 1] = x;
        });
        return tuGameFromTable(names(n), table);
      }),
  );

/** A convex game v(S) = (Σ_{i∈S} a_i)²: supermodular, so its core is non-empty. */
const convexGameArb = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 6 }).map((a) => {
  const table = new Float64Array(2 ** a.length);
  for (let mask = 1; mask < table.length; mask++) {
    let s = 0;
    a.forEach((x, i) => {
      if (mask & (1 << i)) s += x;
    });
    table[mask] = s * s;
  }
  return tuGameFromTable(names(a.length), table);
});

function problemsOf(fn: () => unknown): readonly Problem[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConcertError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConcertError');
}

describe('Shapley value (properties)', () => {
  it('is efficient (sums exactly to v(N)) and gives a null player 0', () => {
    fc.assert(
      fc.property(tuGameArb(1, 6), (game) => {
        const n = game.players.length;
        const v = game.table!;
        // add a null player: v'(S ∪ {null}) = v'(S) = v(S)
        const table = new Float64Array(2 ** (n + 1));
        for (let mask = 0; mask < table.length; mask++) table[mask] = v[mask & ((1 << n) - 1)]!;
        const phi = shapleyValue(tuGameFromTable(names(n + 1), table));
        expect(formatRational(sumRationals(phi.map((x) => parseRational(x.exact!)!)))).toBe(
          String(v[v.length - 1]),
        );
        expect(phi[n]!.exact).toBe('0');
      }),
      { numRuns: 150 },
    );
  });

  it('treats symmetric players equally (v depends on |S| only)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 30 }), { minLength: 2, maxLength: 7 }), (bySize) => {
        const n = bySize.length;
        const table = new Float64Array(2 ** n);
        for (let mask = 1; mask < table.length; mask++) table[mask] = bySize[popcount(mask) - 1]!;
        const phi = shapleyValue(tuGameFromTable(names(n), table));
        expect(new Set(phi.map((x) => x.exact)).size).toBe(1);
        expect(phi[0]!.exact).toBe(formatRational(new Fraction(bySize[n - 1]!, n)));
      }),
    );
  });

  it('sampling covers the exact value and is reproducible for a seed', () => {
    const game = bankruptcyGame(200, [100, 200, 300]);
    const exact = shapleyValue(game);
    const a = shapleySample(game, 4000, Rng.fromSeed(3));
    expect(shapleySample(game, 4000, Rng.fromSeed(3))).toEqual(a);
    a.forEach((x, i) => {
      expect(Math.abs(x.value - exact[i]!.value)).toBeLessThanOrEqual(2 * x.halfWidth95! + 1e-9);
    });
  });
});

function popcount(x: number): number {
  let c = 0;
  for (let m = x; m; m &= m - 1) c++;
  return c;
}

describe('core, least core and nucleolus (properties)', () => {
  it('the nucleolus of a convex game lies in its (non-empty) core', async () => {
    await fc.assert(
      fc.asyncProperty(convexGameArb, async (game) => {
        const v = game.table!;
        const lc = await leastCore(game);
        expect(lc.coreNonEmpty).toBe(true);
        const x = (await nucleolus(game)).allocation.map((a) => a.value);
        const tol = 1e-6 * v[v.length - 1]!;
        for (let mask = 1; mask < v.length; mask++) {
          let xs = 0;
          x.forEach((xi, i) => {
            if (mask & (1 << i)) xs += xi;
          });
          expect(xs).toBeGreaterThanOrEqual(v[mask]! - tol);
        }
        expect(Math.abs(x.reduce((a, b) => a + b, 0) - v[v.length - 1]!)).toBeLessThan(tol);
      }),
      { numRuns: 8 },
    );
  });

  it('random games: prenucleolus is efficient; the nucleolus is an imputation, and in the core when the core is non-empty', async () => {
    await fc.assert(
      fc.asyncProperty(tuGameArb(2, 5), async (game) => {
        const v = game.table!;
        const n = game.players.length;
        const full = v[v.length - 1]!;
        const pre = (await nucleolus(game, true)).allocation.map((a) => a.value);
        expect(pre.reduce((a, b) => a + b, 0)).toBeCloseTo(full, 6);
        const singles = Array.from({ length: n }, (_, i) => v[1 << i]!);
        if (full < singles.reduce((a, b) => a + b, 0)) {
          await expect(nucleolus(game)).rejects.toThrow(/imputation set/);
          return;
        }
        const x = (await nucleolus(game)).allocation.map((a) => a.value);
        x.forEach((xi, i) => {
          expect(xi).toBeGreaterThanOrEqual(singles[i]! - 1e-6);
        });
        if ((await leastCore(game)).coreNonEmpty) {
          for (let mask = 1; mask < v.length; mask++) {
            const xs = x.reduce((a, xi, i) => (mask & (1 << i) ? a + xi : a), 0);
            expect(xs).toBeGreaterThanOrEqual(v[mask]! - 1e-6);
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it('the 3-player majority game has an empty core: least core ε = 1/3', async () => {
    const table = Float64Array.from([0, 0, 0, 1, 0, 1, 1, 1]);
    const lc = await leastCore(tuGameFromTable(['A', 'B', 'C'], table));
    expect(lc.coreNonEmpty).toBe(false);
    expect(lc.epsilon).toBeCloseTo(1 / 3, 9);
  });

  it('a 12-player game needs at most 12 LPs and finds an efficient point', async () => {
    const n = 12;
    const table = new Float64Array(2 ** n);
    const rng = Rng.fromSeed(12);
    for (let mask = 1; mask < table.length; mask++) table[mask] = popcount(mask) ** 2 + rng.int(0, 9);
    const r = await nucleolus(tuGameFromTable(names(n), table));
    expect(r.linearPrograms).toBeLessThanOrEqual(n);
    expect(r.allocation.reduce((a, b) => a + b.value, 0)).toBeCloseTo(table[table.length - 1]!, 6);
  });
});

describe('bankruptcy rules (properties)', () => {
  const problemArb = fc
    .array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 7 })
    .chain((claims) =>
      fc.record({
        claims: fc.constant(claims),
        estate: fc.integer({ min: 0, max: claims.reduce((a, b) => a + b, 0) }),
      }),
    );

  it('every rule awards 0 ≤ x_i ≤ d_i and distributes exactly the estate', () => {
    fc.assert(
      fc.property(problemArb, ({ claims, estate }) => {
        for (const rule of BANKRUPTCY_RULES) {
          const x = bankruptcyAwards(rule, estate, claims);
          x.forEach((xi, i) => {
            expect(xi.compare(0)).toBeGreaterThanOrEqual(0);
            expect(xi.compare(claims[i]!)).toBeLessThanOrEqual(0);
          });
          if (claims.some((c) => c > 0)) expect(formatRational(sumRationals(x))).toBe(String(estate));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the Talmud rule equals the nucleolus of the bankruptcy game (Aumann & Maschler 1985)', async () => {
    await fc.assert(
      fc.asyncProperty(
        problemArb.filter(({ claims }) => claims.length <= 5 && claims.every((c) => c > 0)),
        async ({ claims, estate }) => {
          const talmud = bankruptcyAwards('talmud', estate, claims).map(rationalToNumber);
          const nu = (await nucleolus(bankruptcyGame(estate, claims))).allocation.map((a) => a.value);
          nu.forEach((x, i) => {
            expect(x).toBeCloseTo(talmud[i]!, 6);
          });
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('trade surplus game', () => {
  it('sums dyadic trade inside the coalition; Shapley gives each partner half of each dyad', () => {
    const world = {
      year: 2014,
      actors: {
        USA: { name: 'United States' },
        CHN: { name: 'China' },
        JPN: { name: 'Japan' },
        RUS: { name: 'Russia' },
      },
      relations: [],
      trade: [
        { a: 'USA', b: 'CHN', importsOfAFromBUsdM: 400, importsOfBFromAUsdM: 100 },
        { a: 'USA', b: 'JPN', importsOfAFromBUsdM: 130, importsOfBFromAUsdM: 70 },
        { a: 'CHN', b: 'RUS', importsOfAFromBUsdM: 40, importsOfBFromAUsdM: 50 },
      ],
    } as unknown as World;
    const game = tradeSurplusGame(world, ['USA', 'CHN', 'JPN', 'RUS']);
    expect(game.table![0b0011]).toBe(500);
    expect(game.table![0b1111]).toBe(790);
    expect(superadditivityViolations(game)).toEqual([]);
    expect(shapleyValue(game).map((x) => x.value)).toEqual([350, 295, 100, 45]);
    expect(problemsOf(() => tradeSurplusGame(world, ['USA', 'XXX', 'USA'])).map((p) => p.path)).toEqual([
      ['actors', 1],
      ['actors', 2],
    ]);
  });
});

describe('coalitional files (bad input)', () => {
  it('lists every missing coalition value, located at "v"', () => {
    const text = '{\n  "players": ["A", "B", "C"],\n  "v": {"": 0, "A": 1, "A,B": 3, "B,A": 2, "D": 1}\n}\n';
    const problems = problemsOf(() => readTuGame(parseDocument(text, 'g.json')));
    expect(problems.map((p) => p.message).join('\n')).toMatch(/unknown player "D"/);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/"B,A" is the same as "A,B"/);
    const missing = problems.find((p) => /missing values/.test(p.message))!;
    expect(missing).toMatchObject({ file: 'g.json', line: 3, path: ['v'] });
    expect(missing.message).toMatch(
      /missing values for 5 of the 7 coalitions: "B", "C", "A,C", "B,C", "A,B,C"$/,
    );
  });

  it('reports a quota above the total weight with its line, and weights of the wrong length', () => {
    const text = '{\n  "players": ["A", "B"],\n  "weights": [3, 4, 5],\n  "quota": 20\n}\n';
    const problems = problemsOf(() => readSimpleGame(parseDocument(text, 'w.json')));
    expect(problems).toHaveLength(2);
    expect(problems.find((p) => p.path?.[0] === 'quota')).toMatchObject({ line: 4, column: 12 });
    expect(problems.find((p) => p.path?.[0] === 'quota')!.message).toMatch(
      /quota 20 is above the total weight 12/,
    );
    expect(problems.find((p) => p.path?.[0] === 'weights')!.message).toMatch(/expected 2 weights/);
  });

  it('reports negative claims and an estate above the claims', () => {
    const neg = problemsOf(() =>
      readBankruptcy(parseDocument('{"estate": 10, "claims": [5, -1]}', 'b.json')),
    );
    expect(neg[0]).toMatchObject({ path: ['claims', 1] });
    const over = problemsOf(() =>
      readBankruptcy(parseDocument('{"estate": 100, "claims": [5, 6]}', 'b.json')),
    );
    expect(over[0]!.message).toMatch(/exceeds the total claims 11/);
  });

  it('never throws anything but ConcertError on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value) ?? 'null';
        for (const read of [readSimpleGame, readTuGame, readBankruptcy]) {
          try {
            read(parseDocument(text, 'x.json'));
          } catch (e) {
            expect(e).toBeInstanceOf(ConcertError);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
