/**
 * What the scenario engine reads from a bargaining state: how far apart two
 * actors stand on the issues both of them care about, and the pure edits
 * that events make (concessions; consultation as better estimates of the
 * other's risk attitude). docs/models/bargaining.md, "Use in the scenario
 * engine".
 */
import type { BargainingModel, BargainingState } from './model.js';

/** Two actors' distance on their shared issues. */
export interface Tension {
  /** Σₖ √(s_ak s_bk)·|x_ak − x_bk| / Σₖ √(s_ak s_bk): the salience-weighted mean gap, 0–1. */
  readonly gap: number;
  /** Σₖ √(s_ak s_bk): how much both care about the same issues, 0–1. */
  readonly stake: number;
  /** gap × stake = Σₖ √(s_ak s_bk)·|x_ak − x_bk|, 0–1: 0 when they agree or share no salient issue. */
  readonly tension: number;
}

/**
 * The tension between actors a and b in a state: the gap between their
 * positions on each dimension weighted by the geometric mean of their
 * saliences, so that an issue only one of them cares about weighs nothing.
 *
 * @example
 * bargainingTension(model, state, 0, 1).tension; // 0 when a and b hold the same positions
 */
export function bargainingTension(
  model: BargainingModel,
  state: BargainingState,
  a: number,
  b: number,
): Tension {
  const k = model.dimensions.length;
  let stake = 0;
  let tension = 0;
  for (let d = 0; d < k; d++) {
    const w = Math.sqrt(model.salience[a * k + d]! * model.salience[b * k + d]!);
    stake += w;
    tension += w * Math.abs(state.positions[a * k + d]! - state.positions[b * k + d]!);
  }
  return { gap: stake > 0 ? tension / stake : 0, stake, tension };
}

/** {@link bargainingTension} of every pair, as an n × n matrix of `tension` (zero diagonal). */
export function tensionMatrix(model: BargainingModel, state: BargainingState): Float64Array {
  const n = model.actors.length;
  const out = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const t = bargainingTension(model, state, a, b).tension;
      out[a * n + b] = t;
      out[b * n + a] = t;
    }
  }
  return out;
}

/** A concession: actor `actor` moves to `position` and/or lowers its salience to `salience` on `dimension` (0–1). */
export interface Concession {
  readonly actor: number;
  readonly dimension: number;
  readonly position?: number;
  readonly salience?: number;
}

/**
 * The model and state after a concession (new arrays; the inputs are left
 * as they were). Moving a position moves the ideal with it (the actor now
 * wants what it conceded to).
 */
export function concede(
  model: BargainingModel,
  state: BargainingState,
  c: Concession,
): { model: BargainingModel; state: BargainingState } {
  const k = model.dimensions.length;
  const at = c.actor * k + c.dimension;
  let salience = model.salience;
  if (c.salience !== undefined) {
    salience = Float64Array.from(salience);
    salience[at] = c.salience;
  }
  let { positions, ideals } = state;
  if (c.position !== undefined) {
    positions = Float64Array.from(positions);
    ideals = Float64Array.from(ideals);
    positions[at] = c.position;
    ideals[at] = c.position;
  }
  return {
    model: salience === model.salience ? model : { ...model, salience },
    state: { positions, ideals },
  };
}

/**
 * The model with actors a and b informed about each other's risk attitude
 * (consultation): h's estimate of i's attitude is r_hi = (1 − λ_hi)R_h +
 * λ_hi·R_i, and consultation sets λ_ab = λ_ba = `weight` (1: each knows the
 * other's true attitude), leaving the other pairs at the model's
 * `bigRAdjust` rule.
 */
export function consult(model: BargainingModel, a: number, b: number, weight = 1): BargainingModel {
  const n = model.actors.length;
  const info = model.information ? Float64Array.from(model.information) : defaultInformation(model);
  info[a * n + b] = weight;
  info[b * n + a] = weight;
  return { ...model, information: info };
}

const ADJUSTMENT_WEIGHT = { None: 0, OneThird: 1 / 3, Half: 1 / 2, TwoThirds: 2 / 3, Full: 1 } as const;

/** λ of the model's `bigRAdjust` rule for every pair (1 on the diagonal). */
function defaultInformation(model: BargainingModel): Float64Array {
  const n = model.actors.length;
  const w = ADJUSTMENT_WEIGHT[model.options.bigRAdjust];
  const out = new Float64Array(n * n).fill(w);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}
