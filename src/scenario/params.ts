/**
 * Resolved scenario parameters: every policy, coupling, stage-game payoff and
 * stability weight with its default filled in (docs/models/scenario.md lists
 * each default and why), and the application of an `uncertain` draw to a
 * dotted parameter path before resolution.
 */
import { DEFAULT_TRADE_ELASTICITY } from '../models/economy/gains.js';
import type { Stances } from './core-interests.js';
import type { CouplingsInput, PolicyInput, ScenarioFile } from './schema.js';

/** One actor's behaviour, fully specified. */
export interface Policy {
  readonly strategy: string;
  /** Implementation noise: probability that an intended action is flipped. */
  readonly noise: number;
  /** Misperception: probability that a partner's action is observed flipped. */
  readonly misperception: number;
  /** Probability that consultation clears up an error before the next move. */
  readonly consultation: number;
  readonly arms: {
    readonly reaction: number;
    readonly fatigue: number;
    readonly baselineGrowth: number;
    /** sd of the yearly shock to the spending index (rule A2); 0 = none. */
    readonly shockSd: number;
    readonly forceElasticity: number;
  };
  readonly alignment: Readonly<Record<string, number>>;
}

/** Every coupling rule with its switch and parameters (docs/models/scenario.md). */
export interface Couplings {
  readonly interaction: { readonly enabled: boolean; readonly roundsPerYear: number };
  readonly consultation: { readonly enabled: boolean };
  readonly economicStake: { readonly enabled: boolean; readonly tradeElasticity: number };
  readonly hostileMisperception: { readonly enabled: boolean; readonly rate: number };
  readonly interactionSignal: {
    readonly enabled: boolean;
    readonly rate: number;
    readonly relative: boolean;
  };
  readonly structuralBalance: { readonly enabled: boolean; readonly rate: number };
  readonly threatPerception: { readonly enabled: boolean; readonly rate: number };
  readonly alignmentPreference: { readonly enabled: boolean; readonly rate: number };
  readonly armsReaction: { readonly enabled: boolean; readonly trend: boolean };
  readonly damageLimitation: { readonly enabled: boolean; readonly weight: number };
  readonly forceConversion: { readonly enabled: boolean };
  readonly coreInterests: {
    readonly enabled: boolean;
    readonly weight: number;
    readonly turnsPerYear: number;
  };
  readonly crises: {
    readonly enabled: boolean;
    readonly base: number;
    readonly hostility: number;
    readonly escalation: number;
  };
}
export type CouplingName = keyof Couplings;

/** Payoffs of the yearly stage game in units of the dyad's stake (a Prisoner's Dilemma by default). */
export interface GamePayoffs {
  readonly reward: number;
  readonly sucker: number;
  readonly temptation: number;
  readonly punishment: number;
}

export interface StabilityWeights {
  readonly crisis: number;
  readonly arms: number;
  readonly relations: number;
}

/** All parameters of one run. */
export interface Parameters {
  /** Per actor, in the scenario's actor order. */
  readonly policies: readonly Policy[];
  readonly couplings: Couplings;
  readonly game: GamePayoffs;
  readonly weights: StabilityWeights;
  /**
   * The run's draws of deterrence parameters (`deterrence.*` paths of the
   * `uncertain` block; models/deterrence's DETERRENCE_UNCERTAINTIES), the
   * probabilities clamped to [0, 1]. Empty when none is sampled.
   */
  readonly deterrence: Readonly<Record<string, number>>;
  /** The run's draws of the core-interest positions and saliences (`coreInterests.stances`), when sampled. */
  readonly stances?: Stances;
}

/** The defaults of docs/models/scenario.md (every one an assumption stated there). */
export const DEFAULT_POLICY: Policy = Object.freeze({
  strategy: 'Tit For Tat',
  noise: 0.02,
  misperception: 0.05,
  consultation: 0.2,
  arms: Object.freeze({
    reaction: 0.05,
    fatigue: 0.1,
    baselineGrowth: 0.02,
    shockSd: 0,
    forceElasticity: 0.5,
  }),
  alignment: Object.freeze({}),
});

export const DEFAULT_COUPLINGS: Couplings = Object.freeze({
  interaction: { enabled: true, roundsPerYear: 12 },
  consultation: { enabled: true },
  economicStake: { enabled: true, tradeElasticity: DEFAULT_TRADE_ELASTICITY },
  hostileMisperception: { enabled: true, rate: 0.2 },
  interactionSignal: { enabled: true, rate: 0.1, relative: true },
  structuralBalance: { enabled: true, rate: 0.05 },
  threatPerception: { enabled: true, rate: 1 },
  alignmentPreference: { enabled: true, rate: 0.1 },
  armsReaction: { enabled: true, trend: true },
  damageLimitation: { enabled: true, weight: 2 },
  forceConversion: { enabled: true },
  coreInterests: { enabled: true, weight: 0.5, turnsPerYear: 1 },
  crises: { enabled: true, base: -4, hostility: 3, escalation: 0.5 },
});

export const DEFAULT_GAME: GamePayoffs = Object.freeze({
  reward: 1,
  sucker: -1.5,
  temptation: 1.5,
  punishment: -1,
});

export const DEFAULT_WEIGHTS: StabilityWeights = Object.freeze({ crisis: 0.4, arms: 0.3, relations: 0.3 });

/** The raw (user-written) parameter blocks that `uncertain` draws can change. */
export interface RawParameters {
  policies: Record<string, PolicyInput>;
  couplings: CouplingsInput;
  game: Record<string, number | undefined>;
  stabilityWeights: Record<string, number | undefined>;
}

/** The parameter blocks of a scenario, deep-copied so that draws can be written into them. */
export function rawParameters(s: ScenarioFile): RawParameters {
  return structuredClone({
    policies: s.policies,
    couplings: s.couplings,
    game: s.game,
    stabilityWeights: s.stabilityWeights,
  }) as RawParameters;
}

function mergePolicy(base: Policy, p: PolicyInput | undefined): Policy {
  if (p === undefined) return base;
  return {
    strategy: p.strategy ?? base.strategy,
    noise: clamp01(p.noise ?? base.noise),
    misperception: clamp01(p.misperception ?? base.misperception),
    consultation: clamp01(p.consultation ?? base.consultation),
    arms: nonNegativeArms({ ...base.arms, ...definedOnly(p.arms ?? {}) }),
    alignment: { ...base.alignment, ...(p.alignment ?? {}) },
  };
}

/**
 * A copy of a policy made by one object literal, so that every run's policies
 * share one shape (the defaults are frozen objects, the merged ones are not):
 * the engine's hot loops then see a single hidden class, not several.
 */
function uniformPolicy(p: Policy): Policy {
  return {
    strategy: p.strategy,
    noise: p.noise,
    misperception: p.misperception,
    consultation: p.consultation,
    arms: {
      reaction: p.arms.reaction,
      fatigue: p.arms.fatigue,
      baselineGrowth: p.arms.baselineGrowth,
      shockSd: p.arms.shockSd,
      forceElasticity: p.arms.forceElasticity,
    },
    alignment: p.alignment,
  };
}

/** Uncertain draws can leave a parameter's range; probabilities are clamped to [0, 1]. */
function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Rates that must be ≥ 0 (all but the baseline growth) are clamped at 0. */
function nonNegativeArms(a: Policy['arms']): Policy['arms'] {
  return {
    reaction: Math.max(0, a.reaction),
    fatigue: Math.max(0, a.fatigue),
    baselineGrowth: a.baselineGrowth,
    shockSd: Math.max(0, a.shockSd),
    forceElasticity: Math.max(0, a.forceElasticity),
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function resolveCouplings(input: CouplingsInput): Couplings {
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(DEFAULT_COUPLINGS) as [CouplingName, { enabled: boolean }][]) {
    const given = (input as Record<string, unknown>)[name];
    if (given === undefined) out[name] = def;
    else if (typeof given === 'boolean') out[name] = { ...def, enabled: given };
    else
      out[name] = {
        ...def,
        ...definedOnly(given as object),
        enabled: (given as { enabled?: boolean }).enabled ?? true,
      };
  }
  return out as unknown as Couplings;
}

/** The policy of every actor and the `default` policy, merged default ← scenario default ← actor. */
export function resolvePolicies(raw: RawParameters, actors: readonly string[]): Record<string, Policy> {
  const base = mergePolicy(DEFAULT_POLICY, raw.policies.default);
  const out: Record<string, Policy> = { default: base };
  for (const id of actors) out[id] = mergePolicy(base, raw.policies[id]);
  return out;
}

/** Resolves raw parameter blocks into the {@link Parameters} of a run. */
export function resolveParameters(
  raw: RawParameters,
  actors: readonly string[],
  deterrence: Readonly<Record<string, number>> = {},
): Parameters {
  const byActor = resolvePolicies(raw, actors);
  const policies: Policy[] = [];
  for (const id of actors) policies.push(uniformPolicy(byActor[id]!));
  return {
    policies,
    couplings: resolveCouplings(raw.couplings),
    game: { ...DEFAULT_GAME, ...definedOnly(raw.game) } as GamePayoffs,
    weights: { ...DEFAULT_WEIGHTS, ...definedOnly(raw.stabilityWeights) } as StabilityWeights,
    deterrence: Object.fromEntries(
      Object.entries(deterrence).map(([k, v]) => [
        k,
        k === 'deterrence.cepFactor' || k === 'deterrence.siloHardnessPsi' ? v : clamp01(v),
      ]),
    ),
  };
}

/**
 * The fully resolved parameter tree (policies by actor id and `default`,
 * couplings, game, stabilityWeights): the namespace that `uncertain`
 * parameter paths must name a number in.
 */
export function parameterTree(raw: RawParameters, actors: readonly string[]): Record<string, unknown> {
  const p = resolveParameters(raw, actors);
  return {
    policies: resolvePolicies(raw, actors),
    couplings: p.couplings,
    game: p.game,
    stabilityWeights: p.weights,
  };
}

/** Whether `path` (dotted) names a number in the tree. */
export function isNumericParameter(tree: Record<string, unknown>, path: string): boolean {
  let node: unknown = tree;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number';
}

/**
 * Writes `value` at the dotted `path` of the raw blocks, creating objects on
 * the way (a coupling given as `true`/`false` becomes `{enabled: …}`).
 */
export function setParameter(raw: RawParameters, path: string, value: number): void {
  const keys = path.split('.');
  let node = raw as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    let next = node[key];
    if (typeof next === 'boolean') next = { enabled: next };
    if (next === undefined || next === null || typeof next !== 'object') next = {};
    node[key] = next;
    node = next as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}
