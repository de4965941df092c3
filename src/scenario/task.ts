/**
 * The worker-thread task of an ensemble: simulate a list of run indices of a
 * scenario with the default parts. Runs in a pool worker (src/runtime/pool.ts)
 * or in-process; the result depends only on the input.
 */
import { BroadcastChannel, threadId } from 'node:worker_threads';
import type { DyadEvaluation } from './deterrence-update.js';
import { type EngineCaches, type EngineParts, engineCaches, type RunResult, simulateRuns } from './engine.js';
import { defaultParts } from './parts.js';
import type { Scenario } from './scenario.js';

// The ensemble's summary runs on the same threads after its runs: loading it with the task saves a second import.
export { summarizeBlock } from './summary.js';

export interface ChunkInput {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Run indices, ascending. */
  readonly runs: readonly number[];
  /**
   * Deterrence evaluations computed for this ensemble by other threads (a
   * pure function's memo): entries `start`… of the ensemble's shared log,
   * `ensemble` naming the log. A thread applies the entries it has not applied yet.
   */
  readonly deterrenceLog?: {
    readonly ensemble: string;
    readonly start: number;
    readonly entries: readonly (readonly [string, DyadEvaluation])[];
  };
  /**
   * Report progress while the chunk runs (a queue worker passes it on, so
   * that a chunk's progress is visible before it ends): after every `every`
   * runs, `{ id, done }` ({@link ChunkProgressMessage}) is posted on the
   * BroadcastChannel named `channel` of this process.
   */
  readonly progress?: { readonly channel: string; readonly id: string; readonly every: number };
}

/** What a chunk posts on its progress channel: the runs of chunk `id` done so far. */
export interface ChunkProgressMessage {
  readonly id: string;
  readonly done: number;
}

/** The runs of a chunk and the deterrence evaluations the thread computed for it. */
export interface ChunkOutput {
  /** The run indices, in order. */
  readonly runs: readonly number[];
  /**
   * Every run's recorded values, run after run (each run's block as in
   * {@link RunResult.values}), and its drawn parameters likewise: two buffers
   * per chunk instead of two per run, so that passing a chunk between threads
   * allocates little (see {@link chunkResults}).
   */
  readonly values: Float64Array;
  readonly draws: Float64Array;
  /** Evaluations this thread computed since its previous chunk (not those it was given). */
  readonly deterrenceCache: [string, DyadEvaluation][];
  /** The thread that ran the chunk and how many entries of the shared log it has applied. */
  readonly thread: number;
  readonly logApplied: number;
}

/** The runs of a chunk's output, as views of its two buffers. */
export function chunkResults(out: ChunkOutput): RunResult[] {
  const n = out.runs.length;
  const width = n > 0 ? out.values.length / n : 0;
  const drawWidth = n > 0 ? out.draws.length / n : 0;
  return out.runs.map((run, k) => ({
    run,
    values: out.values.subarray(k * width, (k + 1) * width),
    draws: out.draws.subarray(k * drawWidth, (k + 1) * drawWidth),
  }));
}

/** A scenario a thread has run, with its parts (and their deterrence memo). */
export interface ScenarioEntry {
  readonly scenario: Scenario;
  readonly parts: EngineParts;
  /** The ensemble whose shared deterrence log this thread follows, and how many entries it applied. */
  log: { ensemble: string; applied: number };
}

/**
 * What a thread keeps from one chunk to the next: the engine's caches, and
 * each scenario it has run with its parts. Scenarios arrive as fresh copies
 * in every task; the thread keeps the first copy of each scenario (by its
 * JSON) with its parts and runs every later chunk of that scenario on them,
 * so that it reuses its caches (and the objects its compiled code has seen)
 * across the chunks of an ensemble.
 */
export interface ThreadContext {
  readonly caches: EngineCaches;
  /** By the scenario's JSON; at most {@link SCENARIOS_PER_THREAD} (cleared when full). */
  readonly scenarios: Map<string, ScenarioEntry>;
}

/** Most scenarios a thread keeps parts for. */
export const SCENARIOS_PER_THREAD = 8;

/** An empty {@link ThreadContext}. */
export function threadContext(): ThreadContext {
  return { caches: engineCaches(), scenarios: new Map() };
}

/**
 * This thread's context: the pool calls {@link simulateChunk} with its input
 * only, so each thread (a worker, or the main thread for ensembles run
 * in-process) keeps one, made when it loads this module.
 */
const thisThread = threadContext();

function entryFor(context: ThreadContext, s: Scenario): ScenarioEntry {
  const key = JSON.stringify(s);
  let hit = context.scenarios.get(key);
  if (!hit) {
    if (context.scenarios.size >= SCENARIOS_PER_THREAD) context.scenarios.clear();
    hit = { scenario: s, parts: defaultParts(s), log: { ensemble: '', applied: 0 } };
    context.scenarios.set(key, hit);
  }
  return hit;
}

/** This thread's progress channels, by name (unreferenced: they never keep the thread alive). */
const channels = new Map<string, BroadcastChannel>();

/**
 * The chunk's runs in slices of `progress.every`, posting the runs done after
 * each: the same runs, on the same caches and in the same order, as one call
 * of simulateRuns (the run streams continue from slice to slice).
 */
function simulateInSlices(
  s: Scenario,
  input: ChunkInput,
  parts: EngineParts,
  caches: EngineCaches,
  progress: NonNullable<ChunkInput['progress']>,
): RunResult[] {
  let channel = channels.get(progress.channel);
  if (!channel) {
    channel = new BroadcastChannel(progress.channel);
    channel.unref();
    channels.set(progress.channel, channel);
  }
  const every = Math.max(1, Math.floor(progress.every));
  const out: RunResult[] = [];
  for (let k = 0; k < input.runs.length; k += every) {
    out.push(...simulateRuns(s, input.seed, input.runs.slice(k, k + every), parts, caches));
    channel.postMessage({ id: progress.id, done: out.length } satisfies ChunkProgressMessage);
  }
  return out;
}

/**
 * Simulates the chunk's runs with the default parts, on `context`'s caches
 * (by default this thread's). The deterrence memo is seeded from the input,
 * and the evaluations the thread computed are returned with the results, so
 * that threads share the costly exchange evaluations instead of each
 * computing them; results do not depend on it.
 *
 * @throws {Error} when the run indices are not ascending
 */
export function simulateChunk(input: ChunkInput, context: ThreadContext = thisThread): ChunkOutput {
  const cached = entryFor(context, input.scenario);
  const parts = cached.parts;
  const shared = input.deterrenceLog;
  if (shared) {
    if (cached.log.ensemble !== shared.ensemble) cached.log = { ensemble: shared.ensemble, applied: 0 };
    const from = Math.max(0, cached.log.applied - shared.start);
    if (parts.deterrence) parts.deterrence.seed(shared.entries.slice(from));
    cached.log.applied = Math.max(cached.log.applied, shared.start + shared.entries.length);
  }
  const results = input.progress
    ? simulateInSlices(cached.scenario, input, parts, context.caches, input.progress)
    : simulateRuns(cached.scenario, input.seed, input.runs, parts, context.caches);
  const width = results[0]?.values.length ?? 0;
  const drawWidth = results[0]?.draws.length ?? 0;
  const values = new Float64Array(results.length * width);
  const draws = new Float64Array(results.length * drawWidth);
  results.forEach((r, k) => {
    values.set(r.values, k * width);
    draws.set(r.draws, k * drawWidth);
  });
  return {
    runs: results.map((r) => r.run),
    values,
    draws,
    deterrenceCache: parts.deterrence ? parts.deterrence.takeNew() : [],
    thread: threadId,
    logApplied: cached.log.applied,
  };
}
