/**
 * Zod schemas shared by the routes: request parameters with messages for
 * people, and the shapes of responses. The OpenAPI document
 * (`/api/openapi.json`) is generated from these; the web lab can import the
 * inferred types (`import type { … } from '../../src/server/index.js'`).
 */
import { z } from 'zod';
import { ActorIdSchema, DEFAULT_YEAR, FIRST_YEAR, LAST_YEAR, RelationKindSchema } from '../world/index.js';

/** A year of the embedded default world, from a path or query string. */
export const YearSchema = z.coerce
  .number({ error: 'expected a year' })
  .int({ error: `expected a whole year from ${FIRST_YEAR} to ${LAST_YEAR}` })
  .min(FIRST_YEAR, { error: `expected a year from ${FIRST_YEAR} to ${LAST_YEAR}` })
  .max(LAST_YEAR, { error: `expected a year from ${FIRST_YEAR} to ${LAST_YEAR}` })
  .describe(`year of the embedded default world, ${FIRST_YEAR}–${LAST_YEAR}`);

/** The year of a query, defaulting to the default world's year. */
export const QueryYearSchema = YearSchema.default(DEFAULT_YEAR);

/** A comma-separated list of actor ids in a query string, e.g. `USA,CHN,RUS`. */
export const ActorListSchema = z
  .string()
  .transform((s, ctx) => {
    const ids = s.split(',').map((x) => x.trim());
    ids.forEach((id, i) => {
      if (!/^[A-Z][A-Z0-9_-]{1,15}$/.test(id))
        ctx.addIssue({ code: 'custom', path: [i], message: `"${id}" is not an actor id such as USA` });
    });
    return ids;
  })
  .describe('comma-separated actor ids, e.g. USA,CHN,RUS');

/** A whole number ≥ 1 from a query string. */
export const PositiveIntQuery = z.coerce
  .number({ error: 'expected a whole number' })
  .int({ error: 'expected a whole number' })
  .min(1, { error: 'expected a whole number ≥ 1' });

/** A boolean query flag: `true`/`false`/`1`/`0`. */
export const BooleanQuery = z
  .enum(['true', 'false', '1', '0'], { error: 'expected true or false' })
  .transform((s) => s === 'true' || s === '1');

export const ProblemSchema = z
  .object({
    path: z.array(z.union([z.string(), z.number()])).describe('field path, e.g. ["body", "pair", 1]'),
    message: z.string(),
    line: z.number().int().optional().describe('1-based line inside submitted text (scenarios, games)'),
    column: z.number().int().optional(),
  })
  .meta({ id: 'Problem' });

/** The body of every error response. */
export const ErrorSchema = z
  .object({ error: z.object({ message: z.string(), problems: z.array(ProblemSchema) }) })
  .meta({ id: 'Error' });

/** Error responses every route may give. */
export const errorResponses = { 400: ErrorSchema, 404: ErrorSchema, 500: ErrorSchema } as const;

export const RelationSchema = z.object({
  a: ActorIdSchema,
  b: ActorIdSchema,
  score: z.number().describe('relation score in [−1, 1]'),
  kind: RelationKindSchema,
  source: z.string().optional(),
});

/** A loose object: the named fields are typed and documented; other fields of the library's result pass through. */
export function looseObject<T extends z.core.$ZodLooseShape>(shape: T, description: string) {
  return z.looseObject(shape).describe(description);
}

export type ApiProblemJson = z.infer<typeof ProblemSchema>;
export type ApiErrorJson = z.infer<typeof ErrorSchema>;
