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

/** Where a figure came from: a source id from data/forces-2017.json, or an `assumption: …` note saying why. */
export const ProvenanceSchema = z.string().min(1);

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
    launchers: z.number().int('expected a whole number of launchers').min(0, 'expected launchers ≥ 0'),
    /** Warheads carried per launcher (average loading). */
    warheadsPerLauncher: z.number().min(0, 'expected warheads per launcher ≥ 0'),
    /** Explosive yield of one warhead, kilotons. */
    yieldKt: z.number().positive('expected a yield > 0 kt'),
    /** Circular error probable, metres. */
    cepM: z.number().positive('expected a CEP > 0 m'),
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
    launchersPerAimPoint: z.number().positive('expected launchers per aim point > 0').default(1),
    /** Decoys (penetration aids) accompanying each warhead. */
    decoysPerWarhead: z.number().min(0, 'expected decoys per warhead ≥ 0').default(0),
    /** Actors this system can reach; absent means every actor (intercontinental range). */
    reaches: z.array(z.string().min(1)).optional(),
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
  /** Total warhead inventory (deployed and stored), for reference. */
  totalWarheads: z.number().int().min(0).optional(),
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
export const DefenseSystemSchema = z.strictObject({
  name: z.string().min(1),
  /** Interceptors available. */
  interceptors: z.number().int('expected a whole number of interceptors').min(0, 'expected interceptors ≥ 0'),
  /** Single-shot probability that one interceptor kills the warhead it engages. */
  pk: probability,
  /** Interceptors fired at each engaged object per shot. */
  salvo: z.number().int('expected a whole salvo size').min(1, 'expected a salvo of at least 1').default(1),
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
  /** Which attackers' systems it can engage: a parameter, not a fact asserted by code. Empty = none. */
  coverage: z.array(CoverageRuleSchema),
  sources: z.record(z.string(), ProvenanceSchema).optional(),
});
export type DefenseSystem = z.infer<typeof DefenseSystemSchema>;

export const DefensesSchema = z.record(z.string().min(1), DefenseSystemSchema);
export type Defenses = z.infer<typeof DefensesSchema>;

/** An actor's forces and defenses as shipped in data/forces-2017.json. */
export const ActorForcesSchema = z.strictObject({
  forces: ForcesSchema,
  defenses: DefensesSchema.default({}),
});
export type ActorForces = z.infer<typeof ActorForcesSchema>;
