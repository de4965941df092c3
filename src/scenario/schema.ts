/**
 * The scenario language (DESIGN.md, "File formats"): one zod schema is the
 * source of truth for the types and for validation. What zod cannot see (actor
 * ids that must exist in the world, event years inside the simulated years,
 * parameter paths of `uncertain`) is checked in load.ts with located messages.
 *
 * Units: probabilities in [0, 1]; rates per year; relation scores in [−1, 1];
 * money in current US dollars (`Usd`).
 */
import { z } from 'zod';
import {
  FORCES_YEARS,
  type ForcesYear,
  GeoPointSchema,
  MAX_FORCE_COUNT,
  MAX_PER_UNIT,
} from '../world/forces.js';
import { ActorIdSchema } from '../world/schema.js';

const probability = z.number().min(0).max(1);
const score = z.number().min(-1).max(1);
const nonNegative = z.number().min(0);

/** `"2017..2037"`: first and last simulated year, both included. */
export const YearsSchema = z
  .string()
  .regex(/^\s*\d{4}\s*\.\.\s*\d{4}\s*$/, 'expected a year range such as "2017..2037"')
  .transform((s, ctx) => {
    const [from, to] = s.split('..').map((p) => Number(p.trim())) as [number, number];
    if (to < from) {
      ctx.addIssue({ code: 'custom', message: `the range ends (${to}) before it starts (${from})` });
      return z.NEVER;
    }
    if (to - from > 200) {
      ctx.addIssue({ code: 'custom', message: `at most 200 years can be simulated (got ${to - from + 1})` });
      return z.NEVER;
    }
    return { from, to };
  });
export type Years = z.output<typeof YearsSchema>;

/** Richardson arms-race parameters of one actor (Richardson 1960; docs/models/scenario.md, rule A1). */
export const ArmsPolicySchema = z.strictObject({
  /** k: reaction to a unit of rival effective capacity, per year. */
  reaction: nonNegative.optional(),
  /** a: "fatigue and expense", per year. */
  fatigue: nonNegative.optional(),
  /** Trend growth of military expenditure per year (rule A2): the growth while hostility stays at its starting level. */
  baselineGrowth: z.number().min(-0.5).max(0.5).optional(),
  /** σ: sd of the yearly shock to the spending index (rule A2), a fraction of trend spending; 0 = no shock. */
  shockSd: nonNegative.max(1).optional(),
  /** φ: elasticity of nuclear force size to military expenditure (rule A3). */
  forceElasticity: nonNegative.max(5).optional(),
});

/** One actor's behaviour parameters; everything is optional and filled from `default`. */
export const PolicySchema = z.strictObject({
  /** Repeated-game strategy, by its Axelrod-library name (e.g. "Tit For Tat"). */
  strategy: z.string().min(1).optional(),
  /** Implementation noise: probability that an intended action is flipped when executed. */
  noise: probability.optional(),
  /** Probability that an observed action of a partner is misperceived (flipped). */
  misperception: probability.optional(),
  /** Probability that consultation corrects a misperceived action. */
  consultation: probability.optional(),
  arms: ArmsPolicySchema.optional(),
  /** Preferred relation score toward other actors (rule R4). */
  alignment: z.record(ActorIdSchema, score).optional(),
});
export type PolicyInput = z.infer<typeof PolicySchema>;

const actorPair = z.array(ActorIdSchema).min(2, 'expected at least two actors');

const eventBase = {
  /** Year the event takes effect (applied before that year's behaviour). */
  year: z.number().int(),
  /** Years the event lasts; omitted = to the end of the scenario. */
  duration: z.number().int().min(1).optional(),
  /** Free text: what the event stands for and its source. */
  note: z.string().optional(),
};

export const EVENT_TYPES = [
  'deploy-missile-defense',
  'change-forces',
  'form-alignment',
  'break-alignment',
  'sanction',
  'consult',
  'arms-control-treaty',
  'switch-sensor',
  'trade-war',
  'concede',
] as const;

const DeployMissileDefenseSchema = z.strictObject({
  type: z.literal('deploy-missile-defense'),
  ...eventBase,
  actor: ActorIdSchema,
  /** Defense system id; an existing id of the actor adds interceptors to it. */
  system: z.string().min(1),
  name: z.string().min(1).optional(),
  /** Interceptors added (0 to change only what an existing system covers); as many as a world's defense may have. */
  interceptors: z
    .number()
    .int()
    .min(0)
    .max(MAX_FORCE_COUNT, `expected at most ${MAX_FORCE_COUNT} interceptors`),
  /** Single-shot kill probability (needed for a new system). */
  pk: probability.optional(),
  salvo: z.number().int().min(1).max(MAX_PER_UNIT, `expected a salvo of at most ${MAX_PER_UNIT}`).optional(),
  /** Probability that a decoy is recognised (new system; default 1). */
  discrimination: probability.optional(),
  /** What the new system defends (default value targets). */
  protects: z
    .array(z.enum(['value', 'forces']))
    .min(1)
    .optional(),
  /** Attackers whose warheads the system can engage (added to an existing system's coverage). */
  against: z.array(ActorIdSchema).optional(),
  /** Basings it can engage (default: all). */
  basings: z.array(z.enum(['silo', 'road-mobile', 'rail-mobile', 'slbm', 'bomber'])).optional(),
  /**
   * A new system only: an existing defense of the same actor whose engagement
   * geometry, Pk, salvo, discrimination and what it protects the new system
   * copies (fields given here win); with `sites`, what it engages is computed.
   */
  like: z.string().min(1).optional(),
  /** A new system only: where its interceptors are based (with them, the geometry decides what it engages). */
  sites: z.array(GeoPointSchema).min(1).optional(),
  /** A new system only: phase and interceptor of its engagement geometry (docs/models/deterrence.md). */
  phase: z.enum(['boost', 'midcourse', 'terminal']).optional(),
  interceptorSpeedKmS: z.number().positive().optional(),
  interceptorBurnTimeS: nonNegative.optional(),
  interceptorRangeKm: z.number().positive().optional(),
  minAltitudeKm: nonNegative.optional(),
  maxAltitudeKm: z.number().positive().optional(),
  reactionTimeS: nonNegative.optional(),
  radarRangeKm: nonNegative.optional(),
});

/** Largest factor of one change-forces event (2e9 made the engine allocate 2.4e11 launchers). */
export const MAX_FORCE_FACTOR = 100;

const ChangeForcesSchema = z.strictObject({
  type: z.literal('change-forces'),
  ...eventBase,
  actor: ActorIdSchema,
  /**
   * Multiplies the launchers of every system (or of `system`), at most
   * {@link MAX_FORCE_FACTOR}-fold; the launchers it makes are checked against
   * the world's bound when the scenario is loaded.
   */
  factor: nonNegative.max(MAX_FORCE_FACTOR, `expected a factor of at most ${MAX_FORCE_FACTOR}`),
  system: z.string().min(1).optional(),
});

const FormAlignmentSchema = z.strictObject({
  type: z.literal('form-alignment'),
  ...eventBase,
  actors: actorPair,
  /** Floor on the relation scores among the members while the alignment lasts. */
  floor: score.default(0.6),
});

const BreakAlignmentSchema = z.strictObject({
  type: z.literal('break-alignment'),
  ...eventBase,
  actors: actorPair,
  /** Ceiling on the relation scores among the actors while it lasts. */
  ceiling: score.default(0),
});

const SanctionSchema = z.strictObject({
  type: z.literal('sanction'),
  ...eventBase,
  actor: ActorIdSchema,
  target: ActorIdSchema,
  /** Share of the dyad's trade cut while the sanction lasts; also the one-off drop in the relation score. */
  severity: probability.default(0.3),
});

/**
 * A trade war: an ad-valorem tariff on the dyad's trade in both directions
 * while it lasts; trade falls to T(1 + τ)^{−θ} (θ the trade elasticity,
 * `couplings.economicStake.tradeElasticity`).
 */
const TradeWarSchema = z.strictObject({
  type: z.literal('trade-war'),
  ...eventBase,
  actor: ActorIdSchema,
  target: ActorIdSchema,
  /** Ad-valorem tariff (0.25 = 25%). */
  tariff: nonNegative.max(10).default(0.25),
});

const ConsultSchema = z.strictObject({
  type: z.literal('consult'),
  ...eventBase,
  actors: actorPair,
  /** Consultation probability among the actors while it lasts. */
  probability: probability.default(0.8),
});

const ArmsControlTreatySchema = z.strictObject({
  type: z.literal('arms-control-treaty'),
  ...eventBase,
  actors: actorPair,
  /** Cap on each party's deployed warheads, as a multiple of its warheads when the treaty enters into force. */
  warheadCap: nonNegative.max(10).default(1),
  /** Cap on each party's interceptors, as a multiple of its interceptors at entry into force (omitted = no cap). */
  interceptorCap: nonNegative.max(10).optional(),
});

/**
 * A sensor of the actor's world (a radar that cues defenses, e.g. the AN/TPY-2
 * of the THAAD battery in Korea) switched on or off; with a duration, switched
 * back when it ends.
 */
const SwitchSensorSchema = z.strictObject({
  type: z.literal('switch-sensor'),
  ...eventBase,
  actor: ActorIdSchema,
  /** Sensor id of the actor in the world (data/forces-<year>.json `sensors`). */
  sensor: z.string().min(1),
  /** true: the sensor tracks and cues; false: it does not. */
  enabled: z.boolean().default(true),
});

/**
 * A concession on a core-interest issue (data/core-interests-2017.yaml): the
 * actor moves its position (and its ideal) toward `position` and/or lowers
 * its salience on `dimension` to `salience`, once, in `year`, for the rest
 * of the run (no duration). Values on the data's 0–100 scale.
 */
const ConcedeSchema = z.strictObject({
  type: z.literal('concede'),
  year: eventBase.year,
  /** Not allowed: a concession holds for the rest of the run. */
  duration: z
    .undefined({ error: 'a concession has no duration: it holds for the rest of the run' })
    .optional(),
  note: eventBase.note,
  actor: ActorIdSchema,
  /** A dimension id of the core-interest data (taiwan, south-china-sea, …). */
  dimension: z.string().min(1),
  /** The position (0–100) the actor moves toward. */
  position: z
    .number()
    .min(0, 'expected a position on the 0–100 scale of data/core-interests-2017.yaml')
    .max(100, 'expected a position on the 0–100 scale of data/core-interests-2017.yaml')
    .optional(),
  /** The share of the way toward `position` it moves (default 1: all the way). */
  share: z.number().gt(0).max(1).default(1),
  /** The salience (0–100) it lowers its own to (a concession never raises a salience). */
  salience: z
    .number()
    .min(0, 'expected a salience on the 0–100 scale of data/core-interests-2017.yaml')
    .max(100, 'expected a salience on the 0–100 scale of data/core-interests-2017.yaml')
    .optional(),
});

export const EventSchema = z.discriminatedUnion(
  'type',
  [
    DeployMissileDefenseSchema,
    ChangeForcesSchema,
    FormAlignmentSchema,
    BreakAlignmentSchema,
    SanctionSchema,
    ConsultSchema,
    ArmsControlTreatySchema,
    SwitchSensorSchema,
    TradeWarSchema,
    ConcedeSchema,
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `unknown event type: expected one of ${EVENT_TYPES.join(', ')}`
        : undefined,
  },
);
export type ScenarioEvent = z.output<typeof EventSchema>;
export type EventType = ScenarioEvent['type'];

const DistributionUnion = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('uniform'), min: z.number(), max: z.number() }),
    z.strictObject({
      type: z.literal('normal'),
      mean: z.number(),
      sd: nonNegative,
      min: z.number().optional(),
      max: z.number().optional(),
    }),
    z.strictObject({ type: z.literal('triangular'), min: z.number(), mode: z.number(), max: z.number() }),
    z.strictObject({ type: z.literal('lognormal'), mu: z.number(), sigma: nonNegative }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? 'unknown distribution type: expected one of uniform, normal, triangular, lognormal'
        : undefined,
  },
);
/** A distribution, with min ≤ max and the triangular mode inside [min, max]. */
export const DistributionSchema = DistributionUnion.superRefine((d, ctx) => {
  for (const [field, message] of distributionProblems(d))
    ctx.addIssue({ code: 'custom', path: [field], message });
});
export type Distribution = z.output<typeof DistributionUnion>;

/**
 * The problems with a distribution's parameters that field types cannot see
 * (min > max, mode outside [min, max]), as `[field, message]` pairs.
 */
export function distributionProblems(d: Distribution): [string, string][] {
  const out: [string, string][] = [];
  // Bounds (issue 21): a parameter drawn near 1e308 overflows the models (and a
  // triangular draw's (max − min)·(max − mode) overflows by itself).
  for (const [field, x] of Object.entries(d)) {
    if (typeof x !== 'number') continue;
    const limit = d.type === 'lognormal' ? (field === 'mu' ? 20 : 5) : 1e9;
    if (Math.abs(x) > limit) out.push([field, `expected ${field} within ±${limit}; got ${x}`]);
  }
  if ((d.type === 'uniform' || d.type === 'triangular') && d.min > d.max) {
    out.push(['min', `min (${d.min}) is greater than max (${d.max})`]);
  }
  if (d.type === 'triangular' && d.min <= d.max && (d.mode < d.min || d.mode > d.max)) {
    out.push(['mode', `mode (${d.mode}) is outside [min, max] = [${d.min}, ${d.max}]`]);
  }
  if (d.type === 'normal' && d.min !== undefined && d.max !== undefined && d.min > d.max) {
    out.push(['min', `min (${d.min}) is greater than max (${d.max})`]);
  }
  return out;
}

export const UncertainSchema = z.strictObject({
  /**
   * Dotted path of a numeric parameter, e.g. `policies.USA.noise`,
   * `couplings.structuralBalance.rate`, or a deterrence parameter of
   * models/deterrence's DETERRENCE_UNCERTAINTIES (`deterrence.pk`, …).
   */
  parameter: z.string().min(1),
  /** Omitted only for a deterrence parameter: then its documented default range (uniform). */
  distribution: DistributionSchema.optional(),
});
export type UncertainInput = z.output<typeof UncertainSchema>;
/** An uncertain parameter with its distribution resolved (a deterrence parameter's default filled in). */
export interface Uncertain {
  readonly parameter: string;
  readonly distribution: Distribution;
}

/** A coupling switch: `false`/`true`, or an object of parameters with `enabled`. */
function coupling<T extends z.ZodRawShape>(shape: T) {
  return z.union([z.boolean(), z.strictObject({ enabled: z.boolean().optional(), ...shape })]).optional();
}

/** The coupling rules of docs/models/scenario.md; each can be turned off. */
export const CouplingsSchema = z.strictObject({
  /** I1: dyads play a repeated stage game every year. */
  interaction: coupling({ roundsPerYear: z.number().int().min(1).max(1000).optional() }),
  /** I2: consultation corrects misperceived actions. */
  consultation: coupling({}),
  /** I3: stakes are the gains from trade each side has in the dyad (the GDP-weighted stake without trade). */
  economicStake: coupling({
    /** θ, the trade elasticity of the gains from trade and of tariffs (ACR's ε = −θ). */
    tradeElasticity: z.number().positive('expected a trade elasticity θ > 0').max(50).optional(),
  }),
  /** I4: hostility raises misperception. */
  hostileMisperception: coupling({ rate: probability.optional() }),
  /** R1: relations move with the interaction outcome. */
  /** `relative`: the target is the starting score moved by the signal's departure from the dyad's reference play (R1). */
  interactionSignal: coupling({ rate: nonNegative.max(1).optional(), relative: z.boolean().optional() }),
  /** R2: structural-balance pressure. */
  structuralBalance: coupling({ rate: nonNegative.max(1).optional() }),
  /** R3: relations worsen when a rival gains damage-limiting capacity. */
  threatPerception: coupling({ rate: nonNegative.max(10).optional() }),
  /** R4: relations drift toward each actor's alignment preferences. */
  alignmentPreference: coupling({ rate: nonNegative.max(1).optional() }),
  /** A1: Richardson reaction to rivals' effective capacity. */
  /** `trend`: spending is a trend (baselineGrowth) times the Richardson index, so growth persists (A2). */
  armsReaction: coupling({ trend: z.boolean().optional() }),
  /** A4: damage-limiting capacity (missile defense, counterforce) raises a rival's effective capacity. */
  damageLimitation: coupling({ weight: nonNegative.max(100).optional() }),
  /** A3: nuclear forces follow military expenditure. */
  forceConversion: coupling({}),
  /** R5: relations move with the tension over core interests (step `bargaining`). */
  coreInterests: coupling({
    /** κ: shift of the relation score's target per unit of tension change. */
    weight: nonNegative.max(10).optional(),
    /** Bargaining turns per simulated year. */
    turnsPerYear: z.number().int().min(1).max(20).optional(),
  }),
  /** C1: crises and escalations are drawn each year. */
  crises: coupling({
    base: z.number().min(-20).max(20).optional(),
    hostility: nonNegative.max(50).optional(),
    escalation: probability.optional(),
  }),
});
export type CouplingsInput = z.infer<typeof CouplingsSchema>;

/** Payoffs of the yearly stage game, in units of the dyad's stake (docs/models/scenario.md, I1). */
export const StageGameSchema = z.strictObject({
  reward: z.number().optional(),
  sucker: z.number().optional(),
  temptation: z.number().optional(),
  punishment: z.number().optional(),
});

/** Weights of the composite strategic stability index (docs/models/scenario.md, S). */
export const StabilityWeightsSchema = z.strictObject({
  crisis: nonNegative.optional(),
  arms: nonNegative.optional(),
  relations: nonNegative.optional(),
});

/**
 * An amount of US$ a scenario may set: 0, or from 1 to 1e15 (ten times world
 * GDP). A GDP of 1e-308 made the shares of GDP overflow (gains.giniShare NaN).
 */
const dollars = nonNegative
  .max(1e15, 'expected at most 1e15 US$ (ten times world GDP)')
  .refine((x) => x === 0 || x >= 1, 'expected 0 or at least 1 US$');

export const WorldOverridesSchema = z.strictObject({
  /** Relation scores to set (replacing the world's score for that pair). */
  relations: z
    .array(
      z.strictObject({
        a: ActorIdSchema,
        b: ActorIdSchema,
        score,
        kind: z.enum(['alliance', 'partnership', 'neutral', 'rivalry', 'hostility']).optional(),
        source: z.string().optional(),
      }),
    )
    .optional(),
  /** Per-actor figures to replace. */
  actors: z
    .record(ActorIdSchema, z.strictObject({ gdpUsd: dollars.optional(), milexUsd: dollars.optional() }))
    .optional(),
});

/** Where the starting world comes from. */
export const WorldSpecSchema = z.union([
  z.literal('default'),
  z.strictObject({
    /** Year of the embedded default world. */
    default: z.number().int().min(1816).max(2100).optional(),
    /** Year of the shipped nuclear forces and defenses (2000, 2010 or 2017; default 2017). */
    // A number checked against the years (not the world files' union of literals, whose
    // error inside this union would read only "Invalid input").
    forces: z
      .number()
      .refine((y): y is ForcesYear => (FORCES_YEARS as readonly number[]).includes(y), {
        message: `expected a forces year: one of ${FORCES_YEARS.join(', ')}`,
      })
      .optional(),
    /** A world file (YAML or JSON), relative to the scenario file. */
    file: z.string().min(1).optional(),
    overrides: WorldOverridesSchema.optional(),
  }),
]);

export const INDICATORS = [
  'crisisStability.worst',
  'crisisStability.mean',
  'crisisStability.dyad',
  'arms.milexGrowth',
  'arms.warheadGrowth',
  'arms.eigenvalueMargin',
  'relations.frustration',
  'relations.cooperativeTies',
  'relations.polarization',
  'relations.meanScore',
  'crises.count',
  'crises.escalations',
  'gains.winWin',
  'gains.loseLose',
  'gains.net',
  'gains.gini',
  'gains.giniShare',
  'stability.crisis',
  'stability.arms',
  'stability.relations',
  'stability.index',
  'coreInterests.meanTension',
  'coreInterests.dyad',
  'crisisProbability.dyad',
  'relations.dyad',
] as const;
export type IndicatorName = (typeof INDICATORS)[number];

/** Indicators recorded only when a scenario names them: one series per dyad of all the actors (the backtest asks for them). */
export const ON_REQUEST_INDICATORS: readonly IndicatorName[] = ['crisisProbability.dyad', 'relations.dyad'];

/** Indicators recorded when a scenario names none: all but {@link ON_REQUEST_INDICATORS}. */
export const DEFAULT_INDICATORS: readonly IndicatorName[] = INDICATORS.filter(
  (n) => !ON_REQUEST_INDICATORS.includes(n),
);

export const ScenarioSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case name such as "baseline-2017"'),
    description: z.string().min(1),
    world: WorldSpecSchema.default('default'),
    /** The actors simulated (default: every actor of the world). */
    actors: z.array(ActorIdSchema).min(2).optional(),
    years: YearsSchema,
    policies: z.record(z.union([ActorIdSchema, z.literal('default')]), PolicySchema).default({}),
    events: z.array(EventSchema).default([]),
    uncertain: z.array(UncertainSchema).default([]),
    couplings: CouplingsSchema.default({}),
    game: StageGameSchema.default({}),
    stabilityWeights: StabilityWeightsSchema.default({}),
    ensemble: z
      .strictObject({
        runs: z.number().int().min(1, 'runs must be at least 1').max(10_000_000),
        seed: z.number().int().min(0).max(0xffffffff).default(1),
      })
      .default({ runs: 100, seed: 1 }),
    /** Indicators to record (default: all, plus per-actor net gains). */
    indicators: z.array(z.enum(INDICATORS)).optional(),
  })
  /* Runs even when other fields have problems, so that every problem is reported at once. */
  .superRefine(
    (s, ctx) => {
      if (s === null || typeof s !== 'object') return;
      const years = s.years as Years | undefined;
      if (!years || typeof years.from !== 'number' || !Array.isArray(s.events)) return;
      s.events.forEach((e, k) => {
        // An entry that is null (`- # …`) or not a mapping: the event schema reports it.
        if (e === null || typeof e !== 'object') return;
        const year = (e as { year?: unknown }).year;
        if (typeof year === 'number' && (year < years.from || year > years.to)) {
          ctx.addIssue({
            code: 'custom',
            path: ['events', k, 'year'],
            message: `event year ${year} is outside the scenario's years ${years.from}..${years.to}`,
          });
        }
      });
    },
    { when: () => true },
  );
export type ScenarioFile = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
