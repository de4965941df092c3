/**
 * Integer-pivoting tableaux for the best-response polytopes of a bimatrix
 * game (von Stengel 2002, "Computing equilibria for two-person games",
 * §2–3 and §6).
 *
 * With payoffs made integer and positive, the polytopes
 *   P = { x ∈ ℝᵐ : x ≥ 0, Bᵀx ≤ 1 }   and   Q = { y ∈ ℝⁿ : y ≥ 0, Ay ≤ 1 }
 * are bounded. Each is written as M z + s = 1 with slacks s ≥ 0 and kept as
 * an integer tableau: every entry is an integer, the basic variable of a row
 * has coefficient `det` in its own column, and the value of that variable is
 * `rhs / det`. A pivot replaces entries by (a·p − b·c) / det_old, which is
 * exact integer division (the entries are subdeterminants), so no fractions
 * and no rounding ever occur.
 *
 * Labels: strategies are numbered 0..m−1 (player 1) and m..m+n−1 (player 2).
 * A point of P has label i when xᵢ = 0 and label m+j when (Bᵀx)ⱼ = 1;
 * a point of Q has label m+j when yⱼ = 0 and label i when (Ay)ᵢ = 1.
 */
import type { NormalFormGame } from './game.js';
import { bimatrix } from './game.js';
import { Fraction, lcm } from '../../../core/rational.js';

/** Row player's and column player's payoffs as positive integers (same equilibria as the game). */
export interface IntegerBimatrix {
  readonly m: number;
  readonly n: number;
  /** `A[i][j]` ≥ 1. */
  readonly A: bigint[][];
  /** `B[i][j]` ≥ 1. */
  readonly B: bigint[][];
}

/**
 * Scales each player's payoffs by the least common denominator and shifts
 * them so that the smallest is 1. Positive affine maps of one player's
 * payoffs leave best responses, hence equilibria, unchanged.
 */
export function integerBimatrix(game: NormalFormGame): IntegerBimatrix {
  const { A, B } = bimatrix(game);
  const convert = (M: typeof A): bigint[][] => {
    let den = 1n;
    for (const row of M) for (const x of row) den = lcm(den, x.d);
    const ints = M.map((row) => row.map((x) => (x.s * x.n * den) / x.d));
    let min = ints[0]![0]!;
    for (const row of ints) for (const x of row) if (x < min) min = x;
    return ints.map((row) => row.map((x) => x - min + 1n));
  };
  return { m: A.length, n: A[0]!.length, A: convert(A), B: convert(B) };
}

/** An integer tableau for M z + s = 1. Columns: structural 0..k−1, slacks k..k+R−1, rhs last. */
export interface Tableau {
  readonly rows: bigint[][];
  /** The basic variable of each row. */
  readonly basis: number[];
  det: bigint;
  /** Number of structural variables. */
  readonly k: number;
}

/** The tableau at the origin (all slacks basic). */
export function initialTableau(M: readonly (readonly bigint[])[]): Tableau {
  const R = M.length;
  const k = M[0]!.length;
  const rows = M.map((row, r) => {
    const out = new Array<bigint>(k + R + 1).fill(0n);
    for (let c = 0; c < k; c++) out[c] = row[c]!;
    out[k + r] = 1n;
    out[k + R] = 1n;
    return out;
  });
  return { rows, basis: Array.from({ length: R }, (_, r) => k + r), det: 1n, k };
}

/** A copy that can be pivoted without touching the original. */
export function cloneTableau(t: Tableau): Tableau {
  return { rows: t.rows.map((r) => r.slice()), basis: t.basis.slice(), det: t.det, k: t.k };
}

/** Integer pivot in place: variable `col` enters the basis in row `row`. */
export function pivot(t: Tableau, row: number, col: number): void {
  const prow = t.rows[row]!;
  const p = prow[col]!;
  const width = prow.length;
  for (let r = 0; r < t.rows.length; r++) {
    if (r === row) continue;
    const cur = t.rows[r]!;
    const f = cur[col]!;
    if (f === 0n) {
      if (p !== t.det) for (let c = 0; c < width; c++) cur[c] = (cur[c]! * p) / t.det;
      continue;
    }
    for (let c = 0; c < width; c++) cur[c] = (cur[c]! * p - f * prow[c]!) / t.det;
  }
  t.basis[row] = col;
  t.det = p;
}

/**
 * The leaving row for entering `col` by the lexicographic minimum ratio
 * test: minimise (rhs, then the slack columns in order) divided by the
 * entering column. The slack columns hold det·B⁻¹, which is non-singular,
 * so the minimum is unique and Lemke–Howson cannot cycle on degenerate games
 * (von Stengel 2002, §6). Returns −1 when no entry is positive.
 */
export function lexMinRatioRow(t: Tableau, col: number): number {
  const R = t.rows.length;
  const rhs = t.rows[0]!.length - 1;
  const order = [rhs, ...Array.from({ length: R }, (_, r) => t.k + r)];
  let best = -1;
  for (let r = 0; r < R; r++) {
    const a = t.rows[r]![col]!;
    if (a <= 0n) continue;
    if (best < 0) {
      best = r;
      continue;
    }
    const b = t.rows[best]![col]!;
    for (const c of order) {
      const lhs = t.rows[r]![c]! * b;
      const rv = t.rows[best]![c]! * a;
      if (lhs < rv) {
        best = r;
        break;
      }
      if (lhs > rv) break;
    }
  }
  return best;
}

/** Values of the structural variables as integers over `det`. */
export function structuralValues(t: Tableau): bigint[] {
  const rhs = t.rows[0]!.length - 1;
  const out = new Array<bigint>(t.k).fill(0n);
  t.basis.forEach((v, r) => {
    if (v < t.k) out[v] = t.rows[r]![rhs]!;
  });
  return out;
}

/**
 * The mixed strategy of a polytope vertex: its non-negative integer
 * coordinates divided by their sum (the vertex is a best-response point up to
 * scale).
 */
export function strategyFromCoordinates(coords: readonly bigint[]): Fraction[] {
  const sum = coords.reduce((a, b) => a + b, 0n);
  return coords.map((c) => new Fraction(c, sum));
}
