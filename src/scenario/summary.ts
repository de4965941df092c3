/**
 * Ensemble summaries: quantile bands (5/25/50/75/95 %) and the mean of every
 * recorded series in every year, over the runs of an ensemble.
 *
 * Quantiles are type 7 of Hyndman & Fan (1996), the default of R and NumPy:
 * h = (n − 1)·p, Q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), where x₍k₎ is the
 * k-th order statistic (from 0). The order statistics are found by
 * Floyd–Rivest selection (simple-statistics' `quickselect`), O(n) per
 * statistic, instead of sorting each column; the values are the same as
 * from a sort. NaN values sort last, as in `Float64Array.prototype.sort`,
 * so a quantile whose order statistics fall among them is NaN. The mean is
 * the sum in run order divided by the run count (NaN if any value is NaN).
 *
 * Memory is bounded whatever the run count: the runs are read from their
 * source once per block of series, a block holding at most
 * {@link SUMMARY_BUDGET_VALUES} values. Blocks are independent, so
 * {@link summarizeBlock} can compute them on worker threads, each reading the
 * run store itself (src/scenario/ensemble.ts does so when it has a pool).
 */
import { quickselect } from 'simple-statistics';
import { RunStore } from '../runtime/store.js';
import type { EnsembleMeta } from '../runtime/store.js';

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

/** Values held in memory at once while summarising (doubles): the memory bound, whatever the run count. */
export const SUMMARY_BUDGET_VALUES = 4_000_000;

/**
 * Quantile of sorted values by linear interpolation between order statistics
 * (Hyndman & Fan 1996, definition 7; the default of R and NumPy).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** simple-statistics types `quickselect` for number[]; it only indexes, so a Float64Array works. */
const select = quickselect as unknown as (a: Float64Array, k: number, left: number, right: number) => void;

/**
 * The type-7 quantiles {@link QUANTILES} of `column` (reordered in place)
 * and its mean, as if the column had been sorted.
 */
export function columnSummary(column: Float64Array): { quantiles: number[]; mean: number } {
  const n = column.length;
  if (n === 0) return { quantiles: QUANTILES.map(() => Number.NaN), mean: Number.NaN };
  let sum = 0;
  let finite = 0;
  for (let i = 0; i < n; i++) {
    const x = column[i]!;
    sum += x;
    if (!Number.isNaN(x)) column[finite++] = x;
  }
  column.fill(Number.NaN, finite);
  // The order statistics needed, ascending; each is selected in the part above the previous one.
  let left = 0;
  let lastK = -1;
  const statistic = (k: number): number => {
    if (k >= finite) return Number.NaN;
    if (k > lastK) {
      if (k === left) {
        // The smallest of the part not yet placed (e.g. the statistic right after one just selected).
        let m = left;
        for (let i = left + 1; i < finite; i++) if (column[i]! < column[m]!) m = i;
        const t = column[k]!;
        column[k] = column[m]!;
        column[m] = t;
      } else if (k === finite - 1) {
        // The largest: a scan of the part not yet placed.
        let m = left;
        for (let i = left + 1; i < finite; i++) if (column[i]! > column[m]!) m = i;
        const t = column[k]!;
        column[k] = column[m]!;
        column[m] = t;
      } else select(column, k, left, finite - 1);
      left = k + 1;
      lastK = k;
    }
    return column[k]!;
  };
  const quantiles = QUANTILES.map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(n - 1, lo + 1);
    const a = statistic(lo);
    const b = statistic(hi);
    return a + (h - lo) * (b - a);
  });
  return { quantiles, mean: sum / n };
}

/**
 * The series blocks [first, last) whose columns fit {@link SUMMARY_BUDGET_VALUES},
 * as many as a multiple of `threads` (so that each thread gets the same number of blocks).
 */
export function seriesBlocks(
  seriesCount: number,
  years: number,
  runs: number,
  threads = 1,
): [number, number][] {
  const perSeries = Math.max(1, runs * years);
  const fit = Math.max(1, Math.floor(SUMMARY_BUDGET_VALUES / perSeries));
  const needed = Math.ceil(seriesCount / fit);
  const count = Math.min(seriesCount, Math.ceil(needed / threads) * threads);
  const out: [number, number][] = [];
  for (let b = 0; b < count; b++) {
    const first = Math.floor((b * seriesCount) / count);
    const last = Math.floor(((b + 1) * seriesCount) / count);
    if (last > first) out.push([first, last]);
  }
  return out;
}

/**
 * Bands of series [first, last) over the `runs` value vectors (series × years
 * each) of `source`, which must yield exactly `runs` vectors.
 */
export function blockBands(
  source: Iterable<Float64Array>,
  series: readonly string[],
  first: number,
  last: number,
  yearFrom: number,
  yearTo: number,
  runs: number,
): Record<string, Bands> {
  const years = yearTo - yearFrom + 1;
  const yearList = Array.from({ length: years }, (_, t) => yearFrom + t);
  const width = (last - first) * years;
  const columns = Array.from({ length: width }, () => new Float64Array(runs));
  let k = 0;
  for (const values of source) {
    if (k >= runs) break;
    const offset = first * years;
    for (let c = 0; c < width; c++) columns[c]![k] = values[offset + c]!;
    k++;
  }
  if (k !== runs) throw new Error(`expected ${runs} runs, found ${k}`);
  const out: Record<string, Bands> = {};
  for (let s = first; s < last; s++) {
    const b: Bands = { years: yearList, q05: [], q25: [], q50: [], q75: [], q95: [], mean: [] };
    for (let t = 0; t < years; t++) {
      const { quantiles, mean } = columnSummary(columns[(s - first) * years + t]!);
      b.q05.push(quantiles[0]!);
      b.q25.push(quantiles[1]!);
      b.q50.push(quantiles[2]!);
      b.q75.push(quantiles[3]!);
      b.q95.push(quantiles[4]!);
      b.mean.push(mean);
    }
    out[series[s]!] = b;
  }
  return out;
}

/**
 * Bands of every series over `runs` value vectors produced by `source()`.
 * The source is read once per block of series, so memory stays within
 * {@link SUMMARY_BUDGET_VALUES} values whatever the run count (as long as one
 * series fits).
 */
export function bandsOf(
  source: () => Iterable<Float64Array>,
  series: readonly string[],
  yearFrom: number,
  yearTo: number,
  runs: number,
): Record<string, Bands> {
  const out: Record<string, Bands> = {};
  for (const [first, last] of seriesBlocks(series.length, yearTo - yearFrom + 1, runs)) {
    Object.assign(out, blockBands(source(), series, first, last, yearFrom, yearTo, runs));
  }
  return inSeriesOrder(out, series);
}

/** The bands in the order of `series` (blocks may finish in any order). */
export function inSeriesOrder(
  bands: Record<string, Bands>,
  series: readonly string[],
): Record<string, Bands> {
  const out: Record<string, Bands> = {};
  for (const name of series) {
    const b = bands[name];
    if (b) out[name] = b;
  }
  return out;
}

/** Quantile bands and means of every series over runs 0…runs−1 of a stored ensemble. */
export function summarize(store: RunStore, meta: EnsembleMeta, runs: number): Record<string, Bands> {
  return bandsOf(() => store.iterateValues(meta.id, runs), meta.series, meta.yearFrom, meta.yearTo, runs);
}

/**
 * Bands over every run an ensemble holds (indices below its requested
 * count): after an interrupt these need not be runs 0…k−1, so they are
 * counted first and read in run order. Also returns how many there are.
 */
export function summarizeStored(
  store: RunStore,
  e: EnsembleMeta & { readonly requestedRuns: number },
): { runs: number; bands: Record<string, Bands> } {
  const runs = store.countRuns(e.id, e.requestedRuns);
  const bands = bandsOf(
    () => store.iterateValues(e.id, e.requestedRuns),
    e.series,
    e.yearFrom,
    e.yearTo,
    runs,
  );
  return { runs, bands };
}

/** A block of a stored ensemble's summary, computed by a worker thread that opens the store itself. */
export interface SummaryBlockInput {
  readonly storePath: string;
  readonly ensembleId: string;
  readonly series: readonly string[];
  readonly yearFrom: number;
  readonly yearTo: number;
  readonly runs: number;
  readonly first: number;
  readonly last: number;
}

/** The worker task: bands of series [first, last) over runs 0…runs−1, read from the store file. */
export function summarizeBlock(input: SummaryBlockInput): Record<string, Bands> {
  const store = RunStore.open(input.storePath, { readonly: true });
  try {
    return blockBands(
      store.iterateValues(input.ensembleId, input.runs),
      input.series,
      input.first,
      input.last,
      input.yearFrom,
      input.yearTo,
      input.runs,
    );
  } finally {
    store.close();
  }
}
