/**
 * The engine's yearly steps as a named, replaceable list (docs/models/scenario.md,
 * "Steps"), as d3-force's simulation holds named forces
 * (`forces.forEach(force => force(alpha))`, each set up by
 * `force.initialize(nodes)`; Bostock, d3-force). A step has a name and a
 * `start` that sets it up for one run (before the first year: the run's
 * event schedule, its strategies, the starting deterrence evaluation) and
 * returns the action the schedule calls every year. The schedule
 * (engine.ts) runs the actions in list order; a list can be edited by name
 * with {@link replaceStep}, {@link removeStep} and {@link insertStep}.
 *
 * The behaviour rules themselves stay in their own files (events.ts,
 * core-interests.ts, deterrence-update.ts, interaction.ts, relations-update.ts, arms-update.ts,
 * crises.ts); this file only wires them into steps.
 */
import { badInput } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
// Modules are imported directly, not through the models' index files, so that worker threads load
// only what the engine runs (the index files also bring schemas, solvers and pools).
import { findStrategy } from '../models/games/repeated/registry.js';
import type { Strategy } from '../models/games/repeated/strategy.js';
import { calibrateGrievance, updateArms } from './arms-update.js';
import { bargainYear } from './core-interests.js';
import { drawCrises } from './crises.js';
import { type CachedEvaluator, type Posture, updateDeterrence } from './deterrence-update.js';
import { EventSchedule } from './events.js';
import { type InteractionContext, InteractionStep, initialStakes } from './interaction.js';
import type { Parameters } from './params.js';
import { updateRelations } from './relations-update.js';
import type { Scenario } from './scenario.js';
import type { SimState } from './state.js';
import { Purpose, type RunStreams } from './streams.js';

/** What the steps of one run share: the scenario, the run's parameters (uncertain ones drawn) and its random streams. */
export class RunContext {
  readonly scenario: Scenario;
  readonly params: Parameters;
  readonly streams: RunStreams;
  /** hashString of each actor id, in the scenario's order (keys of the dyad streams). */
  private readonly actorHash: Uint32Array;

  constructor(scenario: Scenario, params: Parameters, streams: RunStreams, actorHash: Uint32Array) {
    this.scenario = scenario;
    this.params = params;
    this.streams = streams;
    this.actorHash = actorHash;
  }

  /**
   * The random stream of dyad (i, j) for `purpose` (streams.ts's `Purpose`)
   * in `year`: keyed by purpose, year and the two actors' ids, so that it is
   * the same in every scenario with the same seed (common random numbers).
   */
  dyadStream(purpose: number, year: number, i: number, j: number): Rng {
    return this.streams.stream(purpose, year, this.actorHash[i]!, this.actorHash[j]!);
  }

  /** The random stream of actor i for `purpose` in `year`, keyed by the actor's id (common random numbers). */
  actorStream(purpose: number, year: number, i: number): Rng {
    return this.streams.stream(purpose, year, this.actorHash[i]!, 0);
  }
}

/** What a step does in each year of a run (on the state it was started with; `state.year` is the year). */
export type YearlyAction = () => void;

/** A named step of the year. */
export interface EngineStep {
  /** The step's name, unique in a list (`events`, `deterrence`, …). */
  readonly name: string;
  /**
   * Sets the step up for one run, before the first year (it may change the
   * starting state, as the deterrence step's first evaluation does), and
   * returns its yearly action. Called once per run, in list order.
   */
  readonly start: (state: SimState, run: RunContext) => YearlyAction;
}

/** Step 1, `events`: the year's events (events.ts). */
export const eventsStep: EngineStep = Object.freeze({
  name: 'events',
  start(state: SimState, run: RunContext): YearlyAction {
    const schedule = new EventSchedule(run.scenario.events, run.scenario.actors);
    return () => schedule.apply(state, state.year);
  },
});

/**
 * Step `bargaining` (after `events`, before `relations`): the powers in the
 * core-interest data bargain (models/bargaining's `bargainingTurn`,
 * `couplings.coreInterests.turnsPerYear` turns a year, with the year's
 * consultation as better estimates of each other's risk attitudes), and the
 * tension of every dyad is recomputed (core-interests.ts); rule R5 reads it.
 * Stochastic transitions, if the data asks for them, draw from a stream keyed
 * by the year.
 */
export const bargainingStep: EngineStep = Object.freeze({
  name: 'bargaining',
  start(state: SimState, run: RunContext): YearlyAction {
    const turns = run.params.couplings.coreInterests.turnsPerYear;
    const stochastic = run.scenario.coreInterests?.options.stateTransitions === 'Stochastic';
    return () => {
      const ci = state.coreInterests;
      if (!ci) return;
      const rng = stochastic ? run.streams.stream(Purpose.bargaining, state.year, 0, 0) : undefined;
      bargainYear(ci, state.consultOverride, turns, rng);
    };
  },
});

/**
 * Step 2, `deterrence` (rule D1): first-strike stability and damage
 * limitation of every nuclear dyad from `evaluator` (deterrence-update.ts);
 * before the first year it evaluates the starting world, so that damage
 * limitation has a starting value.
 */
export function deterrenceStep(evaluator: CachedEvaluator): EngineStep {
  return Object.freeze({
    name: 'deterrence',
    start(state: SimState): YearlyAction {
      // A run with its own deterrence draws keeps its postures to itself (no other run shares them).
      const postures = state.drawTag === '' ? evaluator.postures : new Map<string, Posture>();
      updateDeterrence(state, evaluator, postures);
      state.previousDamageLimitation.set(state.damageLimitation);
      return () => updateDeterrence(state, evaluator, postures);
    },
  });
}

/** Looks up each actor's strategy (validated at load, so a miss is an internal fault). */
function strategies(params: Parameters): Strategy[] {
  return params.policies.map((p) => {
    const st = findStrategy(p.strategy);
    if (!st) throw new Error(`strategy "${p.strategy}" is not registered`);
    return st;
  });
}

/**
 * Step 3, `interaction` (rules I1–I4): one repeated-game match per dyad
 * (interaction.ts); before the first year it sets the dyads' stakes (I3).
 */
export const interactionStep: EngineStep = Object.freeze({
  name: 'interaction',
  start(state: SimState, run: RunContext): YearlyAction {
    const params = run.params;
    const context: InteractionContext = {
      strategies: strategies(params),
      params,
      dyadStream: (i, j) => run.dyadStream(Purpose.interaction, state.year, i, j),
    };
    initialStakes(state, params);
    const step = new InteractionStep(params);
    if (params.couplings.interactionSignal.relative)
      step.reference(state, context, (k, i, j) => run.dyadStream(Purpose.reference, k, i, j));
    return () => step.run(state, context);
  },
});

/** Step 4, `relations` (rules R1–R5): relation scores move (relations-update.ts). */
export const relationsStep: EngineStep = Object.freeze({
  name: 'relations',
  start(state: SimState, run: RunContext): YearlyAction {
    const scratch = new Float64Array(state.n * state.n);
    return () => updateRelations(state, run.params, scratch);
  },
});

/**
 * Step 5, `arms` (rules A1–A4): a Richardson step on effective capacity
 * (arms-update.ts); before the first year it calibrates the grievance (A2)
 * on the starting state (after the deterrence step's first evaluation).
 */
export const armsStep: EngineStep = Object.freeze({
  name: 'arms',
  start(state: SimState, run: RunContext): YearlyAction {
    calibrateGrievance(state, run.params);
    const shock = (i: number) => run.actorStream(Purpose.arms, state.year, i);
    return () => {
      updateArms(state, run.params, shock);
    };
  },
});

/** Step 6, `crises` (rule C1): crisis and escalation draws (crises.ts). */
export const crisesStep: EngineStep = Object.freeze({
  name: 'crises',
  start(state: SimState, run: RunContext): YearlyAction {
    const dyadStream = (i: number, j: number) => run.dyadStream(Purpose.crisis, state.year, i, j);
    return () => drawCrises(state, run.params, dyadStream);
  },
});

/**
 * The engine's steps in their order: events, bargaining, deterrence,
 * interaction, relations, arms, crises. Without a deterrence evaluator (`null`) the
 * deterrence step is left out: every dyad keeps first-strike stability 1 and
 * no damage limitation.
 *
 * @example
 * defaultSteps(null).map((s) => s.name); // => ['events', 'bargaining', 'interaction', 'relations', 'arms', 'crises']
 */
export function defaultSteps(deterrence: CachedEvaluator | null): EngineStep[] {
  return [
    eventsStep,
    bargainingStep,
    ...(deterrence ? [deterrenceStep(deterrence)] : []),
    interactionStep,
    relationsStep,
    armsStep,
    crisesStep,
  ];
}

/**
 * Checks that every step has a non-empty name that no other step of the list has.
 *
 * @throws {ConcertError} bad-input naming the first nameless or repeated step
 */
export function checkSteps(steps: readonly EngineStep[]): void {
  const seen = new Set<string>();
  steps.forEach((step, k) => {
    if (typeof step.name !== 'string' || step.name === '') {
      throw badInput({ message: 'scenario/steps: a step needs a non-empty name', path: ['steps', k] });
    }
    if (seen.has(step.name)) {
      throw badInput({ message: `scenario/steps: two steps are named "${step.name}"`, path: ['steps', k] });
    }
    seen.add(step.name);
  });
}

function indexOfStep(steps: readonly EngineStep[], name: string): number {
  const k = steps.findIndex((s) => s.name === name);
  if (k < 0) {
    throw badInput(
      `scenario/steps: no step named "${name}" (steps: ${steps.map((s) => s.name).join(', ') || 'none'})`,
    );
  }
  return k;
}

/**
 * A copy of `steps` with the step named `name` replaced by `step` (in its place).
 *
 * @throws {ConcertError} bad-input when no step is named `name`, or when the new step's name is another step's
 * @example
 * const quiet = { name: 'crises', start: () => () => {} };
 * replaceStep(defaultSteps(null), 'crises', quiet); // a run without crises
 */
export function replaceStep(steps: readonly EngineStep[], name: string, step: EngineStep): EngineStep[] {
  const out = [...steps];
  out[indexOfStep(steps, name)] = step;
  checkSteps(out);
  return out;
}

/**
 * A copy of `steps` without the step named `name`. The other steps still read
 * what it would have written: removing a step is not switching its rule off
 * (see `couplings:` for that).
 *
 * @throws {ConcertError} bad-input when no step is named `name`
 * @example
 * removeStep(defaultSteps(null), 'crises').map((s) => s.name); // => ['events', 'bargaining', 'interaction', 'relations', 'arms']
 */
export function removeStep(steps: readonly EngineStep[], name: string): EngineStep[] {
  const k = indexOfStep(steps, name);
  return [...steps.slice(0, k), ...steps.slice(k + 1)];
}

/**
 * A copy of `steps` with `step` inserted just before or just after the step named in `where`.
 *
 * @throws {ConcertError} bad-input when no step has the name in `where`, or when `step`'s name is taken
 * @example
 * insertStep(defaultSteps(null), audit, { after: 'relations' });
 */
export function insertStep(
  steps: readonly EngineStep[],
  step: EngineStep,
  where: { readonly before: string } | { readonly after: string },
): EngineStep[] {
  const k = 'before' in where ? indexOfStep(steps, where.before) : indexOfStep(steps, where.after) + 1;
  const out = [...steps.slice(0, k), step, ...steps.slice(k)];
  checkSteps(out);
  return out;
}
