/**
 * Replicator dynamics (Taylor & Jonker 1978; Hofbauer & Sigmund 1998), as in
 * Nashpy's `replicator_dynamics`, `asymmetric_replicator_dynamics` and the
 * discrete map.
 *
 * Continuous, one population with payoff matrix A (row = focal strategy):
 *   f = A x,  φ = xᵀ A x,  ẋ_i = x_i (f_i − φ).
 * With a mutation matrix Q (Q_ji = probability that offspring of j is i,
 * rows summing to 1), the replicator–mutator equation
 *   ẋ_i = Σ_j x_j f_j Q_ji − x_i φ.
 * Two populations (row players x with A, column players y with B):
 *   ẋ_i = x_i ((A y)_i − xᵀ A y),  ẏ_j = y_j ((xᵀ B)_j − xᵀ B y).
 * Discrete: x'_i = x_i f_i / φ (then x' ← x' Q with mutation); it needs
 * positive fitness.
 *
 * The ODEs are integrated with the Dormand–Prince 5(4) integrator of
 * src/core/ode.ts (rtol 1e-10, atol 1e-12 by default) and read at the
 * requested times from its dense output.
 */
import { badInput, ConcertError, type FieldPath, type Problem } from '../../../core/errors.js';
import { dopri5 } from '../../../core/ode.js';

export type Matrix = readonly (readonly number[])[];

export interface ReplicatorOptions {
  /** Mutation matrix Q (rows sum to 1); omitted = no mutation. */
  readonly mutation?: Matrix;
  readonly rtol?: number;
  readonly atol?: number;
}

/** A trajectory: the state at each requested time. */
export interface Trajectory {
  readonly t: readonly number[];
  readonly x: readonly (readonly number[])[];
}

/** Problems with a rows × cols matrix of finite numbers at `path`. */
function matrixProblems(M: Matrix, rows: number, cols: number, path: FieldPath): Problem[] {
  const problems: Problem[] = [];
  if (M.length !== rows) problems.push({ path, message: `expected ${rows} rows; got ${M.length}` });
  M.forEach((row, i) => {
    if (row.length !== cols)
      problems.push({ path: [...path, i], message: `expected ${cols} entries; got ${row.length}` });
    row.forEach((x, j) => {
      if (!Number.isFinite(x))
        problems.push({ path: [...path, i, j], message: `expected a finite number; got ${x}` });
    });
  });
  return problems;
}

/** Problems with a population state (shares ≥ 0, finite) at `path`. */
function stateProblems(x: readonly number[], path: FieldPath): Problem[] {
  const problems: Problem[] = x.length === 0 ? [{ path, message: 'expected at least one strategy' }] : [];
  x.forEach((xi, i) => {
    if (!(Number.isFinite(xi) && xi >= 0))
      problems.push({ path: [...path, i], message: `expected a share ≥ 0; got ${xi}` });
  });
  return problems;
}

/** Problems with the report times: finite and non-decreasing. */
function timesProblems(ts: readonly number[]): Problem[] {
  const problems: Problem[] = [];
  ts.forEach((t, k) => {
    if (!Number.isFinite(t) || (k > 0 && t < ts[k - 1]!))
      problems.push({ path: ['ts', k], message: `expected finite, non-decreasing times; got ${t}` });
  });
  return problems;
}

function check(problems: readonly Problem[]): void {
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
}

function times(ts: readonly number[]): number[] {
  return [...ts];
}

/**
 * Most integration steps of one trajectory. The integrator is explicit, so a
 * stiff game (a payoff spread of 1e9 makes the dynamics 1e9 times faster near
 * an equilibrium) needs steps of about 1/spread; each step keeps its dense
 * output (a few hundred bytes), so this bounds both time (about a second) and
 * memory (about 100 MB). Ordinary games need a few steps per unit of time
 * and payoff spread.
 */
export const MAX_REPLICATOR_STEPS = 250_000;

/** The largest difference between two payoffs of the matrices. */
function payoffSpread(...matrices: Matrix[]): number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const M of matrices)
    for (const row of M)
      for (const x of row) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
  return hi - lo;
}

function integrate(
  rhs: (t: number, y: Float64Array, dydt: Float64Array) => void,
  y0: readonly number[],
  ts: readonly number[],
  options: { rtol?: number; atol?: number },
  spread: number,
): number[][] {
  const t0 = ts[0] ?? 0;
  const t1 = ts[ts.length - 1] ?? 0;
  if (t1 === t0) return ts.map(() => [...y0]);
  const sol = dopri5(rhs, t0, y0, t1, {
    rtol: options.rtol ?? 1e-10,
    atol: options.atol ?? 1e-12,
    maxSteps: MAX_REPLICATOR_STEPS,
  });
  if (sol.status === 'max-steps') {
    throw badInput({
      path: ['ts'],
      message: `replicator dynamics: the integration needed more than ${MAX_REPLICATOR_STEPS} steps and reached only t=${sol.tEnd.toPrecision(3)} of ${t1}: with a payoff spread of ${spread.toPrecision(3)} the dynamics are too fast (stiff) to follow to this end time; choose an earlier end time, or payoffs closer together (dividing all payoffs by c slows the dynamics c-fold)`,
    });
  }
  if (sol.status !== 'done') {
    throw badInput({
      path: ['ts'],
      // Near the edge of the simplex (two populations in a heteroclinic cycle come ever closer to
      // it) the step-size control gives up. Smaller payoffs only slow the same path down (dividing
      // them by c is the end time divided by c); what helps is to stop before that time.
      message: `replicator dynamics: the integration stopped early (${sol.status === 'non-finite' ? 'the shares stopped being finite numbers' : 'the step size fell below the precision of t'}) at t=${sol.tEnd.toPrecision(3)} of ${t1}: the shares come too close to the edge of the simplex (as in a heteroclinic cycle) for the step-size control to follow them; choose an earlier end time, before t=${sol.tEnd.toPrecision(3)}`,
    });
  }
  return ts.map((t) => sol.at(t));
}

/**
 * Continuous replicator (or replicator–mutator) dynamics of one population
 * with payoff matrix A from x0, reported at times `ts` (increasing, first =
 * start time). Units: time in the model's own generations.
 *
 * @throws {ConcertError} bad input for a payoff or mutation matrix that is not
 *   n × n and finite (paths `['A', …]`, `['mutation', …]`), a start state with
 *   a negative or non-finite share (`['x0', i]`), times that decrease
 *   (`['ts', k]`), or an integration that stops early.
 * @example
 * replicatorDynamics([[0, 2], [1, 1]], [0.9, 0.1], [0, 50]).x[1]; // near [0.5, 0.5], the mixed equilibrium
 */
export function replicatorDynamics(
  A: Matrix,
  x0: readonly number[],
  ts: readonly number[],
  options: ReplicatorOptions = {},
): Trajectory {
  const n = x0.length;
  check([
    ...stateProblems(x0, ['x0']),
    ...matrixProblems(A, n, n, ['A']),
    ...(options.mutation ? matrixProblems(options.mutation, n, n, ['mutation']) : []),
    ...timesProblems(ts),
  ]);
  const f = new Float64Array(n);
  const Q = options.mutation;
  const rhs = (_t: number, x: Float64Array, dx: Float64Array) => {
    let phi = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      const row = A[i] as readonly number[];
      for (let j = 0; j < n; j++) s += (row[j] as number) * (x[j] as number);
      f[i] = s;
      phi += (x[i] as number) * s;
    }
    for (let i = 0; i < n; i++) {
      if (Q) {
        let inflow = 0;
        for (let j = 0; j < n; j++)
          inflow += (x[j] as number) * (f[j] as number) * ((Q[j] as readonly number[])[i] as number);
        dx[i] = inflow - (x[i] as number) * phi;
      } else {
        dx[i] = (x[i] as number) * ((f[i] as number) - phi);
      }
    }
  };
  return { t: times(ts), x: integrate(rhs, x0, ts, options, payoffSpread(A)) };
}

/**
 * Two-population (asymmetric) replicator dynamics for a bimatrix game (A, B):
 * row population x, column population y, reported at times `ts`.
 *
 * @throws {ConcertError} bad input for matrices that are not m × n and finite
 *   (`['A', …]`, `['B', …]`), start states with negative shares (`['x0', i]`,
 *   `['y0', j]`), decreasing times (`['ts', k]`), or an integration that
 *   stops early.
 * @example
 * asymmetricReplicatorDynamics([[1, 0], [0, 1]], [[1, 0], [0, 1]], [0.6, 0.4], [0.6, 0.4], [0, 20]).x[1]; // → [1, 0]
 */
export function asymmetricReplicatorDynamics(
  A: Matrix,
  B: Matrix,
  x0: readonly number[],
  y0: readonly number[],
  ts: readonly number[],
  options: { rtol?: number; atol?: number } = {},
): { t: readonly number[]; x: readonly (readonly number[])[]; y: readonly (readonly number[])[] } {
  const m = x0.length;
  const n = y0.length;
  check([
    ...stateProblems(x0, ['x0']),
    ...stateProblems(y0, ['y0']),
    ...matrixProblems(A, m, n, ['A']),
    ...matrixProblems(B, m, n, ['B']),
    ...timesProblems(ts),
  ]);
  const fx = new Float64Array(m);
  const fy = new Float64Array(n);
  const rhs = (_t: number, z: Float64Array, dz: Float64Array) => {
    let phiX = 0;
    for (let i = 0; i < m; i++) {
      let s = 0;
      const row = A[i] as readonly number[];
      for (let j = 0; j < n; j++) s += (row[j] as number) * (z[m + j] as number);
      fx[i] = s;
      phiX += (z[i] as number) * s;
    }
    let phiY = 0;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += (z[i] as number) * ((B[i] as readonly number[])[j] as number);
      fy[j] = s;
      phiY += (z[m + j] as number) * s;
    }
    for (let i = 0; i < m; i++) dz[i] = (z[i] as number) * ((fx[i] as number) - phiX);
    for (let j = 0; j < n; j++) dz[m + j] = (z[m + j] as number) * ((fy[j] as number) - phiY);
  };
  const states = integrate(rhs, [...x0, ...y0], ts, options, payoffSpread(A, B));
  return { t: times(ts), x: states.map((s) => s.slice(0, m)), y: states.map((s) => s.slice(m)) };
}

/**
 * Discrete replicator map x'_i = x_i (A x)_i / (xᵀ A x), followed by x' ← x' Q
 * when a mutation matrix is given; returns x_0 … x_steps.
 *
 * @throws {ConcertError} bad input for matrices or a start state as in
 *   {@link replicatorDynamics}, `steps` that is not a whole number ≥ 0
 *   (`['steps']`), or a mean fitness that is not positive (`['A']`; the map is
 *   then undefined).
 * @example
 * discreteReplicator([[2, 0], [0, 1]], [0.5, 0.5], 10).at(-1); // → near [1, 0]
 */
export function discreteReplicator(
  A: Matrix,
  x0: readonly number[],
  steps: number,
  options: { mutation?: Matrix } = {},
): number[][] {
  const n = x0.length;
  check([
    ...stateProblems(x0, ['x0']),
    ...matrixProblems(A, n, n, ['A']),
    ...(options.mutation ? matrixProblems(options.mutation, n, n, ['mutation']) : []),
    ...(Number.isSafeInteger(steps) && steps >= 0
      ? []
      : [{ path: ['steps'], message: `expected a whole number of steps ≥ 0; got ${steps}` }]),
  ]);
  const out: number[][] = [[...x0]];
  let x = [...x0];
  for (let s = 0; s < steps; s++) {
    const f = x.map((_, i) =>
      (A[i] as readonly number[]).reduce((acc, a, j) => acc + a * (x[j] as number), 0),
    );
    const phi = x.reduce((acc, xi, i) => acc + xi * (f[i] as number), 0);
    if (!(phi > 0)) {
      throw badInput({
        path: ['A'],
        message: `discrete replicator needs positive mean fitness; got ${phi} at step ${s}`,
      });
    }
    let next = x.map((xi, i) => (xi * (f[i] as number)) / phi);
    const Q = options.mutation;
    if (Q) {
      next = Array.from({ length: n }, (_, i) =>
        next.reduce((acc, xj, j) => acc + xj * ((Q[j] as readonly number[])[i] as number), 0),
      );
    }
    x = next;
    out.push(x);
  }
  return out;
}
