/**
 * Bargaining: `POST /api/bargain` — the JSON of `concert bargain <file>
 * --json` for a bargaining file sent as JSON (docs/models/bargaining.md).
 * The file is checked on the server's thread (problems at `body.problem…`);
 * the run goes to the worker pool.
 */
import { z } from 'zod';
import { ConcertError, reroot } from '../../core/errors.js';
import { DEFAULT_SEED, MAX_SEED } from '../../core/rng.js';
import { DEFAULT_MAX_TURNS, parseBargaining } from '../../models/bargaining/index.js';
import { type BargainingDocument, BargainingSchema } from '../../reports/index.js';
import { moduleUrl } from '../../runtime/pool.js';
import type { ServerContext } from '../context.js';
import { errorResponses } from '../schemas.js';
import { type BargainTaskInput, type TaskOutcome, unwrapTask } from '../tasks.js';
import { type Api, json } from '../types.js';

const TASKS = moduleUrl(import.meta.url, '../tasks');

/** The most turns one API request may run (KTAB's own limit). */
export const MAX_API_TURNS = DEFAULT_MAX_TURNS;
/** The most actors one API request may bring (a turn costs O(n³): 100 actors take seconds; the CLI takes 250). */
export const MAX_API_ACTORS = 100;

const BargainRequestSchema = z.strictObject({
  problem: z
    .record(z.string(), z.unknown())
    .describe(
      'a bargaining file as JSON: {title?, dimensions, actors: [{id, capability, position[], salience[]} or {id, capability, stances}], accommodation?, options?} (positions and saliences 0–100)',
    ),
  turns: z
    .number()
    .int()
    .min(1)
    .max(MAX_API_TURNS)
    .default(DEFAULT_MAX_TURNS)
    .describe("the most turns; KTAB's stopping rule may stop earlier"),
  seed: z
    .number()
    .int()
    .min(0)
    .max(MAX_SEED)
    .default(DEFAULT_SEED)
    .describe('seed of stochastic transitions (unused when deterministic)'),
});

/** Registers the bargaining route. */
export function bargainingRoutes(app: Api, ctx: ServerContext): void {
  app.post(
    '/api/bargain',
    {
      schema: {
        summary:
          "Bargaining over issue dimensions: KTAB's Spatial Model of Politics (concert bargain --json)",
        tags: ['bargaining'],
        body: BargainRequestSchema,
        response: { 200: BargainingSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { problem, turns, seed } = req.body;
      let actors: number;
      try {
        actors = parseBargaining(JSON.stringify(problem), 'problem', 'json').actors.length;
      } catch (e) {
        throw reroot(e, (path) => ['body', 'problem', ...path], { dropPosition: true });
      }
      if (actors > MAX_API_ACTORS)
        throw new ConcertError('bad-input', [
          {
            path: ['body', 'problem', 'actors'],
            message: `${actors} actors: the API takes at most ${MAX_API_ACTORS} (use concert bargain for larger problems)`,
          },
        ]);
      const input: BargainTaskInput = { problem, maxTurns: turns, seed };
      const outcome = await ctx.runTask<BargainTaskInput, TaskOutcome<BargainingDocument>>(
        TASKS,
        'bargainTask',
        input,
        'the bargaining run',
      );
      return json(unwrapTask(outcome, ['body']));
    },
  );
}
