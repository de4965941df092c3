/**
 * Economy: `GET /api/economy/dependence`, `GET /api/economy/gains`,
 * `POST /api/economy/gravity`, `GET /api/economy/transition` — the documents
 * of `concert economy dependence|gains|gravity|transition --json`
 * (reports/economy). PPML on the world's ~28,000 directed flows runs on the
 * worker pool; results are cached.
 */
import { z } from 'zod';
import type { FieldPath } from '../../core/errors.js';
import { DEFAULT_PARITY_THRESHOLD, DEFAULT_TRADE_ELASTICITY } from '../../models/economy/index.js';
import {
  DEFAULT_GRAVITY_FORMULA,
  dependenceAnalysis,
  EconomyDependenceSchema,
  EconomyGainsSchema,
  type EconomyGravityDocument,
  EconomyGravitySchema,
  EconomyTransitionSchema,
  GAINS_FORM_NAMES,
  GAINS_QUANTITIES,
  GRAVITY_METHOD_NAMES,
  gainsAnalysis,
  POWER_MEASURE_NAMES,
  TRADE_TOTALS_NAMES,
  transitionAnalysis,
} from '../../reports/index.js';
import { moduleUrl } from '../../runtime/pool.js';
import { cachedAsync } from '../cache.js';
import type { ServerContext } from '../context.js';
import { underField } from '../errors.js';
import { ActorListSchema, errorResponses, QueryYearSchema } from '../schemas.js';
import { type GravityTaskInput, type TaskOutcome, unwrapTask } from '../tasks.js';
import { type Api, json } from '../types.js';
import { worldOf } from './worlds.js';

const TASKS = moduleUrl(import.meta.url, '../tasks');

const states = z
  .string()
  .transform((s, ctx) => {
    if (s.trim() === 'all') return 'all' as const;
    const ids = s.split(',').map((x) => x.trim());
    ids.forEach((id, i) => {
      if (!/^[A-Z][A-Z0-9_-]{1,15}$/.test(id))
        ctx.addIssue({ code: 'custom', path: [i], message: `"${id}" is not an actor id such as USA` });
    });
    return ids;
  })
  .optional()
  .describe('comma-separated actor ids, or "all" (default: COW major powers of the year)');

const numberQuery = (error: string) => z.coerce.number({ error });

/** A library problem of the world's trade or its states, located at the query field it came from. */
const queryPath =
  (fields: Record<string, string>) =>
  (path: FieldPath): FieldPath => {
    if (path.length === 0) return ['querystring', 'year'];
    const field = fields[String(path[0])];
    return field ? ['querystring', field, ...path.slice(1)] : ['querystring', ...path];
  };

/** Registers the economy routes. */
export function economyRoutes(app: Api, ctx: ServerContext): void {
  app.get(
    '/api/economy/dependence',
    {
      schema: {
        summary:
          'Trade dependence and interdependence of every pair of states (concert economy dependence --json)',
        tags: ['economy'],
        querystring: z.object({
          year: QueryYearSchema,
          states,
          totals: z.enum(TRADE_TOTALS_NAMES).optional(),
        }),
        response: { 200: EconomyDependenceSchema, ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query;
      return json(
        await underField(queryPath({ states: 'states' }), () =>
          ctx.cached(`economy:dependence:${JSON.stringify(q)}`, () =>
            dependenceAnalysis(worldOf(q.year), {
              ...(q.states === undefined ? {} : { states: q.states }),
              ...(q.totals === undefined ? {} : { totals: q.totals }),
            }),
          ),
        ),
      );
    },
  );

  app.get(
    '/api/economy/gains',
    {
      schema: {
        summary: 'Gains from trade (ACR) and their inequality (concert economy gains --json)',
        tags: ['economy'],
        querystring: z.object({
          year: QueryYearSchema,
          states,
          theta: numberQuery('expected a number')
            .default(DEFAULT_TRADE_ELASTICITY)
            .describe('trade elasticity θ > 0 (ACR’s ε = −θ)'),
          form: z.enum(GAINS_FORM_NAMES).default('loss-of-autarky'),
          inequalityOf: z.enum(GAINS_QUANTITIES).default('share'),
          atkinson: z
            .string()
            .default('0.5,1,2')
            .transform((s, c) =>
              s.split(',').map((x, i) => {
                const v = Number(x.trim());
                if (x.trim() === '' || !Number.isFinite(v))
                  c.addIssue({ code: 'custom', path: [i], message: `expected a number; got "${x}"` });
                return v;
              }),
            )
            .describe('comma-separated Atkinson inequality aversions ε ≥ 0'),
          totals: z.enum(TRADE_TOTALS_NAMES).optional(),
        }),
        response: { 200: EconomyGainsSchema, ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query;
      return json(
        await underField(queryPath({ states: 'states', theta: 'theta', epsilons: 'atkinson' }), () =>
          ctx.cached(`economy:gains:${JSON.stringify(q)}`, () =>
            gainsAnalysis(worldOf(q.year), {
              ...(q.states === undefined ? {} : { states: q.states }),
              ...(q.totals === undefined ? {} : { totals: q.totals }),
              theta: q.theta,
              form: q.form,
              quantity: q.inequalityOf,
              epsilons: q.atkinson,
            }),
          ),
        ),
      );
    },
  );

  app.post(
    '/api/economy/gravity',
    {
      schema: {
        summary:
          'Gravity equation on the default world’s trade, by PPML or log-linear OLS (concert economy gravity --json)',
        tags: ['economy'],
        body: z.strictObject({
          year: QueryYearSchema,
          formula: z
            .string()
            .max(2000)
            .default(DEFAULT_GRAVITY_FORMULA)
            .describe(
              'response ~ term + log(column) + …; columns trade, gdp_ex, gdp_im, pop_ex, pop_im, dist_km, contig',
            ),
          method: z.enum(GRAVITY_METHOD_NAMES).default('ppml'),
        }),
        response: { 200: EconomyGravitySchema, ...errorResponses },
      },
    },
    async (req) => {
      const input: GravityTaskInput = req.body;
      const outcome = await cachedAsync(ctx.asyncCache, `gravityTask:${JSON.stringify(input)}`, () =>
        ctx.runTask<GravityTaskInput, unknown>(TASKS, 'gravityTask', input, 'the gravity estimate'),
      );
      return json(unwrapTask(outcome as TaskOutcome<EconomyGravityDocument>, ['body']));
    },
  );

  app.get(
    '/api/economy/transition',
    {
      schema: {
        summary:
          'Power transition of two states: PPP GDP or CINC ratio, overtaking, parity (concert economy transition --json)',
        tags: ['economy'],
        querystring: z.object({
          actors: ActorListSchema.refine((ids) => ids.length === 2, {
            error: 'expected two actor ids such as CHN,USA',
          }),
          measure: z.enum(POWER_MEASURE_NAMES).default('gdp-ppp'),
          from: numberQuery('expected a year').pipe(z.number().int()).optional(),
          to: numberQuery('expected a year').pipe(z.number().int()).optional(),
          parity: numberQuery('expected a share')
            .pipe(z.number().gt(0).lte(1))
            .default(DEFAULT_PARITY_THRESHOLD)
            .describe('parity threshold in (0, 1]'),
        }),
        response: { 200: EconomyTransitionSchema, ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query;
      const [a, b] = q.actors as [string, string];
      return json(
        await underField(
          (path) =>
            path[0] === 'a'
              ? ['querystring', 'actors', 0]
              : path[0] === 'b'
                ? ['querystring', 'actors', 1]
                : ['querystring', ...path],
          () =>
            transitionAnalysis(a, b, {
              measure: q.measure,
              ...(q.from === undefined ? {} : { from: q.from }),
              ...(q.to === undefined ? {} : { to: q.to }),
              parityThreshold: q.parity,
            }),
        ),
      );
    },
  );
}
