/**
 * Published and package-tested coalitional cases (fixtures/coalitions.json,
 * copied from /work/shared/fixtures) reproduced by models/coalitions, plus
 * the research notes' further values (EEC Shapley–Shubik, Catalan Parliament,
 * CoopGame q = 51, the Talmud table, Ibn Ezra's non-superadditive game).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bankruptcyAwards,
  bankruptcyGame,
  coopGameOrder,
  nucleolus,
  powerIndex,
  shapleyValue,
  type TuGame,
  tuGameFromTable,
  weightedVotingGame,
} from '../../src/models/coalitions/index.js';

interface Case {
  id: string;
  kind: string;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
}

const cases = JSON.parse(
  readFileSync(new URL('./fixtures/coalitions.json', import.meta.url), 'utf8'),
) as Case[];
const byId = (id: string): Case => {
  const c = cases.find((x) => x.id === id);
  if (!c) throw new Error(`fixture ${id} missing`);
  return c;
};

function exactOf(weights: number[], quota: number, index: Parameters<typeof powerIndex>[1]): string[] {
  const r = powerIndex(weightedVotingGame(weights, quota), index);
  expect(['generating-function', 'enumeration']).toContain(r.method);
  return r.values.map((v) => v.exact!);
}

/** A TU game from a CoopGame-order vector v({1}), v({2}), …, v(N). */
function fromVector(vector: number[]): TuGame {
  const n = Math.log2(vector.length + 1);
  const table = new Float64Array(2 ** n);
  coopGameOrder(n).forEach((mask, k) => {
    table[mask] = vector[k]!;
  });
  return tuGameFromTable(
    Array.from({ length: n }, (_, i) => `P${i + 1}`),
    table,
  );
}

function values(xs: readonly { value: number }[]): number[] {
  return xs.map((x) => x.value);
}

function expectClose(actual: readonly number[], expected: readonly number[], digits: number): void {
  expect(actual).toHaveLength(expected.length);
  for (const [i, e] of expected.entries()) expect(actual[i]).toBeCloseTo(e, digits);
}

function toNumber(s: string): number {
  const [a, b] = s.split('/');
  return b === undefined ? Number(a) : Number(a) / Number(b);
}

describe('voting power fixtures', () => {
  it('power.unsc.shapley_shubik: permanent 421/2145, elected 4/2145', () => {
    const c = byId('power.unsc.shapley_shubik');
    const xs = exactOf(c.input.weights as number[], c.input.quota as number, 'shapley-shubik');
    expect(xs.slice(0, 5)).toEqual(Array(5).fill(c.expected.permanent));
    expect(xs.slice(5)).toEqual(Array(10).fill(c.expected.elected));
    const r = powerIndex(
      weightedVotingGame(c.input.weights as number[], c.input.quota as number),
      'shapley-shubik',
    );
    expect(r.values[0]!.value).toBeCloseTo(c.expected.permanent_decimal as number, 9);
    expect(r.values[14]!.value).toBeCloseTo(c.expected.elected_decimal as number, 9);
  });

  it('UNSC Banzhaf (notes §3.1, [V]): 106/635 and 21/1270; Penrose 53/1024 and 21/4096', () => {
    const w = [7, 7, 7, 7, 7, ...Array(10).fill(1)];
    expect(exactOf(w, 39, 'banzhaf')[0]).toBe('106/635');
    expect(exactOf(w, 39, 'banzhaf')[14]).toBe('21/1270');
    expect(exactOf(w, 39, 'banzhaf-absolute')[0]).toBe('53/1024');
    expect(exactOf(w, 39, 'banzhaf-absolute')[14]).toBe('21/4096');
  });

  it('power.eec1958.banzhaf: normalised, swings and Penrose; Luxembourg null', () => {
    const c = byId('power.eec1958.banzhaf');
    const w = c.input.weights as number[];
    const q = c.input.quota as number;
    const norm = exactOf(w, q, 'banzhaf').map(toNumber);
    expectClose(norm, (c.expected.normalized as string[]).map(toNumber), 12);
    expect(exactOf(w, q, 'banzhaf-absolute')).toEqual(['5/16', '5/16', '5/16', '3/16', '3/16', '0']);
    expect(exactOf(w, q, 'banzhaf-absolute').map((s) => toNumber(s) * 2 ** 5)).toEqual(c.expected.swings);
    expect(exactOf(w, q, 'shapley-shubik')).toEqual(['7/30', '7/30', '7/30', '3/20', '3/20', '0']);
  });

  it('power.straffin.banzhaf, power.wikipedia and power.ua_example Shapley–Shubik', () => {
    expect(exactOf([4, 3, 2, 1], 6, 'banzhaf')).toEqual(byId('power.straffin.banzhaf').expected.normalized);
    expect(exactOf([3, 2, 1, 1], 4, 'shapley-shubik')).toEqual(
      byId('power.wikipedia.shapley_shubik').expected.value,
    );
    expect(exactOf([4, 3, 2], 6, 'shapley-shubik')).toEqual(
      byId('power.ua_example.shapley_shubik').expected.value,
    );
  });

  it.each(['q1', 'q52', 'q100'])('power.coopgame.w50_49_1.%s', (q) => {
    const c = byId(`power.coopgame.w50_49_1.${q}`);
    const w = c.input.weights as number[];
    expect(exactOf(w, c.input.quota as number, 'shapley-shubik')).toEqual(c.expected.shapley_shubik);
    expect(exactOf(w, c.input.quota as number, 'banzhaf')).toEqual(c.expected.normalized_banzhaf);
  });

  it('CoopGame [51; 50,49,1] (notes §3.2): SS (2/3,1/6,1/6), Banzhaf (3/5,1/5,1/5)', () => {
    expect(exactOf([50, 49, 1], 51, 'shapley-shubik')).toEqual(['2/3', '1/6', '1/6']);
    expect(exactOf([50, 49, 1], 51, 'banzhaf')).toEqual(['3/5', '1/5', '1/5']);
  });

  it('power.powerindexR.example176: Shapley–Shubik, swings and Banzhaf', () => {
    const c = byId('power.powerindexR.example176');
    const w = c.input.weights as number[];
    const q = c.input.quota as number;
    expect(exactOf(w, q, 'shapley-shubik')).toEqual(c.expected.shapley_shubik);
    expect(exactOf(w, q, 'banzhaf')).toEqual(c.expected.normalized_banzhaf);
    expect(exactOf(w, q, 'banzhaf-absolute').map((s) => toNumber(s) * 2 ** 8)).toEqual(c.expected.swings);
  });

  it('Catalan Parliament 2012 (cran/GameTheory ShapleyShubik.Rd): (8/15, 2/15, 2/15, 2/15, 1/30, 1/30, 0)', () => {
    expect(exactOf([50, 20, 21, 19, 13, 9, 3], 68, 'shapley-shubik')).toEqual([
      '8/15',
      '2/15',
      '2/15',
      '2/15',
      '1/30',
      '1/30',
      '0',
    ]);
  });
});

describe('cooperative game fixtures', () => {
  it('coop.coopgame.bankruptcy_vector: v(S) = max(0, E − claims outside S)', () => {
    const c = byId('coop.coopgame.bankruptcy_vector');
    const g = bankruptcyGame(c.input.estate as number, c.input.claims as number[]);
    expect(coopGameOrder(3).map((m) => g.table![m])).toEqual(c.expected.v);
  });

  it.each(['E100', 'E300'])('coop.talmud.%s.nucleolus equals the Talmud rule', async (e) => {
    const c = byId(`coop.talmud.${e}.nucleolus`);
    const estate = c.input.estate as number;
    const claims = c.input.claims as number[];
    const r = await nucleolus(fromVector(c.input.game_vector as number[]));
    const expected = (c.expected.nucleolus as string[]).map(toNumber);
    expectClose(values(r.allocation), expected, 8);
    expect(r.allocation.map((a) => a.exact)).toEqual(c.expected.nucleolus);
    expect(bankruptcyAwards('talmud', estate, claims).map(String)).toEqual(c.expected.nucleolus);
  });

  it('Talmud table E = 200, 400, 500 (notes §4.1): rule and nucleolus agree', async () => {
    const table: Record<number, string[]> = {
      200: ['50', '75', '75'],
      400: ['50', '125', '225'],
      500: ['200/3', '500/3', '800/3'],
    };
    for (const [estate, expected] of Object.entries(table)) {
      expect(bankruptcyAwards('talmud', Number(estate), [100, 200, 300]).map(String)).toEqual(expected);
      const r = await nucleolus(bankruptcyGame(Number(estate), [100, 200, 300]));
      expectClose(values(r.allocation), expected.map(toNumber), 8);
      expect(r.allocation.map((a) => a.exact)).toEqual(expected);
    }
  });

  it('coop.talmud.shapley.derived: Shapley ≠ nucleolus at E = 200', () => {
    const c = byId('coop.talmud.shapley.derived');
    for (const [k, estate] of [
      ['E100', 100],
      ['E200', 200],
      ['E300', 300],
    ] as const) {
      expect(shapleyValue(bankruptcyGame(estate, [100, 200, 300])).map((a) => a.exact)).toEqual(
        c.expected[k],
      );
    }
  });

  it.each([['coop.coopgame.nucleolus.3a'], ['coop.coopgame.nucleolus.4']])('%s', async (id) => {
    const c = byId(id);
    const r = await nucleolus(fromVector(c.input.v as number[]));
    const expected = (c.expected.nucleolus as string[]).map(toNumber);
    expectClose(values(r.allocation), expected, 8);
    expect(r.allocation.map((a) => a.exact)).toEqual(c.expected.nucleolus);
  });

  it('coop.gametheory.lemaire.nucleolus.derived (tolerance 1e-6)', async () => {
    const c = byId('coop.gametheory.lemaire.nucleolus.derived');
    const r = await nucleolus(fromVector(c.input.v as number[]));
    const expected = c.expected.nucleolus as number[];
    for (const [i, e] of expected.entries()) {
      expect(Math.abs(r.allocation[i]!.value - e)).toBeLessThan(c.expected.tolerance as number);
    }
    expect(r.allocation.map((a) => a.exact)).toEqual(['105375/2', '97875/4', '51375/4']);
  });

  it('CoopGame test_67 nucleolus (2, 7, 5) and Peleg–Sudhölter prenucleolus (3, 3, −4) (notes §4.2)', async () => {
    const a = await nucleolus(fromVector([2, 6, 5, 15, 1, 18, 14]));
    expectClose(values(a.allocation), [2, 7, 5], 8);
    const p = await nucleolus(fromVector([0, 0, 0, 10, 0, 0, 2]), true);
    expectClose(values(p.allocation), [3, 3, -4], 8);
    expect(p.allocation.map((x) => x.exact)).toEqual(['3', '3', '-4']);
    const nu = await nucleolus(fromVector([0, 0, 0, 10, 0, 0, 2]));
    expect(nu.allocation.map((x) => x.value)).not.toEqual([3, 3, -4]);
  });

  it('coop.coopgame.shapley.3: (19/2, 8, 13/2)', () => {
    const c = byId('coop.coopgame.shapley.3');
    expect(shapleyValue(fromVector(c.input.v as number[])).map((a) => a.exact)).toEqual(c.expected.shapley);
  });

  it('coop.coopgame.shapley.glove: five glove games', () => {
    const c = byId('coop.coopgame.shapley.glove');
    const games = c.input.cases as { n: number; L: number[]; R: number[] }[];
    games.forEach((g, k) => {
      const table = new Float64Array(2 ** g.n);
      for (let mask = 1; mask < table.length; mask++) {
        const count = (side: number[]) => side.filter((p) => mask & (1 << (p - 1))).length;
        table[mask] = Math.min(count(g.L), count(g.R));
      }
      const names = Array.from({ length: g.n }, (_, i) => `P${i + 1}`);
      expect(shapleyValue(tuGameFromTable(names, table)).map((a) => a.exact)).toEqual(
        (c.expected.shapley as string[][])[k],
      );
    });
  });

  it('Ibn Ezra inheritance, non-superadditive (Aumann 2010; CoopGame): Shapley (80.833, 20.833, 10.833, 7.5)', () => {
    const v = [120, 60, 40, 30, 120, 120, 120, 60, 60, 40, 120, 120, 120, 60, 120];
    const s = shapleyValue(fromVector(v));
    expect(s.map((a) => a.exact)).toEqual(['485/6', '125/6', '65/6', '15/2']);
  });
});
