/**
 * The engine's default parts: each coupling wired to the real model that
 * provides it (docs/models/scenario.md, "Wiring").
 *
 * Deterrence: models/deterrence's `dyad` (counterforce exchange both ways
 * with missile-defense attrition, Kent–Thaler stop rule and first-strike
 * stability index, default options: generated alert, cookie-cutter lethal
 * radius). A dyad in which one side cannot reach the other is not a nuclear
 * dyad for the engine (models/deterrence's `mutual-reach` rule).
 */
import { canReach, dyad } from '../models/deterrence/index.js';
import type { World } from '../world/schema.js';
import {
  type CachedEvaluator,
  cachedEvaluator,
  type DeterrenceEvaluator,
  type DyadEvaluation,
} from './deterrence-update.js';
import type { EngineParts } from './engine.js';
import type { Scenario } from './scenario.js';

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
  return {
    name: KENT_THALER_PART,
    evaluate(a, b) {
      const actorA = world.actors[a.id];
      const actorB = world.actors[b.id];
      if (!actorA || !actorB) throw new Error(`posture of ${a.id} or ${b.id} is not in the world`);
      const pair: World = {
        ...world,
        actors: {
          [a.id]: { ...actorA, forces: a.forces, defenses: a.defenses },
          [b.id]: { ...actorB, forces: b.forces, defenses: b.defenses },
        },
        relations: [],
      };
      if (!canReach(pair, a.id, b.id) || !canReach(pair, b.id, a.id)) return NOT_A_NUCLEAR_DYAD;
      const r = dyad(pair, a.id, b.id);
      return {
        firstStrikeStability: r.firstStrikeStability,
        damageLimitationAB: r.aFirst.damageLimitation,
        damageLimitationBA: r.bFirst.damageLimitation,
      };
    },
  };
}

const evaluators = new WeakMap<Scenario, CachedEvaluator>();

/** The parts the CLI, the ensembles and the worker threads use (one cached evaluator per prepared scenario). */
export function defaultParts(s: Scenario): EngineParts {
  let deterrence = evaluators.get(s);
  if (!deterrence) {
    deterrence = cachedEvaluator(kentThalerEvaluator(s.world));
    evaluators.set(s, deterrence);
  }
  return { deterrence };
}

/** A name for the default parts, stored with each ensemble (an ensemble's runs depend on it). */
export function defaultPartsName(): string {
  return `deterrence=${KENT_THALER_PART}`;
}
