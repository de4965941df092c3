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
 */
export function matrixStability(matrix: readonly (readonly number[])[]): RichardsonStability {
  const m = new Matrix(matrix.map((row) => [...row]));
  if (m.rows === 0) return { eigenvalues: [], maxRealPart: -Infinity, stable: true, margin: Infinity };
  const evd = new EigenvalueDecomposition(m);
  const eigenvalues = evd.realEigenvalues
    .map((re, i) => ({ re, im: evd.imaginaryEigenvalues[i] ?? 0 }))
    .sort((p, q) => q.re - p.re || q.im - p.im);
  const maxRealPart = eigenvalues[0]!.re;
  // Round-off leaves a zero eigenvalue at about ±1e-16·‖M‖; such a system is not asymptotically stable.
  const tolerance = 1e-12 * Math.max(1, m.norm('frobenius'));
  return { eigenvalues, maxRealPart, stable: maxRealPart < -tolerance, margin: -maxRealPart };
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
