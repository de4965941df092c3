/**
 * The worker-thread task of an ensemble: simulate a list of run indices of a
 * scenario with the default parts. Runs in a pool worker (src/runtime/pool.ts)
 * or in-process; the result depends only on the input.
 */
import type { DyadEvaluation } from './deterrence-update.js';
import { type EngineParts, type RunResult, simulateRuns } from './engine.js';
import { defaultParts } from './parts.js';
import type { Scenario } from './scenario.js';

export interface ChunkInput {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Run indices, ascending. */
  readonly runs: readonly number[];
  /** Deterrence evaluations already computed for this scenario by other threads (a pure function's memo). */
  readonly deterrenceCache?: readonly (readonly [string, DyadEvaluation])[];
}

/** The runs of a chunk and the deterrence evaluations the thread computed for it. */
export interface ChunkOutput {
  readonly results: RunResult[];
  /** Evaluations this thread computed since its previous chunk (not those it was given). */
  readonly deterrenceCache: [string, DyadEvaluation][];
}

/**
 * Scenarios arrive as fresh copies in every task; parts (and their caches)
 * are kept per world and event list (what the deterrence caches depend on)
 * so that a worker reuses its caches across the chunks of an ensemble.
 */
const partsByKey = new Map<string, { scenario: Scenario; parts: EngineParts }>();

function partsFor(s: Scenario): EngineParts {
  const key = JSON.stringify([s.world, s.events]);
  let hit = partsByKey.get(key);
  if (!hit) {
    if (partsByKey.size >= 8) partsByKey.clear();
    hit = { scenario: s, parts: defaultParts(s) };
    partsByKey.set(key, hit);
  }
  return hit.parts;
}

/**
 * Simulates the chunk's runs. The deterrence memo is seeded from the input,
 * and the evaluations the thread computed are returned with the results, so
 * that threads share the costly exchange evaluations instead of each
 * computing them; results do not depend on it.
 */
export function simulateChunk(input: ChunkInput): ChunkOutput {
  const parts = partsFor(input.scenario);
  if (parts.deterrence && input.deterrenceCache) parts.deterrence.seed(input.deterrenceCache);
  const results = simulateRuns(input.scenario, input.seed, input.runs, parts);
  return { results, deterrenceCache: parts.deterrence ? parts.deterrence.takeNew() : [] };
}
