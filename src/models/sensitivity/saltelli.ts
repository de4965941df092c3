/**
 * Variance-based global sensitivity: Saltelli's sampling scheme and the
 * Sobol' first-order, total and (optionally) second-order indices with
 * bootstrap confidence intervals (docs/models/sensitivity.md, "Sobol'
 * indices").
 *
 * Sampling (Saltelli 2002; Saltelli et al. 2010): a Sobol' sequence of
 * dimension 2k gives, per base point, two points A (the first k
 * coordinates) and B (the last k); AB⁽ⁱ⁾ is A with column i taken from B
 * (and, for second-order indices, BA⁽ⁱ⁾ is B with column i from A). Rows
 * come in blocks per base point, in the order
 * A, AB⁽¹⁾ … AB⁽ᵏ⁾, [BA⁽¹⁾ … BA⁽ᵏ⁾,] B — N·(k + 2) rows, or N·(2k + 2)
 * with second-order indices, the layout SALib also uses.
 *
 * Estimators, with V = Var(f(A) ∪ f(B)) (population variance) and f̄ the
 * mean of f over A and B, by which the outputs are centred (the estimators
 * stay unbiased; without it their error grows with f̄²/V, which for an
 * indicator near 0.9 varying by 10⁻⁴ swamps the indices):
 *   Sᵢ  = mean((f(B) − f̄)·(f(AB⁽ⁱ⁾) − f(A))) / V        (Saltelli et al. 2010, Table 2 (b))
 *   Sₜᵢ = mean((f(A) − f(AB⁽ⁱ⁾))²) / (2V)                (Jansen 1999; Saltelli et al. 2010, (f))
 *   Sᵢⱼ = mean(f̃(BA⁽ⁱ⁾)·f̃(AB⁽ʲ⁾) − f̃(A)·f̃(B)) / V − Sᵢ − Sⱼ, f̃ = f − f̄  (Saltelli 2002)
 * Confidence: the half-width z·sd over bootstrap resamples of the N base
 * points (Archer, Saltelli & Sobol' 1997), z the normal quantile of the level.
 */
import { badInput } from '../../core/errors.js';
import { type BootstrapOptions, checkAnalysis, halfWidth } from './bootstrap.js';
import { MAX_SOBOL_DIMENSION, MAX_SOBOL_POINTS, SobolSequence } from './sobol-sequence.js';

/** The largest number of inputs: the sequence has 2k dimensions. */
export const MAX_SALTELLI_INPUTS = Math.floor(MAX_SOBOL_DIMENSION / 2);

/** A Saltelli design on the unit cube. */
export interface SaltelliDesign {
  /** Number of inputs. */
  readonly k: number;
  /** Number of base points. */
  readonly n: number;
  readonly secondOrder: boolean;
  /** Rows per base point: k + 2, or 2k + 2 with second-order indices. */
  readonly blockRows: number;
  /** Number of rows: n · blockRows. */
  readonly rows: number;
  /** The rows, row-major (rows × k), each coordinate in [0, 1). */
  readonly points: Float64Array;
}

export interface SaltelliOptions {
  /** Also sample for second-order indices (N·(2k + 2) rows). Default false. */
  readonly secondOrder?: boolean;
  /**
   * Points of the sequence skipped before the first base point. Default: the
   * smallest power of two ≥ n (Owen 2020's advice, and SALib's default), so
   * that the origin is not used.
   */
  readonly skip?: number;
}

function wholeIn(name: string, x: number, lo: number, hi: number, what: string): void {
  if (!Number.isInteger(x) || x < lo || x > hi)
    throw badInput({ message: `expected ${what}; got ${x}`, path: [name] });
}

/**
 * The design of a Saltelli analysis of k inputs with n base points.
 *
 * @throws ConcertError (bad input) for k outside 1 … {@link MAX_SALTELLI_INPUTS} or n < 2.
 * @example
 * saltelliDesign(3, 1024).rows; // 5120 = 1024 · (3 + 2)
 */
export function saltelliDesign(k: number, n: number, options: SaltelliOptions = {}): SaltelliDesign {
  wholeIn(
    'k',
    k,
    1,
    MAX_SALTELLI_INPUTS,
    `the number of inputs, a whole number in 1 … ${MAX_SALTELLI_INPUTS}`,
  );
  wholeIn('n', n, 2, 2 ** 24, 'the number of base points, a whole number in 2 … 2²⁴');
  const secondOrder = options.secondOrder ?? false;
  const skip = options.skip ?? 2 ** Math.ceil(Math.log2(n));
  wholeIn('skip', skip, 0, MAX_SOBOL_POINTS - n, 'the points to skip, a whole number ≥ 0');
  const blockRows = secondOrder ? 2 * k + 2 : k + 2;
  const rows = n * blockRows;
  const points = new Float64Array(rows * k);
  const seq = new SobolSequence(2 * k);
  seq.seek(skip);
  const base = new Float64Array(2 * k);
  for (let p = 0; p < n; p++) {
    seq.next(base);
    const block = p * blockRows * k;
    // A
    for (let j = 0; j < k; j++) points[block + j] = base[j]!;
    // AB(i): A with column i from B
    for (let i = 0; i < k; i++) {
      const r = block + (1 + i) * k;
      for (let j = 0; j < k; j++) points[r + j] = j === i ? base[k + j]! : base[j]!;
    }
    // BA(i): B with column i from A
    if (secondOrder) {
      for (let i = 0; i < k; i++) {
        const r = block + (1 + k + i) * k;
        for (let j = 0; j < k; j++) points[r + j] = j === i ? base[j]! : base[k + j]!;
      }
    }
    // B
    const r = block + (blockRows - 1) * k;
    for (let j = 0; j < k; j++) points[r + j] = base[k + j]!;
  }
  return { k, n, secondOrder, blockRows, rows, points };
}

/** An index with its confidence half-width. */
export interface Estimate {
  readonly value: number;
  /** Half-width of the confidence interval (value ± conf). */
  readonly conf: number;
}

export interface SobolIndices {
  /** First-order index of each input. */
  readonly first: readonly Estimate[];
  /** Total index of each input. */
  readonly total: readonly Estimate[];
  /** Second-order index of each pair (i < j), when the design has them: `second[i][j]`, null elsewhere. */
  readonly second?: readonly (readonly (Estimate | null)[])[];
  /** Var(f) over A and B. */
  readonly variance: number;
  /** True when the output does not vary over the sample: no input explains any variance and every index is 0. */
  readonly constantOutput: boolean;
  readonly confidenceLevel: number;
  readonly resamples: number;
}

/** Bootstrap options of a Sobol' analysis (default 100 resamples, SALib's). */
export type SobolAnalysisOptions = BootstrapOptions;

/**
 * Sobol' indices from the outputs of a {@link saltelliDesign}'s rows, in row order.
 *
 * @throws ConcertError (bad input) when the outputs are not one finite number per row.
 * @example
 * const d = saltelliDesign(2, 256);
 * const y = Array.from({ length: d.rows }, (_, r) => d.points[r * 2]!); // f = x₁
 * sobolIndices(d, y, { resamples: 0 }).first[0]!.value; // ≈ 1
 */
export function sobolIndices(
  design: SaltelliDesign,
  outputs: ArrayLike<number>,
  options: SobolAnalysisOptions = {},
): SobolIndices {
  const { k, n, blockRows, secondOrder } = design;
  const boot = checkAnalysis(design.rows, outputs, options, 100);
  const { resamples, level } = boot;

  const y = (p: number, row: number) => outputs[p * blockRows + row]!;
  const fA = (p: number) => y(p, 0);
  const fB = (p: number) => y(p, blockRows - 1);
  const fAB = (p: number, i: number) => y(p, 1 + i);
  const fBA = (p: number, i: number) => y(p, 1 + k + i);

  // The estimators over a multiset of base points (all of them, or a resample).
  const estimate = (idx: Int32Array | null) => {
    const m = idx ? idx.length : n;
    const at = (q: number) => (idx ? idx[q]! : q);
    let mean = 0;
    for (let q = 0; q < m; q++) mean += fA(at(q)) + fB(at(q));
    mean /= 2 * m;
    let v = 0;
    for (let q = 0; q < m; q++) {
      const p = at(q);
      v += (fA(p) - mean) ** 2 + (fB(p) - mean) ** 2;
    }
    v /= 2 * m;
    const first = new Float64Array(k);
    const total = new Float64Array(k);
    const second = secondOrder ? new Float64Array(k * k) : null;
    if (v === 0) return { v, first, total, second };
    for (let i = 0; i < k; i++) {
      let s1 = 0;
      let st = 0;
      for (let q = 0; q < m; q++) {
        const p = at(q);
        const a = fA(p);
        const ab = fAB(p, i);
        s1 += (fB(p) - mean) * (ab - a);
        st += (a - ab) ** 2;
      }
      first[i] = s1 / m / v;
      total[i] = st / m / (2 * v);
    }
    if (second) {
      for (let i = 0; i < k; i++) {
        for (let j = i + 1; j < k; j++) {
          let vij = 0;
          for (let q = 0; q < m; q++) {
            const p = at(q);
            vij += (fBA(p, i) - mean) * (fAB(p, j) - mean) - (fA(p) - mean) * (fB(p) - mean);
          }
          second[i * k + j] = vij / m / v - first[i]! - first[j]!;
        }
      }
    }
    return { v, first, total, second };
  };

  const point = estimate(null);
  const constantOutput = point.v === 0;
  const bootFirst = Array.from({ length: k }, () => new Float64Array(resamples));
  const bootTotal = Array.from({ length: k }, () => new Float64Array(resamples));
  const bootSecond = secondOrder ? Array.from({ length: k * k }, () => new Float64Array(resamples)) : null;
  if (resamples > 0 && !constantOutput) {
    const idx = new Int32Array(n);
    for (let b = 0; b < resamples; b++) {
      for (let q = 0; q < n; q++) idx[q] = boot.rng!.int(0, n - 1);
      const e = estimate(idx);
      for (let i = 0; i < k; i++) {
        bootFirst[i]![b] = e.first[i]!;
        bootTotal[i]![b] = e.total[i]!;
      }
      if (bootSecond && e.second) for (let c = 0; c < k * k; c++) bootSecond[c]![b] = e.second[c]!;
    }
  }
  const conf = (xs: Float64Array) => (resamples > 1 && !constantOutput ? halfWidth(boot, xs) : 0);
  const first = Array.from({ length: k }, (_, i) => ({ value: point.first[i]!, conf: conf(bootFirst[i]!) }));
  const total = Array.from({ length: k }, (_, i) => ({ value: point.total[i]!, conf: conf(bootTotal[i]!) }));
  const result: SobolIndices = {
    first,
    total,
    variance: point.v,
    constantOutput,
    confidenceLevel: level,
    resamples,
  };
  if (!secondOrder) return result;
  const second = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) =>
      j > i ? { value: point.second![i * k + j]!, conf: conf(bootSecond![i * k + j]!) } : null,
    ),
  );
  return { ...result, second };
}
