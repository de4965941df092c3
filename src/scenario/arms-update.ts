/**
 * Arms, step 5 of the year (docs/models/scenario.md, rules A1–A4): military
 * expenditure follows Richardson's action–reaction dynamics in discrete time
 * (models/arms' `richardsonStep`), each actor reacting to its rivals'
 * *effective* capacity: rivals weighted by hostility, and each rival's
 * spending raised by its damage-limiting capacity against the actor (from
 * models/deterrence), so that one side's missile defense drives the other's
 * build-up. Nuclear forces follow expenditure with an elasticity.
 *
 * The state is expenditure as an index, x_i = m_i / m_i(start), so that a
 * reaction coefficient means the same for powers whose budgets differ
 * tenfold (an assumption; Richardson's own variables were absolute):
 *
 *   x_i ← x_i + Σ_j k_i·H_ij·x_j − a_i·x_i + g_i,   H_ij = max(0, −r_ij)·(1 + w·dl_ji)
 */
import { metzlerSpectralAbscissa, richardsonStability, richardsonStep } from '../models/arms/linear.js';
import type { RichardsonSystem } from '../models/arms/schema.js';
import { totalWarheads } from './events.js';
import type { Parameters } from './params.js';
import type { SimState } from './state.js';

/**
 * The effective Richardson system of the current state: reaction
 * k_i·H_ij (rule A1, A4), fatigue a_i, and the calibrated grievance g_i.
 */
export function effectiveSystem(state: SimState, params: Parameters): RichardsonSystem {
  const n = state.n;
  const c = params.couplings;
  const reaction: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(n).fill(0);
    if (c.armsReaction.enabled) {
      const k = params.policies[i]!.arms.reaction;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const hostility = Math.max(0, -state.relation[i * n + j]!);
        const dl = c.damageLimitation.enabled
          ? c.damageLimitation.weight * state.damageLimitation[j * n + i]!
          : 0;
        row[j] = k * hostility * (1 + dl);
      }
    }
    reaction.push(row);
  }
  return {
    actors: state.actors,
    reaction,
    fatigue: params.policies.map((p) => p.arms.fatigue),
    grievance: Array.from(state.grievance),
  };
}

/**
 * Calibrates g_i so that, in the starting state (x = 1), each actor's
 * expenditure grows at its `baselineGrowth` (rule A2):
 * g_i = a_i + growth_i − Σ_j k_i·H_ij.
 */
export function calibrateGrievance(state: SimState, params: Parameters): void {
  const sys = effectiveSystem(state, params);
  const n = state.n;
  for (let i = 0; i < n; i++) {
    const a = params.policies[i]!.arms;
    let reaction = 0;
    for (let j = 0; j < n; j++) reaction += sys.reaction[i]![j]!;
    state.grievance[i] = a.fatigue + a.baselineGrowth - reaction;
  }
}

/** Expenditure as an index of the starting level, x_i = m_i / m_i(start) (0 for an actor that starts at 0). */
function spendingIndex(state: SimState): number[] {
  return Array.from(state.milexUsd, (m, i) =>
    state.startMilexUsd[i]! > 0 ? m / state.startMilexUsd[i]! : 0,
  );
}

/**
 * One year of expenditure and force change (expenditure is floored at 0).
 * Keeps expenditure and total warheads as they were before the step
 * (`previousMilexUsd`, `previousWarheads`: the indicators' growth is
 * measured over the step) and the effective system it stepped
 * (`armsSystem`, which the year's eigenvalue margin reuses: the step changes
 * expenditure and forces, not the system), and returns that system.
 */
export function updateArms(state: SimState, params: Parameters): RichardsonSystem {
  const n = state.n;
  const sys = effectiveSystem(state, params);
  const next = richardsonStep(sys, spendingIndex(state), 1);
  state.previousMilexUsd.set(state.milexUsd);
  state.previousWarheads = totalWarheads(state);
  state.armsSystem = sys;
  for (let i = 0; i < n; i++) {
    const before = state.milexUsd[i]!;
    const after = Math.max(0, next[i]! * state.startMilexUsd[i]!);
    state.milexUsd[i] = after;
    if (params.couplings.forceConversion.enabled && before > 0) {
      const phi = params.policies[i]!.arms.forceElasticity;
      state.forceScale[i] = Math.max(0, state.forceScale[i]! * (1 + phi * (after / before - 1)));
    }
    if (state.forceScale[i]! > state.forceCap[i]!) state.forceScale[i] = state.forceCap[i]!;
  }
  return sys;
}

/**
 * Richardson eigenvalue margin of the current effective system: −max Re λ
 * of M = K_eff − A, per year (positive = the action–reaction process is
 * damped). With every reaction k_i·H_ij ≥ 0 (the case unless a drawn
 * parameter is negative) M is a Metzler matrix and max Re λ is its spectral
 * abscissa, found by models/arms' M-matrix bisection; otherwise by the
 * general eigenvalue decomposition. `sys` is the state's effective system
 * when the caller has it (as returned by {@link updateArms}).
 */
export function eigenvalueMargin(
  state: SimState,
  params: Parameters,
  sys: RichardsonSystem = effectiveSystem(state, params),
): number {
  const n = state.n;
  const m = new Float64Array(n * n);
  let metzler = true;
  for (let i = 0; i < n; i++) {
    const row = sys.reaction[i]!;
    for (let j = 0; j < n; j++) {
      const v = i === j ? -sys.fatigue[i]! : row[j]!;
      if (i !== j && v < 0) metzler = false;
      m[i * n + j] = v;
    }
  }
  return metzler ? -metzlerSpectralAbscissa(m, n) : richardsonStability(sys).margin;
}
