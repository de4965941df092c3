/**
 * Documents only the HTTP API returns (the CLI prints its errors as text and
 * runs ensembles in the foreground): the error body, jobs, the shipped
 * scenarios, the years and relations of the default world. Zod only, like
 * every report schema, so the web lab infers its types from them.
 */
import { z } from 'zod';
import { RelationSchema } from '../../world/schema.js';
import { ComparisonSchema, EnsembleSchema } from './scenario.js';
import { SensitivitySchema } from './sensitivity.js';

export const ProblemSchema = z
  .strictObject({
    path: z.array(z.union([z.string(), z.number()])).describe('field path, e.g. ["body", "pair", 1]'),
    message: z.string(),
    line: z.number().int().optional().describe('1-based line inside submitted text (scenarios, games)'),
    column: z.number().int().optional(),
  })
  .meta({ id: 'Problem' });

/** The body of every error response. */
export const ErrorSchema = z
  .strictObject({ error: z.strictObject({ message: z.string(), problems: z.array(ProblemSchema) }) })
  .meta({ id: 'Error' });

export const JobSchema = z
  .strictObject({
    id: z.string(),
    kind: z.enum(['ensemble', 'compare', 'sensitivity']),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    createdAt: z.string(),
    progress: z.strictObject({ done: z.number(), total: z.number(), label: z.string() }),
    result: z
      .union([EnsembleSchema, ComparisonSchema, SensitivitySchema])
      .optional()
      .describe(
        'when done: the document of concert run --json (or concert compare --json, concert sensitivity --json)',
      ),
    error: z.strictObject({ message: z.string(), problems: z.array(ProblemSchema) }).optional(),
  })
  .describe('an ensemble, a comparison or a sensitivity analysis running in the background')
  .meta({ id: 'Job' });

export const ShippedScenariosSchema = z
  .strictObject({
    scenarios: z.array(
      z.strictObject({
        id: z.string(),
        file: z.string(),
        text: z.string(),
        name: z.string().nullable(),
        description: z.string().nullable(),
      }),
    ),
  })
  .describe('the shipped scenarios (scenarios/*.yaml) with their text')
  .meta({ id: 'ShippedScenarios' });

export const WorldYearsSchema = z
  .strictObject({ firstYear: z.number(), lastYear: z.number(), defaultYear: z.number() })
  .describe('years of the embedded default world');

export const WorldRelationsSchema = z
  .strictObject({ year: z.number(), relations: z.array(RelationSchema) })
  .describe('relations of the default world of a year (pairs not listed are neutral)');
