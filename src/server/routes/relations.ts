/**
 * Structural balance and strategic triangles: `GET /api/balance`,
 * `POST /api/balance/whatif`, `GET /api/triangle` — the JSON of
 * `concert balance --json`, `concert balance whatif --json` and
 * `concert triangle --json`. Balance reports solve the frustration-index MIP
 * and run on the worker pool, off the event loop; results are cached.
 */
import { z } from 'zod';
import { ConcertError, type Problem } from '../../core/errors.js';
import { networkFromWorld, type SignedNetwork, strategicTriangle } from '../../models/relations/index.js';
import { cachedAsync } from '../cache.js';
import type { ServerContext } from '../context.js';
import { ActorListSchema, BooleanQuery, errorResponses, looseObject, QueryYearSchema } from '../schemas.js';
import { moduleUrl } from '../../runtime/pool.js';
import { type BalanceTaskInput, type TaskOutcome, unwrapTask, type WhatIfTaskInput } from '../tasks.js';
import { type Api, json } from '../types.js';
import { checkActors, worldOf } from './worlds.js';

const TASKS = moduleUrl(import.meta.url, '../tasks');

const FrustrationSchema = looseObject(
  {
    index: z.number().describe('frustration index L (number, or total |weight|, of frustrated edges)'),
    normalized: z.number().describe('1 − 2L/m'),
    exact: z.boolean().describe('true when L is proven optimal'),
    lowerBound: z.number(),
    gap: z.number(),
    partition: z.array(z.array(z.string())).describe('the two groups'),
    frustratedEdges: z
      .array(z.array(z.string()))
      .describe('pairs [a, b] whose sign disagrees with the partition'),
  },
  'frustration index and the partition that attains it',
);

const BalanceSchema = looseObject(
  {
    source: z.string(),
    nodes: z.number(),
    edges: z.number(),
    positiveEdges: z.number(),
    negativeEdges: z.number(),
    census: z.record(z.string(), z.number()).describe('triangles by signs: +++, ++-, +--, ---'),
    triangleRatio: z.number().nullable(),
    weightedTriangleRatio: z.number().nullable(),
    walkBalance: z.number().nullable(),
    frustration: FrustrationSchema,
  },
  'structural balance measures (concert balance --json)',
).meta({ id: 'Balance' });

const WhatIfSchema = looseObject(
  {
    source: z.string(),
    change: looseObject(
      { a: z.string(), b: z.string(), before: z.number(), after: z.number() },
      'the change',
    ),
    before: BalanceSchema,
    after: BalanceSchema,
    delta: z.record(z.string(), z.number().nullable()),
    newlyUnbalanced: z.array(z.unknown()),
    newlyBalanced: z.array(z.unknown()),
    newlyIsolated: z.array(z.string()),
    isolatedInTriangles: z.array(z.unknown()),
  },
  'change in every balance measure when one relation changes (concert balance whatif --json)',
).meta({ id: 'WhatIf' });

const TriangleSchema = looseObject(
  {
    actors: z.array(z.string()),
    scores: z.array(z.number()).describe('scores of (A,B), (A,C), (B,C)'),
    signs: z.array(z.number()),
    balanced: z.boolean().nullable(),
    configuration: z.enum(['menage-a-trois', 'romantic-triangle', 'stable-marriage', 'all-hostile', 'open']),
    roles: z.array(z.object({ id: z.string(), role: z.string() })),
    pivot: z.string().nullable(),
    source: z.string(),
  },
  'strategic triangle (concert triangle --json)',
).meta({ id: 'Triangle' });

const balanceOptions = {
  year: QueryYearSchema,
  actors: ActorListSchema.optional().describe('keep only these actors (the induced sub-network)'),
  method: z
    .enum(['exact', 'heuristic'])
    .default('exact')
    .describe('exact: prove the frustration index; heuristic: local search (fast, reports a gap)'),
  weighted: z.boolean().default(false).describe('minimise total |weight| of frustrated edges'),
  timeLimit: z.number().positive().max(120).default(20).describe('time limit of the exact solver, seconds'),
  seed: z.number().int().default(1).describe('seed of the local search'),
};

/** The signed network of a year's default world (cached: building it from ~4000 relations takes ~0.1 s). */
function networkOf(ctx: ServerContext, year: number): SignedNetwork {
  return ctx.cached(`network:${year}`, () => networkFromWorld(worldOf(year)));
}

/** Registers the balance and triangle routes. */
export function relationRoutes(app: Api, ctx: ServerContext): void {
  const run = async <I extends BalanceTaskInput, O>(name: string, input: I): Promise<O> => {
    const outcome = await cachedAsync(ctx.asyncCache, `${name}:${JSON.stringify(input)}`, () =>
      ctx.workerPool().run<I, unknown>(TASKS, name, input),
    );
    return unwrapTask(outcome as TaskOutcome<O>, []);
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
          seed: z.coerce.number({ error: 'expected an integer' }).int().default(1),
        }),
        response: { 200: BalanceSchema, ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query;
      if (q.actors) checkActors(worldOf(q.year), q.actors, ['querystring', 'actors']);
      const input: BalanceTaskInput = {
        year: q.year,
        ...(q.actors ? { actors: q.actors } : {}),
        method: q.method,
        weighted: q.weighted,
        timeLimitS: q.timeLimit,
        seed: q.seed,
      };
      return run<BalanceTaskInput, z.infer<typeof BalanceSchema>>('balanceTask', input);
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
      const world = worldOf(b.year);
      if (b.actors) checkActors(world, b.actors, ['body', 'actors']);
      const within = b.actors ?? Object.keys(world.actors);
      const problems: Problem[] = [];
      for (const key of ['a', 'b'] as const) {
        const id = b.change[key];
        if (!within.includes(id))
          problems.push({ path: ['body', 'change', key], message: `unknown actor "${id}" in the network` });
      }
      if (b.change.a === b.change.b)
        problems.push({ path: ['body', 'change', 'b'], message: 'an actor cannot relate to itself' });
      if (problems.length > 0) throw new ConcertError('bad-input', problems);
      const input: WhatIfTaskInput = {
        year: b.year,
        ...(b.actors ? { actors: b.actors } : {}),
        method: b.method,
        weighted: b.weighted,
        timeLimitS: b.timeLimit,
        seed: b.seed,
        change: b.change,
      };
      return run<WhatIfTaskInput, z.infer<typeof WhatIfSchema>>('whatIfTask', input);
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
      checkActors(worldOf(year), actors, ['querystring', 'actors']);
      const [a, b, c] = actors as [string, string, string];
      const t = strategicTriangle(networkOf(ctx, year), a, b, c);
      return json({ ...t, source: `default world ${year}` });
    },
  );
}
