/**
 * Support enumeration for two-player games (Nash 1951; von Stengel 2007,
 * "Equilibrium computation for two-player games in strategic and extensive
 * form", Algorithm 3.4; the algorithm of Nashpy's `support_enumeration`).
 *
 * For every pair of supports I ⊆ rows, J ⊆ columns of equal size k, solve
 *   Σ_{j∈J} A_ij y_j = u (i ∈ I),  Σ_{j∈J} y_j = 1,
 *   Σ_{i∈I} B_ij x_i = v (j ∈ J),  Σ_{i∈I} x_i = 1,
 * and keep (x, y) when x ≥ 0, y ≥ 0 and no strategy outside the supports
 * earns more (A y ≤ u, Bᵀx ≤ v). In a non-degenerate game every equilibrium
 * has supports of equal size and is found this way.
 *
 * Each system is first solved in floating point (a fast filter with a loose
 * tolerance; a system that is singular in floating point goes straight to the
 * exact check); every candidate is then re-solved in exact rational arithmetic
 * and checked exactly, so the output is exact and contains no false
 * equilibrium. Off-support probabilities are exactly zero by construction
 * (the Nashpy failure mode of a −2e−17 "negative probability" cannot occur).
 */
import type { NormalFormGame } from './game.js';
import { bimatrix } from './game.js';
import { type Equilibrium, exactEquilibrium, profileKey } from './equilibrium.js';
import { Fraction, solveExact } from '../../../core/rational.js';

const FILTER_TOLERANCE = 1e-7;

/** Solves a small dense system in place by Gaussian elimination with partial pivoting; undefined if singular. */
function solveFloat(a: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    if (Math.abs(a[p]![c]!) < 1e-12) return undefined;
    [a[c], a[p]] = [a[p]!, a[c]!];
    [b[c], b[p]] = [b[p]!, b[c]!];
    const prow = a[c]!;
    for (let r = c + 1; r < n; r++) {
      const row = a[r]!;
      const f = row[c]! / prow[c]!;
      if (f === 0) continue;
      for (let k = c; k < n; k++) row[k]! -= f * prow[k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const z = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < n; k++) s -= a[r]![k]! * z[k]!;
    z[r] = s / a[r]![r]!;
  }
  return z;
}

function subsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const cur: number[] = [];
  const rec = (start: number) => {
    if (cur.length === k) {
      out.push(cur.slice());
      return;
    }
    for (let i = start; i <= n - (k - cur.length); i++) {
      cur.push(i);
      rec(i + 1);
      cur.pop();
    }
  };
  rec(0);
  return out;
}

/**
 * Mixed strategy of the player choosing among `cols` that makes the opponent
 * (payoff matrix M, rows = opponent's strategies) indifferent across `rows`:
 * floating-point solution of M[rows][cols]·z = w·1, Σz = 1, or undefined.
 */
function indifferenceFloat(
  M: number[][],
  rows: number[],
  cols: number[],
): { z: number[]; w: number } | undefined {
  const k = cols.length;
  const a: number[][] = [];
  const b: number[] = [];
  for (const i of rows) {
    a.push([...cols.map((j) => M[i]![j]!), -1]);
    b.push(0);
  }
  a.push([...cols.map(() => 1), 0]);
  b.push(1);
  const sol = solveFloat(a, b);
  if (!sol) return undefined;
  return { z: sol.slice(0, k), w: sol[k]! };
}

function indifferenceExact(
  M: Fraction[][],
  rows: number[],
  cols: number[],
): { z: Fraction[]; w: Fraction } | undefined {
  const minusOne = new Fraction(-1);
  const a = rows.map((i) => [...cols.map((j) => M[i]![j]!), minusOne]);
  a.push([...cols.map(() => new Fraction(1)), new Fraction(0)]);
  const b = [...rows.map(() => new Fraction(0)), new Fraction(1)];
  const sol = solveExact(a, b);
  if (!sol) return undefined;
  return { z: sol.slice(0, cols.length), w: sol[cols.length]! };
}

/** Checks that the strategy `z` on `cols` is non-negative and that no row beats `w` against it. */
function passesFloat(M: number[][], cols: number[], z: number[], w: number): boolean {
  if (z.some((p) => p < -FILTER_TOLERANCE)) return false;
  for (const row of M) {
    let v = 0;
    cols.forEach((j, t) => {
      v += row[j]! * z[t]!;
    });
    if (v > w + FILTER_TOLERANCE) return false;
  }
  return true;
}

function passesExact(M: Fraction[][], cols: number[], z: Fraction[], w: Fraction): boolean {
  if (z.some((p) => p.s < 0n && p.n !== 0n)) return false;
  for (const row of M) {
    let v = new Fraction(0);
    cols.forEach((j, t) => {
      v = v.add(row[j]!.mul(z[t]!));
    });
    if (v.gt(w)) return false;
  }
  return true;
}

function spread(n: number, cols: number[], z: Fraction[]): Fraction[] {
  const out = Array.from({ length: n }, () => new Fraction(0));
  cols.forEach((j, t) => {
    out[j] = z[t]!;
  });
  return out;
}

/**
 * Equilibria of a two-player game found on supports of equal size, exact, in
 * the order the supports are visited (size 1 first; rows, then columns, in
 * lexicographic order). Complete for non-degenerate games; on a degenerate
 * game it can miss equilibria (use {@link vertexEnumeration}).
 */
export function supportEnumeration(game: NormalFormGame): Equilibrium[] {
  const { A, B } = bimatrix(game);
  const m = A.length;
  const n = A[0]!.length;
  const scale = (M: Fraction[][]) => {
    const f = M.map((r) => r.map((x) => x.valueOf()));
    const max = Math.max(1e-300, ...f.flat().map(Math.abs));
    return f.map((r) => r.map((x) => x / max));
  };
  const transpose = <T>(M: T[][]): T[][] =>
    Array.from({ length: n }, (_, j) => Array.from({ length: m }, (_, i) => M[i]![j]!));
  const Af = scale(A);
  const BtFloat = transpose(scale(B));
  const Bt = transpose(B);
  const found = new Set<string>();
  const out: Equilibrium[] = [];
  for (let k = 1; k <= Math.min(m, n); k++) {
    const rowSets = subsets(m, k);
    const colSets = subsets(n, k);
    for (const I of rowSets) {
      for (const J of colSets) {
        const y = indifferenceFloat(Af, I, J);
        if (y && !passesFloat(Af, J, y.z, y.w)) continue;
        const x = indifferenceFloat(BtFloat, J, I);
        if (x && !passesFloat(BtFloat, I, x.z, x.w)) continue;
        const ye = indifferenceExact(A, I, J);
        const xe = indifferenceExact(Bt, J, I);
        if (!ye || !xe || !passesExact(A, J, ye.z, ye.w) || !passesExact(Bt, I, xe.z, xe.w)) continue;
        const profile = [spread(m, I, xe.z), spread(n, J, ye.z)];
        const key = profileKey(profile);
        if (found.has(key)) continue;
        found.add(key);
        out.push(exactEquilibrium(game, profile));
      }
    }
  }
  return out;
}
