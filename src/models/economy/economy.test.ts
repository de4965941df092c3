import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcertError } from '../../core/errors.js';
import { shapleyValue } from '../coalitions/index.js';
import {
  atkinson,
  barbieri,
  dependence,
  domesticShare,
  dyadicMeasures,
  dyadStake,
  gainsChange,
  gainsFromTrade,
  gainsFromTradeGame,
  gainsOfTable,
  gini,
  openness,
  parseDataFrame,
  parseFormula,
  powerTransition,
  type TradeTable,
  theil,
  tradeAfterSanction,
  tradeAfterTariff,
  weakLinkDependence,
} from './index.js';

const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConcertError) return e.problems;
    throw e;
  }
  return [];
};

/** Three states: A (GDP 1000, X 100, M 150), B (2000, 300, 200), C (500, 50, 50); imports[i][j]. */
function table(): TradeTable {
  const ids = ['A', 'B', 'C'];
  const imports = [
    [0, 100, 20],
    [150, 0, 30],
    [10, 5, 0],
  ];
  return {
    year: 2014,
    ids,
    names: ids,
    gdpUsdM: Float64Array.of(1000, 2000, 500),
    exportsUsdM: Float64Array.of(100, 300, 50),
    importsUsdM: Float64Array.of(150, 200, 50),
    population: Float64Array.of(10, 40, 5),
    importsFrom: Float64Array.from(imports.flat()),
    totals: 'national',
    importsSumUsdM: Float64Array.of(120, 180, 15),
    exportsSumUsdM: Float64Array.of(160, 105, 50),
  };
}

describe('dependence and interdependence', () => {
  it('Oneal–Russett: US–China 2014 trade over each GDP, the weak link being the US side', () => {
    expect(dependence(655_808, 17_608_138)).toBeCloseTo(0.03724, 5);
    expect(weakLinkDependence(655_808, 17_608_138, 10_475_625)).toBeCloseTo(0.03724, 5);
  });

  it('Barbieri: shares 0.1 and 0.25 give salience √0.025, symmetry 0.85', () => {
    const b = barbieri(10, 100, 40);
    expect(b.salience).toBeCloseTo(Math.sqrt(0.025), 12);
    expect(b.symmetry).toBeCloseTo(0.85, 12);
    expect(b.interdependence).toBeCloseTo(Math.sqrt(0.025) * 0.85, 12);
    expect(openness(100, 150, 1000)).toBe(0.25);
  });

  it('computes every dyad of a table in pair order, with the dyad total in both directions', () => {
    const m = dyadicMeasures(table());
    expect(m.dyads).toBe(3);
    expect([...m.first]).toEqual([0, 0, 1]);
    expect([...m.second]).toEqual([1, 2, 2]);
    expect(m.tradeUsdM[0]).toBe(250); // A–B: 100 + 150
    expect(m.dependenceFirst[0]).toBe(0.25);
    expect(m.dependenceSecond[0]).toBe(0.125);
    expect(m.weakLink[0]).toBe(0.125);
    expect(m.shareFirst[0]).toBe(1); // 250 / (100 + 150)
  });

  it('marks a dyad with an unknown flow as unknown (NaN), not zero', () => {
    const t = table();
    t.importsFrom[1] = Number.NaN;
    expect(Number.isNaN(dyadicMeasures(t).weakLink[0]!)).toBe(true);
  });

  it('keeps every measure in its range for any flows and GDP (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.double({ min: 1, max: 1e7, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (flows, gdp) => {
          const t = table();
          const [ab, ac, ba, bc, ca, cb] = flows as [number, number, number, number, number, number];
          t.importsFrom.set([0, ab, ac, ba, 0, bc, ca, cb, 0]);
          t.gdpUsdM.set(gdp);
          // National totals at least the dyadic sums, so that shares are in [0, 1].
          t.importsUsdM.set([ab + ac, ba + bc, ca + cb]);
          t.exportsUsdM.set([ba + ca, ab + cb, ac + bc]);
          const m = dyadicMeasures(t);
          for (let d = 0; d < m.dyads; d++) {
            expect(m.weakLink[d]).toBeLessThanOrEqual(
              Math.max(m.dependenceFirst[d]!, m.dependenceSecond[d]!),
            );
            if (m.tradeUsdM[d]! > 0) {
              expect(m.shareFirst[d]).toBeLessThanOrEqual(1 + 1e-12);
              expect(m.symmetry[d]).toBeGreaterThanOrEqual(-1e-12);
              expect(m.interdependence[d]).toBeLessThanOrEqual(m.salience[d]! + 1e-12);
            }
          }
        },
      ),
    );
  });
});

describe('gains from trade (Arkolakis, Costinot & Rodríguez-Clare 2012)', () => {
  it('the gain-over-autarky form λ^(−1/θ) − 1 is larger than the loss-of-autarky form', () => {
    expect(gainsFromTrade(0.93, 5, 'gain-over-autarky')).toBeCloseTo(0.93 ** -0.2 - 1, 12);
    expect(gainsFromTrade(0.93, 5, 'gain-over-autarky')).toBeGreaterThan(gainsFromTrade(0.93, 5));
  });

  it('λ = (GDP − X)/(GDP − X + M); undefined where exports exceed GDP', () => {
    expect(domesticShare(1000, 100, 70)).toBeCloseTo(900 / 970, 12);
    expect(Number.isNaN(domesticShare(100, 150, 120))).toBe(true);
    const t = table();
    t.exportsUsdM[2] = 600;
    const g = gainsOfTable(t, 5);
    expect(g[2]!.reason).toMatch(/exports exceed GDP/);
    expect(g[0]!.gainUsdM).toBeCloseTo(1000 * (1 - (900 / 1050) ** 0.2), 9);
  });

  it('refuses a trade elasticity of the wrong sign, at theta', () => {
    expect(problemsOf(() => gainsOfTable(table(), -5))).toEqual([
      expect.objectContaining({ path: ['theta'], message: expect.stringMatching(/θ > 0/) }),
    ]);
  });

  it('gains fall as θ rises and rise as λ falls (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.999, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        (lambda, theta) => {
          const g = gainsFromTrade(lambda, theta);
          expect(g).toBeGreaterThan(0);
          expect(g).toBeLessThan(1);
          expect(gainsFromTrade(lambda, theta * 1.5)).toBeLessThan(g);
          expect(gainsFromTrade(lambda * 0.9, theta)).toBeGreaterThan(g);
        },
      ),
    );
  });
});

describe('inequality (Gini, Theil, Atkinson)', () => {
  it('population weights count a unit as that many people: weights (2, 1) equal listing the first value twice', () => {
    expect(gini([1, 4], [2, 1])).toBeCloseTo(gini([1, 1, 4]), 12);
    expect(theil([1, 4], [2, 1])).toBeCloseTo(theil([1, 1, 4]), 12);
    expect(atkinson([1, 4], 2, [2, 1])).toBeCloseTo(atkinson([1, 1, 4], 2), 12);
  });

  it('Atkinson ε = 0 is no aversion (0) and grows with ε', () => {
    const v = [1, 2, 5, 9];
    expect(atkinson(v, 0)).toBeCloseTo(0, 12);
    expect(atkinson(v, 0.5)).toBeLessThan(atkinson(v, 1));
    expect(atkinson(v, 1)).toBeLessThan(atkinson(v, 2));
  });

  it('locates bad input: a negative value, a negative ε, a zero under ε ≥ 1, mismatched weights', () => {
    expect(problemsOf(() => gini([1, -2])).map((p) => p.path)).toEqual([['values', 1]]);
    expect(problemsOf(() => atkinson([1, 2], -1)).map((p) => p.path)).toEqual([['epsilon']]);
    expect(problemsOf(() => atkinson([0, 2], 1)).map((p) => p.path)).toEqual([['values', 0]]);
    expect(problemsOf(() => theil([1, 2], [1])).map((p) => p.path)).toEqual([['weights']]);
  });

  it('is scale-invariant and in [0, 1) for positive values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 12 }),
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        (values, k) => {
          const g = gini(values);
          expect(g).toBeGreaterThanOrEqual(-1e-12);
          expect(g).toBeLessThan(1);
          expect(gini(values.map((v) => v * k))).toBeCloseTo(g, 9);
          expect(theil(values)).toBeGreaterThanOrEqual(-1e-12);
          expect(atkinson(values, 2)).toBeLessThan(1);
        },
      ),
    );
  });
});

describe('power transition', () => {
  const usa = [
    [2014, 16.5],
    [2015, 16.9],
    [2016, 17.2],
  ] as const;
  const chn = [
    [2014, 16.2],
    [2015, 16.7],
    [2016, 17.3],
  ] as const;

  it('finds the year China passes the United States and the years at parity', () => {
    const t = powerTransition('CHN', chn, 'USA', usa);
    expect(t.overtakings).toEqual([{ year: 2016, leader: 'CHN', previous: 'USA' }]);
    expect(t.parityYears).toEqual([2014, 2015, 2016]);
    expect(t.growth.a).toBeCloseTo((17.3 / 16.2) ** 0.5 - 1, 12);
  });

  it('keeps only common years inside the window and refuses an empty one', () => {
    expect(powerTransition('CHN', chn, 'USA', usa, { from: 2015 }).years).toEqual([2015, 2016]);
    expect(problemsOf(() => powerTransition('CHN', chn, 'USA', usa, { from: 1990, to: 2000 }))).toHaveLength(
      1,
    );
    expect(
      problemsOf(() => powerTransition('CHN', chn, 'USA', usa, { parityThreshold: 1.5 }))[0]!.path,
    ).toEqual(['parityThreshold']);
  });
});

describe('the gains-from-trade game', () => {
  it('is worth 0 alone, the members’ ACR gains together, and is superadditive', () => {
    const game = gainsFromTradeGame(table(), 5);
    const v = game.table!;
    expect([v[1], v[2], v[4]]).toEqual([0, 0, 0]);
    // {A, B}: A imports 100 from B, B imports 150 from A; D_A = 900, D_B = 1700.
    const ab = 1000 * (1 - (900 / 1000) ** 0.2) + 2000 * (1 - (1700 / 1850) ** 0.2);
    expect(v[3]).toBeCloseTo(ab, 9);
    for (let s = 1; s < 8; s++)
      for (let t = 1; t < 8; t++)
        if ((s & t) === 0) expect(v[s | t]!).toBeGreaterThanOrEqual(v[s]! + v[t]! - 1e-9);
  });

  it('the grand coalition is worth what the members gain from trade among themselves, shared by the Shapley value', () => {
    const game = gainsFromTradeGame(table(), 5);
    const phi = shapleyValue(game);
    const total = phi.reduce((a, p) => a + p.value, 0);
    expect(total).toBeCloseTo(game.table![7]!, 6);
  });

  it('names the state whose gains are undefined', () => {
    const t = table();
    t.gdpUsdM[1] = Number.NaN;
    expect(problemsOf(() => gainsFromTradeGame(t, 5))).toEqual([
      expect.objectContaining({ path: [1], message: expect.stringMatching(/^B: no GDP/) }),
    ]);
  });
});

describe('trade shocks', () => {
  it('a sanction cuts its stated share; a 25 % tariff at θ = 5 leaves (1.25)^−5 of the trade', () => {
    expect(tradeAfterSanction(1000, 0.4)).toBe(600);
    expect(tradeAfterTariff(1000, 0.25, 5)).toBeCloseTo(327.68, 9);
    expect(problemsOf(() => tradeAfterSanction(1, 1.5))[0]!.path).toEqual(['severity']);
    expect(problemsOf(() => tradeAfterTariff(1, -0.1, 5))[0]!.path).toEqual(['tariff']);
  });

  it('losing half of a state’s trade costs it the drop from 1 − 0.9^(1/5) to 1 − 0.95^(1/5) of income', () => {
    const c = gainsChange({ gdpUsdM: 1000, exportsUsdM: 100, importsUsdM: 100 }, 50, 50, 5);
    expect(c.before).toBeCloseTo(1 - 0.9 ** 0.2, 12);
    expect(c.after).toBeCloseTo(1 - 0.95 ** 0.2, 12);
    expect(c.lossUsdM).toBeCloseTo(1000 * (0.95 ** 0.2 - 0.9 ** 0.2), 9);
  });

  it('a dyad’s stake is what both sides lose if their trade stops, and a partial cut costs less', () => {
    const a = { gdpUsdM: 1000, exportsUsdM: 100, importsUsdM: 150 };
    const b = { gdpUsdM: 2000, exportsUsdM: 300, importsUsdM: 200 };
    const all = dyadStake(a, b, 100, 150, 5);
    const half = dyadStake(a, b, 100, 150, 5, 0.5);
    expect(all.totalUsdM).toBeCloseTo(all.lossAUsdM + all.lossBUsdM, 12);
    expect(half.totalUsdM).toBeGreaterThan(0);
    expect(half.totalUsdM).toBeLessThan(all.totalUsdM);
  });
});

describe('formulas and CSV data frames', () => {
  it('reads terms, logs and the intercept', () => {
    const f = parseFormula('trade ~ log(gdp_ex) + contig - 1');
    expect(f.terms.map((t) => [t.label, t.transform])).toEqual([
      ['log(gdp_ex)', 'log'],
      ['contig', 'identity'],
    ]);
    expect(f.intercept).toBe(false);
    expect(f.text).toBe('trade ~ 0 + log(gdp_ex) + contig');
  });

  it('locates what it cannot read at the formula', () => {
    for (const text of [
      'trade log(x)',
      'trade ~ ',
      'trade ~ x + ',
      'trade ~ exp(x)',
      'trade ~ x + x',
      'trade ~ -x',
    ])
      expect(problemsOf(() => parseFormula(text))[0]!.path, text).toEqual(['formula']);
  });

  it('reads numbers and missing values, keeps text columns out, and locates ragged rows', () => {
    const f = parseDataFrame('name,trade,dist\nA,10,2.5\nB,0,NA\n', 'x.csv');
    expect(f.textColumns).toEqual(['name']);
    expect([...f.columns.dist!]).toEqual([2.5, Number.NaN]);
    expect(problemsOf(() => parseDataFrame('a,b\n1\n', 'x.csv'))).toEqual([
      expect.objectContaining({ file: 'x.csv', line: 2 }),
    ]);
  });
});
