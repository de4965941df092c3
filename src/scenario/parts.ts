/**
 * The engine's default parts: each coupling wired to the real model that
 * provides it (docs/models/scenario.md, "Wiring"), the default steps and the
 * default indicator reporters.
 *
 * Deterrence: models/deterrence's `dyad` (counterforce exchange both ways
 * with missile-defense attrition, Kent–Thaler stop rule and first-strike
 * stability index, default options: generated alert, cookie-cutter lethal
 * radius). A dyad in which one side cannot reach the other is not a nuclear
 * dyad for the engine (models/deterrence's `mutual-reach` rule).
 */
// Modules are imported directly, not through models/deterrence's index file, so that worker threads
// load only what the engine runs (the index file also brings the sweep, variants and validation).
import { canReach } from '../models/deterrence/actors.js';
import { geometryCache } from '../models/deterrence/coverage.js';
import { dyad } from '../models/deterrence/dyad.js';
import type { World } from '../world/schema.js';
import { cachedEvaluator, type DeterrenceEvaluator, type DyadEvaluation } from './deterrence-update.js';
import type { EngineParts } from './engine.js';
import { INDICATOR_REPORTERS } from './indicators.js';
import type { Scenario } from './scenario.js';
import { defaultSteps } from './steps.js';

/** Name of the deterrence part, stored with every ensemble. */
export const KENT_THALER_PART = 'models/deterrence dyad (Kent–Thaler 1989, default options)';

const NOT_A_NUCLEAR_DYAD: DyadEvaluation = Object.freeze({
  firstStrikeStability: 1,
  damageLimitationAB: 0,
  damageLimitationBA: 0,
});

/**
 * The deterrence part over a scenario's world: each posture pair is placed in
 * a copy of the world's two actors and evaluated by models/deterrence.
 */
export function kentThalerEvaluator(world: World): DeterrenceEvaluator {
  // Trajectories, engagements and damage curves shared by every posture this evaluator sees (the runs
  // draw Pk, reliability and alert shares, not geometry); results are the same without it.
  const cache = geometryCache();
  return {
    name: KENT_THALER_PART,
    evaluate(a, b) {
      const actorA = world.actors[a.id];
      const actorB = world.actors[b.id];
      if (!actorA || !actorB) throw new Error(`posture of ${a.id} or ${b.id} is not in the world`);
      const pair: World = {
        ...world,
        actors: {
          [a.id]: { ...actorA, forces: a.forces, defenses: a.defenses, sensors: a.sensors ?? actorA.sensors },
          [b.id]: { ...actorB, forces: b.forces, defenses: b.defenses, sensors: b.sensors ?? actorB.sensors },
        },
        relations: [],
      };
      if (!canReach(pair, a.id, b.id) || !canReach(pair, b.id, a.id)) return NOT_A_NUCLEAR_DYAD;
      const r = dyad(pair, a.id, b.id, {}, cache);
      return {
        firstStrikeStability: r.firstStrikeStability,
        damageLimitationAB: r.aFirst.damageLimitation,
        damageLimitationBA: r.bFirst.damageLimitation,
      };
    },
  };
}

/**
 * The parts the CLI, the ensembles and the worker threads use: the Kent–Thaler
 * deterrence evaluator over the scenario's world with a fresh memo, the
 * default steps around it and the default indicator reporters. The memo is
 * the caller's to keep: an ensemble's thread keeps one set of parts per
 * scenario (task.ts), so that its chunks reuse the memo.
 *
 * @example
 * const parts = defaultParts(scenario);
 * simulateRun(scenario, 0, Rng.stream(1, 0), { ...parts, steps: removeStep(parts.steps, 'crises') });
 */
export function defaultParts(s: Scenario): Required<EngineParts> {
  const deterrence = cachedEvaluator(kentThalerEvaluator(s.world));
  return { deterrence, steps: defaultSteps(deterrence), reporters: INDICATOR_REPORTERS };
}

/** A name for the default parts, stored with each ensemble (an ensemble's runs depend on it). */
export function defaultPartsName(): string {
  return `deterrence=${KENT_THALER_PART}`;
}
