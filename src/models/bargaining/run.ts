/**
 * A whole run of the Spatial Model of Politics, turn by turn until KTAB's
 * stopping rule holds (KAPSARC, KTAB `smp.cpp` `smpStopFn`, `configExec`,
 * `showVPHistory`; docs/models/bargaining.md §7).
 */
import type { Rng } from '../../core/rng.js';
import type { BargainingModel, BargainingState } from './model.js';
import { DEFAULT_MAX_TURNS, MIN_DELTA_RATIO, MIN_SIGNIFICANT_DELTA, MIN_TURNS } from './options.js';
import {
  analyseState,
  bargainingTurn,
  type Challenge,
  positionProbabilities,
  type Resolution,
  type StateAnalysis,
} from './turn.js';

/** One state of a run. */
export interface StateRecord {
  /** Positions, n × k on the 0–1 scale. */
  readonly positions: Float64Array;
  /** Ideals, n × k on the 0–1 scale (equal to the positions unless ideals accommodate). */
  readonly ideals: Float64Array;
  /** Risk attitudes Rᵢ in this state. */
  readonly riskAttitudes: Float64Array;
  /** The probability of each actor's position (shared positions repeat). */
  readonly probabilities: Float64Array;
  readonly analysis: StateAnalysis;
}

/** One turn of a run: from state t − 1 to state t. */
export interface TurnRecord {
  /** 1 for the first turn. */
  readonly turn: number;
  readonly challenges: readonly (Challenge | undefined)[];
  readonly resolutions: readonly Resolution[];
  /** Dₜ = Σᵢ ‖xᵢᵗ − xᵢᵗ⁻¹‖₂ (0–1 scale). */
  readonly movement: number;
  /** Dₜ / (D₁ + 1e-4): KTAB's "fractional change compared to first step". */
  readonly fractionalChange: number;
}

/** A whole run. */
export interface BargainingHistory {
  readonly model: BargainingModel;
  /** States 0 … T. */
  readonly states: readonly StateRecord[];
  /** Turns 1 … T. */
  readonly turns: readonly TurnRecord[];
  /** `converged` when the fractional change fell below 2 % (after at least 2 turns), else `max-turns`. */
  readonly stoppedBy: 'converged' | 'max-turns';
}

/** Options of {@link runBargaining}. */
export interface RunOptions {
  /** The most turns (KTAB: 100). */
  readonly maxTurns?: number;
  /** The random stream of stochastic transitions (required for them; unused otherwise). */
  readonly rng?: Rng;
}

function stateRecord(model: BargainingModel, state: BargainingState): StateRecord {
  const analysis = analyseState(model, state);
  return {
    positions: state.positions,
    ideals: state.ideals,
    riskAttitudes: analysis.riskAttitudes,
    probabilities: positionProbabilities(model, state, analysis),
    analysis,
  };
}

/** Dₜ: the summed Euclidean movement of all actors between two position matrices. */
export function stateDistance(a: Float64Array, b: Float64Array, dimensions: number): number {
  let total = 0;
  for (let i = 0; i < a.length; i += dimensions) {
    let s = 0;
    for (let d = 0; d < dimensions; d++) {
      const x = a[i + d]! - b[i + d]!;
      s += x * x;
    }
    total += Math.sqrt(s);
  }
  return total;
}

/**
 * Runs turns from `start` until KTAB's stopping rule: stop after turn t when
 * t ≥ `maxTurns`, or when t ≥ 2 and Dₜ/(D₁ + 1e-4) < 0.02. Deterministic
 * unless the model's transitions are stochastic (then `rng` is required).
 *
 * @example
 * const { model, state } = compileBargaining(problem);
 * runBargaining(model, state).states.length; // 28 for KTAB's SOE-Pol-Comp example
 */
export function runBargaining(
  model: BargainingModel,
  start: BargainingState,
  options: RunOptions = {},
): BargainingHistory {
  const maxTurns = options.maxTurns ?? DEFAULT_MAX_TURNS;
  const k = model.dimensions.length;
  const states: StateRecord[] = [stateRecord(model, start)];
  const turns: TurnRecord[] = [];
  let state = start;
  let firstMovement = 0;
  for (let t = 1; ; t++) {
    const result = bargainingTurn(model, state, options.rng, states[t - 1]!.analysis);
    const movement = stateDistance(result.next.positions, state.positions, k);
    if (t === 1) firstMovement = movement;
    const fractionalChange = movement / (firstMovement + MIN_SIGNIFICANT_DELTA);
    state = result.next;
    states.push(stateRecord(model, state));
    turns.push({
      turn: t,
      challenges: result.challenges,
      resolutions: result.resolutions,
      movement,
      fractionalChange,
    });
    const quiet = t >= MIN_TURNS && fractionalChange < MIN_DELTA_RATIO;
    if (quiet || t >= maxTurns) return { model, states, turns, stoppedBy: quiet ? 'converged' : 'max-turns' };
  }
}
