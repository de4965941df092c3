/**
 * Zod schemas shared by the routes: request parameters with messages for
 * people, and the error body. The response documents are the report schemas
 * (src/reports/schemas); the OpenAPI document (`/api/openapi.json`) is
 * generated from both.
 */
import { z } from 'zod';
import { ErrorSchema, JobSchema, type ProblemSchema } from '../reports/schemas/api.js';
import { DEFAULT_YEAR, FIRST_YEAR, LAST_YEAR } from '../world/index.js';

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

/** Error responses every route may give. */
export const errorResponses = { 400: ErrorSchema, 404: ErrorSchema, 500: ErrorSchema } as const;

/** Error responses of routes that start a job: also 429 when too many jobs wait. */
export const jobErrorResponses = { ...errorResponses, 429: ErrorSchema } as const;

/**
 * A job as the API reports it: the report layer's job document, whose status
 * may also be `cancelled` (DELETE /api/jobs/:id).
 */
export const ApiJobSchema = JobSchema.extend({
  status: z
    .enum(['queued', 'running', 'done', 'failed', 'cancelled'])
    .describe('cancelled: stopped by DELETE /api/jobs/:id (an ensemble keeps the runs it finished)'),
})
  .describe('an ensemble or a comparison running in the background')
  .meta({ id: 'ApiJob' });

export { ErrorSchema, ProblemSchema } from '../reports/schemas/api.js';

export type ApiProblemJson = z.infer<typeof ProblemSchema>;
export type ApiErrorJson = z.infer<typeof ErrorSchema>;
