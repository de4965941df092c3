/**
 * Schemas of the deterrence documents: `concert deterrence --json` (POST
 * /api/deterrence), `concert deterrence parameters --json` (GET
 * /api/deterrence/parameters), `… sweep`, `… sspk` and `… elasticities`.
 */
import { z } from 'zod';
import { DYAD_MEASURES } from '../../models/deterrence/measures.js';

const PostureSchema = z.enum(['generated', 'day-to-day']);
const FormulaSchema = z.enum(['cookie-cutter', 'brown']);

const DeliveredSchema = z
  .strictObject({
    mean: z.number(),
    sd: z.number(),
    q05: z.number(),
    q50: z.number(),
    q95: z.number(),
    pAtLeastOne: z.number().describe('P(at least one warhead delivered)'),
    offset: z.number(),
    pmf: z.array(z.number()).describe('pmf[k] = P(offset + k warheads delivered)'),
  })
  .describe('distribution of delivered retaliatory warheads');

/** What each defense variant reports: the columns of `concert deterrence`'s table. */
export const VariantSummarySchema = z.strictObject({
  counterforceWarheads: z.number(),
  defenderWarheads: z.number(),
  survivingWarheads: z.number(),
  retaliatoryWarheadsDelivered: z.number(),
  retaliation: z.strictObject({ q05: z.number(), q50: z.number(), q95: z.number() }),
  damageLimitation: z.number(),
  firstStrikeStability: z.number(),
});

export const ExchangeSchema = z
  .strictObject({
    attacker: z.string(),
    defender: z.string(),
    attackerWarheadsAvailable: z.number(),
    counterforceWarheads: z.number().describe('warheads the attacker spends on counterforce'),
    defenderWarheads: z.number().describe("defender's warheads at risk"),
    expectedDestroyed: z.number(),
    survivingWarheads: z.number(),
    retaliatoryWarheadsArriving: z.number(),
    retaliatoryWarheadsDelivered: z.number().describe('expected retaliatory warheads through the defenses'),
    retaliation: DeliveredSchema,
    countervalueWarheadsDelivered: z.number(),
    damageToAttacker: z.number(),
    damageToDefender: z.number(),
    attackerCost: z.number(),
    defenderCost: z.number(),
    counterforceRatio: z.number(),
    damageLimitation: z.number(),
    bySystem: z.array(
      z.strictObject({
        system: z.string(),
        warheads: z.number(),
        destroyed: z.number(),
        surviving: z.number(),
      }),
    ),
    interceptors: z
      .array(
        z.strictObject({
          actor: z.string().describe('owner of the defense'),
          defense: z.string(),
          name: z.string(),
          against: z.enum(['retaliation', 'counterforce', 'countervalue']),
          available: z.number(),
          perEngagedWarhead: z
            .number()
            .describe(
              'expected interceptors per engaged warhead: s, or s(1 + (1 − p)^s) with shoot–look–shoot',
            ),
          expectedUsed: z.number().describe('expected interceptors fired'),
          expectedEngaged: z.number().describe('expected objects engaged'),
          left: z.number().describe('interceptors left'),
        }),
      )
      .describe('what each missile defense fires and keeps in this strike order'),
    firstStrikeStability: z.number().describe("the dyad's Kent–Thaler index"),
    variants: z
      .strictObject({
        withoutAttackerDefenses: VariantSummarySchema,
        withoutDefenderDefenses: VariantSummarySchema,
        withoutDefenses: VariantSummarySchema,
      })
      .optional()
      .describe("the same strike order without the striker's, the defender's, and any defenses"),
  })
  .describe('one strike order: the attacker strikes first, the defender retaliates');

export const DyadSchema = z.strictObject({
  a: z.string(),
  b: z.string(),
  firstStrikeStability: z
    .number()
    .describe('Kent–Thaler first-strike stability = ratioA × ratioB (1 = no gain from striking first)'),
  ratioA: z.number(),
  ratioB: z.number(),
});

export const DeterrenceSchema = z
  .strictObject({
    year: z.number().describe("the world's year"),
    forcesYear: z
      .number()
      .nullable()
      .describe(
        "the year of the shipped forces the world carries (data/forces-<year>.json); null: the world file's own",
      ),
    posture: PostureSchema,
    formula: FormulaSchema,
    overrides: z.record(z.string(), z.number()).describe('the parameter overrides applied (path → value)'),
    names: z.record(z.string(), z.string()).describe('names of the actors of the dyads'),
    systems: z
      .record(
        z.string(),
        z.array(
          z.strictObject({
            system: z.string(),
            name: z.string(),
            warheads: z.number(),
            yieldKt: z.number(),
            cepM: z.number(),
            equivalentMegatonnage: z.number().describe('N·EMT per warhead, Mt (Richelson 1980 convention)'),
            counterMilitaryPotential: z
              .number()
              .describe('N·EMT/CEP² (CEP in nmi); 0 for bombers (Suh 2022)'),
          }),
        ),
      )
      .describe(
        "each actor's delivery systems with their equivalent megatonnage and counter-military potential",
      ),
    dyads: z.array(DyadSchema),
    pairs: z.array(ExchangeSchema).describe('for each dyad A–B: A strikes first, then B strikes first'),
  })
  .describe('force exchanges and first-strike stability of nuclear dyads (concert deterrence --json)')
  .meta({ id: 'Deterrence' });

export const DeterrenceParametersSchema = z
  .strictObject({
    pair: z.tuple([z.string(), z.string()]),
    nuclearActors: z.array(z.string()),
    parameters: z
      .array(z.strictObject({ path: z.string(), value: z.number() }))
      .describe('every parameter an override or a sweep may set, with its value in the world'),
  })
  .describe('parameters of a dyad (concert deterrence parameters --json)')
  .meta({ id: 'DeterrenceParameters' });

const measures = <T extends z.ZodType>(value: T) =>
  z.strictObject(
    Object.fromEntries(DYAD_MEASURES.map((m) => [m, value])) as Record<(typeof DYAD_MEASURES)[number], T>,
  );

export const SweepSchema = z
  .strictObject({
    a: z.string(),
    b: z.string(),
    param: z.string(),
    posture: PostureSchema,
    values: z.array(z.number()),
    measures: measures(z.array(z.number())).describe('one column per measure, a value per swept value'),
  })
  .describe('every dyad measure as one parameter varies (concert deterrence sweep --json)')
  .meta({ id: 'DeterrenceSweep' });

export const SspkSchema = z
  .strictObject({
    lethalRadiusM: z.number(),
    sspk: z.number().describe('single-shot kill probability'),
    terminalKillProbability: z.number().describe('SSPK × reliability'),
    killProbability: z.number().describe('1 − (1 − TKP)^warheads'),
    equivalentMegatonnage: z
      .number()
      .describe(
        'EMT of the warheads, Mt: N·Y^(2/3) up to 1 Mt; above, Y^(1/2) (one-half) or Y^(2/3) (two-thirds)',
      ),
    equivalentMegatonnageAlternative: z.number().describe('EMT under the other convention above 1 Mt'),
    emtConvention: z.enum(['one-half', 'two-thirds']),
    counterMilitaryPotential: z.number().describe('CMP = N·EMT/CEP², Mt-equivalent per square nautical mile'),
    cepNmi: z.number().describe('CEP, nautical miles'),
  })
  .describe('single-target calculator (concert deterrence sspk --json)')
  .meta({ id: 'Sspk' });

export const ElasticitiesSchema = z
  .strictObject({
    a: z.string(),
    b: z.string(),
    posture: PostureSchema,
    parameters: z.array(
      z.strictObject({
        param: z.string(),
        value: z.number(),
        elasticities: measures(z.number().nullable()).describe(
          'd ln(measure) / d ln(parameter); null where the measure or the parameter is 0',
        ),
      }),
    ),
  })
  .describe('elasticity of each dyad measure to each parameter (concert deterrence elasticities --json)')
  .meta({ id: 'DeterrenceElasticities' });

const EngagementSchema = z.strictObject({
  engageable: z.boolean(),
  reason: z.string().describe('the deciding numbers, or the binding constraint'),
  trackTimeS: z.number().nullable().describe('first track, s after launch (null: never tracked)'),
  trackedBy: z.string().nullable().describe('"own radar" or the sensor id that tracked first'),
  site: z.string().nullable(),
  interceptTimeS: z.number().nullable(),
  interceptAltitudeKm: z.number().nullable(),
  distanceKm: z.number().nullable().describe('site to intercept point, km'),
  flyoutS: z.number().nullable().describe('interceptor fly-out time, s'),
  closestKm: z.number().nullable().describe('closest approach to a site in the phase window, km'),
  cuedBy: z.array(z.string()).describe('sensors whose cue (Pk, discrimination) applies'),
});

export const CoverageSchema = z
  .strictObject({
    actor: z.string(),
    defense: z.string(),
    name: z.string(),
    phase: z
      .enum(['boost', 'midcourse', 'terminal'])
      .nullable()
      .describe('null: no sites (rule-based coverage)'),
    sites: z.array(z.strictObject({ name: z.string(), lat: z.number(), lon: z.number() })),
    interceptor: z
      .strictObject({
        speedKmS: z.number(),
        burnTimeS: z.number(),
        rangeKm: z.number(),
        minAltitudeKm: z.number(),
        maxAltitudeKm: z.number(),
        reactionTimeS: z.number(),
        radarRangeKm: z.number(),
      })
      .nullable(),
    sensors: z
      .array(z.strictObject({ id: z.string(), name: z.string(), rangeKm: z.number(), cue: z.string() }))
      .describe('the sensors in use that cue this defense'),
    targetActor: z.string().describe('whose value targets the trajectories aim at'),
    attackers: z
      .array(
        z.strictObject({
          attacker: z.string(),
          system: z.string(),
          trajectories: z.number(),
          engageable: z.number(),
          engageableShare: z
            .number()
            .describe("share of the system's warheads (by target weight) it can engage"),
        }),
      )
      .describe('per attacker system'),
    trajectories: z.array(
      z.strictObject({
        attacker: z.string(),
        system: z.string(),
        launchArea: z.string(),
        target: z.string(),
        targetWeight: z.number().describe("the target's share of the value-target population"),
        rangeKm: z.number(),
        apogeeKm: z.number(),
        flightTimeS: z.number(),
        engagement: EngagementSchema,
      }),
    ),
  })
  .describe('what a missile defense can engage and why (concert deterrence coverage --json)')
  .meta({ id: 'DeterrenceCoverage' });
