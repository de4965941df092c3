/**
 * The relation rates by simulated moments (issue 18): the fit recovers the
 * rates of a path the engine itself made, and its observed moments are read
 * from the data, not from the engine.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/core/document.js';
import { calibrateRelations, relationCalibrationScenario } from '../../src/scenario/calibrate-relations.js';
import { observedRelationMatrix } from '../../src/scenario/calibrate.js';
import { scenarioSeries, simulateRuns, yearCount } from '../../src/scenario/engine.js';
import { defaultParts } from '../../src/scenario/parts.js';
import { scenarioDyads } from '../../src/scenario/state.js';

const template = readDocument('scenarios/baseline-2017.yaml');
const actors = ['USA', 'CHN', 'RUS', 'JPN', 'DEU', 'GBR', 'FRA', 'IND'];
const n = actors.length;

/** The relation matrices of one engine run at (α, β), the start year's observed. */
function enginePath(from: number, to: number, alpha: number, beta: number): (year: number) => number[] {
  const s = relationCalibrationScenario(template, actors, from, to, alpha, beta);
  const [run] = simulateRuns(s, 1, [0], defaultParts(s));
  const y = yearCount(s);
  const dyads = scenarioDyads(s).all;
  const first = scenarioSeries(s).indexOf(`relations.${actors[dyads[0]![0]]}-${actors[dyads[0]![1]]}`);
  expect(first).toBeGreaterThanOrEqual(0);
  return (year) => {
    if (year === from) return observedRelationMatrix(actors, from);
    const m = new Array<number>(n * n).fill(0);
    dyads.forEach(([i, j], k) => {
      const v = run!.values[(first + k) * y + (year - from - 1)]!;
      m[i * n + j] = v;
      m[j * n + i] = v;
    });
    return m;
  };
}

describe('calibrateRelations', () => {
  it('recovers α and β of a path the engine made with them (same seed, one run: the objective is 0 there)', () => {
    for (const [alpha, beta] of [
      [0.2, 0.05],
      [0.4, 0.15],
    ] as const) {
      const fit = calibrateRelations({
        template,
        actors,
        from: 2005,
        to: 2010,
        observed: enginePath(2005, 2010, alpha, beta),
        runs: 1,
        seed: 1,
      });
      expect(fit.interactionRate.estimate).toBe(alpha);
      expect(fit.balanceRate.estimate).toBe(beta);
      expect(fit.objective).toBe(0);
      expect(fit.objectiveWithoutRules).toBeGreaterThan(0);
    }
  });

  it("reads the observed moments from the relation rule on each year's data, and is deterministic", () => {
    const observed = (year: number) => observedRelationMatrix(actors, year);
    const options = { template, actors, from: 2005, to: 2010, observed, runs: 2, seed: 3 };
    const fit = calibrateRelations(options);
    // Volatility by hand: mean |r(t) − r(t−1)| over the 28 dyads and 5 yearly changes.
    let sum = 0;
    for (let year = 2006; year <= 2010; year++) {
      const a = observed(year - 1);
      const b = observed(year);
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) sum += Math.abs(b[i * n + j]! - a[i * n + j]!);
    }
    expect(fit.moments.names).toHaveLength(1 + 28);
    expect(fit.moments.names[0]).toBe('volatility');
    expect(fit.moments.observed[0]).toBeCloseTo(sum / (28 * 5), 12);
    // The fit is never worse than switching both rules off, one of its grid points.
    expect(fit.objective).toBeLessThanOrEqual(fit.objectiveWithoutRules);
    expect(fit.interactionRate.standardError).toBeGreaterThanOrEqual(0);
    expect(calibrateRelations(options)).toEqual(fit);
  });

  it("fits a subset of the template's actors (their dyads only)", () => {
    const three = ['USA', 'CHN', 'RUS'];
    const fit = calibrateRelations({
      template,
      actors: three,
      from: 2005,
      to: 2008,
      observed: (year) => observedRelationMatrix(three, year),
      runs: 1,
    });
    expect(fit.moments.names).toEqual(['volatility', 'drift.USA-CHN', 'drift.USA-RUS', 'drift.CHN-RUS']);
  });

  it('refuses training years past the embedded worlds', () => {
    expect(() =>
      calibrateRelations({ template, actors, from: 2010, to: 2020, observed: () => [], runs: 1 }),
    ).toThrow(/embedded worlds, which end in 2016; got 2020/);
  });
});
