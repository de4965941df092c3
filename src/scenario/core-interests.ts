/**
 * Bargaining over core interests in the scenario engine (issue 17;
 * docs/models/scenario.md, step `bargaining` and rule R5): the powers of a
 * scenario that appear in the core-interest data (data/core-interests-2017.yaml)
 * bargain every year by KTAB's Spatial Model of Politics (models/bargaining),
 * and the tension between two of them, the salience-weighted gap on the
 * issues both hold salient (models/bargaining's `bargainingTension`), moves
 * their relation score's target (relations-update.ts, R5).
 *
 * This file is what the engine's runs need (worker threads load it); reading
 * and checking the data file is core-interests-load.ts's (load time only).
 */
import type { Rng } from '../core/rng.js';
import type { BargainingModel, BargainingState } from '../models/bargaining/model.js';
import type { BargainingOptions } from '../models/bargaining/options.js';
import { bargainingTension, concede } from '../models/bargaining/tension.js';
import { bargainingTurn } from '../models/bargaining/turn.js';
import { hashString } from './streams.js';

/** The `uncertain` parameter that samples every position and salience within the data's ranges. */
export const STANCES_PARAMETER = 'coreInterests.stances';

/**
 * The core-interest issues of a scenario: the participants (the scenario's
 * actors that the data file has, in the scenario's order), the dimensions
 * and, per participant and dimension (row-major, participants × dimensions),
 * position and salience on the 0–1 scale with their plausible ranges. Plain
 * data (part of the prepared scenario, so of its ensemble id).
 */
export interface CoreInterests {
  /** The data file, as shown in messages (`data/core-interests-2017.yaml`). */
  readonly file: string;
  /** The scenario's index of each participant. */
  readonly members: readonly number[];
  readonly actors: readonly string[];
  readonly dimensions: readonly string[];
  readonly capability: readonly number[];
  readonly position: readonly number[];
  readonly salience: readonly number[];
  /** [low, high] per participant and dimension, interleaved (the point value twice when the file gives no range). */
  readonly positionRange: readonly number[];
  readonly salienceRange: readonly number[];
  /** Ideal accommodation among the participants (participants²), or null for the identity. */
  readonly accommodation: readonly number[] | null;
  readonly options: BargainingOptions;
}

/** Positions and saliences drawn for one run (0–1, participants × dimensions). */
export interface Stances {
  readonly position: Float64Array;
  readonly salience: Float64Array;
}

/** The bargaining of one run: model and state (events replace them), and tensions by scenario dyad. */
export interface CoreInterestsRun {
  model: BargainingModel;
  state: BargainingState;
  readonly data: CoreInterests;
  /** Participant index of each scenario actor, −1 for an actor that takes no part. */
  readonly participant: Int32Array;
  /** τ_ij now (n × n over the scenario's actors, 0 for a dyad with a non-participant). */
  readonly tension: Float64Array;
  /** τ_ij at the start of the run (after the draws, before any event). */
  readonly startTension: Float64Array;
  /** λ of the data's `bigRAdjust` rule (consultation raises a pair's λ above it). */
  readonly baseInformation: number;
}

/**
 * Draws each participant's position and salience uniformly within its range,
 * from the run's streams keyed by actor and dimension (so the same in every
 * scenario with the same seed); an actor whose saliences then sum over 1 has
 * them rescaled to sum to 1 (docs/models/bargaining.md).
 */
export function drawStances(
  data: CoreInterests,
  stream: (actorHash: number, dimensionHash: number, which: number) => Rng,
): Stances {
  const k = data.dimensions.length;
  const n = data.actors.length;
  const position = new Float64Array(n * k);
  const salience = new Float64Array(n * k);
  for (let p = 0; p < n; p++) {
    const a = hashString(data.actors[p]!);
    let sum = 0;
    for (let d = 0; d < k; d++) {
      const at = p * k + d;
      const dim = hashString(data.dimensions[d]!);
      const [pl, ph] = [data.positionRange[2 * at]!, data.positionRange[2 * at + 1]!];
      const [sl, sh] = [data.salienceRange[2 * at]!, data.salienceRange[2 * at + 1]!];
      position[at] = pl + (ph - pl) * stream(a, dim, 0).next();
      salience[at] = sl + (sh - sl) * stream(a, dim, 1).next();
      sum += salience[at]!;
    }
    if (sum > 1) for (let d = 0; d < k; d++) salience[p * k + d] = salience[p * k + d]! / sum;
  }
  return { position, salience };
}

const ADJUSTMENT_WEIGHT = { None: 0, OneThird: 1 / 3, Half: 1 / 2, TwoThirds: 2 / 3, Full: 1 } as const;

/** The bargaining of a run from the scenario's data (or the run's draws), its tensions computed. */
export function startCoreInterests(
  data: CoreInterests | undefined,
  n: number,
  stances?: Stances,
): CoreInterestsRun | undefined {
  if (!data) return undefined;
  const participant = new Int32Array(n).fill(-1);
  data.members.forEach((i, p) => {
    participant[i] = p;
  });
  const position = stances ? Float64Array.from(stances.position) : Float64Array.from(data.position);
  const model: BargainingModel = {
    actors: data.actors,
    dimensions: data.dimensions,
    capability: Float64Array.from(data.capability),
    salience: stances ? Float64Array.from(stances.salience) : Float64Array.from(data.salience),
    accommodation: data.accommodation ? Float64Array.from(data.accommodation) : null,
    options: data.options,
  };
  const run: CoreInterestsRun = {
    model,
    state: { positions: position, ideals: Float64Array.from(position) },
    data,
    participant,
    tension: new Float64Array(n * n),
    startTension: new Float64Array(n * n),
    baseInformation: ADJUSTMENT_WEIGHT[data.options.bigRAdjust],
  };
  updateTension(run);
  run.startTension.set(run.tension);
  return run;
}

/** Recomputes τ_ij for every dyad of participants. */
export function updateTension(run: CoreInterestsRun): void {
  const members = run.data.members;
  const n = run.participant.length;
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) {
      const t = bargainingTension(run.model, run.state, a, b).tension;
      const i = members[a]!;
      const j = members[b]!;
      run.tension[i * n + j] = t;
      run.tension[j * n + i] = t;
    }
  }
}

/** Mean τ over the dyads of participants (0 with fewer than two). */
export function meanTension(run: CoreInterestsRun | undefined): number {
  if (!run) return 0;
  const members = run.data.members;
  const n = run.participant.length;
  let sum = 0;
  let count = 0;
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) {
      sum += run.tension[members[a]! * n + members[b]!]!;
      count++;
    }
  }
  return count > 0 ? sum / count : 0;
}

/**
 * Consultation in force this year (the `consult` events' probabilities,
 * `consultOverride`, −1 where none): the model's information weights λ_ab
 * = λ_ba = max(λ of `bigRAdjust`, p) for each consulting pair of
 * participants (models/bargaining's `consult`: each side estimates the
 * other's risk attitude as (1 − λ)·its own + λ·the other's true one), the
 * `bigRAdjust` rule for every other pair.
 */
export function applyConsultation(run: CoreInterestsRun, consultOverride: Float64Array): void {
  const members = run.data.members;
  const n = run.participant.length;
  const m = members.length;
  let info: Float64Array | null = null;
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const p = consultOverride[members[a]! * n + members[b]!]!;
      if (p < 0 || p <= run.baseInformation) continue;
      if (!info) {
        info = new Float64Array(m * m).fill(run.baseInformation);
        for (let x = 0; x < m; x++) info[x * m + x] = 1;
      }
      info[a * m + b] = p;
      info[b * m + a] = p;
    }
  }
  if (info !== null || run.model.information) run.model = { ...run.model, information: info };
}

/** One year of bargaining: consultation applied, `turns` turns, tensions recomputed. */
export function bargainYear(
  run: CoreInterestsRun,
  consultOverride: Float64Array,
  turns: number,
  rng?: Rng,
): void {
  applyConsultation(run, consultOverride);
  for (let t = 0; t < turns; t++) run.state = bargainingTurn(run.model, run.state, rng).next;
  updateTension(run);
}

/**
 * A `concede` event: participant `actor` moves its position (and ideal)
 * the share `share` of the way toward `position` and/or lowers its salience
 * to `salience` (never raising it), on dimension `dimension` (0–1 scale);
 * tensions are recomputed.
 */
export function applyConcession(
  run: CoreInterestsRun,
  actor: number,
  dimension: number,
  change: { readonly position?: number; readonly share: number; readonly salience?: number },
): void {
  const p = run.participant[actor]!;
  if (p < 0) return;
  const k = run.model.dimensions.length;
  const at = p * k + dimension;
  const x = run.state.positions[at]!;
  const s = run.model.salience[at]!;
  const next = concede(run.model, run.state, {
    actor: p,
    dimension,
    ...(change.position !== undefined ? { position: x + change.share * (change.position - x) } : {}),
    ...(change.salience !== undefined ? { salience: Math.min(s, change.salience) } : {}),
  });
  run.model = next.model;
  run.state = next.state;
  updateTension(run);
}
