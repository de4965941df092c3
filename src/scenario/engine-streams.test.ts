import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.js';
import { cachedEvaluator, type DeterrenceEvaluator, type Posture } from './deterrence-update.js';
import { engineCaches, simulateRun, simulateRuns } from './engine.js';
import { loadScenario } from './load.js';
import { defaultParts } from './parts.js';

const baseline = loadScenario(new URL('../../scenarios/baseline-2017.yaml', import.meta.url).pathname);

describe('simulateRuns: run k uses stream k of the seed, whatever the order of the calls', () => {
  it('gives the same runs as simulateRun on Rng.stream(seed, k), jumping on, back and across seeds', () => {
    const parts = defaultParts(baseline);
    const expected = (seed: number, k: number) => simulateRun(baseline, k, Rng.stream(seed, k), parts).values;
    const calls: [number, number[]][] = [
      [3, [0, 2]],
      [3, [5, 6]],
      [3, [1]],
      [4, [6]],
      [3, [7]],
    ];
    // One set of caches for every call, so that each call starts from the cursor the previous one left.
    const caches = engineCaches();
    for (const [seed, runs] of calls) {
      const got = simulateRuns(baseline, seed, runs, parts, caches);
      expect(got.map((r) => r.run)).toEqual(runs);
      for (const r of got) expect(r.values).toEqual(expected(seed, r.run));
      expect(caches.streamCursor).toMatchObject({ seed, index: runs.at(-1) });
    }
  });

  it('rejects descending run indices', () => {
    expect(() => simulateRuns(baseline, 1, [2, 1], defaultParts(baseline))).toThrow(/ascending/);
  });
});

describe('cachedEvaluator', () => {
  const posture = (key: string): Posture => ({
    id: key,
    key,
    forces: { level: 'systems', systems: {} },
    defenses: {},
  });
  it('calls the inner evaluator once per pair of posture keys and reports only what it computed', () => {
    let calls = 0;
    const inner: DeterrenceEvaluator = {
      name: 'count',
      evaluate: (a, b) => {
        calls++;
        return {
          firstStrikeStability: a.key.length / 10,
          damageLimitationAB: 0,
          damageLimitationBA: b.key.length / 10,
        };
      },
    };
    const ev = cachedEvaluator(inner);
    ev.seed([['x#y', { firstStrikeStability: 0.5, damageLimitationAB: 0.1, damageLimitationBA: 0.2 }]]);
    const a = posture('aa');
    const b = posture('b');
    const first = ev.evaluate(a, b);
    expect(ev.evaluate(a, b)).toBe(first);
    expect(ev.evaluate(posture('aa'), posture('b'))).toBe(first);
    expect(ev.evaluate(posture('x'), posture('y')).firstStrikeStability).toBe(0.5);
    expect(calls).toBe(1);
    expect(ev.takeNew()).toEqual([['aa#b', first]]);
    expect(ev.takeNew()).toEqual([]);
    expect(ev.size()).toBe(2);
  });
});
