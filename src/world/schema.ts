/**
 * The World: a typed snapshot of the international system in one year. This
 * schema is the single source of truth for both the static types and runtime
 * validation (zod); nothing else declares these shapes.
 *
 * Units live in names: COW NMC components keep COW's units (thousands of
 * people, thousands of tons, …), GDP is current US dollars.
 */
import { z } from 'zod';
import { CitySchema, DefensesSchema, ForcesSchema, ForcesYearSchema, SensorsSchema } from './forces.js';

/**
 * Actor id: ISO 3166-1 alpha-3 for states that have one (`USA`, `CHN`), a
 * stable `X`-prefixed id for historical states without one (docs/world.md),
 * or an upper-case id for non-state actors (`NATO`).
 */
export const ActorIdSchema = z
  .string()
  .regex(
    /^[A-Z][A-Z0-9_-]{1,15}$/,
    'expected an actor id such as "USA" (upper-case letters, digits, - or _)',
  );
export type ActorId = z.infer<typeof ActorIdSchema>;

const nonNegative = z.number().min(0);

/**
 * The six COW National Material Capabilities components (Singer, Bremer &
 * Stuckey 1972) in COW's units; `null` where COW reports the value missing.
 */
export const CapabilitiesSchema = z.strictObject({
  /** Military expenditure, thousands (British pounds 1816–1913, current US$ from 1914). */
  milexThousands: nonNegative.nullable(),
  /** Military personnel, thousands. */
  milperThousands: nonNegative.nullable(),
  /** Iron and steel production, thousands of tons. */
  ironSteelKt: nonNegative.nullable(),
  /** Primary energy consumption, thousands of coal-ton equivalents. */
  energyKtCoalEq: nonNegative.nullable(),
  /** Total population, thousands. */
  totalPopulationThousands: nonNegative.nullable(),
  /** Urban population, thousands. */
  urbanPopulationThousands: nonNegative.nullable(),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

/**
 * An actor's national trade and output in the year of the world's trade data
 * (COW National Trade v4.0 and World Bank WDI for the default world;
 * docs/models/economy.md). `year` may differ from the world's year: the 2015
 * and 2016 default worlds carry COW's last year, 2014.
 */
export const ActorTradeSchema = z.strictObject({
  /** Year of these figures and of the world's dyadic `trade`. */
  year: z.number().int().min(1816).max(2100),
  /** Imports from all partners, current million US$. */
  importsUsdM: nonNegative.nullable(),
  /** Exports to all partners, current million US$. */
  exportsUsdM: nonNegative.nullable(),
  /** GDP in that year, current US$. */
  gdpUsd: nonNegative.nullable(),
});
export type ActorTrade = z.infer<typeof ActorTradeSchema>;

export const ActorSchema = z.strictObject({
  name: z.string().min(1),
  /** Correlates of War state number, where the actor is a COW system member. */
  cowCode: z.number().int().positive().optional(),
  /** COW three-letter abbreviation (e.g. `UKG`). */
  cowAbbrev: z.string().optional(),
  /** COW major-power status in this year (COW Major Powers v2016). */
  cowMajor: z.boolean().default(false),
  /** Permanent member of the UN Security Council (from 1945). */
  unscPermanent: z.boolean().default(false),
  capabilities: CapabilitiesSchema.optional(),
  /** COW's own published CINC for this state-year, kept for validation. */
  cincPublished: nonNegative.nullable().optional(),
  /** GDP, current US dollars (World Bank WDI). */
  gdpUsd: nonNegative.nullable().optional(),
  /** Population, persons (World Bank WDI). */
  population: nonNegative.nullable().optional(),
  forces: ForcesSchema.optional(),
  defenses: DefensesSchema.optional(),
  /** National trade and GDP of the trade year (models/economy). */
  trade: ActorTradeSchema.optional(),
  /** Radars that track threats and cue the actor's defenses (models/deterrence). */
  sensors: SensorsSchema.optional(),
  /** Value targets: cities with population and coordinates (data/cities-50k.json; models/deterrence damage). */
  cities: z.array(CitySchema).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const RelationKindSchema = z.enum(['alliance', 'partnership', 'neutral', 'rivalry', 'hostility']);
export type RelationKind = z.infer<typeof RelationKindSchema>;

/** The components of a derived relation, in report order (docs/models/relations.md). */
export const RELATION_COMPONENT_IDS = [
  'baseline',
  'alliance',
  'conflict',
  'rivalry',
  'unga',
  'trade',
] as const;
export const RelationComponentIdSchema = z.enum(RELATION_COMPONENT_IDS);
export type RelationComponentId = z.infer<typeof RelationComponentIdSchema>;

/** One component of a derived relation: its measure, its part of the score's predictor, and its sources. */
export const RelationComponentSchema = z.strictObject({
  component: RelationComponentIdSchema,
  /** The component's measure (alliance strength, weighted disputes, 1 for a rivalry, ideal-point distance, …), or null. */
  value: z.number().nullable(),
  /** Contribution to the linear predictor η; score = tanh(η/2), η the sum of all contributions. */
  contribution: z.number(),
  /** What the data say, with the datasets cited. */
  detail: z.string(),
});
export type RelationComponent = z.infer<typeof RelationComponentSchema>;

/** An undirected relation between two actors, scored in [−1, 1]. */
export const RelationSchema = z.strictObject({
  a: ActorIdSchema,
  b: ActorIdSchema,
  /** −1 open hostility, 0 neutral, +1 formal alliance. */
  score: z.number().min(-1).max(1),
  kind: RelationKindSchema,
  /** How the score was derived (rule and data), or the user's note. */
  source: z.string().optional(),
  /** The components of a derived relation (absent for relations a user writes). */
  components: z.array(RelationComponentSchema).optional(),
});
export type Relation = z.infer<typeof RelationSchema>;

/** Dyadic trade: imports of `a` from `b` and of `b` from `a`, current million US$. */
export const TradeFlowSchema = z.strictObject({
  a: ActorIdSchema,
  b: ActorIdSchema,
  importsOfAFromBUsdM: nonNegative,
  importsOfBFromAUsdM: nonNegative,
});
export type TradeFlow = z.infer<typeof TradeFlowSchema>;

export const WorldSchema = z
  .strictObject({
    year: z.number().int().min(1816).max(2100),
    /** Free text or a source note. */
    description: z.string().optional(),
    /** The year of the shipped nuclear forces its actors carry (data/forces-<year>.json; models/deterrence). */
    forces: ForcesYearSchema.optional(),
    actors: z.record(ActorIdSchema, ActorSchema),
    relations: z.array(RelationSchema).default([]),
    trade: z.array(TradeFlowSchema).optional(),
  })
  .superRefine(
    (world, ctx) => {
      // Runs even when fields have problems (`when` below), so that all problems in a file are
      // reported together; the value may then be malformed, hence the defensive reads.
      if ((world as unknown) === null || typeof world !== 'object') return;
      const raw = world as unknown as { actors?: unknown; relations?: unknown; trade?: unknown };
      const actors =
        raw.actors !== null && typeof raw.actors === 'object' ? (raw.actors as object) : undefined;
      const seen = new Map<string, number>();
      const check = (list: 'relations' | 'trade', items: unknown) => {
        if (!Array.isArray(items)) return;
        items.forEach((item: unknown, i) => {
          if (item === null || typeof item !== 'object') return;
          const r = item as { a?: unknown; b?: unknown };
          if (typeof r.a !== 'string' || typeof r.b !== 'string') return;
          for (const side of ['a', 'b'] as const) {
            const id = r[side] as string;
            if (actors && !Object.hasOwn(actors, id)) {
              ctx.addIssue({
                code: 'custom',
                path: [list, i, side],
                message: `unknown actor "${id}": expected one of the world's actor ids`,
              });
            }
          }
          if (r.a === r.b) {
            ctx.addIssue({
              code: 'custom',
              path: [list, i, 'b'],
              message: `an actor cannot relate to itself ("${r.a}")`,
            });
          }
          if (list === 'relations') {
            const key = r.a < r.b ? `${r.a}|${r.b}` : `${r.b}|${r.a}`;
            const first = seen.get(key);
            if (first !== undefined) {
              ctx.addIssue({
                code: 'custom',
                path: [list, i],
                message: `duplicate relation ${r.a}–${r.b} (first given at relations[${first}])`,
              });
            } else seen.set(key, i);
          }
        });
      };
      check('relations', raw.relations);
      check('trade', raw.trade);
    },
    { when: () => true },
  );
export type World = z.infer<typeof WorldSchema>;
/** What a user writes before defaults are applied. */
export type WorldInput = z.input<typeof WorldSchema>;
