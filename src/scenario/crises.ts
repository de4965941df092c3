/**
 * Crises, step 6 of the year (docs/models/scenario.md, rule C1): each dyad
 * has a crisis with probability logistic(c0 − c1·r_ij); a crisis in a
 * nuclear dyad escalates with probability e·(1 − FSS_ij), so escalation
 * pressure rises as first-strike stability falls (Kent & Thaler 1989: a
 * stable posture leaves neither side an incentive to strike first). Crises
 * and escalations are counted, never folded silently into an index.
 */
import type { Rng } from '../core/rng.js';
import type { Parameters } from './params.js';
import type { SimState } from './state.js';

/** 1 / (1 + e^(−x)). */
export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Draws the year's crises and escalations from each dyad's stream. */
export function drawCrises(
  state: SimState,
  params: Parameters,
  dyadStream: (i: number, j: number) => Rng,
): void {
  state.crises = 0;
  state.escalations = 0;
  const c = params.couplings.crises;
  if (!c.enabled) {
    state.crisisProbability.fill(0);
    return;
  }
  const n = state.n;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const rng = dyadStream(i, j);
      const p = logistic(c.base - c.hostility * state.relation[i * n + j]!);
      state.crisisProbability[i * n + j] = p;
      state.crisisProbability[j * n + i] = p;
      if (rng.next() >= p) continue;
      state.crises++;
      const fss = state.firstStrikeStability[i * n + j]!;
      if (rng.next() < c.escalation * (1 - fss)) state.escalations++;
    }
  }
}
