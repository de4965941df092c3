/**
 * Local analysis of a coupled Richardson system, where actor i reacts to a
 * perceived threat θ_ij(x, t) (see {@link PerceivedThreat}): the Jacobian
 * J = ∂f/∂x of f_i(x) = Σ_{j≠i} k_ij·θ_ij(x, t) − a_i·x_i + g_i at a state, and
 * the stability of the linearisation there (Lyapunov's indirect method: the
 * state is locally asymptotically stable if it is an equilibrium and every
 * eigenvalue of J has Re λ < 0). With θ_ij = x_j, J = K − A everywhere.
 */
import { matrixStability, type RichardsonStability } from './linear.js';
import type { RichardsonSystem } from './schema.js';
import { type PerceivedThreat, richardsonRate } from './simulate.js';

/**
 * J_ij = ∂f_i/∂x_j at `state` (per year) by central differences with step
 * 1e-6·max(1, |x_j|) (truncation error O(step²) for smooth θ).
 */
export function coupledJacobian(
  system: RichardsonSystem,
  state: readonly number[],
  threat?: PerceivedThreat,
  tYears = 0,
): number[][] {
  const n = state.length;
  const f = richardsonRate(system, threat);
  const x = Float64Array.from(state);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  const jacobian = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const step = 1e-6 * Math.max(1, Math.abs(state[j]!));
    x[j] = state[j]! + step;
    f(tYears, x, up);
    x[j] = state[j]! - step;
    f(tYears, x, down);
    x[j] = state[j]!;
    for (let i = 0; i < n; i++) jacobian[i]![j] = (up[i]! - down[i]!) / (2 * step);
  }
  return jacobian;
}

/**
 * Stability of the coupled system linearised at `state` (eigenvalues of
 * {@link coupledJacobian}). The scenario engine can record its margin as the
 * "Richardson eigenvalue margin" when reactions run through models/deterrence.
 */
export function coupledStability(
  system: RichardsonSystem,
  state: readonly number[],
  threat?: PerceivedThreat,
  tYears = 0,
): RichardsonStability {
  return matrixStability(coupledJacobian(system, state, threat, tYears));
}
