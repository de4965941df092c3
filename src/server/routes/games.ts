/**
 * Games: `POST /api/games/equilibria`, `/classify`, `/match`, `/tournament`
 * and `GET /api/games/strategies` — the JSON of `concert games … --json`.
 * Equilibria, classification and tournaments run on the worker pool.
 */
import { z } from 'zod';
import { parseDocument } from '../../core/document.js';
import { ConcertError, reroot } from '../../core/errors.js';
import { DEFAULT_SEED, MAX_SEED } from '../../core/rng.js';
import {
  EQUILIBRIUM_METHODS,
  type EquilibriumMethod,
  type GameJson,
  gameFromDocument,
  gameJsonSchema,
} from '../../models/games/normal/index.js';
import {
  checkTournamentSpec,
  runTournament,
  STRATEGIES,
  type TournamentSpec,
  tournamentMatchCount,
  tournamentSpecSchema,
} from '../../models/games/repeated/index.js';
import {
  type ClassificationDocument,
  ClassificationSchema,
  type EquilibriaDocument,
  EquilibriaSchema,
  MatchSchema,
  matchAnalysis,
  StrategiesSchema,
  strategiesDocument,
  TournamentSchema,
  tournamentDocument,
} from '../../reports/index.js';
import { moduleUrl } from '../../runtime/pool.js';
import type { ServerContext } from '../context.js';
import { underField } from '../errors.js';
import { errorResponses } from '../schemas.js';
import { type GameTaskInput, type TaskOutcome, unwrapTask } from '../tasks.js';
import { type Api, json } from '../types.js';

const TASKS = moduleUrl(import.meta.url, '../tasks');

/** Largest number of pure profiles of a game accepted by the API (the CLI takes larger games). */
export const MAX_API_PROFILES = 4096;
/** Largest number of turns of one match through the API. */
export const MAX_API_TURNS = 100_000;
/** Largest number of matches (players² × repetitions, roughly) of one tournament through the API. */
export const MAX_API_MATCHES = 200_000;

const GameRequestSchema = z.strictObject({
  game: gameJsonSchema.describe(
    'a normal-form game {title?, players, strategies, payoffs}; payoffs[s1][s2]… is the vector of payoffs (numbers or exact strings such as "1/3")',
  ),
});

const probability = z.number().min(0).max(1);
const MatchRequestSchema = z.strictObject({
  players: z.tuple([z.string(), z.string()]).describe('two strategy names, e.g. ["Tit For Tat", "Grudger"]'),
  turns: z.number().int().min(1).max(MAX_API_TURNS).default(200),
  continuationProbability: z
    .number()
    .min(0)
    .max(0.999)
    .optional()
    .describe('geometric, unannounced match length (replaces turns)'),
  noise: probability.optional(),
  misperception: probability.optional(),
  consultation: probability.optional(),
  game: z.strictObject({ R: z.number(), S: z.number(), T: z.number(), P: z.number() }).optional(),
  seed: z.number().int().min(0).max(MAX_SEED).default(DEFAULT_SEED),
});

/**
 * Largest number of candidate supports (or support pairs) the enumeration
 * methods may face through the API: `support` tries each pair of equal-size
 * supports (C(m+n, m) for an m×n game; about 1.7 s at 10×10, 10 s at 12×12
 * on one core), `vertex` walks the vertices of the best-response polytopes
 * (3 s at 12×12, about ten times more per two strategies). Beyond these the
 * API refuses the request at once instead of computing for minutes; the
 * time limit per request stops what still runs long.
 */
export const MAX_API_SUPPORTS: Readonly<Record<'support' | 'vertex', number>> = {
  support: 200_000,
  vertex: 3_000_000,
};

/** C(n, k) as a float (exact for the sizes compared here; Infinity when it overflows). */
function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/**
 * The candidate supports an enumeration method faces: C(m+n, m) for two
 * players, the product of 2^m_i − 1 for more.
 */
export function supportCount(strategies: readonly (readonly string[])[]): number {
  if (strategies.length === 2)
    return binomial(strategies[0]!.length + strategies[1]!.length, strategies[0]!.length);
  return strategies.reduce((p, s) => p * (2 ** s.length - 1), 1);
}

/** Validates a game body with the library's checks; problems are rooted at `body.game`. */
function checkGame(game: GameJson, method?: EquilibriumMethod): void {
  let profiles = 1;
  for (const s of game.strategies) profiles *= s.length;
  if (profiles > MAX_API_PROFILES)
    throw new ConcertError('bad-input', [
      {
        path: ['body', 'game', 'strategies'],
        message: `the game has ${profiles} pure profiles: the API takes at most ${MAX_API_PROFILES} (use the CLI for larger games)`,
      },
    ]);
  const enumeration = method ?? (game.strategies.length === 2 ? 'vertex' : undefined);
  if (enumeration === 'support' || enumeration === 'vertex') {
    const supports = supportCount(game.strategies);
    const limit = MAX_API_SUPPORTS[enumeration];
    if (supports > limit)
      throw new ConcertError('bad-input', [
        {
          path: [
            'body',
            method === undefined ? 'game' : 'method',
            ...(method === undefined ? ['strategies'] : []),
          ],
          message: `method ${enumeration} on a game of ${game.strategies.map((s) => s.length).join('×')} strategies faces ${supports.toExponential(2)} candidate supports: the API takes at most ${limit} (use lemke-howson for one equilibrium, pure or qre, or the CLI)`,
        },
      ]);
  }
  try {
    gameFromDocument(parseDocument(JSON.stringify(game), 'game', 'json'));
  } catch (e) {
    throw reroot(e, (path) => ['body', 'game', ...path], { dropPosition: true });
  }
}

/** Registers the games routes. */
export function gameRoutes(app: Api, ctx: ServerContext): void {
  const task = async <O>(name: string, input: GameTaskInput, root: (string | number)[]): Promise<O> =>
    unwrapTask(
      await ctx.runTask<GameTaskInput, TaskOutcome<O>>(
        TASKS,
        name,
        input,
        name === 'classifyTask'
          ? 'the classification'
          : `the equilibria (method ${input.method ?? 'vertex'})`,
      ),
      root,
    );

  app.get(
    '/api/games/strategies',
    {
      schema: {
        summary: 'Strategies of repeated games (names as in the Axelrod library)',
        tags: ['games'],
        response: { 200: StrategiesSchema, ...errorResponses },
      },
    },
    async () => json(ctx.cached('strategies', () => strategiesDocument(STRATEGIES))),
  );

  app.post(
    '/api/games/equilibria',
    {
      schema: {
        summary: 'Nash equilibria of a normal-form game (exact fractions where the method allows)',
        tags: ['games'],
        body: GameRequestSchema.extend({
          method: z
            .enum(EQUILIBRIUM_METHODS)
            .optional()
            .describe('vertex (2 players, default), support, lemke-howson, pure, qre'),
        }),
        response: { 200: EquilibriaSchema, ...errorResponses },
      },
    },
    async (req) => {
      checkGame(req.body.game, req.body.method);
      return json(
        await task<EquilibriaDocument>(
          'equilibriaTask',
          { game: req.body.game, ...(req.body.method ? { method: req.body.method } : {}) },
          ['body'],
        ),
      );
    },
  );

  app.post(
    '/api/games/classify',
    {
      schema: {
        summary: 'Classify a game: win-win / lose-lose verdict, dominance, 2×2 names, zero-sum value',
        tags: ['games'],
        body: GameRequestSchema,
        response: { 200: ClassificationSchema, ...errorResponses },
      },
    },
    async (req) => {
      checkGame(req.body.game);
      return json(
        await task<ClassificationDocument>('classifyTask', { game: req.body.game }, ['body', 'game']),
      );
    },
  );

  app.post(
    '/api/games/match',
    {
      schema: {
        summary: 'Play one repeated match between two strategies',
        tags: ['games'],
        body: MatchRequestSchema,
        response: { 200: MatchSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { players, seed, ...settings } = req.body;
      return json(await underField(['body', 'players'], () => matchAnalysis(players, settings, seed)));
    },
  );

  app.post(
    '/api/games/tournament',
    {
      schema: {
        summary: 'Play a round-robin tournament (on the worker pool)',
        tags: ['games'],
        body: tournamentSpecSchema,
        response: { 200: TournamentSchema, ...errorResponses },
      },
    },
    async (req) => {
      let spec: TournamentSpec;
      try {
        spec = checkTournamentSpec(parseDocument(JSON.stringify(req.body), 'tournament', 'json'));
      } catch (e) {
        throw reroot(e, (path) => ['body', ...path], { dropPosition: true });
      }
      const matches = tournamentMatchCount(spec);
      if (matches > MAX_API_MATCHES)
        throw new ConcertError('bad-input', [
          {
            path: ['body', 'repetitions'],
            message: `the tournament has ${matches} matches: the API plays at most ${MAX_API_MATCHES} (fewer players or repetitions, or use the CLI)`,
          },
        ]);
      const turns = spec.turns ?? 200;
      if (spec.continuationProbability === undefined && matches * turns > 50_000_000)
        throw new ConcertError('bad-input', [
          {
            path: ['body', 'turns'],
            message: `${matches} matches × ${turns} turns is more than the API's 50 000 000 moves (use the CLI)`,
          },
        ]);
      return json(tournamentDocument(await runTournament(spec, { pool: ctx.workerPool() })));
    },
  );
}
