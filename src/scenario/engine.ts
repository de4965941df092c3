/**
 * The scenario engine's schedule: one run, year by year (docs/models/scenario.md).
 * As in Mesa (Masad & Kazil 2015), the model state ({@link SimState},
 * state.ts), the behaviour steps (steps.ts, each rule in its own file), the
 * schedule (this file) and the data collection (indicators.ts) are separate.
 * The steps are an ordered list of named {@link EngineStep}s and the
 * indicators a table of named reporters, both parts of {@link EngineParts}
 * that a caller can replace; each coupling rule can also be switched off in
 * the scenario's `couplings:` block.
 *
 * A run: the uncertain parameters are drawn (deterrence parameters applied
 * to the run's starting forces and defenses, state.ts), every step is started in list
 * order (before the first year), then each year t the steps' yearly actions
 * run in list order and the scenario's indicators are recorded for year t.
 * The default list ({@link defaultSteps}):
 *   1. events        apply the year's events (events.ts)
 *   1b. bargaining   a turn of bargaining over core interests, tensions (core-interests.ts)
 *   2. deterrence    first-strike stability and damage limitation per nuclear dyad
 *   3. interaction   one repeated-game match per dyad (models/games)
 *   4. relations     relation scores move (signal, balance, threat, preferences)
 *   5. arms          Richardson step on effective capacity (models/arms)
 *   6. crises        crisis and escalation draws
 *
 * Caches (of pure functions: results never depend on them) are passed in as
 * an {@link EngineCaches}; a worker thread keeps one (task.ts).
 */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { Rng } from '../core/rng.js';
import { drawStances, meanTension, STANCES_PARAMETER, startCoreInterests } from './core-interests.js';
import type { CachedEvaluator } from './deterrence-update.js';
import { cachedDesignTable, type DesignTable, designQuantiles, designStream } from './design.js';
import { quantile, sample } from './distributions.js';
import {
  type FrustrationMemo,
  INDICATOR_REPORTERS,
  IndicatorCollector,
  type ReporterTable,
  seriesNames,
  YearQuantities,
} from './indicators.js';
import { type Parameters, type RawParameters, resolveParameters, setParameter } from './params.js';
import type { Scenario } from './scenario.js';
import { initialState, type ScenarioTables, type SimState, scenarioDyads, scenarioTables } from './state.js';
import { checkSteps, defaultSteps, type EngineStep, RunContext } from './steps.js';
import { hashString, Purpose, RunStreams } from './streams.js';

/** The replaceable parts of the engine. */
export interface EngineParts {
  /**
   * The deterrence coupling (models/deterrence) with its memo, or `null` when
   * it is not available: then every dyad keeps first-strike stability 1 and
   * no damage limitation, and the rules that use them (R3, A4, C1's
   * escalation) are inert. The default deterrence step uses it, and an
   * ensemble shares its memo between threads.
   */
  readonly deterrence: CachedEvaluator | null;
  /** The year's steps, in order (default: {@link defaultSteps} of `deterrence`). */
  readonly steps?: readonly EngineStep[];
  /** Reporters by indicator name (default: {@link INDICATOR_REPORTERS}); the scenario's indicators are recorded. */
  readonly reporters?: ReporterTable;
}

/** Where {@link simulateRuns} left the run streams of a seed: stream `index` is the generator in state `state`. */
export interface StreamCursor {
  readonly seed: number;
  readonly index: number;
  readonly state: readonly number[];
}

/**
 * The engine's caches, made by the caller and passed in (one per thread in
 * an ensemble, task.ts). Every entry is a cache of a pure function: results
 * do not depend on it, only the time they take.
 */
export interface EngineCaches {
  /** Each scenario's starting tables (relations, nuclear systems), by scenario object. */
  readonly scenarioTables: WeakMap<Scenario, ScenarioTables>;
  /** Frustration index and partition by sign pattern (indicators.ts), bounded. */
  readonly frustration: FrustrationMemo;
  /**
   * Where the last call of {@link simulateRuns} with these caches left the
   * run streams of its seed. The chunks of an ensemble arrive in ascending
   * order, so the next chunk jumps on from here instead of from stream 0
   * (which made an ensemble's stream set-up quadratic in its run count).
   */
  streamCursor: StreamCursor | undefined;
  /** Sensitivity designs' tables by their spec (design.ts), bounded. */
  readonly designs: Map<string, DesignTable>;
}

/** Empty {@link EngineCaches}. */
export function engineCaches(): EngineCaches {
  return {
    scenarioTables: new WeakMap(),
    frustration: new Map(),
    streamCursor: undefined,
    designs: new Map(),
  };
}

/** The result of one run: the recorded series (row-major, series × years) and the drawn parameters. */
export interface RunResult {
  readonly run: number;
  /** `values[s·years + t]` is series `s` in year `from + t`. */
  readonly values: Float64Array;
  /** The uncertain parameters drawn for this run, in the scenario's order. */
  readonly draws: Float64Array;
}

/**
 * Names of the recorded series of a scenario, in the order of {@link RunResult.values}:
 * its indicators, each gains indicator followed by one series per actor, and
 * `crisisStability.dyad` as one series per nuclear dyad (`crisisStability.USA-RUS`, …).
 *
 * @throws {ConcertError} bad-input when an indicator has no reporter in `reporters`
 */
export function scenarioSeries(s: Scenario, reporters: ReporterTable = INDICATOR_REPORTERS): string[] {
  return seriesNames(s.indicators, s.actors, reporters, scenarioDyads(s));
}

/** Number of simulated years. */
export function yearCount(s: Scenario): number {
  return s.years.to - s.years.from + 1;
}

/**
 * The parameters of a run: the uncertain parameters drawn, each from its own
 * stream keyed by its path (so that two scenarios drawing the same parameter
 * draw the same value), written into the raw blocks, then defaults filled.
 * A parameter given in `quantiles` (a sensitivity design's row) takes that
 * quantile of its distribution instead of a draw.
 */
export function drawParameters(
  s: Scenario,
  streams: RunStreams,
  quantiles?: ReadonlyMap<string, number>,
): { params: Parameters; draws: Float64Array } {
  const raw: RawParameters = structuredClone(s.raw) as RawParameters;
  const draws = new Float64Array(s.uncertain.length);
  const deterrence: Record<string, number> = {};
  let stancesAt = -1;
  s.uncertain.forEach((u, k) => {
    if (u.parameter === STANCES_PARAMETER) {
      stancesAt = k;
      return;
    }
    const q = quantiles?.get(u.parameter);
    const x =
      q === undefined
        ? sample(u.distribution, streams.stream(Purpose.parameter, hashString(u.parameter), 0, 0))
        : quantile(u.distribution, q);
    draws[k] = x;
    if (u.parameter.startsWith('deterrence.')) deterrence[u.parameter] = x;
    else setParameter(raw, u.parameter, x);
  });
  const params = resolveParameters(raw, s.actors, deterrence);
  if (stancesAt < 0 || !s.coreInterests) return { params, draws };
  // Each position and salience from its own stream keyed by actor and dimension (common random numbers);
  // the recorded draw is the starting mean tension among the participants, a summary of the stances.
  const stances = drawStances(s.coreInterests, (a, d, which) => streams.stream(Purpose.stance, a, d, which));
  draws[stancesAt] = meanTension(startCoreInterests(s.coreInterests, s.actors.length, stances));
  return { params: { ...params, stances }, draws };
}

/** What every run of one call needs, resolved once: the steps, the collector and the scenario's tables. */
interface Setup {
  readonly steps: readonly EngineStep[];
  readonly collector: IndicatorCollector;
  readonly tables: ScenarioTables;
}

function setup(s: Scenario, parts: EngineParts, caches: EngineCaches): Setup {
  const steps = parts.steps ?? defaultSteps(parts.deterrence);
  checkSteps(steps);
  const collector = new IndicatorCollector(s.indicators, s.actors.length, parts.reporters, scenarioDyads(s));
  let tables = caches.scenarioTables.get(s);
  if (!tables) {
    tables = scenarioTables(s);
    caches.scenarioTables.set(s, tables);
  }
  return { steps, collector, tables };
}

function runOne(s: Scenario, index: number, runRng: Rng, setup: Setup, caches: EngineCaches): RunResult {
  const streams = new RunStreams(runRng);
  const quantiles = s.design
    ? designQuantiles(s.design, cachedDesignTable(caches.designs, s.design), index)
    : undefined;
  const { params, draws } = drawParameters(s, streams, quantiles);
  const years = yearCount(s);
  const values = new Float64Array(setup.collector.seriesCount * years);
  const state: SimState = initialState(s, setup.tables, params.deterrence, params.stances);
  const context = new RunContext(s, params, streams, Uint32Array.from(s.actors, hashString));
  const actions = setup.steps.map((step) => step.start(state, context));
  const quantities = new YearQuantities(state, params, caches.frustration);
  for (let t = 0; t < years; t++) {
    state.year = s.years.from + t;
    for (const action of actions) action();
    quantities.nextYear();
    setup.collector.record(state, quantities, t, years, values);
  }
  return { run: index, values, draws };
}

/**
 * Simulates run `run` of the scenario from its own random stream `runRng`
 * (stream `run` of the ensemble seed): the parts' steps started in order,
 * then year by year their actions and the scenario's indicators. Pure: the
 * same scenario, run index, stream and parts give the same result, with any
 * caches.
 *
 * @throws {ConcertError} bad-input when two steps share a name or a recorded indicator has no reporter
 * @example
 * simulateRun(scenario, 0, Rng.stream(1, 0), defaultParts(scenario)).values; // series × years
 */
export function simulateRun(
  s: Scenario,
  run: number,
  runRng: Rng,
  parts: EngineParts,
  caches: EngineCaches = engineCaches(),
): RunResult {
  return runOne(s, run, runRng, setup(s, parts, caches), caches);
}

/** The generator of stream `index` of `Rng.streams(seed, …)`, jumping on from the cursor when it can. */
function streamGenerator(c: StreamCursor | undefined, seed: number, index: number): JumpableRandomGenerator {
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
 * seed's generator jumped k times) — for a scenario with a sensitivity
 * design, the stream of row k's block (design.ts). With the caches of an
 * earlier call, the streams jump on from where that call stopped.
 *
 * @throws {Error} when the run indices are not ascending
 * @throws {ConcertError} bad-input when two steps share a name or a recorded indicator has no reporter
 */
export function simulateRuns(
  s: Scenario,
  seed: number,
  runs: readonly number[],
  parts: EngineParts,
  caches: EngineCaches = engineCaches(),
): RunResult[] {
  if (runs.length === 0) return [];
  const resolved = setup(s, parts, caches);
  const table = s.design ? cachedDesignTable(caches.designs, s.design) : undefined;
  const streamOf = (k: number) => (table ? designStream(table, k) : k);
  let index = streamOf(runs[0]!);
  const gen = streamGenerator(caches.streamCursor, seed, index);
  const out: RunResult[] = [];
  let previous = -1;
  for (const k of runs) {
    if (k < previous) throw new Error('run indices must be ascending');
    previous = k;
    for (; index < streamOf(k); index++) gen.jump();
    out.push(runOne(s, k, Rng.fromState(gen.getState()), resolved, caches));
  }
  caches.streamCursor = { seed, index, state: gen.getState() };
  return out;
}
