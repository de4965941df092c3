/**
 * Monte Carlo ensembles: N runs of a scenario with independent seeded streams
 * (run k uses stream k of the seed), computed on a worker-thread pool sized
 * to the cores and streamed into the run store chunk by chunk, so memory
 * does not grow with N. Summaries (quantile bands per indicator and year)
 * are computed from the store. Because each run depends only on (scenario,
 * seed, run index), the results are the same bytes whatever the number of
 * workers or the order in which chunks finish, and an interrupted ensemble
 * resumes by computing only the runs missing from the store.
 */
import { createHash } from 'node:crypto';
import { moduleUrl, WorkerPool } from '../runtime/pool.js';
import type { EnsembleMeta, RunStore } from '../runtime/store.js';
import { scenarioSeries, yearCount } from './engine.js';
import { defaultPartsName } from './parts.js';
import type { Scenario } from './scenario.js';
import type { DyadEvaluation } from './deterrence-update.js';
import { type ChunkInput, type ChunkOutput, chunkResults, simulateChunk } from './task.js';
import type { RunResult } from './engine.js';
import {
  type Bands,
  inSeriesOrder,
  type SummaryBlockInput,
  seriesBlocks,
  summarize,
  summarizeBlock,
} from './summary.js';

/** Version of the engine's rules: part of every ensemble id, so a rule change never mixes runs. */
export const ENGINE_VERSION = 'concert-scenario-5';

/** Runs per worker task. */
export const DEFAULT_CHUNK_RUNS = 50;

/** Runs of each thread's first task (all threads start at once; later tasks share their deterrence evaluations). */
export const WARM_UP_RUNS = 10;

export {
  type Bands,
  bandsOf,
  QUANTILES,
  quantileSorted,
  SUMMARY_BUDGET_VALUES,
  summarize,
} from './summary.js';

export interface EnsembleOptions {
  readonly runs: number;
  readonly seed: number;
  /** Worker threads; 1 runs in this thread. */
  readonly workers: number;
  /**
   * A pool to run on (from {@link ensemblePool}), kept open afterwards, e.g.
   * for the several ensembles of a comparison, whose later ensembles then run
   * on threads whose code is already compiled. Without it, a pool of
   * `workers` threads is made for this call when there is more than one chunk.
   */
  readonly pool?: WorkerPool;
  readonly store: RunStore;
  /** Called after each stored chunk with the runs stored so far out of `runs`. */
  readonly onProgress?: (stored: number, total: number) => void;
  readonly chunkRuns?: number;
  /**
   * Also compute the quantile bands of runs 0…runs−1 ({@link EnsembleOutcome.bands}).
   * When the runs were computed on a pool and the store is a file, the
   * blocks of series are summarised on the pool's threads.
   */
  readonly summarize?: boolean;
}

export interface EnsembleOutcome {
  readonly meta: EnsembleMeta;
  readonly runs: number;
  /** Runs computed by this call (the others were already in the store). */
  readonly computed: number;
  /** Quantile bands and means of every series, when {@link EnsembleOptions.summarize} was set. */
  readonly bands?: Record<string, Bands>;
}

/** The module of the ensemble's worker tasks. */
function taskModule(): string {
  return moduleUrl(import.meta.url, './task');
}

/**
 * A worker pool for ensembles: its threads load the engine as soon as they
 * start. Make it early (before reading the scenario) so that the threads load
 * while this thread works, and reuse it for several ensembles; close it after.
 */
export function ensemblePool(threads: number): WorkerPool {
  return WorkerPool.create(threads, { preload: [taskModule()] });
}

/** The ensemble's identity and description: a SHA-256 of engine version, parts, seed and scenario. */
export function ensembleMeta(s: Scenario, seed: number): EnsembleMeta {
  const definition = JSON.stringify(s);
  const id = createHash('sha256')
    .update(`${ENGINE_VERSION}\n${defaultPartsName()}\n${seed}\n${definition}`)
    .digest('hex');
  return {
    id,
    scenario: s.name,
    seed,
    yearFrom: s.years.from,
    yearTo: s.years.to,
    series: scenarioSeries(s),
    parameters: s.uncertain.map((u) => u.parameter),
    definition,
  };
}

function chunksOf(indices: readonly number[], size: number): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < indices.length; k += size) out.push(indices.slice(k, k + size));
  return out;
}

/**
 * The chunks of an ensemble on a pool: first one small chunk per thread, run
 * at once, so that every thread loads the engine and starts compiling straight
 * away (their deterrence evaluations reach all threads with the next chunks);
 * then chunks of `size` runs, the last 2·threads of them split five ways so
 * that the threads finish at about the same time.
 */
function poolPlan(
  missing: readonly number[],
  threads: number,
  size: number,
): { warmUp: number[][]; rest: number[][] } {
  const warmed = Math.min(missing.length, threads * WARM_UP_RUNS);
  const warmUp = chunksOf(missing.slice(0, warmed), WARM_UP_RUNS);
  const rest = chunksOf(missing.slice(warmed), size);
  const tail = rest.splice(Math.max(0, rest.length - 2 * threads)).flat();
  rest.push(...chunksOf(tail, Math.max(1, Math.ceil(size / 5))));
  return { warmUp, rest };
}

/**
 * Makes sure runs 0…runs−1 of the ensemble are in the store: computes the
 * missing ones (in-process with one worker, else on a piscina pool) and
 * writes each chunk in one transaction as soon as it is done.
 */
export async function runEnsemble(s: Scenario, options: EnsembleOptions): Promise<EnsembleOutcome> {
  const meta = ensembleMeta(s, options.seed);
  const store = options.store;
  store.ensureEnsemble(meta, options.runs);
  const missing = store.missingRuns(meta.id, options.runs);
  let stored = options.runs - missing.length;
  options.onProgress?.(stored, options.runs);
  const chunks = chunksOf(missing, options.chunkRuns ?? DEFAULT_CHUNK_RUNS);
  const save = (results: readonly RunResult[]) => {
    store.writeRuns(meta.id, results);
    stored += results.length;
    options.onProgress?.(stored, options.runs);
  };
  let bands: Record<string, Bands> | undefined;
  if (options.workers <= 1 || chunks.length <= 1 || options.pool?.threads === 1) {
    for (const runs of chunks) save(chunkResults(simulateChunk({ scenario: s, seed: options.seed, runs })));
  } else {
    const pool = options.pool ?? ensemblePool(Math.min(options.workers, chunks.length));
    const threads = pool.threads;
    const task = taskModule();
    // Deterrence evaluations are shared between threads through this thread: each task brings back
    // the evaluations its thread computed, appended to a log, and takes the part of the log that the
    // thread furthest behind has not applied yet. The first chunks are small (see below).
    const log: [string, DyadEvaluation][] = [];
    const known = new Set<string>();
    const applied = new Map<number, number>();
    const dispatch = async (runs: number[]) => {
      const start = applied.size < threads ? 0 : Math.min(...applied.values());
      const input: ChunkInput = {
        scenario: s,
        seed: options.seed,
        runs,
        deterrenceLog: { ensemble: meta.id, start, entries: log.slice(start) },
      };
      const out = await pool.run<ChunkInput, ChunkOutput>(task, 'simulateChunk', input);
      applied.set(out.thread, out.logApplied);
      for (const entry of out.deterrenceCache) {
        if (known.has(entry[0])) continue;
        known.add(entry[0]);
        log.push(entry);
      }
      save(chunkResults(out));
    };
    try {
      const { warmUp, rest } = poolPlan(missing, threads, options.chunkRuns ?? DEFAULT_CHUNK_RUNS);
      await Promise.all(warmUp.map(dispatch));
      // At most two chunks per thread are in flight, so memory does not grow with the number of runs.
      let next = 0;
      const lane = async () => {
        while (next < rest.length) await dispatch(rest[next++]!);
      };
      await Promise.all(Array.from({ length: 2 * threads }, lane));
      if (options.summarize && store.path !== ':memory:')
        bands = await summarizeOnPool(pool, store.path, meta, options.runs);
    } finally {
      if (!options.pool) await pool.close();
    }
  }
  if (options.summarize && !bands) bands = summarize(store, meta, options.runs);
  return { meta, runs: options.runs, computed: missing.length, ...(bands ? { bands } : {}) };
}

/**
 * The summary of runs 0…runs−1: its blocks of series are computed by the
 * pool's threads and by this thread (idle otherwise), each reading the store.
 */
async function summarizeOnPool(
  pool: WorkerPool,
  storePath: string,
  meta: EnsembleMeta,
  runs: number,
): Promise<Record<string, Bands>> {
  const years = meta.yearTo - meta.yearFrom + 1;
  const task = taskModule();
  const input = (first: number, last: number): SummaryBlockInput => ({
    storePath,
    ensembleId: meta.id,
    series: meta.series,
    yearFrom: meta.yearFrom,
    yearTo: meta.yearTo,
    runs,
    first,
    last,
  });
  const blocks = seriesBlocks(meta.series.length, years, runs, pool.threads + 1);
  // Every (threads + 1)-th block is this thread's; the pool's tasks are posted first.
  const own = blocks.filter((_, b) => b % (pool.threads + 1) === pool.threads);
  const posted = blocks
    .filter((_, b) => b % (pool.threads + 1) !== pool.threads)
    .map(([first, last]) =>
      pool.run<SummaryBlockInput, Record<string, Bands>>(task, 'summarizeBlock', input(first, last)),
    );
  const mine = own.map(([first, last]) => summarizeBlock(input(first, last)));
  const parts = [...(await Promise.all(posted)), ...mine];
  return inSeriesOrder(Object.assign({}, ...parts) as Record<string, Bands>, meta.series);
}

/** Years of a scenario, as a list. */
export function scenarioYears(s: Scenario): number[] {
  return Array.from({ length: yearCount(s) }, (_, t) => s.years.from + t);
}
