/**
 * The worker-thread task of an ensemble: simulate a list of run indices of a
 * scenario with the default parts. Runs in a pool worker (src/runtime/pool.ts)
 * or in-process; the result depends only on the input.
 */
import { type RunResult, simulateRuns } from './engine.js';
import { defaultParts } from './parts.js';
import type { Scenario } from './scenario.js';

export interface ChunkInput {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Run indices, ascending. */
  readonly runs: readonly number[];
}

/** Simulates the chunk's runs. */
export function simulateChunk(input: ChunkInput): RunResult[] {
  return simulateRuns(input.scenario, input.seed, input.runs, defaultParts());
}
