/**
 * Relations, step 4 of the year (docs/models/scenario.md, rules R1–R5): the
 * relation score of each dyad moves with the year's interaction outcome,
 * with structural-balance pressure, with perceived threat from a rival's
 * gain in damage-limiting capacity, and toward the actors' alignment
 * preferences; then alignment floors and ceilings from events apply.
 *
 *   r_ij ← clip(r_ij + α·(r_ij,0 + signal_ij − s̄_ij − κ·Δτ_ij − r_ij) + β·balance_ij − γ·threat_ij + η·(pref_ij − r_ij))
 *
 * s̄_ij is the dyad's reference signal, its mean signal under the starting
 * state (interaction.ts): the starting score already reflects how the two
 * cooperate, so the year's play moves the score's target only as far as it
 * departs from that play (as R5 counts only a change of tension).
 *
 * Δτ_ij = τ_ij,t − τ_ij,0 is the change since the run began of the tension
 * over core interests (rule R5, step `bargaining`): the starting scores
 * already reflect the conflicts of interest of the starting year, so only a
 * widening or narrowing gap moves the score's target, by −κ per unit (the
 * κ·Δτ term applies with R1 switched off too, at R1's rate α).
 *
 * The α term makes the score an exponentially weighted record of the dyad's
 * yearly outcomes relative to the start: it moves toward what the
 * interaction shows, and no further.
 *
 * balance_ij = (1/(n−2))·Σ_{k≠i,j} r_ik·r_kj − r_ij is the discretised
 * Marvel–Kleinberg–Kleinberg–Strogatz (2011) dX/dt = X² pressure, with the
 * −r_ij term (an assumption, see the doc) keeping scores bounded.
 */
import type { Parameters } from './params.js';
import type { SimState } from './state.js';

/** Updates every relation score (all from the previous year's scores, so the order of dyads does not matter). */
export function updateRelations(state: SimState, params: Parameters, scratch: Float64Array): void {
  const n = state.n;
  const r = state.relation;
  const c = params.couplings;
  const ci = state.coreInterests;
  scratch.set(r);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const ij = i * n + j;
      let delta = 0;
      if (c.interactionSignal.enabled && c.interaction.enabled) {
        const target = c.interactionSignal.relative
          ? state.startRelation[ij]! + state.signal[ij]! - state.referenceSignal[ij]!
          : state.signal[ij]!;
        delta += c.interactionSignal.rate * (target - scratch[ij]!);
      }
      if (c.structuralBalance.enabled && n > 2) {
        let s = 0;
        for (let k = 0; k < n; k++) if (k !== i && k !== j) s += scratch[i * n + k]! * scratch[k * n + j]!;
        delta += c.structuralBalance.rate * (s / (n - 2) - scratch[ij]!);
      }
      if (c.threatPerception.enabled) delta -= c.threatPerception.rate * threat(state, i, j);
      if (c.coreInterests.enabled && ci) {
        delta -= c.interactionSignal.rate * c.coreInterests.weight * (ci.tension[ij]! - ci.startTension[ij]!);
      }
      if (c.alignmentPreference.enabled) {
        const prefs = [
          params.policies[i]!.alignment[state.actors[j]!],
          params.policies[j]!.alignment[state.actors[i]!],
        ];
        for (const p of prefs)
          if (p !== undefined) delta += 0.5 * c.alignmentPreference.rate * (p - scratch[ij]!);
      }
      let next = scratch[ij]! + delta;
      next = Math.max(state.relationFloor[ij]!, Math.min(state.relationCeiling[ij]!, next));
      next = Math.max(-1, Math.min(1, next));
      r[ij] = next;
      r[j * n + i] = next;
    }
  }
}

/**
 * threat_ij = max(Δ⁺dl_ij, Δ⁺dl_ji): the larger of the two sides' year-on-year
 * gains in damage-limiting capacity against the other (rule R3).
 */
export function threat(state: SimState, i: number, j: number): number {
  const n = state.n;
  const gainIJ = state.damageLimitation[i * n + j]! - state.previousDamageLimitation[i * n + j]!;
  const gainJI = state.damageLimitation[j * n + i]! - state.previousDamageLimitation[j * n + i]!;
  return Math.max(0, gainIJ, gainJI);
}
