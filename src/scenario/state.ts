/**
 * The state of the simulated world in one year (docs/models/scenario.md,
 * "State"): per actor, military expenditure, nuclear force size, missile
 * defenses and GDP; per dyad, the relation score, the constraints that
 * events put on it, the stake, and the deterrence outcomes; per actor, the
 * running win-win / lose-lose account. Dyad quantities live in flat n×n
 * arrays indexed `i·n + j`.
 */
import type { RichardsonSystem } from '../models/arms/schema.js';
import { applyDeterrenceDraws } from '../models/deterrence/uncertainty.js';
import type { Defenses, Forces, Sensors } from '../world/forces.js';
import { type CoreInterestsRun, type Stances, startCoreInterests } from './core-interests.js';
import type { DyadSets } from './indicators.js';
import type { Scenario } from './scenario.js';
import { type TradeStakes, tradeStakesOfScenario } from './trade-stakes.js';

/** An actor's nuclear systems in the order of its forces' `systems`, as arrays (read every year, never changed). */
export interface SystemTable {
  readonly ids: readonly string[];
  readonly launchers: Float64Array;
  readonly warheadsPerLauncher: Float64Array;
}

/** The mutable state of one run. */
export interface SimState {
  /** The year being simulated. */
  year: number;
  readonly n: number;
  readonly actors: readonly string[];
  /** Military expenditure, current US$: now, and when the year's arms step began. */
  readonly milexUsd: Float64Array;
  readonly previousMilexUsd: Float64Array;
  /** Total deployed warheads when the year's arms step began (0 before the first one). */
  previousWarheads: number;
  /**
   * The effective Richardson system the year's arms step stepped (undefined
   * before the first one), which the eigenvalue-margin indicator reuses.
   */
  armsSystem: RichardsonSystem | undefined;
  /** Trend factor of each actor's spending, Π(1 + baselineGrowth) over the years stepped (rule A2). */
  readonly milexTrend: Float64Array;
  /** Military expenditure at the start, current US$ (the unit of the arms index). */
  readonly startMilexUsd: Float64Array;
  readonly gdpUsd: Float64Array;
  /** The actor's nuclear forces as in the starting world (launcher counts are scaled, see {@link forceScale}). */
  readonly baseForces: readonly (Forces | undefined)[];
  /** Multiplier on every launcher count (arms dynamics and treaties). */
  readonly forceScale: Float64Array;
  /** The actor's nuclear systems as numbers (undefined for an actor without forces); shared by the runs of a scenario. */
  readonly systems: readonly (SystemTable | undefined)[];
  /** Per-system multiplier from `change-forces` events, indexed like {@link SystemTable.ids}. */
  readonly systemFactor: Float64Array[];
  /** Current missile defenses (deployments change them). */
  readonly defenses: Defenses[];
  /** Missile defenses at the start of the run (the templates of `like:` deployments). */
  readonly startDefenses: readonly Defenses[];
  /** Current sensors (`switch-sensor` events change them). */
  readonly sensors: Sensors[];
  /**
   * The run's draws of deterrence parameters (models/deterrence's
   * DETERRENCE_UNCERTAINTIES), already applied to {@link baseForces} and
   * {@link defenses}; `deterrence.pk` is also applied to defenses deployed
   * later. Empty when the scenario samples none.
   */
  readonly deterrenceDraws: Readonly<Record<string, number>>;
  /** Identifies {@link deterrenceDraws} in posture keys ('' when there are none). */
  readonly drawTag: string;
  /** Relation score r_ij in [−1, 1], symmetric. */
  readonly relation: Float64Array;
  /** Floors and ceilings on r_ij from alignments (−1 and +1 when none). */
  readonly relationFloor: Float64Array;
  readonly relationCeiling: Float64Array;
  /** Consultation probability set by `consult` events (−1 when none). */
  readonly consultOverride: Float64Array;
  /** Share of the dyad's trade cut by sanctions (compounded when several hold). */
  readonly stakeCut: Float64Array;
  /** Ad-valorem tariff on the dyad's trade from `trade-war` events (compounded), 0 when none. */
  readonly tariff: Float64Array;
  /**
   * stake[i·n + j]: i's stake per round in dyad (i, j) before sanctions and
   * tariffs (rule I3): with the world's trade, the gains from trade i would
   * lose if the dyad's trade stopped, US$ billion per year, over the rounds of
   * a year; without trade, the GDP-weighted stake (mean 1 over dyads, payoff units).
   */
  readonly stake: Float64Array;
  /** The world's trade for the stakes (undefined when the world has none: GDP-weighted stakes). */
  readonly trade: TradeStakes | undefined;
  /** Treaty caps on force scale and on total interceptors (Infinity when none). */
  readonly forceCap: Float64Array;
  readonly interceptorCap: Float64Array;
  /** Whether actor i has nuclear warheads at the start. */
  readonly nuclear: Uint8Array;
  /** First-strike stability of the dyad (1 for non-nuclear dyads). */
  readonly firstStrikeStability: Float64Array;
  /** dl_ij: share of j's retaliation that i can prevent by striking first (counterforce and defenses), this year and last. */
  readonly damageLimitation: Float64Array;
  readonly previousDamageLimitation: Float64Array;
  /** The year's interaction outcome per dyad in [−1, 1] (CC = +1, DD = −1, mixed = −½). */
  readonly signal: Float64Array;
  /** Each dyad's reference signal: its mean signal under the starting state (rule R1; interaction.ts). */
  readonly referenceSignal: Float64Array;
  /** Relation scores at the start of the run (rule R1's anchor). */
  readonly startRelation: Float64Array;
  /** Cumulative mutual-cooperation gains, mutual-defection losses (positive numbers) and net payoffs, per actor. */
  readonly winWin: Float64Array;
  readonly loseLose: Float64Array;
  readonly net: Float64Array;
  /** Richardson grievance g_i calibrated at the start (US$ per year). */
  readonly grievance: Float64Array;
  /** Number of event starts and ends applied so far (identifies the event-made part of the state). */
  eventEpoch: number;
  /**
   * The run's bargaining over core interests (positions, saliences, tensions;
   * core-interests.ts), undefined when fewer than two actors are in the data.
   */
  readonly coreInterests: CoreInterestsRun | undefined;
  /** Each dyad's crisis probability this year, logistic(c0 − c1·r_ij) (rule C1; symmetric, 0 when crises are off). */
  readonly crisisProbability: Float64Array;
  /** Crises and escalations of the year. */
  crises: number;
  escalations: number;
}

/** Military expenditure of a world actor, current US$ (an override first, then COW's milex in thousands). */
export function startingMilexUsd(s: Scenario, id: string): number | undefined {
  const override = s.overrides[id]?.milexUsd;
  if (override !== undefined) return override;
  const k = s.world.actors[id]?.capabilities?.milexThousands;
  return k === null || k === undefined ? undefined : k * 1000;
}

/** GDP of a world actor, current US$ (an override first, then the world). */
export function startingGdpUsd(s: Scenario, id: string): number | undefined {
  const override = s.overrides[id]?.gdpUsd;
  if (override !== undefined) return override;
  const g = s.world.actors[id]?.gdpUsd;
  return g === null || g === undefined ? undefined : g;
}

/** Deployed warheads of a force posture: Σ launchers·warheadsPerLauncher, or `totalWarheads` when no systems are listed. */
export function deployedWarheads(forces: Forces | undefined): number {
  if (!forces) return 0;
  let w = 0;
  for (const sys of Object.values(forces.systems)) w += sys.launchers * sys.warheadsPerLauncher;
  if (w === 0 && forces.totalWarheads !== undefined) return forces.totalWarheads;
  return w;
}

/**
 * The scenario's nuclear dyads, as index pairs (i < j) of its actors: both
 * actors have deployed warheads in the starting world. (A dyad in which one
 * side cannot reach the other keeps first-strike stability 1.)
 */
export function nuclearDyads(s: Scenario): [number, number][] {
  const nuclear = s.actors.map((id) => deployedWarheads(s.world.actors[id]?.forces) > 0);
  const out: [number, number][] = [];
  for (let i = 0; i < s.actors.length; i++)
    for (let j = i + 1; j < s.actors.length; j++) if (nuclear[i] && nuclear[j]) out.push([i, j]);
  return out;
}

/** The dyads of each set per-dyad indicators record (indicators.ts): nuclear, all, core-interest participants. */
export function scenarioDyads(s: Scenario): DyadSets {
  const all: [number, number][] = [];
  for (let i = 0; i < s.actors.length; i++) for (let j = i + 1; j < s.actors.length; j++) all.push([i, j]);
  const members = new Set(s.coreInterests?.members ?? []);
  return {
    nuclear: nuclearDyads(s),
    all,
    coreInterests: all.filter(([i, j]) => members.has(i) && members.has(j)),
  };
}

/** The starting relation matrix r_ij of the scenario's actors (0 where the world has no relation). */
export function startingRelations(s: Scenario): Float64Array {
  const n = s.actors.length;
  const index = new Map(s.actors.map((id, i) => [id, i]));
  const m = new Float64Array(n * n);
  for (const r of s.world.relations) {
    const i = index.get(r.a);
    const j = index.get(r.b);
    if (i === undefined || j === undefined) continue;
    m[i * n + j] = r.score;
    m[j * n + i] = r.score;
  }
  return m;
}

/** Each actor's {@link SystemTable} (undefined for an actor without forces). */
export function systemTables(s: Scenario): (SystemTable | undefined)[] {
  return s.actors.map((id) => {
    const forces = s.world.actors[id]?.forces;
    if (!forces) return undefined;
    const list = Object.entries(forces.systems);
    return {
      ids: list.map(([sid]) => sid),
      launchers: Float64Array.from(list, ([, sys]) => sys.launchers),
      warheadsPerLauncher: Float64Array.from(list, ([, sys]) => sys.warheadsPerLauncher),
    };
  });
}

/**
 * What every run of a scenario starts from and never changes: computed once
 * per scenario and kept by the caller (the engine's caches key it by the
 * scenario object), so that runs share it instead of each building it.
 */
export interface ScenarioTables {
  /** {@link startingRelations}; each run copies it. */
  readonly relations: Float64Array;
  /** {@link systemTables}; shared by the runs, read only. */
  readonly systems: readonly (SystemTable | undefined)[];
  /** The world's trade among the actors ({@link tradeStakesOfScenario}); shared, read only. */
  readonly trade: TradeStakes | undefined;
}

/** The {@link ScenarioTables} of a scenario. */
export function scenarioTables(s: Scenario): ScenarioTables {
  return { relations: startingRelations(s), systems: systemTables(s), trade: tradeStakesOfScenario(s) };
}

/**
 * The initial state of a run (before the first year's events), from the
 * scenario's tables (built here when the caller has none).
 */
export function initialState(
  s: Scenario,
  tables: ScenarioTables = scenarioTables(s),
  deterrenceDraws: Readonly<Record<string, number>> = {},
  stances?: Stances,
): SimState {
  const n = s.actors.length;
  const drawn = Object.keys(deterrenceDraws).length > 0;
  const world = drawn ? applyDeterrenceDraws(s.world, deterrenceDraws) : s.world;
  const drawTag = drawn
    ? Object.keys(deterrenceDraws)
        .sort()
        .map((k) => `${k}=${deterrenceDraws[k]}`)
        .join(';')
    : '';
  const relation = Float64Array.from(tables.relations);
  const milex = Float64Array.from(s.actors, (id) => startingMilexUsd(s, id) ?? 0);
  const gdp = Float64Array.from(s.actors, (id) => startingGdpUsd(s, id) ?? 0);
  const baseForces = s.actors.map((id) => world.actors[id]?.forces);
  const nuclear = Uint8Array.from(baseForces, (f) => (deployedWarheads(f) > 0 ? 1 : 0));
  const systems = tables.systems;
  return {
    year: s.years.from,
    n,
    actors: s.actors,
    milexUsd: milex,
    previousMilexUsd: Float64Array.from(milex),
    previousWarheads: 0,
    armsSystem: undefined,
    milexTrend: new Float64Array(n).fill(1),
    startMilexUsd: Float64Array.from(milex),
    gdpUsd: gdp,
    baseForces,
    forceScale: new Float64Array(n).fill(1),
    systems,
    systemFactor: systems.map((t) => new Float64Array(t ? t.ids.length : 0).fill(1)),
    defenses: s.actors.map((id) => ({ ...(world.actors[id]?.defenses ?? {}) })),
    startDefenses: s.actors.map((id) => world.actors[id]?.defenses ?? {}),
    sensors: s.actors.map((id) => ({ ...(world.actors[id]?.sensors ?? {}) })),
    deterrenceDraws,
    drawTag,
    relation,
    relationFloor: new Float64Array(n * n).fill(-1),
    relationCeiling: new Float64Array(n * n).fill(1),
    consultOverride: new Float64Array(n * n).fill(-1),
    stakeCut: new Float64Array(n * n),
    tariff: new Float64Array(n * n),
    stake: new Float64Array(n * n).fill(1),
    trade: tables.trade,
    forceCap: new Float64Array(n).fill(Infinity),
    interceptorCap: new Float64Array(n).fill(Infinity),
    nuclear,
    firstStrikeStability: new Float64Array(n * n).fill(1),
    damageLimitation: new Float64Array(n * n),
    previousDamageLimitation: new Float64Array(n * n),
    signal: new Float64Array(n * n),
    referenceSignal: new Float64Array(n * n),
    startRelation: Float64Array.from(relation),
    winWin: new Float64Array(n),
    loseLose: new Float64Array(n),
    net: new Float64Array(n),
    grievance: new Float64Array(n),
    eventEpoch: 0,
    coreInterests: startCoreInterests(s.coreInterests, n, stances),
    crisisProbability: new Float64Array(n * n),
    crises: 0,
    escalations: 0,
  };
}

/** Total interceptors of an actor's defenses. */
export function totalInterceptors(defenses: Defenses): number {
  let t = 0;
  for (const d of Object.values(defenses)) t += d.interceptors;
  return t;
}
