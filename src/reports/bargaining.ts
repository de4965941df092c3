/**
 * The bargaining report: KTAB's Spatial Model of Politics run to its
 * stopping rule, with every state's positions, risk attitudes and position
 * probabilities, every turn's challenges and moves, the weighted-median
 * baseline and the tension between every pair (models/bargaining;
 * docs/models/bargaining.md). `bargainingAnalysis` makes the model calls the
 * CLI and the API both make.
 */
import { DEFAULT_SEED, Rng } from '../core/rng.js';
import {
  type BargainingHistory,
  type BargainingModel,
  type BargainingProblem,
  bargainingTension,
  compileBargaining,
  DEFAULT_MAX_TURNS,
  medianForecast,
  runBargaining,
} from '../models/bargaining/index.js';
import type { Document } from './document.js';
import type { BargainingSchema } from './schemas/bargaining.js';

export type BargainingDocument = Document<typeof BargainingSchema>;

function tensions(model: BargainingModel, positions: Float64Array) {
  const n = model.actors.length;
  const out = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const t = bargainingTension(model, { positions, ideals: positions }, a, b);
      out.push({ a: model.actors[a]!, b: model.actors[b]!, gap: t.gap, stake: t.stake, tension: t.tension });
    }
  }
  return out;
}

/** The document of a run of `problem` (positions back on the 0–100 scale). */
export function bargainingDocument(
  problem: BargainingProblem,
  history: BargainingHistory,
  settings: { readonly maxTurns: number; readonly seed: number | null },
): BargainingDocument {
  const { model } = history;
  const k = model.dimensions.length;
  const ids = model.actors;
  const scaled = (p: Float64Array) =>
    ids.map((_, i) => Array.from(p.subarray(i * k, (i + 1) * k), (x) => 100 * x));
  const first = history.states[0]!.positions;
  const last = history.states.at(-1)!.positions;
  return {
    title: problem.title,
    description: problem.description,
    options: { ...problem.options },
    maxTurns: settings.maxTurns,
    seed: settings.seed,
    dimensions: problem.dimensions.map((d) => ({ ...d })),
    actors: problem.actors.map((a) => ({
      id: a.id,
      name: a.name,
      capability: a.capability,
      salience: [...a.salience],
      ...(a.positionRange ? { positionRange: a.positionRange.map((r) => (r ? [r[0], r[1]] : null)) } : {}),
      ...(a.salienceRange ? { salienceRange: a.salienceRange.map((r) => (r ? [r[0], r[1]] : null)) } : {}),
    })),
    stoppedBy: history.stoppedBy,
    turns: history.turns.length,
    states: history.states.map((s, t) => ({
      turn: t,
      positions: scaled(s.positions),
      riskAttitudes: Array.from(s.riskAttitudes),
      probabilities: Array.from(s.probabilities),
    })),
    steps: history.turns.map((t) => ({
      turn: t.turn,
      movement: t.movement,
      fractionalChange: t.fractionalChange,
      challenges: t.challenges.flatMap((c) =>
        c
          ? [
              {
                initiator: ids[c.initiator]!,
                target: ids[c.target]!,
                gain: c.gain,
                probability: c.probability,
                targetProbability: c.targetProbability,
              },
            ]
          : [],
      ),
      moves: t.resolutions.map((r) => {
        const b = r.queue[r.chosen]!;
        return {
          actor: ids[r.actor]!,
          bargain: b === null ? null : { initiator: ids[b.initiator]!, receiver: ids[b.receiver]! },
          probability: r.probabilities[r.chosen]!,
          options: r.queue.length,
        };
      }),
    })),
    median: {
      initial: medianForecast(model, first).map((x) => 100 * x),
      final: medianForecast(model, last).map((x) => 100 * x),
    },
    tension: { initial: tensions(model, first), final: tensions(model, last) },
  };
}

/** Settings of {@link bargainingAnalysis}. */
export interface BargainingAnalysisOptions {
  /** The most turns (KTAB: 100). */
  readonly maxTurns?: number;
  /** Seed of stochastic transitions (default DEFAULT_SEED); not used by deterministic runs. */
  readonly seed?: number;
}

/**
 * Runs a bargaining problem to KTAB's stopping rule and builds its document
 * (`concert bargain` and `POST /api/bargain`).
 *
 * @example
 * bargainingAnalysis(parseBargaining(text, 'soe.csv')).turns; // => 27
 */
export function bargainingAnalysis(
  problem: BargainingProblem,
  options: BargainingAnalysisOptions = {},
): BargainingDocument {
  const { model, state } = compileBargaining(problem);
  const maxTurns = options.maxTurns ?? DEFAULT_MAX_TURNS;
  const stochastic = problem.options.stateTransitions === 'Stochastic';
  const seed = stochastic ? (options.seed ?? DEFAULT_SEED) : null;
  const history = runBargaining(model, state, {
    maxTurns,
    ...(seed === null ? {} : { rng: Rng.fromSeed(seed) }),
  });
  return bargainingDocument(problem, history, { maxTurns, seed });
}
