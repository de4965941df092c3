/**
 * Games: `POST /api/games/equilibria`, `/classify`, `/match`, `/tournament`
 * and `GET /api/games/strategies` — the JSON of `concert games … --json`.
 * Equilibria, classification and tournaments run on the worker pool.
 */
import { z } from 'zod';
import { checkTournamentSpec, tournamentSpecSchema } from '../../cli/games-repeated.js';
import { parseDocument } from '../../core/document.js';
import { ConcertError, type Problem } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import {
  EQUILIBRIUM_METHODS,
  gameFromDocument,
  type GameJson,
  gameJsonSchema,
} from '../../models/games/normal/index.js';
import {
  actionPairs,
  findStrategy,
  matchSeed,
  playMatch,
  runTournament,
  STRATEGIES,
  type TournamentSpec,
  tournamentMatchCount,
  unknownStrategyMessage,
} from '../../models/games/repeated/index.js';
import { moduleUrl } from '../../runtime/pool.js';
import type { ServerContext } from '../context.js';
import { errorResponses, looseObject } from '../schemas.js';
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

const GameHeaderSchema = z.object({
  title: z.string(),
  players: z.array(z.string()),
  strategies: z.array(z.array(z.string())),
});

const EquilibriaSchema = looseObject(
  {
    game: GameHeaderSchema,
    method: z.enum(EQUILIBRIUM_METHODS),
    equilibria: z.array(
      looseObject(
        {
          strategies: z.array(z.array(z.number())).describe('mixed strategy of each player'),
          payoffs: z.array(z.number()),
          exact: z.array(z.array(z.string())).optional().describe('exact probabilities, e.g. "1/3"'),
        },
        'one equilibrium',
      ),
    ),
    complete: z.boolean(),
    notes: z.array(z.string()),
  },
  'Nash equilibria (concert games equilibria --json)',
).meta({ id: 'Equilibria' });

const ClassificationSchema = looseObject(
  {
    game: GameHeaderSchema,
    verdict: z.string(),
    explanation: z.string(),
    outcomes: z.array(z.unknown()),
    securityLevels: z.array(z.number()),
    dominated: z.array(z.unknown()),
    survivingStrict: z.array(z.array(z.number())),
    survivingWeak: z.array(z.array(z.number())),
  },
  'classification of a game (concert games classify --json)',
).meta({ id: 'GameClassification' });

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
  seed: z.number().int().default(0),
});

const MatchSchema = looseObject(
  {
    players: z.array(z.string()),
    actions: z.array(z.string()).describe('one "CD"-style pair per turn'),
    scores: z.array(z.number()),
    cooperation: z.array(z.number()),
    turns: z.number(),
    errors: looseObject({}, 'implementation and misperception errors, and those cleared up'),
  },
  'one repeated match (concert games match --json)',
).meta({ id: 'Match' });

const TournamentSchema = looseObject(
  {
    players: z.array(
      z.object({
        id: z.string(),
        rank: z.number(),
        totalScore: z.number(),
        meanScorePerTurn: z.number(),
        wins: z.number(),
        cooperationRate: z.number(),
      }),
    ),
    medianNormalisedScores: z.record(z.string(), z.number()),
    payoffMatrix: z.object({ ids: z.array(z.string()), values: z.array(z.array(z.number())) }),
    matches: z.number(),
    repetitions: z.number(),
    seed: z.number(),
  },
  'round-robin tournament (concert games tournament --json)',
).meta({ id: 'Tournament' });

/** Validates a game body with the library's checks; problems are rooted at `body.game`. */
function checkGame(game: GameJson): void {
  let profiles = 1;
  for (const s of game.strategies) profiles *= s.length;
  if (profiles > MAX_API_PROFILES)
    throw new ConcertError('bad-input', [
      {
        path: ['body', 'game', 'strategies'],
        message: `the game has ${profiles} pure profiles: the API takes at most ${MAX_API_PROFILES} (use the CLI for larger games)`,
      },
    ]);
  try {
    gameFromDocument(parseDocument(JSON.stringify(game), 'game', 'json'));
  } catch (e) {
    throw withoutPosition(e, ['body', 'game']);
  }
}

/** A bad-input error from a document we serialised ourselves: keep the field paths, drop file/line/column. */
export function withoutPosition(e: unknown, root: (string | number)[]): unknown {
  if (!(e instanceof ConcertError)) return e;
  return new ConcertError(
    e.code,
    e.problems.map((p) => ({ path: [...root, ...(p.path ?? [])], message: p.message })),
  );
}

/** Registers the games routes. */
export function gameRoutes(app: Api, ctx: ServerContext): void {
  const task = async <O>(name: string, input: GameTaskInput, root: (string | number)[]): Promise<O> =>
    unwrapTask(await ctx.workerPool().run<GameTaskInput, TaskOutcome<O>>(TASKS, name, input), root);

  app.get(
    '/api/games/strategies',
    {
      schema: {
        summary: 'Strategies of repeated games (names as in the Axelrod library)',
        tags: ['games'],
        response: {
          200: z.object({
            strategies: z.array(
              z.object({
                name: z.string(),
                className: z.string(),
                origin: z.string(),
                description: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({
      strategies: STRATEGIES.map((s) => ({
        name: s.name,
        className: s.className,
        origin: s.origin,
        description: s.description,
      })),
    }),
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
      checkGame(req.body.game);
      return task<z.infer<typeof EquilibriaSchema>>(
        'equilibriaTask',
        { game: req.body.game, ...(req.body.method ? { method: req.body.method } : {}) },
        ['body', 'method'],
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
      return task<z.infer<typeof ClassificationSchema>>('classifyTask', { game: req.body.game }, [
        'body',
        'game',
      ]);
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
      const b = req.body;
      const problems: Problem[] = [];
      const [s1, s2] = b.players.map((name, i) => {
        const s = findStrategy(name);
        if (!s) problems.push({ path: ['body', 'players', i], message: unknownStrategyMessage(name) });
        return s;
      });
      if (problems.length > 0 || !s1 || !s2) throw new ConcertError('bad-input', problems);
      const settings = {
        turns: b.turns,
        continuationProbability: b.continuationProbability,
        noise: b.noise,
        misperception: b.misperception,
        consultation: b.consultation,
        game: b.game,
      };
      const r = playMatch(s1, s2, settings, Rng.fromSeed(matchSeed(b.seed, 0)));
      return json({
        players: r.players,
        actions: actionPairs(r.actions),
        scores: r.scores,
        cooperation: r.cooperation,
        turns: r.turns,
        errors: r.errors,
      });
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
        throw withoutPosition(e, ['body']);
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
      const r = await runTournament(spec, { pool: ctx.workerPool() });
      return json({
        players: r.players.map((p) => ({
          id: p.id,
          rank: p.rank,
          totalScore: p.totalScore,
          meanScorePerTurn: p.meanScorePerTurn,
          wins: p.wins,
          cooperationRate: p.cooperationRate,
        })),
        medianNormalisedScores: Object.fromEntries(r.players.map((p) => [p.id, p.medianNormalisedScore])),
        payoffMatrix: { ids: r.ids, values: r.payoffMatrix },
        matches: r.matches,
        repetitions: r.repetitions,
        seed: r.seed,
      });
    },
  );
}
