/**
 * Structural balance, strategic triangles and relation explanations:
 * `GET /api/balance`, `POST /api/balance/whatif`, `GET /api/triangle`,
 * `GET /api/relations/explain` — the JSON of `concert balance --json`,
 * `concert balance whatif --json`, `concert triangle --json` and
 * `concert relations explain --json`. Balance reports solve the frustration-index MIP
 * and run on the worker pool, off the event loop; results are cached.
 */
import { z } from 'zod';
import { ConcertError, type Problem } from '../../core/errors.js';
import { DEFAULT_SEED, MAX_SEED } from '../../core/rng.js';
import {
  networkFromWorld,
  relationProblems,
  type SignedNetwork,
  TRIANGLE_FILTERS,
} from '../../models/relations/index.js';
import {
  type BalanceDocument,
  BalanceSchema,
  DEFAULT_TRIANGLE_LIMIT,
  RelationExplanationSchema,
  relationExplanationAnalysis,
  TriangleSchema,
  triangleAnalysis,
  type WhatIfDocument,
  WhatIfSchema,
} from '../../reports/index.js';
import { moduleUrl } from '../../runtime/pool.js';
import { cachedAsync } from '../cache.js';
import type { ServerContext } from '../context.js';
import { underField } from '../errors.js';
import { ActorListSchema, BooleanQuery, errorResponses, QueryYearSchema } from '../schemas.js';
import { type BalanceTaskInput, type TaskOutcome, unwrapTask, type WhatIfTaskInput } from '../tasks.js';
import { type Api, json } from '../types.js';
import { worldOf } from './worlds.js';

const TASKS = moduleUrl(import.meta.url, '../tasks');

const balanceOptions = {
  year: QueryYearSchema,
  actors: ActorListSchema.optional().describe('keep only these actors (the induced sub-network)'),
  method: z
    .enum(['exact', 'heuristic'])
    .default('exact')
    .describe('exact: prove the frustration index; heuristic: local search (fast, reports a gap)'),
  weighted: z.boolean().default(false).describe('minimise total |weight| of frustrated edges'),
  timeLimit: z.number().positive().max(120).default(20).describe('time limit of the exact solver, seconds'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(MAX_SEED)
    .default(DEFAULT_SEED)
    .describe('seed of the local search and of the k-group partition'),
  groups: z
    .number()
    .int()
    .min(1)
    .max(50)
    .optional()
    .describe('also the best partition into at most k groups'),
  pair: z
    .tuple([z.string(), z.string()])
    .optional()
    .describe('also the least frustration with these two actors forced together and forced apart'),
};

/** Largest triangle listing through the API (the CLI's --triangle-limit 0 lists all). */
export const MAX_API_TRIANGLES = 10_000;

/** The signed network of a year's default world (cached: building it from ~4000 relations takes ~0.1 s). */
function networkOf(ctx: ServerContext, year: number): SignedNetwork {
  return ctx.cached(`network:${year}`, () => networkFromWorld(worldOf(year)));
}

/** Registers the balance and triangle routes. */
export function relationRoutes(app: Api, ctx: ServerContext): void {
  const run = async <I extends BalanceTaskInput, O>(name: string, input: I, root: string): Promise<O> => {
    const outcome = await cachedAsync(ctx.asyncCache, `${name}:${JSON.stringify(input)}`, () =>
      ctx.runTask<I, unknown>(TASKS, name, input, 'the balance report'),
    );
    return unwrapTask(outcome as TaskOutcome<O>, [root]);
  };

  app.get(
    '/api/balance',
    {
      schema: {
        summary: 'Structural balance of the default world of a year (concert balance --json)',
        tags: ['relations'],
        querystring: z.object({
          ...balanceOptions,
          weighted: BooleanQuery.default(false),
          timeLimit: z.coerce.number({ error: 'expected seconds' }).positive().max(120).default(20),
          seed: z.coerce
            .number({ error: 'expected a whole number' })
            .int()
            .min(0)
            .max(MAX_SEED)
            .default(DEFAULT_SEED),
          groups: z.coerce.number({ error: 'expected a whole number' }).int().min(1).max(50).optional(),
          pair: ActorListSchema.refine((ids) => ids.length === 2, {
            error: 'expected two actor ids such as USA,RUS',
          })
            .optional()
            .describe('also the least frustration with these two actors forced together and forced apart'),
          triangles: z
            .enum(TRIANGLE_FILTERS)
            .optional()
            .describe(
              'also list the triangles with their signs (signnet signed_triangles): all, balanced or unbalanced',
            ),
          trianglesWith: ActorListSchema.optional().describe(
            'list only triangles through all of these actors',
          ),
          triangleLimit: z.coerce
            .number({ error: `expected a whole number from 1 to ${MAX_API_TRIANGLES}` })
            .int()
            .min(1)
            .max(MAX_API_TRIANGLES)
            .optional()
            .describe(`list at most this many triangles, in node order (default ${DEFAULT_TRIANGLE_LIMIT})`),
        }),
        response: { 200: BalanceSchema, ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query;
      const network = q.actors ? undefined : networkOf(ctx, q.year);
      if (network && q.pair) {
        const problems = pairPlacementProblems(network, q.pair, ['querystring', 'pair']);
        if (problems.length > 0) throw new ConcertError('bad-input', problems);
      }
      const input: BalanceTaskInput = {
        year: q.year,
        ...(q.actors ? { actors: q.actors } : {}),
        method: q.method,
        weighted: q.weighted,
        timeLimitS: q.timeLimit,
        seed: q.seed,
        ...(q.groups === undefined ? {} : { groups: q.groups }),
        ...(q.pair ? { pair: q.pair as [string, string] } : {}),
        ...(q.triangles === undefined ? {} : { triangles: q.triangles }),
        ...(q.trianglesWith === undefined ? {} : { trianglesWith: q.trianglesWith }),
        ...(q.triangleLimit === undefined ? {} : { triangleLimit: q.triangleLimit }),
      };
      return json(await run<BalanceTaskInput, BalanceDocument>('balanceTask', input, 'querystring'));
    },
  );

  app.post(
    '/api/balance/whatif',
    {
      schema: {
        summary: 'Change one relation and report the change in every balance measure',
        tags: ['relations'],
        body: z.strictObject({
          year: QueryYearSchema,
          actors: z.array(z.string()).min(3).max(500).optional().describe('keep only these actors'),
          change: z.strictObject({
            a: z.string(),
            b: z.string(),
            score: z.number().min(-1).max(1).describe('new score in [−1, 1] (0 = neutral)'),
          }),
          method: balanceOptions.method,
          weighted: balanceOptions.weighted,
          timeLimit: balanceOptions.timeLimit,
          seed: balanceOptions.seed,
        }),
        response: { 200: WhatIfSchema, ...errorResponses },
      },
    },
    async (req) => {
      const b = req.body;
      const input: WhatIfTaskInput = {
        year: b.year,
        ...(b.actors ? { actors: b.actors } : {}),
        method: b.method,
        weighted: b.weighted,
        timeLimitS: b.timeLimit,
        seed: b.seed,
        change: b.change,
      };
      if (!b.actors) {
        const problems = relationProblems(networkOf(ctx, b.year), b.change.a, b.change.b, b.change.score, {
          a: ['body', 'change', 'a'],
          b: ['body', 'change', 'b'],
          weight: ['body', 'change', 'score'],
        });
        if (problems.length > 0) throw new ConcertError('bad-input', problems);
      }
      return json(await run<WhatIfTaskInput, WhatIfDocument>('whatIfTask', input, 'body'));
    },
  );

  app.get(
    '/api/triangle',
    {
      schema: {
        summary: 'Strategic triangle of three actors (concert triangle --json)',
        tags: ['relations'],
        querystring: z.object({
          actors: ActorListSchema.refine((ids) => ids.length === 3, {
            error: 'expected three actor ids such as USA,CHN,RUS',
          }),
          year: QueryYearSchema,
        }),
        response: { 200: TriangleSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { actors, year } = req.query;
      const [a, b, c] = actors as [string, string, string];
      return json(
        await underField(['querystring', 'actors'], () =>
          triangleAnalysis(networkOf(ctx, year), [a, b, c], `default world ${year}`),
        ),
      );
    },
  );

  relationExplainRoute(app, ctx);
}

/** Registers `GET /api/relations/explain` (concert relations explain --json). */
function relationExplainRoute(app: Api, ctx: ServerContext): void {
  app.get(
    '/api/relations/explain',
    {
      schema: {
        summary:
          'Components, sources and score of one relation of the default world (concert relations explain --json)',
        tags: ['relations'],
        querystring: z.object({
          a: z.string().min(1).describe('first actor id, e.g. USA'),
          b: z.string().min(1).describe('second actor id, e.g. CHN'),
          year: QueryYearSchema,
        }),
        response: { 200: RelationExplanationSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { a, b, year } = req.query;
      return json(
        await underField(['querystring'], () =>
          ctx.cached(`explain:${year}:${a}:${b}`, () => relationExplanationAnalysis({ year, a, b })),
        ),
      );
    },
  );
}

/** Problems with a pair of actors of the network: both nodes of it, and distinct. */
function pairPlacementProblems(
  net: SignedNetwork,
  pair: readonly string[],
  root: (string | number)[],
): Problem[] {
  const [a = '', b = ''] = pair;
  return relationProblems(net, a, b, 0, { a: [...root, 0], b: [...root, 1], weight: root });
}
