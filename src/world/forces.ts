/**
 * Schema of nuclear forces and missile defenses inside a World actor
 * (`actor.forces`, `actor.defenses`): the single source of truth for their
 * types and validation. Read by models/deterrence; documented, with every
 * parameter's unit and default, in docs/models/deterrence.md. Units live in
 * the field names.
 */
import { z } from 'zod';

/** How a delivery system is based, which decides how it can be attacked. */
export const BasingSchema = z.enum(['silo', 'road-mobile', 'rail-mobile', 'slbm', 'bomber']);
export type Basing = z.infer<typeof BasingSchema>;

const probability = z
  .number()
  .min(0, 'expected a probability in [0, 1]')
  .max(1, 'expected a probability in [0, 1]');

/**
 * Bounds on the count fields of a world's forces and defenses (the same as
 * models/deterrence's PARAMETER_BOUNDS for overrides and sweeps): the model
 * allocates arrays and distributions of these sizes, so that 1e9 interceptors
 * or warheads per launcher exhausted the heap or ran for minutes. Each is far
 * above any real force (~1,500 launchers, 14 warheads per missile, a few
 * hundred interceptors per system).
 */
export const MAX_FORCE_COUNT = 10_000;
/** Most warheads per launcher, decoys per warhead and interceptors per salvo. */
export const MAX_PER_UNIT = 100;
/** Largest warhead yield, kt (the largest weapon ever tested, Tsar Bomba, was 50 Mt). */
export const MAX_YIELD_KT = 100_000;
/** Smallest CEP, m: counter-military potential goes as 1/CEP², Infinity for a CEP of 1e-308 m. */
export const MIN_CEP_M = 1;

/** Where a figure came from: a source id from data/forces-2017.json, or an `assumption: …` note saying why. */
export const ProvenanceSchema = z.string().min(1);

/** A named point on the Earth's surface, degrees (latitude north, longitude east). */
export const GeoPointSchema = z.strictObject({
  name: z.string().min(1),
  lat: z.number().min(-90, 'expected a latitude in [−90, 90]°').max(90, 'expected a latitude in [−90, 90]°'),
  lon: z
    .number()
    .min(-180, 'expected a longitude in [−180, 180]°')
    .max(180, 'expected a longitude in [−180, 180]°'),
  sources: z.record(z.string(), ProvenanceSchema).optional(),
});
export type GeoPoint = z.infer<typeof GeoPointSchema>;

/**
 * One nuclear delivery system of one actor, with one warhead type (e.g. the
 * US Minuteman III missiles carrying W87). Split a system in two when it
 * carries two warhead types.
 */
export const DeliverySystemSchema = z
  .strictObject({
    name: z.string().min(1),
    basing: BasingSchema,
    /** Deployed launchers: missiles in silos, mobile launchers, loaded SLBM tubes, nuclear-tasked bombers. */
    launchers: z
      .number()
      .int('expected a whole number of launchers')
      .min(0, 'expected launchers ≥ 0')
      .max(MAX_FORCE_COUNT, `expected at most ${MAX_FORCE_COUNT} launchers`),
    /** Warheads carried per launcher (average loading). */
    warheadsPerLauncher: z
      .number()
      .min(0, 'expected warheads per launcher ≥ 0')
      .max(MAX_PER_UNIT, `expected at most ${MAX_PER_UNIT} warheads per launcher`),
    /** Explosive yield of one warhead, kilotons. */
    yieldKt: z
      .number()
      .positive('expected a yield > 0 kt')
      .max(MAX_YIELD_KT, `expected a yield of at most ${MAX_YIELD_KT} kt (100 Mt)`),
    /** Circular error probable, metres. */
    cepM: z
      .number()
      .positive('expected a CEP > 0 m')
      .refine((x) => !(x > 0 && x < MIN_CEP_M), `expected a CEP of at least ${MIN_CEP_M} m`),
    /** Probability that a launched warhead arrives and detonates as intended. */
    reliability: probability,
    /**
     * Share of launchers that escape a disarming strike in day-to-day posture:
     * SSBNs on patrol, mobiles dispersed, bombers on alert; for silos, the
     * share launched under attack before the strike arrives.
     */
    alertDayToDay: probability,
    /** The same share when forces are generated (crisis alert). */
    alertGenerated: probability,
    /** Hardness of the aim point (silo, shelter, port, airbase), psi of overpressure. Required for silos. */
    hardnessPsi: z.number().positive('expected a hardness > 0 psi').optional(),
    /** Launchers destroyed together by one aim point when not escaped: 1 per silo, tubes per SSBN in port, bombers per base. */
    launchersPerAimPoint: z
      .number()
      .positive('expected launchers per aim point > 0')
      .max(MAX_FORCE_COUNT, `expected at most ${MAX_FORCE_COUNT} launchers per aim point`)
      .default(1),
    /** Decoys (penetration aids) accompanying each warhead. */
    decoysPerWarhead: z
      .number()
      .min(0, 'expected decoys per warhead ≥ 0')
      .max(MAX_PER_UNIT, `expected at most ${MAX_PER_UNIT} decoys per warhead`)
      .default(0),
    /** Actors this system can reach; absent means every actor (intercontinental range). */
    reaches: z.array(z.string().min(1)).optional(),
    /** Ids of the actor's `launchAreas` its launchers are spread over (evenly); absent: no geometry for this system. */
    launchAreas: z.array(z.string().min(1)).min(1).optional(),
    /** Boost (burn) time of the missile, s; default by range class (docs/models/deterrence.md, "Geometry"). */
    burnTimeS: z.number().positive('expected a burn time > 0 s').optional(),
    /** Source id or `assumption: …` note for each figure, keyed by field name. */
    sources: z.record(z.string(), ProvenanceSchema).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.basing === 'silo' && s.hardnessPsi === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['hardnessPsi'],
        message: 'a silo-based system needs hardnessPsi (psi)',
      });
    }
  });
export type DeliverySystem = z.infer<typeof DeliverySystemSchema>;

/** An actor's nuclear forces: per-system records, keyed by a short system id. */
export const ForcesSchema = z.strictObject({
  /** `systems` when compiled per delivery system, `totals` when only the inventory is known (one notional system). */
  level: z.enum(['systems', 'totals']).default('systems'),
  systems: z.record(z.string().min(1), DeliverySystemSchema),
  /** Military stockpile (deployed and reserve warheads, not those retired awaiting dismantlement), for reference. */
  totalWarheads: z.number().int().min(0).optional(),
  /** Whole inventory including retired warheads awaiting dismantlement, for reference. */
  inventoryWarheads: z.number().int().min(0).optional(),
  /** Where the launchers are: ICBM fields and garrisons, SSBN patrol areas, bomber bases (ids used by systems' `launchAreas`). */
  launchAreas: z.record(z.string().min(1), GeoPointSchema).optional(),
  sources: z.record(z.string(), ProvenanceSchema).optional(),
});
export type Forces = z.infer<typeof ForcesSchema>;

/**
 * Which attacking warheads a defense can engage: all rules are alternatives;
 * a warhead is covered when some rule matches its attacker (or `*`), and its
 * system and basing where the rule lists them.
 */
export const CoverageRuleSchema = z.strictObject({
  attacker: z.string().min(1),
  systems: z.array(z.string().min(1)).optional(),
  basings: z.array(BasingSchema).optional(),
});
export type CoverageRule = z.infer<typeof CoverageRuleSchema>;

/** One missile-defense system of one actor (GMD, Aegis BMD, THAAD, A-135, …). */
export const DefenseSystemSchema = z
  .strictObject({
    name: z.string().min(1),
    /** Interceptors available. */
    interceptors: z
      .number()
      .int('expected a whole number of interceptors')
      .min(0, 'expected interceptors ≥ 0')
      .max(MAX_FORCE_COUNT, `expected at most ${MAX_FORCE_COUNT} interceptors`),
    /** Single-shot probability that one interceptor kills the warhead it engages. */
    pk: probability,
    /** Interceptors fired at each engaged object per shot. */
    salvo: z
      .number()
      .int('expected a whole salvo size')
      .min(1, 'expected a salvo of at least 1')
      .max(MAX_PER_UNIT, `expected a salvo of at most ${MAX_PER_UNIT}`)
      .default(1),
    /** Shoot–look–shoot: a second salvo at engaged objects that survived the first (perfect look). */
    shootLookShoot: z.boolean().default(false),
    /** Probability that a decoy is recognised as one and not engaged (1 = perfect discrimination). */
    discrimination: probability.default(1),
    /** Probability that the layer works at all (no common-mode failure of sensors or battle management). */
    trackProbability: probability.default(1),
    /** What it defends: `value` (cities, countervalue targets), `forces` (counterforce targets), or both. */
    protects: z
      .array(z.enum(['value', 'forces']))
      .min(1)
      .default(['value']),
    /**
     * Which attackers' systems it is tasked against (alternatives; empty = none). Without `sites` this
     * alone decides what it engages (a non-geometric parameter); with `sites` the engagement geometry
     * decides, within these rules. Bombers are engaged only by a defense without sites whose rule names
     * them (`basings: [bomber]` or their system id). Default: every attacker's missiles.
     */
    coverage: z.array(CoverageRuleSchema).default([{ attacker: '*' }]),
    /** Where its interceptors are based (launch sites, or stations of ships): with these the geometry computes what it engages. */
    sites: z.array(GeoPointSchema).min(1).optional(),
    /** Phase of flight it intercepts in: `boost`, `midcourse` (after burnout, exo-atmospheric) or `terminal` (descending). */
    phase: z.enum(['boost', 'midcourse', 'terminal']).optional(),
    /** Interceptor burnout (fly-out) speed, km/s. */
    interceptorSpeedKmS: z.number().positive('expected a speed > 0 km/s').optional(),
    /** Interceptor burn time, s (the fly-out to distance d takes burn/2 + d/v). Default 0. */
    interceptorBurnTimeS: z.number().min(0, 'expected a burn time ≥ 0 s').optional(),
    /** Largest slant distance from a site at which it intercepts, km. */
    interceptorRangeKm: z.number().positive('expected a range > 0 km').optional(),
    /** Altitude window of its intercepts, km. */
    minAltitudeKm: z.number().min(0, 'expected an altitude ≥ 0 km').optional(),
    maxAltitudeKm: z.number().positive('expected an altitude > 0 km').optional(),
    /** Time from first track to interceptor launch, s. Default 0. */
    reactionTimeS: z.number().min(0, 'expected a reaction time ≥ 0 s').optional(),
    /** Range of its own fire-control radar at its sites, km (0 or absent: it needs a cueing sensor). */
    radarRangeKm: z.number().min(0, 'expected a range ≥ 0 km').optional(),
    sources: z.record(z.string(), ProvenanceSchema).optional(),
  })
  .superRefine((d, ctx) => {
    if (!d.sites) return;
    for (const key of [
      'phase',
      'interceptorSpeedKmS',
      'interceptorRangeKm',
      'minAltitudeKm',
      'maxAltitudeKm',
    ] as const) {
      if (d[key] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `a defense with sites needs ${key} (its engagement geometry)`,
        });
    }
    if (d.minAltitudeKm !== undefined && d.maxAltitudeKm !== undefined && d.minAltitudeKm >= d.maxAltitudeKm)
      ctx.addIssue({
        code: 'custom',
        path: ['maxAltitudeKm'],
        message: `expected maxAltitudeKm above minAltitudeKm (${d.minAltitudeKm} km)`,
      });
  });
export type DefenseSystem = z.infer<typeof DefenseSystemSchema>;

export const DefensesSchema = z.record(z.string().min(1), DefenseSystemSchema);
export type Defenses = z.infer<typeof DefensesSchema>;

/** A sensor's cue of one defense: against whom, and the single-shot Pk and discrimination a cued engagement reaches. */
export const SensorCueSchema = z.strictObject({
  /** Id of one of the actor's defenses. */
  defense: z.string().min(1),
  /** Attackers against whom the cue applies (absent: all). */
  against: z.array(z.string().min(1)).optional(),
  /** Single-shot kill probability of a cued engagement (used when above the defense's own). */
  pk: probability.optional(),
  /** Discrimination of a cued engagement (used when above the defense's own). */
  discrimination: probability.optional(),
});

/**
 * A radar (or other sensor) that tracks threats and cues defenses: it gives the
 * cued defenses an earlier track (geometry) and, for the trajectories it sees,
 * the Pk and discrimination of its cues. Switchable (`enabled`, or the
 * exchange's `disableSensors` option), so that its effect can be isolated.
 */
export const SensorSchema = z.strictObject({
  name: z.string().min(1),
  sites: z.array(GeoPointSchema).min(1),
  /** Detection and tracking range, km. */
  rangeKm: z.number().positive('expected a range > 0 km'),
  /** Lowest elevation at which it sees a target, degrees. Default 0. */
  minElevationDeg: z.number().min(-10).max(90).optional(),
  cues: z.array(SensorCueSchema).default([]),
  enabled: z.boolean().default(true),
  sources: z.record(z.string(), ProvenanceSchema).optional(),
});
export type Sensor = z.infer<typeof SensorSchema>;

export const SensorsSchema = z.record(z.string().min(1), SensorSchema);
export type Sensors = z.infer<typeof SensorsSchema>;

/** An actor's forces, defenses and sensors as shipped in data/forces-<year>.json. */
export const ActorForcesSchema = z.strictObject({
  forces: ForcesSchema,
  defenses: DefensesSchema.default({}),
  sensors: SensorsSchema.optional(),
});
export type ActorForces = z.infer<typeof ActorForcesSchema>;

/**
 * A city of an actor's value target set: GeoNames populated place with its
 * population (data/cities-50k.json, attached by the forces loaders).
 */
export const CitySchema = z.strictObject({
  name: z.string().min(1),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  // A whole number of people: a population of 1e-320 has a city radius that underflows to 0 (NaN damage).
  population: z.number().int('expected a whole number of people').min(0, 'expected a population ≥ 0'),
});
export type City = z.infer<typeof CitySchema>;

/** The years with a shipped compilation of forces (data/forces-<year>.json). */
export const FORCES_YEARS = [2000, 2010, 2017] as const;
export type ForcesYear = (typeof FORCES_YEARS)[number];

/** The shipped forces year nearest to `year` (ties go to the earlier year). */
export function forcesYearFor(year: number): ForcesYear {
  let best: ForcesYear = FORCES_YEARS[0];
  for (const y of FORCES_YEARS) if (Math.abs(y - year) < Math.abs(best - year)) best = y;
  return best;
}

/** A world's choice of forces year (`forces: 2000` in a world file). */
export const ForcesYearSchema = z.union([z.literal(2000), z.literal(2010), z.literal(2017)], {
  error: `expected a forces year: one of ${FORCES_YEARS.join(', ')}`,
});
