/**
 * Coalitions: `GET /api/coalitions/unsc` (voting power in the UN Security
 * Council, today, before 1965 and under reform proposals) and
 * `POST /api/coalitions/power` (power indices of a simple game, or of a
 * GDP-weighted game of the default world) — the documents of
 * `concert coalitions unsc --json` and `concert coalitions power --json`
 * (reports/coalitions).
 */
import { z } from 'zod';
import { DEFAULT_SEED, MAX_SEED } from '../../core/rng.js';
import { POWER_INDICES, SimpleGameFileSchema } from '../../models/coalitions/index.js';
import {
  type CoalitionPowerDocument,
  CoalitionPowerSchema,
  CouncilsSchema,
  councilsDocument,
} from '../../reports/index.js';
import { moduleUrl } from '../../runtime/pool.js';
import { loadCouncils } from '../../world/index.js';
import type { ServerContext } from '../context.js';
import { errorResponses, QueryYearSchema } from '../schemas.js';
import { type CoalitionPowerInput, type TaskOutcome, unwrapTask } from '../tasks.js';
import { type Api, json } from '../types.js';

const TASKS = moduleUrl(import.meta.url, '../tasks');

/** Registers the coalition routes. */
export function coalitionRoutes(app: Api, ctx: ServerContext): void {
  app.get(
    '/api/coalitions/unsc',
    {
      schema: {
        summary: 'Voting power in the UN Security Council: today, before 1965, and reform proposals',
        tags: ['coalitions'],
        response: { 200: CouncilsSchema, ...errorResponses },
      },
    },
    async () => json(ctx.cached('unsc', () => councilsDocument(loadCouncils()))),
  );

  app.post(
    '/api/coalitions/power',
    {
      schema: {
        summary: 'Power indices of a weighted, layered or listed simple game, or of a GDP-weighted game',
        tags: ['coalitions'],
        body: z
          .strictObject({
            game: SimpleGameFileSchema.optional().describe(
              'a simple game: {players?, weights, quota} | {players, layers} | {players, minimalWinning}',
            ),
            gdp: z
              .strictObject({
                year: QueryYearSchema,
                actors: z.array(z.string()).min(2).max(60),
                quotaShare: z.number().gt(0).lt(1).default(0.5),
              })
              .optional()
              .describe('instead of a game: the GDP-weighted game of these actors of the default world'),
            index: z.enum(POWER_INDICES).default('shapley-shubik'),
            method: z.enum(['auto', 'exact', 'monte-carlo']).default('auto'),
            samples: z.number().int().min(1).max(10_000_000).default(100_000),
            seed: z.number().int().min(0).max(MAX_SEED).default(DEFAULT_SEED),
            coalitions: z
              .boolean()
              .default(false)
              .describe('also list the minimal winning and minimal blocking coalitions (at most 22 players)'),
          })
          .refine((b) => (b.game === undefined) !== (b.gdp === undefined), {
            error: 'give either game or gdp',
            path: ['game'],
          }),
        response: { 200: CoalitionPowerSchema, ...errorResponses },
      },
    },
    async (req) => {
      const b = req.body;
      const common = {
        index: b.index,
        method: b.method,
        samples: b.samples,
        seed: b.seed,
        coalitions: b.coalitions,
      };
      const input: CoalitionPowerInput =
        b.game !== undefined ? { ...common, game: b.game } : { ...common, gdp: b.gdp! };
      const outcome = await ctx.runTask<CoalitionPowerInput, TaskOutcome<CoalitionPowerDocument>>(
        TASKS,
        'coalitionPowerTask',
        input,
        'the power index',
      );
      return json(unwrapTask(outcome, ['body']));
    },
  );
}
