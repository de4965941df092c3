import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConcertError, isConcertError } from '../../core/errors.js';
import { WorldSchema } from '../../world/index.js';
import { cincFromComponents } from './cinc.js';
import { compositeScores, DEFAULT_WEIGHTS } from './composite.js';
import { concentration } from './concentration.js';
import { classifyMajors } from './majors.js';
import { powerRanking } from './ranking.js';

describe('cincFromComponents', () => {
  it('averages each state’s shares over the components it reports', () => {
    const { cinc, shares } = cincFromComponents([
      [3, 10, null],
      [1, 30, 5],
    ]);
    expect(shares[0]).toEqual([0.75, 0.25, null]);
    expect(cinc[0]).toBeCloseTo((0.75 + 0.25) / 2, 12);
    expect(cinc[1]).toBeCloseTo((0.25 + 0.75 + 1) / 3, 12);
  });

  it('gives 0 shares of a component whose system total is 0, and null CINC when nothing is reported', () => {
    const { cinc } = cincFromComponents([
      [0, 2],
      [0, 2],
      [null, null],
    ]);
    expect(cinc).toEqual([0.25, 0.25, null]);
  });
});

describe('concentration', () => {
  it('is 0 for equal shares and 1 for a monopoly', () => {
    const equal = concentration([1, 1, 1, 1]);
    expect(equal.con).toBeCloseTo(0, 12);
    expect(equal.hhi).toBeCloseTo(0.25, 12);
    expect(equal.effectivePoles).toBeCloseTo(4, 12);
    const monopoly = concentration([5, 0, 0]);
    expect(monopoly.con).toBeCloseTo(1, 12);
    expect(monopoly.effectivePoles).toBeCloseTo(1, 12);
  });

  it('matches the formula for a bipolar system with a third, smaller state', () => {
    const c = concentration([0.4, 0.4, 0.2]);
    expect(c.hhi).toBeCloseTo(0.36, 12);
    expect(c.con).toBeCloseTo(Math.sqrt((0.36 - 1 / 3) / (1 - 1 / 3)), 12);
  });

  it('stays within its bounds for any distribution', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (xs) => {
          fc.pre(xs.reduce((a, b) => a + b, 0) > 0);
          const c = concentration(xs);
          expect(c.con).toBeGreaterThanOrEqual(0);
          expect(c.con).toBeLessThanOrEqual(1 + 1e-9);
          expect(c.hhi).toBeGreaterThanOrEqual(1 / xs.length - 1e-12);
          expect(c.effectivePoles).toBeLessThanOrEqual(xs.length + 1e-9);
        },
      ),
    );
  });
});

describe('classifyMajors', () => {
  const shares = [
    { id: 'A', share: 0.3 },
    { id: 'B', share: 0.25 },
    { id: 'C', share: 0.06 },
    { id: 'D', share: 0.02 },
    { id: 'E', share: 0.01 },
  ];

  it('puts the top natural-breaks class in and says why, per state', () => {
    const r = classifyMajors(shares, { rule: 'breaks' });
    expect(r.verdicts.filter((v) => v.major).map((v) => v.id)).toEqual(['A', 'B']);
    expect(r.topClassFloor).toBe(0.25);
    expect(r.verdicts[2]?.reasons).toEqual([
      'below the top of 2 natural-breaks classes (which starts at 25.00%)',
    ]);
  });

  it('combines threshold and breaks by the chosen rule', () => {
    const majors = (rule: 'threshold' | 'either' | 'both') =>
      classifyMajors(shares, { rule, shareThreshold: 0.05 })
        .verdicts.filter((v) => v.major)
        .map((v) => v.id);
    expect(majors('threshold')).toEqual(['A', 'B', 'C']);
    expect(majors('either')).toEqual(['A', 'B', 'C']);
    expect(majors('both')).toEqual(['A', 'B']);
  });

  it('copes with fewer distinct shares than classes', () => {
    const r = classifyMajors(
      [
        { id: 'A', share: 0.5 },
        { id: 'B', share: 0.5 },
      ],
      { classes: 3 },
    );
    expect(r.verdicts.every((v) => v.major)).toBe(true);
  });
});

const tiny = WorldSchema.parse({
  year: 2016,
  actors: {
    AAA: {
      name: 'A',
      unscPermanent: true,
      gdpUsd: 300,
      capabilities: {
        milexThousands: 30,
        milperThousands: 3,
        ironSteelKt: 3,
        energyKtCoalEq: 1,
        totalPopulationThousands: 10,
        urbanPopulationThousands: 5,
      },
    },
    BBB: {
      name: 'B',
      gdpUsd: 100,
      capabilities: {
        milexThousands: 10,
        milperThousands: 1,
        ironSteelKt: 1,
        energyKtCoalEq: 1,
        totalPopulationThousands: 30,
        urbanPopulationThousands: 15,
      },
    },
    CCC: { name: 'C' },
  },
});

describe('compositeScores', () => {
  it('weights the named dimensions and skips actors with neither capabilities nor GDP', () => {
    const scores = compositeScores(tiny, { ...DEFAULT_WEIGHTS, nuclear: 0 });
    expect(scores.map((s) => s.id)).toEqual(['AAA', 'BBB']);
    const a = scores[0]!;
    expect(a.dimensions).toEqual({
      military: 0.75,
      economic: 0.75,
      demographic: 0.25,
      nuclear: 0,
      diplomatic: 1,
    });
    expect(a.value).toBeCloseTo((0.75 + 0.75 + 0.25 + 1) / 4, 12);
    const military = compositeScores(tiny, {
      military: 1,
      economic: 0,
      demographic: 0,
      nuclear: 0,
      diplomatic: 0,
    });
    expect(military.map((s) => s.value)).toEqual([0.75, 0.25]);
  });

  it('uses deployed warheads when the world carries forces', () => {
    const withForces = WorldSchema.parse({
      ...tiny,
      actors: {
        ...tiny.actors,
        BBB: {
          ...tiny.actors.BBB,
          forces: {
            systems: {
              icbm: {
                name: 'ICBM',
                basing: 'road-mobile',
                launchers: 10,
                warheadsPerLauncher: 1,
                yieldKt: 300,
                cepM: 200,
                reliability: 0.8,
                alertDayToDay: 0.9,
                alertGenerated: 0.95,
              },
            },
          },
        },
      },
    });
    const nuclear = compositeScores(withForces).map((s) => s.dimensions.nuclear);
    expect(nuclear).toEqual([0, 1]);
  });
});

describe('powerRanking', () => {
  it('ranks, shares and measures concentration; rejects a world with nothing to rank', () => {
    const r = powerRanking(tiny);
    expect(r.actors.map((a) => [a.id, a.rank])).toEqual([
      ['AAA', 1],
      ['BBB', 2],
    ]);
    expect(r.actors[0]!.share + r.actors[1]!.share).toBeCloseTo(1, 12);
    expect(() => powerRanking(WorldSchema.parse({ year: 2016, actors: { X1: { name: 'x' } } }))).toThrow(
      /nothing to rank/,
    );
  });
});

describe('powerRanking checks its options', () => {
  it('an unknown index and negative weights are bad input at the option', () => {
    const world = WorldSchema.parse({ year: 2000, actors: { AAA: { name: 'A' } } });
    try {
      powerRanking(world, { index: 'gdp' as 'cinc', weights: { ...DEFAULT_WEIGHTS, military: -1 } });
      expect.unreachable();
    } catch (e) {
      expect(isConcertError(e)).toBe(true);
      expect((e as ConcertError).problems.map((p) => p.path)).toEqual([['index'], ['weights', 'military']]);
    }
  });
});
