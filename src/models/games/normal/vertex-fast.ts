/**
 * Floating-point fast path for vertex enumeration of non-degenerate
 * two-player games, with exact rationalisation and exact verification.
 *
 * The breadth-first search over feasible bases of the best-response
 * polytopes (see vertex.ts) is run in double precision. Any sign that the
 * game may be degenerate or ill-conditioned — a basic variable within 1e−9
 * of zero, a tie (to 1e−9, relative) in a ratio test, a tiny pivot — makes
 * the fast path give up, and the caller falls back to exact integer
 * pivoting. Otherwise every vertex has exactly the dimension's number of
 * labels. Only P is searched: for each vertex x of P (support I, best-response
 * columns J, |I| = |J|) the complementary vertex of Q, if any, is the
 * solution of A[I][J]·y = 1 with y > 0 and no other row reaching 1 (one small
 * linear solve instead of a second search). Each pair is then recomputed exactly: the labels name the support I
 * and best-response set J (|I| = |J|), and the equalities
 * Σ_{i∈I} B_ij x_i = 1 (j ∈ J), Σ_{j∈J} A_ij y_j = 1 (i ∈ I) are solved by
 * fraction-free Gauss–Jordan elimination in BigInt. The exact profile must
 * be non-negative and pass the exact best-response test, and a
 * non-degenerate game must have an odd number of equilibria (Shapley 1974);
 * if anything fails, the result is discarded and the exact path runs. So the
 * fast path can only speed things up, never change the answer.
 */
import { isNashEquilibrium, type NormalFormGame } from './game.js';
import { compareEquilibria, type Equilibrium, exactEquilibrium } from './equilibrium.js';
import { Fraction } from '../../../core/rational.js';
import { integerBimatrix } from './tableau.js';

const ZERO_TOL = 1e-9;
const PIVOT_TOL = 1e-12;
/** Largest m + n for which label sets fit exactly in a double (sums of distinct powers of two). */
const MAX_LABELS = 52;
const EMPTY = new Float64Array(0);

interface FloatVertex {
  /** Σ 2^label over the vertex's labels. */
  readonly labels: number;
}

/**
 * Labels of every vertex of { z ≥ 0 : M z ≤ 1 } in floating point, or
 * undefined when the polytope looks degenerate (the caller then uses exact
 * arithmetic).
 */
export function floatVertexLabels(
  M: readonly (readonly number[])[],
  labelOf: readonly number[],
): FloatVertex[] | undefined {
  const R = M.length;
  const k = M[0]!.length;
  const vars = k + R;
  const width = vars + 1;
  const rhs = vars;
  let max = 0;
  for (const row of M) for (const x of row) max = Math.max(max, x);
  // One flat tableau per basis (row-major, R × width) and its basis.
  const start = new Float64Array(R * width);
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < k; c++) start[r * width + c] = M[r]![c]! / max;
    start[r * width + k + r] = 1;
    start[r * width + rhs] = 1;
  }
  const pow = labelOf.map((l) => 2 ** l);
  const varPow = Array.from({ length: vars }, (_, v) => 2 ** v);
  const startBasis = new Int32Array(R);
  let startKey = 0;
  for (let r = 0; r < R; r++) {
    startBasis[r] = k + r;
    startKey += varPow[k + r]!;
  }
  const seen = new Set<number>([startKey]);
  const tableaux: Float64Array[] = [start];
  const bases: Int32Array[] = [startBasis];
  const keys: number[] = [startKey];
  const out: FloatVertex[] = [];
  const isBasic = new Uint8Array(vars);
  for (let head = 0; head < tableaux.length; head++) {
    const t = tableaux[head]!;
    const basis = bases[head]!;
    const key = keys[head]!;
    isBasic.fill(0);
    for (let r = 0; r < R; r++) {
      if (t[r * width + rhs]! <= ZERO_TOL) return undefined;
      isBasic[basis[r]!] = 1;
    }
    let labels = 0;
    for (let v = 0; v < vars; v++) if (!isBasic[v]) labels += pow[v]!;
    out.push({ labels });
    for (let col = 0; col < vars; col++) {
      if (isBasic[col]) continue;
      let best = -1;
      let bestRatio = Number.POSITIVE_INFINITY;
      let second = Number.POSITIVE_INFINITY;
      for (let r = 0; r < R; r++) {
        const a = t[r * width + col]!;
        if (a <= PIVOT_TOL) continue;
        const ratio = t[r * width + rhs]! / a;
        if (ratio < bestRatio) {
          second = bestRatio;
          bestRatio = ratio;
          best = r;
        } else if (ratio < second) second = ratio;
      }
      if (best < 0) return undefined;
      if (second - bestRatio <= ZERO_TOL * Math.max(1, bestRatio)) return undefined;
      const childKey = key - varPow[basis[best]!]! + varPow[col]!;
      if (seen.has(childKey)) continue;
      seen.add(childKey);
      const child = t.slice();
      const prow = best * width;
      const p = child[prow + col]!;
      for (let c = 0; c < width; c++) child[prow + c] = child[prow + c]! / p;
      for (let r = 0; r < R; r++) {
        if (r === best) continue;
        const row = r * width;
        const f = child[row + col]!;
        if (f === 0) continue;
        for (let c = 0; c < width; c++) child[row + c] = child[row + c]! - f * child[prow + c]!;
      }
      const childBasis = basis.slice();
      childBasis[best] = col;
      tableaux.push(child);
      bases.push(childBasis);
      keys.push(childKey);
    }
    tableaux[head] = EMPTY;
  }
  return out;
}

/**
 * Whether the vertex of Q complementary to a vertex of P with support I and
 * best-response columns J exists: y solves A[I][J]·y_J = 1 with y_J > 0 and
 * (A y)ᵢ < 1 for i ∉ I (floating point). 'ambiguous' when a test is within
 * tolerance of its boundary or the system is near-singular.
 */
function complementaryY(
  A: readonly (readonly number[])[],
  I: readonly number[],
  J: readonly number[],
): 'yes' | 'none' | 'ambiguous' {
  const k = I.length;
  let max = 0;
  for (const row of A) for (const x of row) max = Math.max(max, x);
  const a = I.map((i) => [...J.map((j) => A[i]![j]! / max), 1]);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    if (Math.abs(a[p]![c]!) < PIVOT_TOL) return 'ambiguous';
    [a[c], a[p]] = [a[p]!, a[c]!];
    const prow = a[c]!;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const row = a[r]!;
      const f = row[c]! / prow[c]!;
      if (f === 0) continue;
      for (let j = c; j <= k; j++) row[j] = row[j]! - f * prow[j]!;
    }
  }
  const y = a.map((row, t) => row[k]! / row[t]!);
  // A strict violation settles 'none'; otherwise a near-tie leaves it open.
  let tie = false;
  for (const v of y) {
    if (Math.abs(v) <= ZERO_TOL) tie = true;
    else if (v < 0) return 'none';
  }
  for (let i = 0; i < A.length; i++) {
    if (I.includes(i)) continue;
    let v = 0;
    J.forEach((j, t) => {
      v += (A[i]![j]! / max) * y[t]!;
    });
    if (Math.abs(v - 1) <= ZERO_TOL) tie = true;
    else if (v > 1) return 'none';
  }
  return tie ? 'ambiguous' : 'yes';
}

/**
 * The same decision as {@link complementaryY} in exact integer arithmetic,
 * for the cases floating point cannot settle. 'ambiguous' now means a
 * feasible point with a real degeneracy (a zero coordinate or an extra tight
 * row), or a singular system; either sends the caller to the exact search.
 */
function complementaryYExact(
  A: readonly (readonly bigint[])[],
  I: readonly number[],
  J: readonly number[],
): 'yes' | 'none' | 'ambiguous' {
  const solved = gaussJordanOnes(A, I, J);
  if (!solved) return 'ambiguous';
  const { numerators, denominator } = solved;
  let tie = false;
  for (const v of numerators) {
    if (v === 0n) tie = true;
    else if (v < 0n) return 'none';
  }
  for (let i = 0; i < A.length; i++) {
    if (I.includes(i)) continue;
    let v = 0n;
    J.forEach((j, t) => {
      v += A[i]![j]! * numerators[t]!;
    });
    if (v === denominator) tie = true;
    else if (v > denominator) return 'none';
  }
  return tie ? 'ambiguous' : 'yes';
}

/**
 * Fraction-free Gauss–Jordan elimination of Σ_c M[r][c]·z_c = 1 (rows `rows`,
 * unknowns `cols`, square): z_t = numerators[t] / denominator with a positive
 * denominator; undefined when singular.
 */
function gaussJordanOnes(
  M: readonly (readonly bigint[])[],
  rows: readonly number[],
  cols: readonly number[],
): { numerators: bigint[]; denominator: bigint } | undefined {
  const k = cols.length;
  const a = rows.map((r) => [...cols.map((c) => M[r]![c]!), 1n]);
  let previous = 1n;
  for (let c = 0; c < k; c++) {
    let p = c;
    while (p < k && a[p]![c] === 0n) p++;
    if (p === k) return undefined;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const prow = a[c]!;
    const pivot = prow[c]!;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const row = a[r]!;
      const f = row[c]!;
      for (let j = 0; j <= k; j++) row[j] = (row[j]! * pivot - f * prow[j]!) / previous;
    }
    previous = pivot;
  }
  // Every diagonal entry now equals the determinant `previous`.
  const sign = previous < 0n ? -1n : 1n;
  return { numerators: a.map((row) => row[k]! * sign), denominator: previous * sign };
}

/**
 * Solves Σ_c M[r][c]·z_c = 1 for rows `rows`, unknowns `cols` (|rows| = |cols|)
 * exactly by fraction-free Gauss–Jordan elimination; undefined when singular.
 */
function solveOnes(
  M: readonly (readonly bigint[])[],
  rows: readonly number[],
  cols: readonly number[],
): Fraction[] | undefined {
  const solved = gaussJordanOnes(M, rows, cols);
  if (!solved) return undefined;
  const sum = solved.numerators.reduce((x, y) => x + y, 0n);
  if (sum === 0n) return undefined;
  return solved.numerators.map((v) => new Fraction(v, sum));
}

/**
 * All equilibria of a non-degenerate two-player game via the floating-point
 * search, exact; undefined when the fast path does not apply (degenerate or
 * ill-conditioned game, or a check failed), in which case the exact search
 * must be used.
 */
export function fastNondegenerateEquilibria(game: NormalFormGame): Equilibrium[] | undefined {
  const { m, n, A, B } = integerBimatrix(game);
  if (m + n > MAX_LABELS) return undefined;
  const toNumber = (M: bigint[][]) => M.map((r) => r.map(Number));
  const Bt = Array.from({ length: n }, (_, j) => Array.from({ length: m }, (_, i) => B[i]![j]!));
  const P = floatVertexLabels(toNumber(Bt), [
    ...Array.from({ length: m }, (_, i) => i),
    ...Array.from({ length: n }, (_, j) => m + j),
  ]);
  if (!P) return undefined;
  const Af = toNumber(A);
  const rowsOnly = 2 ** m - 1;
  const out: Equilibrium[] = [];
  for (const x of P) {
    if (x.labels === rowsOnly) continue;
    const has = (l: number) => Math.floor(x.labels / 2 ** l) % 2 === 1;
    const I = Array.from({ length: m }, (_, i) => i).filter((i) => !has(i));
    const J = Array.from({ length: n }, (_, j) => j).filter((j) => has(m + j));
    if (I.length !== J.length) return undefined;
    // The complementary y, if any: A[I][J]·y_J = 1 with y_J > 0 and (A y)_i < 1 off I.
    let status = complementaryY(Af, I, J);
    if (status === 'ambiguous') status = complementaryYExact(A, I, J);
    if (status === 'ambiguous') return undefined;
    if (status === 'none') continue;
    const xs = solveOnes(Bt, J, I);
    const ys = solveOnes(A, I, J);
    if (!xs || !ys || xs.some((v) => v.s < 0n || v.n === 0n) || ys.some((v) => v.s < 0n || v.n === 0n))
      return undefined;
    const xFull = Array.from({ length: m }, () => new Fraction(0));
    const yFull = Array.from({ length: n }, () => new Fraction(0));
    I.forEach((i, t) => {
      xFull[i] = xs[t]!;
    });
    J.forEach((j, t) => {
      yFull[j] = ys[t]!;
    });
    if (!isNashEquilibrium(game, [xFull, yFull])) return undefined;
    out.push(exactEquilibrium(game, [xFull, yFull]));
  }
  if (out.length % 2 !== 1) return undefined;
  return out.sort(compareEquilibria);
}
