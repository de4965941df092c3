/**
 * The scenario engine: one run, year by year (docs/models/scenario.md). As in
 * Mesa, the model (the {@link SimState}), the agents' behaviour rules (the
 * steps), the schedule (the fixed order below) and the data collection
 * (indicators.ts) are separate; each step is a part of {@link EngineParts}
 * that can be replaced, and each coupling rule can be switched off in the
 * scenario's `couplings:` block.
 *
 * Each year t:
 *   1. events        apply the year's events (events.ts)
 *   2. deterrence    first-strike stability and damage limitation per nuclear dyad
 *   3. interaction   one repeated-game match per dyad (models/games)
 *   4. relations     relation scores move (signal, balance, threat, preferences)
 *   5. arms          Richardson step on effective capacity (models/arms)
 *   6. crises        crisis and escalation draws
 *   7. indicators    recorded for year t
 */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { Rng } from '../core/rng.js';
// Modules are imported directly, not through the models' index files, so that worker threads load
// only what the engine runs (the index files also bring schemas, solvers and pools).
import { findStrategy } from '../models/games/repeated/registry.js';
import type { Strategy } from '../models/games/repeated/strategy.js';
import { calibrateGrievance, updateArms } from './arms-update.js';
import { drawCrises } from './crises.js';
import { type CachedEvaluator, updateDeterrence } from './deterrence-update.js';
import { sample } from './distributions.js';
import { EventSchedule } from './events.js';
import { computeIndicators, recordYear, seriesNames, totalWarheads } from './indicators.js';
import { InteractionStep, initialStakes } from './interaction.js';
import { type Parameters, type RawParameters, resolveParameters, setParameter } from './params.js';
import { updateRelations } from './relations-update.js';
import type { Scenario } from './scenario.js';
import { initialState } from './state.js';
import { hashString, Purpose, RunStreams } from './streams.js';

/** The replaceable parts of the engine. */
export interface EngineParts {
  /**
   * The deterrence coupling (models/deterrence), or `null` when it is not
   * available: then every dyad keeps first-strike stability 1 and no damage
   * limitation, and the rules that use them (R3, A4, C1's escalation) are inert.
   */
  readonly deterrence: CachedEvaluator | null;
}

/** The result of one run: the recorded series (row-major, series × years) and the drawn parameters. */
export interface RunResult {
  readonly run: number;
  /** `values[s·years + t]` is series `s` in year `from + t`. */
  readonly values: Float64Array;
  /** The uncertain parameters drawn for this run, in the scenario's order. */
  readonly draws: Float64Array;
}

/** Names of the recorded series of a scenario, in the order of {@link RunResult.values}. */
export function scenarioSeries(s: Scenario): string[] {
  return seriesNames(s.indicators, s.actors);
}

/** Number of simulated years. */
export function yearCount(s: Scenario): number {
  return s.years.to - s.years.from + 1;
}

/**
 * The parameters of a run: the uncertain parameters drawn, each from its own
 * stream keyed by its path (so that two scenarios drawing the same parameter
 * draw the same value), written into the raw blocks, then defaults filled.
 */
export function drawParameters(
  s: Scenario,
  streams: RunStreams,
): { params: Parameters; draws: Float64Array } {
  const raw: RawParameters = structuredClone(s.raw) as RawParameters;
  const draws = new Float64Array(s.uncertain.length);
  s.uncertain.forEach((u, k) => {
    const x = sample(u.distribution, streams.stream(Purpose.parameter, hashString(u.parameter), 0, 0));
    draws[k] = x;
    setParameter(raw, u.parameter, x);
  });
  return { params: resolveParameters(raw, s.actors), draws };
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
 * Simulates run `run` of the scenario from its own random stream `runRng`
 * (stream `run` of the ensemble seed). Pure: the same scenario, run index and
 * stream give the same result.
 */
export function simulateRun(s: Scenario, run: number, runRng: Rng, parts: EngineParts): RunResult {
  const streams = new RunStreams(runRng);
  const { params, draws } = drawParameters(s, streams);
  const years = yearCount(s);
  const series = scenarioSeries(s);
  const values = new Float64Array(series.length * years);
  const state = initialState(s);
  const schedule = new EventSchedule(s.events, s.actors);
  const interaction = new InteractionStep(params);
  const strategyList = strategies(params);
  const actorHash = Uint32Array.from(s.actors, hashString);
  const scratch = new Float64Array(state.n * state.n);
  initialStakes(state, params);
  if (parts.deterrence) {
    updateDeterrence(state, parts.deterrence);
    state.previousDamageLimitation.set(state.damageLimitation);
  }
  calibrateGrievance(state, params);
  for (let t = 0; t < years; t++) {
    const year = s.years.from + t;
    state.year = year;
    const dyadStream = (purpose: number) => (i: number, j: number) =>
      streams.stream(purpose, year, actorHash[i]!, actorHash[j]!);
    schedule.apply(state, year);
    if (parts.deterrence) updateDeterrence(state, parts.deterrence);
    interaction.run(state, { strategies: strategyList, params, dyadStream: dyadStream(Purpose.interaction) });
    updateRelations(state, params, scratch);
    const warheadsBefore = totalWarheads(state);
    const armsSystem = updateArms(state, params);
    drawCrises(state, params, dyadStream(Purpose.crisis));
    const v = computeIndicators(state, params, warheadsBefore, armsSystem);
    recordYear(state, v, s.indicators, t, years, values);
  }
  return { run, values, draws };
}

/**
 * Where the last call of {@link simulateRuns} in this thread left the run
 * streams of a seed: stream `index` is the generator in state `state`. The
 * chunks of an ensemble arrive in ascending order, so the next chunk jumps on
 * from here instead of from stream 0 (which made an ensemble's stream set-up
 * quadratic in its run count). A cache of a pure function: results do not depend on it.
 */
let streamCursor: { seed: number; index: number; state: readonly number[] } | undefined;

/** The generator of stream `index` of `Rng.streams(seed, …)`, jumping on from the cursor when it can. */
function streamGenerator(seed: number, index: number): JumpableRandomGenerator {
  const c = streamCursor;
  if (c && c.seed === seed && c.index <= index) {
    const gen = xoroshiro128plusFromState(c.state);
    for (let k = c.index; k < index; k++) gen.jump();
    return gen;
  }
  return xoroshiro128plusFromState(Rng.stream(seed, index).state());
}

/**
 * Runs `runs` (a list of run indices, ascending) of the scenario with
 * ensemble seed `seed`: run k uses stream k of `Rng.streams(seed, …)` (the
 * seed's generator jumped k times).
 */
export function simulateRuns(
  s: Scenario,
  seed: number,
  runs: readonly number[],
  parts: EngineParts,
): RunResult[] {
  if (runs.length === 0) return [];
  let index = runs[0]!;
  const gen = streamGenerator(seed, index);
  const out: RunResult[] = [];
  for (const k of runs) {
    if (k < index) throw new Error('run indices must be ascending');
    for (; index < k; index++) gen.jump();
    out.push(simulateRun(s, k, Rng.fromState(gen.getState()), parts));
  }
  streamCursor = { seed, index, state: gen.getState() };
  return out;
}
