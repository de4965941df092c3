/**
 * Schema of nuclear forces and missile defenses inside a World (the single
 * source of truth for their types). Owned by models/deterrence, which reads
 * these records; units live in the field names.
 */
import { z } from 'zod';

/** How a delivery system is based, which decides how it can be attacked. */
export const BasingSchema = z.enum(['silo', 'road-mobile', 'rail-mobile', 'slbm', 'bomber']);
export type Basing = z.infer<typeof BasingSchema>;

const probability = z.number().min(0).max(1);

/** Where a figure came from: a source id, or an `assumption:` note saying why the value was chosen. */
export const ProvenanceSchema = z.string().min(1);

/** One nuclear delivery system of one actor (e.g. the US Minuteman III force). */
export const DeliverySystemSchema = z.strictObject({
  name: z.string().min(1),
  basing: BasingSchema,
  /** Deployed launchers (missiles in silos, mobile launchers, SLBM tubes loaded, nuclear-capable bombers). */
  launchers: z.number().int().min(0),
  /** Warheads carried per launcher (average loading). */
  warheadsPerLauncher: z.number().min(0),
  /** Explosive yield of one warhead, kilotons. */
  yieldKt: z.number().positive(),
  /** Circular error probable, metres. */
  cepM: z.number().positive(),
  /** Probability that a launched weapon arrives and functions. */
  reliability: probability,
  /** Share of launchers survivable on day-to-day alert (on patrol, dispersed, on alert). */
  alertDayToDay: probability,
  /** Share of launchers survivable when forces are generated (crisis alert). */
  alertGenerated: probability,
  /** Silo hardness, psi of overpressure (silo basing only). */
  hardnessPsi: z.number().positive().optional(),
  /** Source id or `assumption: …` note for each figure, keyed by field name. */
  sources: z.record(z.string(), ProvenanceSchema).optional(),
});
export type DeliverySystem = z.infer<typeof DeliverySystemSchema>;

/** An actor's nuclear forces: per-system records, keyed by a short system id. */
export const ForcesSchema = z.strictObject({
  systems: z.record(z.string().min(1), DeliverySystemSchema),
  /** Total warhead inventory, for actors known only at totals level. */
  totalWarheads: z.number().int().min(0).optional(),
  sources: z.record(z.string(), ProvenanceSchema).optional(),
});
export type Forces = z.infer<typeof ForcesSchema>;

/** One missile-defense system of one actor (GMD, Aegis BMD, THAAD, A-135, …). */
export const DefenseSystemSchema = z.strictObject({
  name: z.string().min(1),
  /** Interceptors available. */
  interceptors: z.number().int().min(0),
  /** Single-shot probability that one interceptor kills one engaged warhead. */
  pk: probability,
  /** Interceptors fired at each engaged object per layer. */
  salvo: z.number().int().min(1).default(1),
  /** Shoot–look–shoot: a second salvo at objects that survived the first. */
  shootLookShoot: z.boolean().default(false),
  /** Probability that a decoy is told apart from a warhead (1 = perfect discrimination). */
  discrimination: probability.default(1),
  /** Decoys accompanying each attacking warhead. */
  decoysPerWarhead: z.number().min(0).default(0),
  /** Which attackers and delivery bases this defense can engage: a parameter, not a fact asserted by code. */
  coverage: z.strictObject({
    attackers: z.array(z.string().min(1)),
    basings: z.array(BasingSchema),
  }),
  sources: z.record(z.string(), ProvenanceSchema).optional(),
});
export type DefenseSystem = z.infer<typeof DefenseSystemSchema>;

export const DefensesSchema = z.record(z.string().min(1), DefenseSystemSchema);
export type Defenses = z.infer<typeof DefensesSchema>;
