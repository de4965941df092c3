/**
 * Coalitions: `GET /api/coalitions/unsc` (voting power in the UN Security
 * Council, today, before 1965 and under reform proposals) and
 * `POST /api/coalitions/power` (power indices of a simple game, or of a
 * GDP-weighted game of the default world) — the JSON of
 * `concert coalitions unsc --json` and `concert coalitions power --json`.
 */
import { readdirSync } from 'node:fs';
import { z } from 'zod';
import { parseDocument, readDocument } from '../../core/document.js';
import { ConcertError, type Problem } from '../../core/errors.js';
import {
  councilPower,
  POWER_INDICES,
  readSimpleGame,
  SimpleGameFileSchema,
} from '../../models/coalitions/index.js';
import { moduleUrl } from '../../runtime/pool.js';
import { PACKAGE_ROOT, type ServerContext } from '../context.js';
import { errorResponses, looseObject, QueryYearSchema } from '../schemas.js';
import { type CoalitionPowerInput, type TaskOutcome, unwrapTask } from '../tasks.js';
import { type Api, json } from '../types.js';
import { withoutPosition } from './games.js';
import { worldOf } from './worlds.js';

const TASKS = moduleUrl(import.meta.url, '../tasks');
const UNSC_DIR = `${PACKAGE_ROOT}data/unsc/`;

const PowerValueSchema = looseObject(
  { player: z.string(), value: z.number(), exact: z.string().optional(), halfWidth95: z.number().optional() },
  'power of one player; exact as a fraction where computed exactly',
);

const CoalitionPowerSchema = looseObject(
  {
    name: z.string().nullable(),
    index: z.enum(POWER_INDICES),
    method: z.string(),
    values: z.array(PowerValueSchema),
    vetoPlayers: z.array(z.string()),
    nullPlayers: z.array(z.string()).optional(),
  },
  'power indices of a simple game (concert coalitions power --json)',
).meta({ id: 'CoalitionPower' });

const CouncilsSchema = z
  .object({
    councils: z.array(
      looseObject(
        {
          id: z.string(),
          file: z.string(),
          name: z.string(),
          source: z.string().nullable(),
          notes: z.array(z.string()),
          rule: z.array(z.object({ name: z.string().nullable(), quota: z.number() })),
          groups: z.array(z.unknown()),
        },
        'one council: its voting rule and the power of each group of seats',
      ),
    ),
  })
  .meta({ id: 'Councils' });

/** The shipped council files: today's first, then before 1965, then the rest by name. */
function councilFiles(): string[] {
  const extra = readdirSync(UNSC_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'current.json')
    .sort((a, b) => (a === 'pre-1965.json' ? -1 : b === 'pre-1965.json' ? 1 : a.localeCompare(b)));
  return ['current.json', ...extra];
}

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
    async () =>
      json(
        ctx.cached('unsc', () => ({
          councils: councilFiles().map((name) => {
            const doc = readSimpleGame(readDocument(`${UNSC_DIR}${name}`));
            const power = councilPower(doc.game, doc.groups ?? {});
            const layers = doc.game.kind === 'weighted' ? doc.game.layers : [];
            const id = name.replace(/\.json$/, '');
            return {
              id,
              file: `data/unsc/${name}`,
              name: doc.name ?? id,
              source: doc.source ?? null,
              notes: [...(doc.notes ?? [])],
              rule: layers.map((l) => ({ name: l.name ?? null, quota: l.quota })),
              ...power,
            };
          }),
        })),
      ),
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
            seed: z.number().int().min(0).default(1),
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
      const common = { index: b.index, method: b.method, samples: b.samples, seed: b.seed };
      let input: CoalitionPowerInput;
      if (b.game !== undefined) {
        try {
          readSimpleGame(parseDocument(JSON.stringify(b.game), 'game', 'json'));
        } catch (e) {
          throw withoutPosition(e, ['body', 'game']);
        }
        input = { ...common, game: b.game };
      } else {
        const gdp = b.gdp!;
        const world = worldOf(gdp.year);
        const problems: Problem[] = [];
        gdp.actors.forEach((id, i) => {
          const actor = world.actors[id];
          const path = ['body', 'gdp', 'actors', i];
          if (!actor) problems.push({ path, message: `unknown actor "${id}" in the world of ${world.year}` });
          else if (gdp.actors.indexOf(id) !== i)
            problems.push({ path, message: `actor "${id}" listed twice` });
          else if (typeof actor.gdpUsd !== 'number' || Math.round(actor.gdpUsd / 1e9) === 0)
            problems.push({
              path,
              message: `no GDP for "${id}" in ${world.year} (missing or below 0.5 billion US$)`,
            });
        });
        if (problems.length > 0) throw new ConcertError('bad-input', problems);
        input = { ...common, gdp };
      }
      const outcome = await ctx
        .workerPool()
        .run<CoalitionPowerInput, TaskOutcome<z.infer<typeof CoalitionPowerSchema>>>(
          TASKS,
          'coalitionPowerTask',
          input,
        );
      return unwrapTask(outcome, ['body']);
    },
  );
}
