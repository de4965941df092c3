/**
 * Worlds and powers: `GET /api/worlds`, `GET /api/worlds/:year`,
 * `GET /api/worlds/:year/relations`, `GET /api/powers` — the JSON of
 * `concert world --json` and `concert powers --json`.
 */
import { z } from 'zod';
import { parseWeights } from '../../cli/powers.js';
import { cincWeights, worldJson } from '../../cli/world.js';
import { badInput, ConcertError, type Problem } from '../../core/errors.js';
import { DEFAULT_MAJOR_OPTIONS, type MajorRule, powerRanking } from '../../models/powers/index.js';
import {
  DEFAULT_YEAR,
  FIRST_YEAR,
  LAST_YEAR,
  loadDefaultWorld,
  summarizeWorld,
  type World,
} from '../../world/index.js';
import type { ServerContext } from '../context.js';
import {
  ActorListSchema,
  errorResponses,
  looseObject,
  PositiveIntQuery,
  QueryYearSchema,
  RelationSchema,
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

const WorldActorSchema = z.object({
  id: z.string(),
  name: z.string(),
  cowCode: z.number().nullable(),
  cowMajor: z.boolean(),
  unscPermanent: z.boolean(),
});

const WorldSummarySchema = looseObject(
  {
    year: z.number(),
    description: z.string().nullable(),
    actorCount: z.number(),
    cowMajors: z.array(z.string()),
    unscPermanent: z.array(z.string()),
    relationCount: z.number(),
    relationsByKind: z.record(z.string(), z.number()),
    strongestAlliances: z.array(RelationSchema),
    strongestRivalries: z.array(RelationSchema),
    actors: z.array(WorldActorSchema),
  },
  'summary of the default world of a year (concert world --json)',
).meta({ id: 'WorldSummary' });

const RankedActorSchema = z.object({
  id: z.string(),
  name: z.string(),
  value: z.number().describe('index value (CINC, or the composite)'),
  share: z.number().describe('value / Σ value over the ranked states'),
  rank: z.number(),
  major: z.boolean().describe('major power by the data-driven classifier'),
  cowMajor: z.boolean().describe("on COW's major-power list for the year"),
  reasons: z.array(z.string()),
});

const PowerRankingSchema = looseObject(
  {
    year: z.number(),
    index: z.enum(['cinc', 'composite']),
    actors: z.array(RankedActorSchema),
    concentration: looseObject(
      { con: z.number(), hhi: z.number(), effectivePoles: z.number(), states: z.number().optional() },
      'Ray–Singer CON, HHI and effective number of poles over every ranked state',
    ),
  },
  'national-power ranking (concert powers --json)',
).meta({ id: 'PowerRanking' });

/** Registers the world and powers routes. */
export function worldRoutes(app: Api, ctx: ServerContext): void {
  app.get(
    '/api/worlds',
    {
      schema: {
        summary: 'Years of the embedded default world',
        tags: ['worlds'],
        response: {
          200: z.object({ firstYear: z.number(), lastYear: z.number(), defaultYear: z.number() }),
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
      return json(
        ctx.cached(`world:${year}:${top}`, () => {
          const world = worldOf(year);
          const summary = summarizeWorld(world, { limit: top, weightOf: cincWeights(world) });
          return worldJson(world, summary);
        }),
      );
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
          200: z.object({ year: z.number(), relations: z.array(RelationSchema) }),
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
      let weights: ReturnType<typeof parseWeights> | undefined;
      try {
        weights = q.weights !== undefined ? parseWeights(q.weights) : undefined;
      } catch (e) {
        throw rebase(e, ['querystring', 'weights']);
      }
      const majors: { shareThreshold?: number; classes?: number; rule?: MajorRule } = {};
      if (q.threshold !== undefined) majors.shareThreshold = q.threshold;
      if (q.classes !== undefined) majors.classes = q.classes;
      if (q.rule !== undefined) majors.rule = q.rule;
      const key = `powers:${q.year}:${q.index}:${JSON.stringify(weights ?? null)}:${JSON.stringify(majors)}`;
      const ranking = ctx.cached(key, () =>
        powerRanking(worldOf(q.year), { index: q.index, ...(weights ? { weights } : {}), majors }),
      );
      return json(q.top === undefined ? ranking : { ...ranking, actors: ranking.actors.slice(0, q.top) });
    },
  );
}

/** A CLI-option problem (path `['--weights']`) re-rooted at an API field path. */
export function rebase(e: unknown, path: (string | number)[]): unknown {
  if (!(e instanceof ConcertError)) return e;
  return new ConcertError(
    e.code,
    e.problems.map((p) => ({ ...p, path: [...path, ...(p.path ?? []).slice(1)] })),
  );
}
