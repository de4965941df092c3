/**
 * A bargaining problem as the model runs it: actors with capabilities,
 * saliences and positions on k dimensions (KTAB's internal 0–1 scale), the
 * ideal-accommodation matrix and the options; and a state (positions and
 * ideals) between turns.
 */
import type { BargainingOptions } from './options.js';

/** The fixed part of a run: who the actors are, what they care about, and the rules. */
export interface BargainingModel {
  /** Actor ids, one per row. */
  readonly actors: readonly string[];
  /** Dimension names. */
  readonly dimensions: readonly string[];
  /** Capability cᵢ > 0 (KTAB's "influence"), in the file's unit. */
  readonly capability: Float64Array;
  /** Salience sᵢₖ ∈ [0, 1], row-major n × k; each row sums to at most 1 and not to 0. */
  readonly salience: Float64Array;
  /**
   * Ideal accommodation A (n × n, row-major): after each turn ιᵢ ← Σⱼ Aᵢⱼxⱼ +
   * (1 − Σⱼ Aᵢⱼ)ιᵢ. `null` is the identity (ideals are the positions).
   */
  readonly accommodation: Float64Array | null;
  readonly options: BargainingOptions;
  /**
   * Optional weights λ_hi (n × n) of h's estimate of i's risk attitude,
   * r_hi = (1 − λ_hi)R_h + λ_hi·R_i, replacing the `bigRAdjust` rule (which
   * is λ = 0, 1/3, 1/2, 2/3 or 1 for every pair). Set by consultation.
   */
  readonly information?: Float64Array | null;
}

/** Positions and ideals between turns, row-major n × k on the 0–1 scale. */
export interface BargainingState {
  readonly positions: Float64Array;
  readonly ideals: Float64Array;
}

/** Σₖ sᵢₖ: actor i's total salience (0–1). */
export function totalSalience(model: BargainingModel, i: number): number {
  const k = model.dimensions.length;
  let s = 0;
  for (let d = 0; d < k; d++) s += model.salience[i * k + d]!;
  return s;
}

/** The state a run starts from: ideals equal to the positions. */
export function initialState(positions: Float64Array): BargainingState {
  return { positions, ideals: Float64Array.from(positions) };
}
