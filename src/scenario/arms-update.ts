/**
 * Arms, step 5 of the year (docs/models/scenario.md, rules A1–A4): military
 * expenditure is a trend times a Richardson index. The index follows
 * Richardson's action–reaction dynamics in discrete time (models/arms'
 * `richardsonStep`), each actor reacting to its rivals' *effective* capacity:
 * rivals weighted by hostility, and each rival's spending raised by its
 * damage-limiting capacity against the actor (from models/deterrence), so
 * that one side's missile defense drives the other's build-up; a yearly
 * shock (σ_i, from the calibration) moves it too. Nuclear forces follow
 * expenditure with an elasticity.
 *
 * The index is detrended expenditure, y_i = m_i / (m_i(start)·(1 + b_i)^t),
 * so that a reaction coefficient means the same for powers whose budgets
 * differ tenfold (an assumption; Richardson's own variables were absolute)
 * and so that the trend b_i persists (the fatigue pulls spending back to its
 * trend, not to its starting level):
 *
 *   y_i ← y_i + Σ_j k_i·H_ij·y_j − a_i·y_i + g_i + σ_i·ε_i,   H_ij = max(0, −r_ij)·(1 + w·dl_ji)
 *
 * with g_i set so that the starting world (y = 1, starting hostility) is a
 * fixed point: spending grows at b_i while hostility stays as it was, and
 * above (below) the trend when it rises (falls).
 */
import type { Rng } from '../core/rng.js';
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
 * Calibrates g_i so that the starting state (y = 1) is a fixed point of the
 * index (rule A2): g_i = a_i − Σ_j k_i·H_ij(start). Spending then grows at
 * the trend `baselineGrowth` while hostility stays at its starting level.
 */
export function calibrateGrievance(state: SimState, params: Parameters): void {
  const sys = effectiveSystem(state, params);
  const n = state.n;
  const trend = params.couplings.armsReaction.trend;
  for (let i = 0; i < n; i++) {
    const a = params.policies[i]!.arms;
    let reaction = 0;
    for (let j = 0; j < n; j++) reaction += sys.reaction[i]![j]!;
    // Without the trend (the engines before concert-scenario-9, and the default): growth enters g,
    // so that fatigue makes spending converge to a level instead of growing at the trend.
    state.grievance[i] = a.fatigue - reaction + (trend ? 0 : a.baselineGrowth);
  }
}

/** Detrended expenditure, y_i = m_i / (m_i(start)·trend_i) (0 for an actor that starts at 0). */
function spendingIndex(state: SimState): number[] {
  return Array.from(state.milexUsd, (m, i) =>
    state.startMilexUsd[i]! > 0 ? m / (state.startMilexUsd[i]! * state.milexTrend[i]!) : 0,
  );
}

/**
 * One year of expenditure and force change (expenditure is floored at 0):
 * the Richardson step of the index, plus σ_i times a standard normal draw
 * from `shock(i)` for an actor whose `shockSd` is positive (no draw is taken
 * otherwise), then the trend's growth.
 * Keeps expenditure and total warheads as they were before the step
 * (`previousMilexUsd`, `previousWarheads`: the indicators' growth is
 * measured over the step) and the effective system it stepped
 * (`armsSystem`, which the year's eigenvalue margin reuses: the step changes
 * expenditure and forces, not the system), and returns that system.
 */
export function updateArms(
  state: SimState,
  params: Parameters,
  shock?: (i: number) => Rng,
): RichardsonSystem {
  const n = state.n;
  const sys = effectiveSystem(state, params);
  const next = richardsonStep(sys, spendingIndex(state), 1);
  if (shock) {
    for (let i = 0; i < n; i++) {
      const sd = params.policies[i]!.arms.shockSd;
      if (sd > 0) next[i]! += shock(i).normal(0, sd);
    }
  }
  state.previousMilexUsd.set(state.milexUsd);
  state.previousWarheads = totalWarheads(state);
  state.armsSystem = sys;
  for (let i = 0; i < n; i++) {
    const before = state.milexUsd[i]!;
    if (params.couplings.armsReaction.trend)
      state.milexTrend[i]! *= 1 + params.policies[i]!.arms.baselineGrowth;
    const after = Math.max(0, next[i]! * state.startMilexUsd[i]! * state.milexTrend[i]!);
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
