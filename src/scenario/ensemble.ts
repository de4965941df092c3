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
import type { DyadEvaluation } from './deterrence-update.js';
import type { RunResult } from './engine.js';
import { scenarioSeries, yearCount } from './engine.js';
import { defaultPartsName } from './parts.js';
import type { Scenario } from './scenario.js';
import {
  type Bands,
  inSeriesOrder,
  type SummaryBlockInput,
  seriesBlocks,
  summarize,
  summarizeBlock,
} from './summary.js';
import { type ChunkInput, type ChunkOutput, chunkResults, simulateChunk } from './task.js';

/** Version of the engine's rules: part of every ensemble id, so a rule change never mixes runs. */
export const ENGINE_VERSION = 'concert-scenario-9';

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
   * Where the missing runs are computed when not in this process: a
   * distributed queue (src/runtime/queue). `chunkRuns` does not apply then,
   * and `workers` and `pool` only to the summary: with a file store and
   * `workers` > 1 its blocks are summarised on `pool` or on a pool of
   * `workers` − 1 threads and this one, started while the runs are computed
   * elsewhere (as a local run summarises on its pool), else in this thread.
   */
  readonly executor?: EnsembleExecutor;
  /**
   * Also compute the quantile bands of runs 0…runs−1 ({@link EnsembleOutcome.bands}).
   * When the runs were computed on a pool and the store is a file, the
   * blocks of series are summarised on the pool's threads.
   */
  readonly summarize?: boolean;
}

/**
 * What an {@link EnsembleExecutor} is asked to do: compute runs `missing` of
 * the ensemble `meta` of scenario `scenario` and hand them to `save`.
 */
export interface EnsembleWork {
  readonly scenario: Scenario;
  readonly meta: EnsembleMeta;
  /** The ensemble's requested run count: runs 0…runs−1. */
  readonly runs: number;
  /** The run indices not yet in the store, ascending. */
  readonly missing: readonly number[];
  /**
   * Writes finished runs to the store in one transaction and reports
   * progress. Runs that are already stored, or not in `missing`, are left
   * out, so a duplicate or a late result is harmless.
   */
  readonly save: (results: readonly RunResult[]) => void;
  /**
   * The runs of `missing` still not in the store, ascending: another process
   * sharing the store may have stored some meanwhile (they count as done).
   */
  readonly refresh: () => readonly number[];
}

/**
 * Computes an ensemble's runs somewhere other than this process (another
 * machine, a queue): any list of runs of a scenario with a seed. Each run
 * must depend only on (scenario, seed, run index), so that the results are
 * the bytes a local run gives.
 */
export interface EnsembleExecutor {
  /** Resolves when every run of `work.missing` has been saved; rejects with a clear error otherwise. */
  compute(work: EnsembleWork): Promise<void>;
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

/** The module of {@link summarizeBlock}, for a pool that only summarises. */
function summaryModule(): string {
  return moduleUrl(import.meta.url, './summary');
}

/**
 * A worker pool for ensembles: its threads load the engine as soon as they
 * start. Make it early (before reading the scenario) so that the threads load
 * while this thread works, and reuse it for several ensembles; close it after.
 */
export function ensemblePool(threads: number): WorkerPool {
  return WorkerPool.create(threads, { preload: [taskModule()] });
}

/**
 * An ensemble's id: the SHA-256 (hex) of the engine version, the parts' name,
 * the seed and the scenario's definition (its JSON), one per line. A worker
 * on another machine recomputes it from what it was sent, with its own engine
 * version and parts, to check that it runs the ensemble it was asked for.
 *
 * @example
 * ensembleId(JSON.stringify(s), 1) === ensembleMeta(s, 1).id; // => true
 */
export function ensembleId(
  definition: string,
  seed: number,
  engineVersion: string = ENGINE_VERSION,
  parts: string = defaultPartsName(),
): string {
  return createHash('sha256').update(`${engineVersion}\n${parts}\n${seed}\n${definition}`).digest('hex');
}

/** The ensemble's identity and description: a SHA-256 of engine version, parts, seed and scenario. */
export function ensembleMeta(s: Scenario, seed: number): EnsembleMeta {
  const definition = JSON.stringify(s);
  const id = ensembleId(definition, seed);
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
  if (options.executor) {
    // The summary's threads start (loading only the summary's code) while the runs are computed elsewhere.
    const summaryPool =
      options.summarize && store.path !== ':memory:' && options.workers > 1
        ? (options.pool ?? WorkerPool.create(options.workers - 1, { preload: [summaryModule()] }))
        : undefined;
    try {
      // Each missing run is stored once: a result for a run already stored (here or by another coordinator) is ignored.
      const pending = new Uint8Array(options.runs);
      for (const k of missing) pending[k] = 1;
      await options.executor.compute({
        scenario: s,
        meta,
        runs: options.runs,
        missing,
        save: (results) => {
          const fresh = results.filter((r) => r.run >= 0 && r.run < options.runs && pending[r.run] === 1);
          for (const r of fresh) pending[r.run] = 0;
          if (fresh.length > 0) save(fresh);
        },
        refresh: () => {
          const still = new Uint8Array(options.runs);
          for (const k of store.missingRuns(meta.id, options.runs)) still[k] = 1;
          let elsewhere = 0;
          for (const k of missing) {
            if (pending[k] === 1 && still[k] === 0) {
              pending[k] = 0;
              elsewhere++;
            }
          }
          if (elsewhere > 0) {
            stored += elsewhere;
            options.onProgress?.(stored, options.runs);
          }
          return missing.filter((k) => pending[k] === 1);
        },
      });
      if (summaryPool)
        bands = await summarizeOnPool(summaryPool, store.path, meta, options.runs, summaryModule());
    } finally {
      if (summaryPool && !options.pool) await summaryPool.close();
    }
  } else if (options.workers <= 1 || chunks.length <= 1 || options.pool?.threads === 1) {
    for (const runs of chunks) save(chunkResults(simulateChunk({ scenario: s, seed: options.seed, runs })));
  } else {
    const pool = options.pool ?? ensemblePool(Math.min(options.workers, chunks.length));
    const threads = pool.threads;
    const simulate = poolRunner(pool, s, options.seed, meta.id);
    const dispatch = async (runs: number[]) => save(chunkResults(await simulate(runs)));
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
 * Runs chunks of one ensemble on a pool: `simulate(runs)` computes the runs
 * (ascending indices) on one of the pool's threads. Deterrence evaluations
 * are shared between the threads through this thread: each task brings back
 * the evaluations its thread computed, appended to a log, and takes the part
 * of the log that the thread furthest behind has not applied yet. `progress`
 * asks the thread to report the runs done while it works (see
 * {@link ChunkInput.progress}).
 */
export function poolRunner(
  pool: WorkerPool,
  s: Scenario,
  seed: number,
  ensemble: string,
): (runs: readonly number[], progress?: ChunkInput['progress']) => Promise<ChunkOutput> {
  const task = taskModule();
  const log: [string, DyadEvaluation][] = [];
  const known = new Set<string>();
  const applied = new Map<number, number>();
  return async (runs, progress) => {
    const start = applied.size < pool.threads ? 0 : Math.min(...applied.values());
    const input: ChunkInput = {
      scenario: s,
      seed,
      runs,
      deterrenceLog: { ensemble, start, entries: log.slice(start) },
      ...(progress ? { progress } : {}),
    };
    const out = await pool.run<ChunkInput, ChunkOutput>(task, 'simulateChunk', input);
    applied.set(out.thread, out.logApplied);
    for (const entry of out.deterrenceCache) {
      if (known.has(entry[0])) continue;
      known.add(entry[0]);
      log.push(entry);
    }
    return out;
  };
}

/**
 * The summary of runs 0…runs−1: its blocks of series are computed by the
 * pool's threads and by this thread (idle otherwise), each reading the store.
 * Every lane takes the next block when it is free. This thread yields to the
 * event loop before each of its blocks, so that a thread of the pool that has
 * finished gets its next block at once instead of waiting for this thread's
 * block (a thread's next task is only posted when its result is received).
 */
async function summarizeOnPool(
  pool: WorkerPool,
  storePath: string,
  meta: EnsembleMeta,
  runs: number,
  task = taskModule(),
): Promise<Record<string, Bands>> {
  const years = meta.yearTo - meta.yearFrom + 1;
  const input = ([first, last]: [number, number]): SummaryBlockInput => ({
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
  const parts: Record<string, Bands>[] = [];
  let next = 0;
  const poolLane = async () => {
    while (next < blocks.length) {
      const block = blocks[next++]!;
      parts.push(
        await pool.run<SummaryBlockInput, Record<string, Bands>>(task, 'summarizeBlock', input(block)),
      );
    }
  };
  const ownLane = async () => {
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (next >= blocks.length) return;
      parts.push(summarizeBlock(input(blocks[next++]!)));
    }
  };
  await Promise.all([...Array.from({ length: pool.threads }, poolLane), ownLane()]);
  return inSeriesOrder(Object.assign({}, ...parts) as Record<string, Bands>, meta.series);
}

/** Years of a scenario, as a list. */
export function scenarioYears(s: Scenario): number[] {
  return Array.from({ length: yearCount(s) }, (_, t) => s.years.from + t);
}
