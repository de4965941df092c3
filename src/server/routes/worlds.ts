/**
 * Worlds and powers: `GET /api/worlds`, `GET /api/worlds/:year`,
 * `GET /api/worlds/:year/relations`, `GET /api/powers` — the documents of
 * `concert world --json` and `concert powers --json` (reports/world,
 * reports/powers).
 */
import { z } from 'zod';
import { badInput, ConcertError, type Problem } from '../../core/errors.js';
import { DEFAULT_MAJOR_OPTIONS, type MajorRule, parseWeights } from '../../models/powers/index.js';
import {
  PowerRankingSchema,
  powersReport,
  WorldRelationsSchema,
  WorldSummarySchema,
  WorldYearsSchema,
  worldReport,
} from '../../reports/index.js';
import { DEFAULT_YEAR, FIRST_YEAR, LAST_YEAR, loadDefaultWorld, type World } from '../../world/index.js';
import type { ServerContext } from '../context.js';
import { underField } from '../errors.js';
import {
  ActorListSchema,
  errorResponses,
  PositiveIntQuery,
  QueryYearSchema,
  YearSchema,
} from '../schemas.js';
import { type Api, json } from '../types.js';

/** The default world of a year (the library caches each year once built). */
export function worldOf(year: number): World {
  return loadDefaultWorld({ year });
}

/** Bad input for every listed id that is not an actor of the world; `path` roots the problems. */
export function checkActors(world: World, ids: readonly string[], path: (string | number)[]): void {
  const problems: Problem[] = [];
  ids.forEach((id, i) => {
    if (!(id in world.actors))
      problems.push({ path: [...path, i], message: `unknown actor "${id}" in the world of ${world.year}` });
    else if (ids.indexOf(id) !== i)
      problems.push({ path: [...path, i], message: `actor "${id}" is listed twice` });
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
}

/** Registers the world and powers routes. */
export function worldRoutes(app: Api, ctx: ServerContext): void {
  app.get(
    '/api/worlds',
    {
      schema: {
        summary: 'Years of the embedded default world',
        tags: ['worlds'],
        response: {
          200: WorldYearsSchema,
          ...errorResponses,
        },
      },
    },
    async () => ({ firstYear: FIRST_YEAR, lastYear: LAST_YEAR, defaultYear: DEFAULT_YEAR }),
  );

  app.get(
    '/api/worlds/:year',
    {
      schema: {
        summary: 'Summary and actors of the default world of a year (concert world --json)',
        tags: ['worlds'],
        params: z.object({ year: YearSchema }),
        querystring: z.object({
          top: PositiveIntQuery.max(1000).default(10).describe('alliances and rivalries to list'),
        }),
        response: { 200: WorldSummarySchema, ...errorResponses },
      },
    },
    async (req) => {
      const { year } = req.params;
      const { top } = req.query;
      return json(ctx.cached(`world:${year}:${top}`, () => worldReport(worldOf(year), { top })));
    },
  );

  app.get(
    '/api/worlds/:year/relations',
    {
      schema: {
        summary: 'Relations of the default world of a year (pairs not listed are neutral)',
        tags: ['worlds'],
        params: z.object({ year: YearSchema }),
        querystring: z.object({ actors: ActorListSchema.optional() }),
        response: {
          200: WorldRelationsSchema,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const world = worldOf(req.params.year);
      const ids = req.query.actors;
      if (ids) checkActors(world, ids, ['querystring', 'actors']);
      const keep = ids ? new Set(ids) : undefined;
      return {
        year: world.year,
        relations: keep ? world.relations.filter((r) => keep.has(r.a) && keep.has(r.b)) : world.relations,
      };
    },
  );

  app.get(
    '/api/powers',
    {
      schema: {
        summary: 'Rank states by national power (concert powers --json)',
        tags: ['powers'],
        querystring: z.object({
          year: QueryYearSchema,
          index: z.enum(['cinc', 'composite']).default('cinc'),
          weights: z
            .string()
            .max(200)
            .optional()
            .describe('composite weights, e.g. military=2,economic=1 (dimensions not named get 0)'),
          top: PositiveIntQuery.max(10_000).optional().describe('only the N strongest states'),
          threshold: z.coerce
            .number({ error: 'expected a number' })
            .min(0, { error: 'expected a share between 0 and 1' })
            .max(1, { error: 'expected a share between 0 and 1' })
            .optional()
            .describe(`major-power share threshold (default ${DEFAULT_MAJOR_OPTIONS.shareThreshold})`),
          classes: PositiveIntQuery.max(20)
            .optional()
            .describe(`natural-breaks classes (default ${DEFAULT_MAJOR_OPTIONS.classes})`),
          rule: z
            .enum(['threshold', 'breaks', 'either', 'both'])
            .optional()
            .describe(`major-power rule (default ${DEFAULT_MAJOR_OPTIONS.rule})`),
        }),
        response: { 200: PowerRankingSchema, ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query;
      if (q.weights !== undefined && q.index !== 'composite')
        throw badInput({
          path: ['querystring', 'weights'],
          message: 'weights apply to index=composite only',
        });
      const text = q.weights;
      const weights =
        text === undefined
          ? undefined
          : await underField(['querystring', 'weights'], () => parseWeights(text));
      const majors: { shareThreshold?: number; classes?: number; rule?: MajorRule } = {};
      if (q.threshold !== undefined) majors.shareThreshold = q.threshold;
      if (q.classes !== undefined) majors.classes = q.classes;
      if (q.rule !== undefined) majors.rule = q.rule;
      const options = { index: q.index, ...(weights ? { weights } : {}), majors };
      const key = `powers:${q.year}:${JSON.stringify(options)}:${q.top ?? ''}`;
      return json(ctx.cached(key, () => powersReport(worldOf(q.year), options, q.top)));
    },
  );
}
