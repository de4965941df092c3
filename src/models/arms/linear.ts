/**
 * The linear Richardson system dx/dt = (K − A)·x + g: its matrix, equilibrium,
 * stability and closed-form solution.
 *
 * Richardson, L. F. (1960). *Arms and Insecurity*. Pittsburgh: Boxwood;
 * Richardson (1935), "Mathematical psychology of war", *Nature* 135: 830–831.
 * Matrix form and the N-nation generalisation: Intriligator, M. D. (1964),
 * "Some simple models of arms races", *General Systems* 9: 143–147;
 * Intriligator & Brito (1984), "Can arms races lead to the outbreak of war?",
 * *Journal of Conflict Resolution* 28(1): 63–84; Bigelow (2003).
 */
import { EigenvalueDecomposition, LuDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';
import { badInput, ConcertError, type Problem } from '../../core/errors.js';
import type { RichardsonSystem } from './schema.js';

/** A complex eigenvalue, per year. */
export interface RichardsonEigenvalue {
  readonly re: number;
  readonly im: number;
}

/** M = K − A: off-diagonal k_ij (per year), diagonal −a_i (per year). */
export function richardsonMatrix(system: RichardsonSystem): number[][] {
  return system.reaction.map((row, i) => row.map((k, j) => (i === j ? -system.fatigue[i]! : k)));
}

export interface RichardsonEquilibrium {
  /** x* = −M⁻¹·g (units of x), or null when M is singular (no unique equilibrium). */
  readonly equilibrium: number[] | null;
  readonly singular: boolean;
  /** 2-norm condition number of M (∞ when singular). */
  readonly conditionNumber: number;
  /** Every component of x* is ≥ 0 (a spending equilibrium is only meaningful then). */
  readonly nonNegative: boolean;
}

/** Relative size of the smallest singular value below which M is treated as singular. */
const SINGULAR_RCOND = 1e-12;

/**
 * The equilibrium x* of dx/dt = M·x + g, i.e. the solution of M·x* = −g.
 * M is declared singular when σ_min(M) ≤ 1e-12·σ_max(M) (SVD), in which case
 * there is no unique equilibrium (a zero eigenvalue: a line of equilibria or
 * none). Two actors: x* = ((b·g + k·h), (l·g + a·h)) / (a·b − k·l).
 */
export function richardsonEquilibrium(system: RichardsonSystem): RichardsonEquilibrium {
  const m = new Matrix(richardsonMatrix(system));
  const n = m.rows;
  const svd = new SingularValueDecomposition(m, {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
  });
  const s = svd.diagonal;
  const sMax = Math.max(...s);
  const sMin = Math.min(...s);
  const singular = !(sMin > SINGULAR_RCOND * sMax) || n === 0;
  if (singular) return { equilibrium: null, singular: true, conditionNumber: Infinity, nonNegative: false };
  const lu = new LuDecomposition(m);
  const rhs = Matrix.columnVector(system.grievance.map((g) => -g));
  const x = lu.solve(rhs).getColumn(0);
  // Well conditioned yet beyond the double range (a fatigue of 1e-308 against a grievance of 1e9):
  // no finite equilibrium, reported as for a singular M rather than as ±Infinity.
  if (!x.every(Number.isFinite))
    return { equilibrium: null, singular: true, conditionNumber: Infinity, nonNegative: false };
  return {
    equilibrium: x,
    singular: false,
    conditionNumber: sMax / sMin,
    nonNegative: x.every((v) => v >= 0),
  };
}

export interface RichardsonStability {
  /** Eigenvalues of M = K − A, per year, sorted by real part (largest first). */
  readonly eigenvalues: RichardsonEigenvalue[];
  /** max Re λ, per year: the slowest (or fastest growing) mode's rate. */
  readonly maxRealPart: number;
  /** Every eigenvalue has Re λ < 0 (below −1e-12·max(1, ‖M‖_F), to ignore round-off): every path converges to x*. */
  readonly stable: boolean;
  /** −max Re λ, per year: how far the system is inside the stable region (negative when unstable). */
  readonly margin: number;
}

/**
 * Stability of dx/dt = M·x + g: asymptotically stable iff every eigenvalue of
 * M = K − A has a negative real part (eigenvalues from ml-matrix's
 * EigenvalueDecomposition, Hessenberg QR). For two actors this is
 * Richardson's condition a·b > k·l (with a, b > 0): "fatigue and expense"
 * outweigh the mutual reactions.
 */
export function richardsonStability(system: RichardsonSystem): RichardsonStability {
  return matrixStability(richardsonMatrix(system));
}

/**
 * Eigenvalues and stability of a square rate matrix J (per year), e.g. the
 * Jacobian of a coupled system at a state: stable iff max Re λ(J) < 0 (below
 * −1e-12·max(1, ‖J‖_F), to ignore round-off).
 *
 * @throws {ConcertError} bad input (path `['matrix', i]` or
 *   `['matrix', i, j]`) for a row of the wrong length or an entry that is not
 *   finite.
 * @example
 * matrixStability([[-1, 0.5], [0.5, -1]]).stable; // => true: eigenvalues −0.5 and −1.5
 */
export function matrixStability(matrix: readonly (readonly number[])[]): RichardsonStability {
  const problems: Problem[] = [];
  matrix.forEach((row, i) => {
    if (row.length !== matrix.length)
      problems.push({
        path: ['matrix', i],
        message: `expected ${matrix.length} entries (a square matrix); got ${row.length}`,
      });
    row.forEach((x, j) => {
      if (!Number.isFinite(x))
        problems.push({ path: ['matrix', i, j], message: `expected a finite rate; got ${x}` });
    });
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const m = new Matrix(matrix.map((row) => [...row]));
  if (m.rows === 0) return { eigenvalues: [], maxRealPart: -Infinity, stable: true, margin: Infinity };
  const evd = new EigenvalueDecomposition(m);
  // ml-matrix's eigenvalue getters copy their arrays: read each once.
  const imaginary = evd.imaginaryEigenvalues;
  const eigenvalues = evd.realEigenvalues
    .map((re, i) => ({ re, im: imaginary[i] ?? 0 }))
    .sort((p, q) => q.re - p.re || q.im - p.im);
  const maxRealPart = eigenvalues[0]!.re;
  // Round-off leaves a zero eigenvalue at about ±1e-16·‖M‖; such a system is not asymptotically stable.
  const tolerance = 1e-12 * Math.max(1, m.norm('frobenius'));
  return { eigenvalues, maxRealPart, stable: maxRealPart < -tolerance, margin: -maxRealPart };
}

/**
 * The strongly connected components of the directed graph with an edge i → j
 * where the off-diagonal entry (i, j) of the n×n row-major `m` is non-zero,
 * as lists of indices (by a transitive closure, Warshall 1962; n is small).
 */
function stronglyConnected(m: ArrayLike<number>, n: number): number[][] {
  const reach = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) {
    reach[i * n + i] = 1;
    for (let j = 0; j < n; j++) if (i !== j && m[i * n + j] !== 0) reach[i * n + j] = 1;
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      if (!reach[i * n + k]) continue;
      for (let j = 0; j < n; j++) if (reach[k * n + j]) reach[i * n + j] = 1;
    }
  }
  const seen = new Uint8Array(n);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (seen[i]) continue;
    const block: number[] = [];
    for (let j = i; j < n; j++) {
      if (!seen[j] && reach[i * n + j] && reach[j * n + i]) {
        seen[j] = 1;
        block.push(j);
      }
    }
    out.push(block);
  }
  return out;
}

/**
 * trace((tI − B)⁻¹) for the k×k block B of `m` on indices `idx`, or NaN when
 * Gaussian elimination without pivoting meets a pivot ≤ 0 (then t ≤ α(B):
 * tI − B is not a nonsingular M-matrix). `work` holds 2k² numbers.
 */
function traceOfShiftedInverse(
  m: ArrayLike<number>,
  n: number,
  idx: readonly number[],
  t: number,
  work: Float64Array,
): number {
  const k = idx.length;
  // LU of A = tI − B in place (L unit lower, U upper).
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) work[r * k + c] = (r === c ? t : 0) - m[idx[r]! * n + idx[c]!]!;
  }
  for (let p = 0; p < k; p++) {
    const pivot = work[p * k + p]!;
    if (!(pivot > 0)) return Number.NaN;
    for (let r = p + 1; r < k; r++) {
      const f = work[r * k + p]! / pivot;
      work[r * k + p] = f;
      if (f === 0) continue;
      for (let c = p + 1; c < k; c++) work[r * k + c] = work[r * k + c]! - f * work[p * k + c]!;
    }
  }
  // Σᵢ (A⁻¹)ᵢᵢ: solve A·x = eᵢ for each i and keep xᵢ.
  const x = work.subarray(k * k, k * k + k);
  let trace = 0;
  for (let i = 0; i < k; i++) {
    for (let r = 0; r < k; r++) {
      let v = r === i ? 1 : 0;
      for (let c = 0; c < r; c++) v -= work[r * k + c]! * x[c]!;
      x[r] = v;
    }
    for (let r = k - 1; r >= i; r--) {
      let v = x[r]!;
      for (let c = r + 1; c < k; c++) v -= work[r * k + c]! * x[c]!;
      x[r] = v / work[r * k + r]!;
    }
    trace += x[i]!;
  }
  return trace;
}

/** Newton steps allowed per irreducible block in {@link metzlerSpectralAbscissa}. */
const NEWTON_STEPS = 200;

/**
 * The spectral abscissa α(M) = max Re λ(M) of a Metzler matrix M (every
 * off-diagonal entry ≥ 0), given row-major as n×n numbers: for instance a
 * Richardson matrix K − A with non-negative reactions.
 *
 * The eigenvalues of M are those of its irreducible diagonal blocks (the
 * strongly connected components of its off-diagonal pattern), so α(M) is the
 * largest of theirs; a 1×1 block's is its entry. For an irreducible block B,
 * α(B) is a simple real eigenvalue (Perron–Frobenius; Horn & Johnson 2013,
 * *Matrix Analysis*, 2nd ed., §8.4), below the largest row sum, and for real
 * t > α(B) the Z-matrix tI − B is a nonsingular M-matrix, so Gaussian
 * elimination without pivoting is stable and meets only positive pivots
 * (Berman & Plemmons 1994, *Nonnegative Matrices in the Mathematical
 * Sciences*, ch. 6). Newton's method on det(tI − B) from above,
 * t ← t − 1/S(t) with S(t) = trace((tI − B)⁻¹) = Σₖ 1/(t − λₖ), never steps
 * below α(B) (every term has a positive real part, one of them 1/(t − α),
 * so 1/S ≤ t − α), and converges quadratically to the simple root. Each
 * term's real part is also at most 1/(t − α), so t − α ≤ k/S: [t − k/S, t]
 * brackets α. Newton runs until the bracket is within 2⁻⁵² of the largest of
 * |α| and the entries; if it is slow (nearly multiple roots, when blocks are
 * barely coupled) or rounding stops it near α, bisection on the M-matrix
 * test finishes. Units: per year, as the matrix's entries.
 *
 * @throws {ConcertError} bad input (path `['m']`, or `['m', k]` for the
 *   row-major entry k) when `m` does not have n × n entries, an entry is not
 *   finite, or an off-diagonal entry is negative (not a Metzler matrix).
 * @example
 * metzlerSpectralAbscissa([-0.1, 0.025, 0.025, -0.1], 2); // => -0.075
 */
export function metzlerSpectralAbscissa(m: ArrayLike<number>, n: number): number {
  if (m.length !== n * n)
    throw badInput({ path: ['m'], message: `expected ${n}×${n} = ${n * n} entries, got ${m.length}` });
  if (n === 0) return -Infinity;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = m[i * n + j]!;
      if (!Number.isFinite(v))
        throw badInput({ path: ['m', i * n + j], message: `entry (${i}, ${j}) is not finite: ${v}` });
      if (i !== j && v < 0)
        throw badInput({
          path: ['m', i * n + j],
          message: `not a Metzler matrix: entry (${i}, ${j}) is ${v} < 0`,
        });
      largest = Math.max(largest, Math.abs(v));
    }
  }
  let alpha = -Infinity;
  let work: Float64Array | undefined;
  for (const block of stronglyConnected(m, n)) {
    const k = block.length;
    if (k === 1) {
      alpha = Math.max(alpha, m[block[0]! * n + block[0]!]!);
      continue;
    }
    work ??= new Float64Array(2 * n * n);
    let maxRow = -Infinity;
    for (const i of block) {
      let row = 0;
      for (const j of block) row += m[i * n + j]!;
      maxRow = Math.max(maxRow, row);
    }
    // α(B) ≤ the largest row sum (equal when all row sums are): start just above it.
    let step = 2 ** -40 * Math.max(largest, Math.abs(maxRow), Number.MIN_VALUE);
    let t = maxRow + step;
    let s = traceOfShiftedInverse(m, n, block, t, work);
    while (!(s > 0)) {
      step *= 2;
      t = maxRow + step;
      s = traceOfShiftedInverse(m, n, block, t, work);
    }
    // Newton from above: [t − k/S, t] brackets α(B) at every step.
    let lo = t - k / s;
    let hi = t;
    const tolerance = () => 2 ** -52 * Math.max(largest, Math.abs(lo), Math.abs(hi));
    for (let it = 0; it < NEWTON_STEPS && hi - lo > tolerance(); it++) {
      const next = hi - 1 / s;
      if (!(next < hi)) break;
      const sNext = traceOfShiftedInverse(m, n, block, next, work);
      if (!(sNext > 0)) {
        // Newton does not step below α, so the elimination failed by rounding: α is near `next`.
        lo = Math.max(lo, next - (hi - next));
        break;
      }
      s = sNext;
      hi = next;
      lo = Math.max(lo, hi - k / s);
    }
    // Finish by bisection on the M-matrix test (needed only when Newton is slow or rounding stops it).
    for (let it = 0; it < 200 && hi - lo > tolerance(); it++) {
      const mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) break;
      if (traceOfShiftedInverse(m, n, block, mid, work) > 0) hi = mid;
      else lo = mid;
    }
    t = lo + (hi - lo) / 2;
    alpha = Math.max(alpha, t);
  }
  return alpha;
}

/**
 * exp(A) by scaling and squaring with a diagonal Padé approximant of degree
 * 6 (Moler & Van Loan 1978/2003, "Nineteen dubious ways to compute the
 * exponential of a matrix", method 3; Golub & Van Loan, *Matrix
 * Computations*, alg. 11.3.1): scale A by 2^−s so ‖A/2^s‖∞ ≤ 1/2, apply
 * R₆₆, square s times.
 */
export function matrixExponential(a: Matrix): Matrix {
  const n = a.rows;
  const norm = Math.max(0, ...a.to2DArray().map((row) => row.reduce((acc, v) => acc + Math.abs(v), 0)));
  const s = norm > 0.5 ? Math.ceil(Math.log2(norm / 0.5)) : 0;
  const scaled = a.clone().div(2 ** s);
  const q = 6;
  let c = 0.5;
  let x = scaled.clone();
  const id = Matrix.eye(n);
  let e = id.clone().add(scaled.clone().mul(c));
  let d = id.clone().sub(scaled.clone().mul(c));
  let positive = true;
  for (let k = 2; k <= q; k++) {
    c = (c * (q - k + 1)) / (k * (2 * q - k + 1));
    x = scaled.mmul(x);
    const cx = x.clone().mul(c);
    e = e.add(cx);
    d = positive ? d.add(cx) : d.sub(cx);
    positive = !positive;
  }
  let r = new LuDecomposition(d).solve(e);
  for (let k = 0; k < s; k++) r = r.mmul(r);
  return r;
}

/**
 * The exact solution of dx/dt = M·x + g at time t (years) from x(0) = x0:
 * x(t) = e^{Mt}·x0 + (∫₀ᵗ e^{Ms} ds)·g, computed as the exponential of the
 * augmented matrix [[M, g], [0, 0]]·t (Van Loan 1978), which is valid even
 * when M is singular or defective. When x* exists this equals
 * x* + e^{Mt}(x0 − x*), i.e. a sum of eigenmodes e^{λt}.
 */
export function richardsonClosedForm(
  system: RichardsonSystem,
  initial: readonly number[],
  tYears: number,
): number[] {
  const m = richardsonMatrix(system);
  const n = m.length;
  const aug = Matrix.zeros(n + 1, n + 1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) aug.set(i, j, m[i]![j]! * tYears);
    aug.set(i, n, system.grievance[i]! * tYears);
  }
  const e = matrixExponential(aug);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let v = e.get(i, n);
    for (let j = 0; j < n; j++) v += e.get(i, j) * initial[j]!;
    out.push(v);
  }
  return out;
}

/**
 * One step of the discrete-time Richardson system (the USMA teaching form):
 * x_i(n) = x_i(n−1) + Δt·(Σ_{j≠i} k_ij·x_j(n−1) − a_i·x_i(n−1) + g_i), with
 * Δt in years. This is the forward-Euler map the scenario engine uses year by
 * year, and the model that {@link fitRichardson} estimates with Δt = 1.
 */
export function richardsonStep(system: RichardsonSystem, state: readonly number[], dtYears = 1): number[] {
  return state.map((xi, i) => {
    let rate = system.grievance[i]! - system.fatigue[i]! * xi;
    const row = system.reaction[i]!;
    for (let j = 0; j < state.length; j++) if (j !== i) rate += row[j]! * state[j]!;
    return xi + dtYears * rate;
  });
}
