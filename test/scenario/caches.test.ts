import { describe, expect, it } from 'vitest';
import { engineCaches, simulateRuns } from '../../src/scenario/engine.js';
import { loadScenario } from '../../src/scenario/load.js';
import { defaultParts } from '../../src/scenario/parts.js';
import { chunkResults, simulateChunk, threadContext } from '../../src/scenario/task.js';

const scenario = (name: string) =>
  loadScenario(new URL(`../../scenarios/${name}.yaml`, import.meta.url).pathname);
const fixture = (name: string) => loadScenario(new URL(`./fixtures/${name}`, import.meta.url).pathname);

describe('the engine caches are passed in', () => {
  it('warm caches (another scenario and seed first, then two calls jumping on) give the bytes of fresh caches', () => {
    const s = fixture('small.yaml');
    const fresh = simulateRuns(s, 3, [0, 1, 2, 3, 4, 5], defaultParts(s));

    const caches = engineCaches();
    const other = fixture('small-base.yaml');
    simulateRuns(other, 9, [0, 1, 2], defaultParts(other), caches);
    const parts = defaultParts(s);
    const warm = [
      ...simulateRuns(s, 3, [0, 1, 2], parts, caches),
      ...simulateRuns(s, 3, [3, 4, 5], parts, caches),
    ];
    expect(caches.frustration.size).toBeGreaterThan(0);
    expect(caches.scenarioTables.has(s)).toBe(true);
    expect(caches.streamCursor).toMatchObject({ seed: 3, index: 5 });
    for (const [k, r] of warm.entries()) {
      expect(Buffer.from(r.values.buffer).equals(Buffer.from(fresh[k]!.values.buffer))).toBe(true);
    }
  });

  it('a thread context keeps one entry per scenario content and gives the chunks of a fresh context', () => {
    // Without its deterrence draws: runs with their own draws memoise alone and share nothing.
    const full = scenario('mds-europe');
    const s = { ...full, uncertain: full.uncertain.filter((u) => !u.parameter.startsWith('deterrence.')) };
    const context = threadContext();
    const first = simulateChunk({ scenario: structuredClone(s), seed: 1, runs: [0, 1, 2] }, context);
    const second = simulateChunk({ scenario: structuredClone(s), seed: 1, runs: [7, 8] }, context);
    const alone = simulateChunk({ scenario: structuredClone(s), seed: 1, runs: [7, 8] }, threadContext());
    expect(context.scenarios.size).toBe(1);
    expect(first.deterrenceCache.length).toBeGreaterThan(0);
    // The second chunk found the first chunk's evaluations in its thread's memo; alone, it computes them.
    expect(second.deterrenceCache.length).toBeLessThan(alone.deterrenceCache.length);
    expect(chunkResults(second).map((r) => Array.from(r.values))).toEqual(
      chunkResults(alone).map((r) => Array.from(r.values)),
    );
  });
});
