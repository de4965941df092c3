import { beforeAll, describe, expect, it } from 'vitest';
import { ConcertError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import {
  type EngineParts,
  engineCaches,
  type RunResult,
  scenarioSeries,
  simulateRun,
  yearCount,
} from '../../src/scenario/engine.js';
import {
  type Frustration,
  INDICATOR_REPORTERS,
  type IndicatorReporter,
  type ReporterTable,
} from '../../src/scenario/indicators.js';
import { loadScenario } from '../../src/scenario/load.js';
import { defaultParts } from '../../src/scenario/parts.js';
import type { Scenario } from '../../src/scenario/scenario.js';
import { INDICATORS, type IndicatorName } from '../../src/scenario/schema.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

function series(s: Scenario, r: RunResult, name: string, reporters?: ReporterTable): number[] {
  const k = scenarioSeries(s, reporters).indexOf(name);
  if (k < 0) throw new Error(`no series ${name}`);
  const y = yearCount(s);
  return Array.from(r.values.subarray(k * y, (k + 1) * y));
}

/** The default reporters, each counting its calls (the per-actor values counted apart). */
function countingReporters(): { table: ReporterTable; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const bump = (key: string) => calls.set(key, (calls.get(key) ?? 0) + 1);
  const table: Record<string, IndicatorReporter> = {};
  for (const [name, r] of Object.entries(INDICATOR_REPORTERS)) {
    const perActor = r.perActor;
    const value = r.value;
    const perDyad = r.perDyad;
    table[name] = {
      ...(value
        ? {
            value: (state, q) => {
              bump(name);
              return value(state, q);
            },
          }
        : {}),
      ...(perDyad
        ? {
            perDyad: (state, i, j) => {
              bump(`${name}.*`);
              return perDyad(state, i, j);
            },
          }
        : {}),
      ...(perActor
        ? {
            perActor: (state, i) => {
              bump(`${name}.*`);
              return perActor(state, i);
            },
          }
        : {}),
    };
  }
  return { table, calls };
}

/** A frustration memo that counts its lookups: one per computation of the frustration index. */
class CountingMemo extends Map<string, Frustration> {
  lookups = 0;
  override get(key: string): Frustration | undefined {
    this.lookups++;
    return super.get(key);
  }
}

describe('indicators as a table of named reporters', () => {
  let small: Scenario;
  let parts: Required<EngineParts>;
  let full: RunResult;
  beforeAll(() => {
    small = loadScenario(fixture('small.yaml'));
    parts = defaultParts(small);
    full = simulateRun(small, 1, Rng.stream(6, 1), parts);
  });

  it('has one reporter per indicator of the schema, and per-actor series for the three gains accounts', () => {
    expect(Object.keys(INDICATOR_REPORTERS).sort()).toEqual([...INDICATORS].sort());
    const perActor = INDICATORS.filter((n) => INDICATOR_REPORTERS[n].perActor);
    expect(perActor).toEqual(['gains.winWin', 'gains.loseLose', 'gains.net']);
  });

  it('a run asked for three indicators calls only their reporters, once a year, and records the values of the full run', () => {
    const asked: IndicatorName[] = ['relations.meanScore', 'gains.net', 'arms.eigenvalueMargin'];
    const subset: Scenario = { ...small, indicators: asked };
    const { table, calls } = countingReporters();
    const r = simulateRun(subset, 1, Rng.stream(6, 1), { ...parts, reporters: table });
    const years = yearCount(small);
    expect(Object.fromEntries(calls)).toEqual({
      'relations.meanScore': years,
      'gains.net': years,
      'gains.net.*': years * small.actors.length,
      'arms.eigenvalueMargin': years,
    });
    expect(scenarioSeries(subset)).toEqual([
      'relations.meanScore',
      'gains.net',
      ...small.actors.map((id) => `gains.net.${id}`),
      'arms.eigenvalueMargin',
    ]);
    for (const name of scenarioSeries(subset))
      expect(series(subset, r, name)).toEqual(series(small, full, name));
  });

  it('computes the frustration index only for an indicator that needs it, and once a year however many need it', () => {
    const caches = engineCaches();
    const without: Scenario = {
      ...small,
      indicators: ['relations.meanScore', 'stability.arms', 'gains.gini'],
    };
    simulateRun(without, 1, Rng.stream(6, 1), parts, caches);
    expect(caches.frustration.size).toBe(0);

    const memo = new CountingMemo();
    const shared = { ...engineCaches(), frustration: memo };
    const needing: Scenario = {
      ...small,
      indicators: [
        'relations.frustration',
        'relations.polarization',
        'stability.relations',
        'stability.index',
      ],
    };
    const r = simulateRun(needing, 1, Rng.stream(6, 1), parts, shared);
    expect(memo.lookups).toBe(yearCount(small));
    for (const name of needing.indicators)
      expect(series(needing, r, name)).toEqual(series(small, full, name));
  });

  it('a replaced reporter changes its own series only', () => {
    const reporters: ReporterTable = {
      ...INDICATOR_REPORTERS,
      'stability.index': { value: (_, q) => q.crisisComponent() },
    };
    const r = simulateRun(small, 1, Rng.stream(6, 1), { ...parts, reporters });
    expect(series(small, r, 'stability.index')).toEqual(series(small, full, 'stability.crisis'));
    expect(series(small, r, 'stability.index')).not.toEqual(series(small, full, 'stability.index'));
    for (const name of scenarioSeries(small)) {
      if (name !== 'stability.index') expect(series(small, r, name)).toEqual(series(small, full, name));
    }
  });

  it('reports a recorded indicator without a reporter as bad input naming it', () => {
    const { 'gains.gini': _, ...rest } = INDICATOR_REPORTERS;
    expect(() => simulateRun(small, 0, Rng.stream(1, 0), { ...parts, reporters: rest })).toThrow(
      ConcertError,
    );
    expect(() => simulateRun(small, 0, Rng.stream(1, 0), { ...parts, reporters: rest })).toThrow(
      /no reporter for indicator "gains.gini"/,
    );
  });
});
