import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import {
  type EngineParts,
  scenarioSeries,
  simulateRun,
  simulateRuns,
  yearCount,
} from '../../src/scenario/engine.js';
import { loadScenario } from '../../src/scenario/load.js';
import { defaultParts } from '../../src/scenario/parts.js';
import type { Scenario } from '../../src/scenario/scenario.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
/** The scenario without the deterrence parameters of its `uncertain` block. */
const withoutDeterrenceDraws = (s: Scenario): Scenario => ({
  ...s,
  uncertain: s.uncertain.filter((u) => !u.parameter.startsWith('deterrence.')),
});
const noDeterrence: EngineParts = { deterrence: null };

/** Series `name` of a run, one value per year. */
function series(s: Scenario, values: Float64Array, name: string): number[] {
  const k = scenarioSeries(s).indexOf(name);
  if (k < 0) throw new Error(`no series ${name}`);
  const y = yearCount(s);
  return Array.from(values.subarray(k * y, (k + 1) * y));
}

describe('the scenario engine', () => {
  let small: Scenario;
  beforeAll(() => {
    small = loadScenario(fixture('small.yaml'));
  });

  it('is a pure function of scenario, run index and stream: the same inputs give the same bytes', () => {
    const a = simulateRun(small, 3, Rng.stream(9, 3), noDeterrence);
    const b = simulateRun(small, 3, Rng.stream(9, 3), noDeterrence);
    expect(Buffer.from(a.values.buffer).equals(Buffer.from(b.values.buffer))).toBe(true);
    expect(Array.from(a.draws)).toEqual(Array.from(b.draws));
  });

  it('gives different runs different draws and outcomes', () => {
    const [r0, r1] = simulateRuns(small, 9, [0, 1], noDeterrence);
    expect(r0!.draws[0]).not.toBe(r1!.draws[0]);
    expect(Array.from(r0!.values)).not.toEqual(Array.from(r1!.values));
  });

  it('runs any subset of indices with the same results as the full list (resumable, worker-independent)', () => {
    const all = simulateRuns(small, 4, [0, 1, 2, 3, 4], noDeterrence);
    const some = simulateRuns(small, 4, [1, 4], noDeterrence);
    expect(Array.from(some[0]!.values)).toEqual(Array.from(all[1]!.values));
    expect(Array.from(some[1]!.values)).toEqual(Array.from(all[4]!.values));
  });

  it('with the deterrence caches, a run computed after others equals the run computed alone (dated defenses)', () => {
    // mds-europe deploys defenses in 2018 and grows GMD in 2023: a cached posture must keep the
    // defenses of its epoch, or later runs read evaluations of postures that a run's later events changed.
    // Without its deterrence draws, so that every run shares the memo (a run with its own draws memoises alone).
    const file = new URL('../../scenarios/mds-europe.yaml', import.meta.url).pathname;
    const load = () => withoutDeterrenceDraws(loadScenario(file));
    const shared = load();
    const all = simulateRuns(
      shared,
      2017,
      Array.from({ length: 40 }, (_, k) => k),
      defaultParts(shared),
    );
    for (const k of [39, 20]) {
      const fresh = load();
      const [alone] = simulateRuns(fresh, 2017, [k], defaultParts(fresh));
      expect(Array.from(alone!.values)).toEqual(Array.from(all[k]!.values));
    }
  });

  it('draws uncertain parameters inside their distributions', () => {
    for (const r of simulateRuns(small, 11, [0, 1, 2, 3, 4, 5], noDeterrence)) {
      expect(r.draws[0]).toBeGreaterThanOrEqual(0.01);
      expect(r.draws[0]).toBeLessThanOrEqual(0.2);
      expect(r.draws[1]).toBeGreaterThanOrEqual(0);
      expect(r.draws[1]).toBeLessThanOrEqual(0.1);
    }
  });

  it('keeps every indicator finite and in its range', () => {
    for (const r of simulateRuns(small, 5, [0, 1, 2], noDeterrence)) {
      for (const v of r.values) expect(Number.isFinite(v)).toBe(true);
      for (const name of [
        'relations.cooperativeTies',
        'relations.polarization',
        'stability.index',
        'stability.arms',
      ]) {
        for (const v of series(small, r.values, name)) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }
      for (const v of series(small, r.values, 'relations.frustration')) expect(v).toBeLessThanOrEqual(0.5);
    }
  });

  it('books win-win gains and lose-lose losses cumulatively (never decreasing)', () => {
    const r = simulateRun(small, 0, Rng.stream(2, 0), noDeterrence);
    for (const name of ['gains.winWin', 'gains.loseLose', 'gains.winWin.USA']) {
      const v = series(small, r.values, name);
      for (let t = 1; t < v.length; t++) expect(v[t]!).toBeGreaterThanOrEqual(v[t - 1]!);
    }
    expect(series(small, r.values, 'gains.winWin').at(-1)!).toBeGreaterThan(0);
  });

  it('switching the interaction coupling off leaves no gains and no losses', () => {
    const off: Scenario = {
      ...small,
      raw: { ...small.raw, couplings: { ...small.raw.couplings, interaction: false } },
    };
    const r = simulateRun(off, 0, Rng.stream(2, 0), noDeterrence);
    expect(series(off, r.values, 'gains.winWin').every((v) => v === 0)).toBe(true);
    expect(series(off, r.values, 'gains.loseLose').every((v) => v === 0)).toBe(true);
  });

  it('an alignment holds its floor: RUS–CHN are partners from 2019 whatever happens', () => {
    const s: Scenario = { ...small, indicators: ['relations.meanScore', 'relations.cooperativeTies'] };
    for (const r of simulateRuns(s, 8, [0, 1, 2, 3], noDeterrence)) {
      const ties = series(s, r.values, 'relations.cooperativeTies');
      expect(ties[2]!).toBeGreaterThanOrEqual(1 / 3);
    }
  });

  it('with models/deterrence wired in, a large missile-defense deployment changes crisis stability and, through perceived threat, worsens relations', () => {
    const parts = defaultParts(small);
    const base: Scenario = { ...small, events: [] };
    const deploy: Scenario = {
      ...small,
      events: [
        {
          type: 'deploy-missile-defense',
          year: 2018,
          actor: 'USA',
          system: 'GMD',
          interceptors: 400,
          against: ['RUS', 'CHN'],
        },
      ],
    };
    const without = simulateRun(base, 0, Rng.stream(1, 0), parts);
    const withDeployment = simulateRun(deploy, 0, Rng.stream(1, 0), defaultParts(deploy));
    const before = series(base, without.values, 'crisisStability.worst');
    const after = series(deploy, withDeployment.values, 'crisisStability.worst');
    expect(before[0]!).toBeLessThan(1);
    expect(after[0]!).toBe(before[0]!);
    expect(after[2]!).not.toBe(before[2]!);
    const scoreBefore = series(base, without.values, 'relations.meanScore');
    const scoreAfter = series(deploy, withDeployment.values, 'relations.meanScore');
    expect(scoreAfter[0]!).toBe(scoreBefore[0]!);
    expect(scoreAfter[1]!).toBeLessThan(scoreBefore[1]!);
    const off = simulateRun(base, 0, Rng.stream(1, 0), noDeterrence);
    expect(series(base, off.values, 'crisisStability.worst').every((v) => v === 1)).toBe(true);
  });
});
