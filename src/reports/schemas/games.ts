/**
 * Schemas of the games documents: `concert games equilibria | classify |
 * match | tournament | strategies | moran | replicator --json` (POST
 * /api/games/equilibria, /classify, /match, /tournament; GET
 * /api/games/strategies).
 */
import { z } from 'zod';
import { EQUILIBRIUM_METHODS } from '../../models/games/normal/methods.js';
import { PARAMETER_KINDS } from '../../models/games/repeated/parameters.js';

export const GameHeaderSchema = z.strictObject({
  title: z.string(),
  players: z.array(z.string()),
  strategies: z.array(z.array(z.string())).describe("each player's strategy names"),
});

export const EquilibriumSchema = z.strictObject({
  strategies: z.array(z.array(z.number())).describe('mixed strategy of each player'),
  payoffs: z.array(z.number()).describe("each player's expected payoff"),
  exact: z.array(z.array(z.string())).optional().describe('exact probabilities, e.g. "1/3"'),
  exactPayoffs: z.array(z.string()).optional(),
});

export const EquilibriaSchema = z
  .strictObject({
    game: GameHeaderSchema,
    method: z.enum(EQUILIBRIUM_METHODS),
    equilibria: z.array(EquilibriumSchema),
    complete: z.boolean().describe('true when every extreme equilibrium is listed (every pure one for pure)'),
    degenerate: z.boolean().optional(),
    components: z
      .array(z.strictObject({ equilibria: z.array(z.number()), nashSubsets: z.array(z.array(z.number())) }))
      .optional()
      .describe('connected components of the equilibrium set, by indices into equilibria'),
    continua: z.array(z.string()).optional(),
    lemkeHowson: z
      .array(z.strictObject({ label: z.number(), equilibrium: z.number(), pivots: z.number() }))
      .optional(),
    qre: z.strictObject({ lambda: z.number(), certified: z.boolean() }).optional(),
    notes: z.array(z.string()),
  })
  .describe('Nash equilibria (concert games equilibria --json)')
  .meta({ id: 'Equilibria' });

export const VERDICTS = [
  'no-pure-equilibrium',
  'dilemma',
  'coordination-risk',
  'win-win',
  'no-common-gain',
  'conflict',
] as const;

export const ZeroSumValueSchema = z
  .strictObject({
    value: z.number().describe('value of the game to the first player'),
    total: z.number().describe('the constant sum of payoffs'),
    strategies: z.tuple([z.array(z.number()), z.array(z.number())]),
    exact: z
      .strictObject({ value: z.string(), strategies: z.tuple([z.array(z.string()), z.array(z.string())]) })
      .optional(),
  })
  .describe('solution of a two-player constant-sum game');

export const ClassificationSchema = z
  .strictObject({
    game: GameHeaderSchema,
    verdict: z.enum(VERDICTS),
    explanation: z.string(),
    outcomes: z.array(
      z.strictObject({
        profile: z.array(z.number()),
        strategies: z.array(z.string()),
        payoffs: z.array(z.number()),
        nash: z.boolean(),
        paretoEfficient: z.boolean(),
        winWin: z.boolean(),
        loseLose: z.boolean(),
      }),
    ),
    securityLevels: z.array(z.number()).describe("each player's pure maximin payoff"),
    dominated: z.array(
      z.strictObject({
        player: z.number(),
        dominated: z.number(),
        by: z.number(),
        kind: z.enum(['strict', 'weak']),
      }),
    ),
    survivingStrict: z.array(z.array(z.number())),
    survivingWeak: z.array(z.array(z.number())),
    constantSum: z.number().optional(),
    twoByTwo: z
      .strictObject({
        name: z.string().optional(),
        symmetric: z.boolean(),
        ordinal: z.array(z.array(z.tuple([z.number(), z.number()]))),
        cooperate: z.string().optional(),
        rstp: z.strictObject({ R: z.number(), S: z.number(), T: z.number(), P: z.number() }).optional(),
      })
      .optional(),
    value: ZeroSumValueSchema.optional(),
  })
  .describe('classification of a game (concert games classify --json)')
  .meta({ id: 'GameClassification' });

export const MatchSchema = z
  .strictObject({
    players: z.tuple([z.string(), z.string()]),
    actions: z.array(z.string()).describe('one "CD"-style pair per turn'),
    scores: z.tuple([z.number(), z.number()]),
    cooperation: z.tuple([z.number(), z.number()]).describe('turns each player cooperated'),
    turns: z.number(),
    errors: z
      .strictObject({ implementation: z.number(), misperception: z.number(), corrected: z.number() })
      .describe('implementation and misperception errors, and those cleared up by consultation'),
  })
  .describe('one repeated match (concert games match --json)')
  .meta({ id: 'Match' });

export const TournamentSchema = z
  .strictObject({
    players: z.array(
      z.strictObject({
        id: z.string(),
        rank: z.number(),
        totalScore: z
          .number()
          .describe("sum of the player's payoffs against the others over all repetitions"),
        meanScorePerTurn: z.number(),
        wins: z.number(),
        cooperationRate: z.number(),
      }),
    ),
    medianNormalisedScores: z.record(z.string(), z.number()),
    payoffMatrix: z.strictObject({ ids: z.array(z.string()), values: z.array(z.array(z.number())) }),
    matches: z.number(),
    repetitions: z.number(),
    seed: z.number(),
  })
  .describe('round-robin tournament (concert games tournament --json)')
  .meta({ id: 'Tournament' });

export const StrategiesSchema = z
  .strictObject({
    strategies: z.array(
      z.strictObject({
        name: z.string().describe('as the Axelrod library spells it'),
        className: z.string(),
        memoryDepth: z.number().nullable().describe('null for unbounded memory'),
        stochastic: z.boolean(),
        makesUseOf: z.array(z.enum(['game', 'length'])),
        usesNoise: z.boolean(),
        origin: z.string(),
        description: z.string(),
        usage: z
          .string()
          .nullable()
          .describe('how a name with parameters is written, e.g. "Random: <p>"; null without parameters'),
        parameters: z
          .array(
            z.strictObject({
              name: z.string().describe("the Axelrod library's keyword, e.g. p, cycle, rounds_to_cooperate"),
              kind: z.enum(PARAMETER_KINDS),
              default: z
                .union([z.number(), z.string(), z.null()])
                .describe('null when the strategy derives it from the game; "inf" for an unbounded memory'),
              range: z.string().describe('the accepted values, in words'),
              description: z.string(),
            }),
          )
          .describe("the parameters it takes, in the library's order (empty if none)"),
      }),
    ),
  })
  .describe('repeated-game strategies (concert games strategies --json)')
  .meta({ id: 'Strategies' });

export const MoranSchema = z
  .union([
    z.strictObject({
      runs: z.number(),
      fixation: z.record(z.string(), z.number()).describe('share of runs each strategy took over'),
      unfixed: z.number().describe('runs that ended without fixation'),
    }),
    z.strictObject({
      winner: z.string().nullable(),
      generations: z.number(),
      populations: z.array(z.record(z.string(), z.number())).describe('counts per strategy, each generation'),
      firstRoundScores: z.array(z.number()),
    }),
  ])
  .describe('Moran process: fixation estimates over runs, or one run (concert games moran --json)')
  .meta({ id: 'Moran' });

export const ReplicatorSchema = z
  .strictObject({
    strategies: z.array(z.string()),
    t: z.array(z.number()).describe('time points (steps of the discrete map)'),
    x: z.array(z.array(z.number())).describe('shares of each strategy at each time point'),
    y: z.array(z.array(z.number())).optional().describe("second population's shares (asymmetric dynamics)"),
  })
  .describe('replicator dynamics (concert games replicator --json)')
  .meta({ id: 'Replicator' });
