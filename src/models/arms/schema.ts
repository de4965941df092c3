/**
 * Schemas for Richardson systems (one source of truth for the types and the
 * validation of user input): the system itself (actors, reaction matrix K,
 * fatigue a, grievance g) and the `concert arms simulate` file, which adds an
 * initial state, a horizon and optional threshold events.
 *
 * Units: time is in years; the state x is in whatever unit the user chooses
 * (named by `unit`, e.g. "thousands of current US$"); K and a are rates per
 * year; g is in units of x per year.
 */
import { z } from 'zod';
import { ActorIdSchema } from '../../world/schema.js';

/** The largest system accepted from user input (actors). */
export const MAX_ARMS_ACTORS = 200;

/** The longest horizon accepted from user input, in years. */
export const MAX_ARMS_HORIZON_YEARS = 10_000;

/**
 * The largest |rate| of a reaction or fatigue coefficient, per year. Real
 * systems have rates below 1 per year; beyond this bound the eigenvalue
 * iteration overflows (1e308 made it loop for ever) and the solution leaves
 * the double range within days.
 */
export const MAX_ARMS_RATE = 1000;

/** The largest |level| of a grievance, an initial state or a threshold, in units of x (per year). */
export const MAX_ARMS_LEVEL = 1e15;

const rate = (what: string) =>
  z
    .number()
    .min(-MAX_ARMS_RATE, `${what} must be within ±${MAX_ARMS_RATE} per year`)
    .max(MAX_ARMS_RATE, `${what} must be within ±${MAX_ARMS_RATE} per year`);
const level = (what: string) =>
  z
    .number()
    .min(-MAX_ARMS_LEVEL, `${what} must be within ±${MAX_ARMS_LEVEL.toExponential()}`)
    .max(MAX_ARMS_LEVEL, `${what} must be within ±${MAX_ARMS_LEVEL.toExponential()}`);

const SystemShape = {
  /** Actor ids (ISO 3166-1 alpha-3 for states), one per row and column. */
  actors: z.array(ActorIdSchema).min(1, 'expected at least one actor').max(MAX_ARMS_ACTORS),
  /** Reaction (defence) coefficients k_ij ≥ or ≤ 0, per year; zero diagonal. Row i: how actor i reacts to j. */
  reaction: z.array(z.array(rate('a reaction coefficient'))),
  /** Fatigue-and-expense coefficients a_i ≥ 0, per year. */
  fatigue: z.array(
    rate('a fatigue coefficient').min(0, 'fatigue must be ≥ 0 (a negative value would be self-stimulation)'),
  ),
  /** Grievances g_i, in units of x per year (negative = goodwill). */
  grievance: z.array(level('a grievance')),
};

type SystemInput = { actors: string[]; reaction: number[][]; fatigue: number[]; grievance: number[] };

/** Shape checks that zod's per-field rules cannot express: square K, zero diagonal, lengths, unique ids. */
function checkSystem(value: SystemInput, ctx: z.RefinementCtx): void {
  const n = value.actors.length;
  const seen = new Map<string, number>();
  for (const [i, id] of value.actors.entries()) {
    const first = seen.get(id);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['actors', i],
        message: `duplicate actor "${id}" (also at actors[${first}])`,
      });
    } else seen.set(id, i);
  }
  if (value.reaction.length !== n) {
    ctx.addIssue({
      code: 'custom',
      path: ['reaction'],
      message: `reaction must be a square ${n}×${n} matrix (one row per actor); got ${value.reaction.length} rows`,
    });
  }
  for (const [i, row] of value.reaction.entries()) {
    if (row.length !== n) {
      ctx.addIssue({
        code: 'custom',
        path: ['reaction', i],
        message: `row ${i} has ${row.length} entries; expected ${n} (one per actor)`,
      });
    }
    if (i < row.length && row[i] !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['reaction', i, i],
        message: `diagonal entry must be 0 (an actor's response to its own level is the fatigue term); got ${row[i]}`,
      });
    }
  }
  for (const field of ['fatigue', 'grievance'] as const) {
    if (value[field].length !== n) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `${field} must have one entry per actor (${n}); got ${value[field].length}`,
      });
    }
  }
}

/** A Richardson system as users write it (validated: square K, zero diagonal, a ≥ 0). */
export const RichardsonSystemSchema = z.strictObject(SystemShape).superRefine(checkSystem);

/**
 * A Richardson system dx/dt = K·x − A·x + g. The library functions accept any
 * finite coefficients (a fitted fatigue may be negative); user input is
 * checked with {@link RichardsonSystemSchema}.
 */
export interface RichardsonSystem {
  readonly actors: readonly string[];
  /** k_ij per year, zero diagonal. */
  readonly reaction: readonly (readonly number[])[];
  /** a_i per year. */
  readonly fatigue: readonly number[];
  /** g_i in units of x per year. */
  readonly grievance: readonly number[];
}

/** A threshold event: actor `actor`'s level crosses `level` (units of x). */
export const ArmsThresholdSchema = z.strictObject({
  /** Name to report the event under; default "<actor> crosses <level>". */
  name: z.string().min(1).optional(),
  actor: ActorIdSchema,
  level: level('a threshold level'),
  direction: z.enum(['rising', 'falling', 'either']).default('rising'),
  /** Stop the simulation at the first crossing. */
  stop: z.boolean().default(false),
});
export type ArmsThreshold = z.output<typeof ArmsThresholdSchema>;

/** The `concert arms simulate` file: a system, an initial state, a horizon and optional thresholds. */
export const RichardsonFileSchema = z
  .strictObject({
    ...SystemShape,
    /** Label of the unit of x, for output only (e.g. "thousands of current US$"). */
    unit: z.string().optional(),
    /** Calendar year of t = 0, for output only. */
    startYear: z.number().int().optional(),
    /** x(0), one entry per actor. */
    initial: z.array(level('an initial level')),
    horizonYears: z
      .number()
      .positive('horizonYears must be > 0')
      .max(MAX_ARMS_HORIZON_YEARS, `horizonYears must be ≤ ${MAX_ARMS_HORIZON_YEARS}`),
    /** Spacing of the reported states, years. Default 1. */
    outputStepYears: z.number().positive('outputStepYears must be > 0').default(1),
    thresholds: z.array(ArmsThresholdSchema).default([]),
  })
  .superRefine((value, ctx) => {
    checkSystem(value, ctx);
    const n = value.actors.length;
    if (value.initial.length !== n) {
      ctx.addIssue({
        code: 'custom',
        path: ['initial'],
        message: `initial must have one entry per actor (${n}); got ${value.initial.length}`,
      });
    }
    if (value.horizonYears / value.outputStepYears > 100_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['outputStepYears'],
        message: 'too many output points (horizonYears / outputStepYears must be ≤ 100000)',
      });
    }
    for (const [i, th] of value.thresholds.entries()) {
      if (!value.actors.includes(th.actor)) {
        ctx.addIssue({
          code: 'custom',
          path: ['thresholds', i, 'actor'],
          message: `unknown actor "${th.actor}"; expected one of ${value.actors.join(', ')}`,
        });
      }
    }
  });
export type RichardsonFile = z.output<typeof RichardsonFileSchema>;
