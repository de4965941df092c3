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
import { type ChunkInput, type ChunkOutput, simulateChunk } from './task.js';
import type { RunResult } from './engine.js';

/** Version of the engine's rules: part of every ensemble id, so a rule change never mixes runs. */
export const ENGINE_VERSION = 'concert-scenario-2';

/** Runs per worker task. */
export const DEFAULT_CHUNK_RUNS = 50;

/** Runs of the first task, run alone on the pool to fill the shared deterrence memo. */
export const WARM_UP_RUNS = 10;

/** The quantiles reported for every indicator and year. */
export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** Quantile bands and mean of one series over the ensemble, per year. */
export interface Bands {
  readonly years: number[];
  readonly q05: number[];
  readonly q25: number[];
  readonly q50: number[];
  readonly q75: number[];
  readonly q95: number[];
  readonly mean: number[];
}

export interface EnsembleOptions {
  readonly runs: number;
  readonly seed: number;
  /** Worker threads; 1 runs in this thread. */
  readonly workers: number;
  readonly store: RunStore;
  /** Called after each stored chunk with the runs stored so far out of `runs`. */
  readonly onProgress?: (stored: number, total: number) => void;
  readonly chunkRuns?: number;
}

export interface EnsembleOutcome {
  readonly meta: EnsembleMeta;
  readonly runs: number;
  /** Runs computed by this call (the others were already in the store). */
  readonly computed: number;
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
  if (options.workers <= 1 || chunks.length <= 1) {
    for (const runs of chunks) save(simulateChunk({ scenario: s, seed: options.seed, runs }).results);
  } else {
    const threads = Math.min(options.workers, chunks.length);
    const pool = WorkerPool.create(threads);
    const task = moduleUrl(import.meta.url, './task');
    // Deterrence evaluations are shared between threads through this thread: each task brings back
    // the evaluations its thread computed, appended to a log, and takes the part of the log that the
    // thread furthest behind has not applied yet. A first small chunk runs alone to fill it.
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
      save(out.results);
    };
    try {
      const first = chunks.shift()!;
      await dispatch(first.slice(0, WARM_UP_RUNS));
      if (first.length > WARM_UP_RUNS) chunks.unshift(first.slice(WARM_UP_RUNS));
      // At most two chunks per thread are in flight, so memory does not grow with the number of runs.
      let next = 0;
      const lane = async () => {
        while (next < chunks.length) await dispatch(chunks[next++]!);
      };
      await Promise.all(Array.from({ length: 2 * threads }, lane));
    } finally {
      await pool.close();
    }
  }
  return { meta, runs: options.runs, computed: missing.length };
}

/**
 * Quantile of sorted values by linear interpolation between order statistics
 * (Hyndman & Fan 1996, definition 7; the default of R and NumPy):
 * h = (n − 1)·p, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Values held in memory at once while summarising (doubles): the memory bound, whatever the run count. */
export const SUMMARY_BUDGET_VALUES = 2_000_000;

/**
 * Quantile bands and means of every series over runs 0…runs−1, read from the
 * store in blocks of series so that at most {@link SUMMARY_BUDGET_VALUES}
 * values are in memory (one series of one year needs `runs` values).
 */
export function summarize(store: RunStore, meta: EnsembleMeta, runs: number): Record<string, Bands> {
  return bandsOf(
    () => valuesOf(store.iterateRuns(meta.id, runs)),
    meta.series,
    meta.yearFrom,
    meta.yearTo,
    runs,
  );
}

function* valuesOf(runs: Iterable<{ values: Float64Array }>): IterableIterator<Float64Array> {
  for (const r of runs) yield r.values;
}

/**
 * Bands of every series over `runs` value vectors (series × years each)
 * produced by `source()`. The source is read once per block of series, so
 * memory stays within {@link SUMMARY_BUDGET_VALUES} values whatever the run
 * count (as long as one series fits).
 */
export function bandsOf(
  source: () => Iterable<Float64Array>,
  series: readonly string[],
  yearFrom: number,
  yearTo: number,
  runs: number,
): Record<string, Bands> {
  const years = yearTo - yearFrom + 1;
  const yearList = Array.from({ length: years }, (_, t) => yearFrom + t);
  const perSeries = runs * years;
  const block = Math.max(1, Math.floor(SUMMARY_BUDGET_VALUES / Math.max(1, perSeries)));
  const out: Record<string, Bands> = {};
  for (let first = 0; first < series.length; first += block) {
    const last = Math.min(series.length, first + block);
    const columns = Array.from({ length: (last - first) * years }, () => new Float64Array(runs));
    let k = 0;
    for (const values of source()) {
      if (k >= runs) break;
      for (let s = first; s < last; s++) {
        for (let t = 0; t < years; t++) columns[(s - first) * years + t]![k] = values[s * years + t]!;
      }
      k++;
    }
    if (k !== runs) throw new Error(`expected ${runs} runs, found ${k}`);
    for (let s = first; s < last; s++) {
      const b: Bands = { years: yearList, q05: [], q25: [], q50: [], q75: [], q95: [], mean: [] };
      for (let t = 0; t < years; t++) {
        const col = columns[(s - first) * years + t]!.sort();
        b.q05.push(quantileSorted(col, 0.05));
        b.q25.push(quantileSorted(col, 0.25));
        b.q50.push(quantileSorted(col, 0.5));
        b.q75.push(quantileSorted(col, 0.75));
        b.q95.push(quantileSorted(col, 0.95));
        let sum = 0;
        for (let i = 0; i < col.length; i++) sum += col[i]!;
        b.mean.push(sum / col.length);
      }
      out[series[s]!] = b;
    }
  }
  return out;
}

/** Years of a scenario, as a list. */
export function scenarioYears(s: Scenario): number[] {
  return Array.from({ length: yearCount(s) }, (_, t) => s.years.from + t);
}
