/**
 * Schemas of the arms documents: `concert arms stability | fit | simulate
 * --json` (Richardson action–reaction dynamics).
 */
import { z } from 'zod';

const EigenvalueSchema = z.strictObject({ re: z.number(), im: z.number() });

/** The system block every arms document opens with. */
const systemShape = {
  actors: z.array(z.string()),
  coefficients: z.strictObject({
    reaction: z.array(z.array(z.number())).describe('reaction matrix K, per year'),
    fatigue: z.array(z.number()).describe('fatigue coefficients a_i, per year'),
    grievance: z.array(z.number()).describe('grievances g_i, units per year'),
  }),
  equilibrium: z.array(z.number()).nullable().describe('x* = −(K − A)⁻¹g; null when K − A is singular'),
  singular: z.boolean(),
  nonNegative: z.boolean().describe('whether every component of x* is ≥ 0 (a feasible spending level)'),
  conditionNumber: z.number().nullable(),
  eigenvalues: z.array(EigenvalueSchema).describe('eigenvalues of K − A, per year'),
  maxRealPart: z.number(),
  margin: z.number().describe('−max Re λ: positive when stable'),
  stable: z.boolean(),
};

export const ArmsStabilitySchema = z
  .strictObject(systemShape)
  .describe('equilibrium and stability of a Richardson system (concert arms stability --json)')
  .meta({ id: 'ArmsStability' });

const EstimateSchema = z.strictObject({
  estimate: z.number(),
  standardError: z.number(),
  tStatistic: z.number(),
});

export const ArmsFitSchema = z
  .strictObject({
    ...systemShape,
    years: z.strictObject({ first: z.number(), last: z.number() }),
    observations: z.number().describe('yearly increments per equation'),
    parameters: z.number().describe('estimated parameters per equation'),
    unit: z.string(),
    deflation: z.string(),
    source: z.string(),
    estimator: z.string(),
    regressor: z.enum(['start', 'midpoint']),
    standardErrors: z.strictObject({
      reaction: z.array(z.array(z.number())),
      fatigue: z.array(z.number()),
      grievance: z.array(z.number()),
    }),
    equations: z.array(
      z.strictObject({
        actor: z.string(),
        reaction: z.array(EstimateSchema.extend({ actor: z.string() })),
        fatigue: EstimateSchema,
        grievance: EstimateSchema,
        rSquared: z.number(),
        residualStandardError: z.number(),
        durbinWatson: z.number(),
      }),
    ),
    discrete: z
      .strictObject({
        eigenvalues: z.array(EigenvalueSchema),
        spectralRadius: z.number(),
        stable: z.boolean(),
      })
      .describe('the yearly map x(t+1) = (I + K − A)x(t) + g'),
  })
  .describe('Richardson system fitted to military expenditure (concert arms fit --json)')
  .meta({ id: 'ArmsFit' });

export const ArmsSimulationSchema = z
  .strictObject({
    ...systemShape,
    unit: z.string().nullable(),
    startYear: z.number().nullable(),
    status: z.enum(['done', 'event', 'max-steps', 'step-too-small', 'non-finite']),
    path: z.strictObject({
      tYears: z.array(z.number()),
      years: z.array(z.number()).optional().describe('calendar years, when the file gives startYear'),
      states: z.array(z.array(z.number())),
    }),
    final: z.strictObject({ tYears: z.number(), state: z.array(z.number()) }),
    crossings: z.array(
      z.strictObject({
        name: z.string(),
        actor: z.string(),
        level: z.number(),
        tYears: z.number(),
        direction: z.enum(['rising', 'falling']),
        state: z.array(z.number()),
        year: z.number().optional(),
      }),
    ),
  })
  .describe('solution of a Richardson system with threshold events (concert arms simulate --json)')
  .meta({ id: 'ArmsSimulation' });
