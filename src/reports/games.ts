/**
 * The games reports: equilibria, classification, matches, tournaments,
 * strategies, Moran processes and replicator dynamics (models/games;
 * docs/models/games.md, docs/models/games-repeated.md).
 */

import { ConcertError, type Problem } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import {
  classifyGame,
  constantSum,
  type EquilibriaResult,
  type EquilibriumMethod,
  type NormalFormGame,
  solveEquilibria,
  zeroSumSolution,
} from '../models/games/normal/index.js';
import {
  actionPairs,
  formatParameterValue,
  lookupStrategy,
  type MatchResult,
  type MatchSettings,
  matchSeed,
  playMatch,
  type Strategy,
  strategyGameProblems,
  parameterRange,
  type TournamentResult,
} from '../models/games/repeated/index.js';
import type { Document } from './document.js';
import type {
  ClassificationSchema,
  EquilibriaSchema,
  GameHeaderSchema,
  MatchSchema,
  StrategiesSchema,
  TournamentSchema,
} from './schemas/games.js';

export type GameHeaderDocument = Document<typeof GameHeaderSchema>;
export type EquilibriaDocument = Document<typeof EquilibriaSchema>;
export type ClassificationDocument = Document<typeof ClassificationSchema>;
export type MatchDocument = Document<typeof MatchSchema>;
export type TournamentDocument = Document<typeof TournamentSchema>;
export type StrategiesDocument = Document<typeof StrategiesSchema>;

/** The title, players and strategy names of a game. */
export function gameHeader(game: NormalFormGame): GameHeaderDocument {
  return { title: game.title, players: game.players, strategies: game.strategies };
}

/** The equilibria document of a game. */
export function equilibriaDocument(game: NormalFormGame, result: EquilibriaResult): EquilibriaDocument {
  return { game: gameHeader(game), ...result };
}

/** Nash equilibria of a game by a method (`solveEquilibria`; the game's default method when omitted). */
export function equilibriaAnalysis(game: NormalFormGame, method?: EquilibriumMethod): EquilibriaDocument {
  return equilibriaDocument(game, solveEquilibria(game, method));
}

/**
 * The classification of a game (`classifyGame`) and, for a two-player
 * constant-sum game, its value (`zeroSumSolution`).
 */
export async function classificationAnalysis(game: NormalFormGame): Promise<ClassificationDocument> {
  const c = classifyGame(game);
  const value =
    game.players.length === 2 && constantSum(game) !== undefined ? await zeroSumSolution(game) : undefined;
  return { game: gameHeader(game), ...c, ...(value ? { value } : {}) };
}

/** The document of one repeated match: actions as "CD" pairs per turn. */
export function matchDocument(r: MatchResult): MatchDocument {
  return {
    players: r.players,
    actions: actionPairs(r.actions),
    scores: r.scores,
    cooperation: r.cooperation,
    turns: r.turns,
    errors: r.errors,
  };
}

/** The strategies called `names` (with parameters: `lookupStrategy`), and the problems at `[i]`. */
function namedPlayers(names: readonly string[]): {
  strategies: (Strategy | undefined)[];
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const strategies = names.map((name, i) => {
    const r = lookupStrategy(name);
    if ('problem' in r) problems.push({ path: [i], message: r.problem });
    return 'strategy' in r ? r.strategy : undefined;
  });
  return { strategies, problems };
}

/**
 * Problems with strategy names (located at `[i]`): unknown names, with
 * suggestions, parameters a strategy does not take or values out of range,
 * and strategies that cannot play the stage game `game`.
 */
export function playerProblems(names: readonly string[], game?: MatchSettings['game']): Problem[] {
  const { strategies, problems } = namedPlayers(names);
  if (problems.length === 0) problems.push(...strategyGameProblems(strategies, game, (i) => ({ path: [i] })));
  return problems;
}

/**
 * Plays one repeated match between two strategies named as the Axelrod
 * library names them (with parameters, `Random: 0.3`, `Cycler DCDDC`); the
 * match's stream is stream 0 of `seed` (`matchSeed(seed, 0)`), as a
 * tournament's first match. The document names the players canonically.
 *
 * @throws {ConcertError} bad input at path `[i]` for an unknown strategy,
 *   parameters it does not take or values out of range, or a strategy that
 *   cannot play the stage game.
 */
export function matchAnalysis(
  players: readonly [string, string],
  settings: MatchSettings,
  seed: number,
): MatchDocument {
  const { strategies, problems } = namedPlayers(players);
  if (problems.length === 0)
    problems.push(...strategyGameProblems(strategies, settings.game, (i) => ({ path: [i] })));
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const [a, b] = strategies as [Strategy, Strategy];
  return matchDocument(playMatch(a, b, settings, Rng.fromSeed(matchSeed(seed, 0))));
}

/** The standings, median normalised scores and payoff matrix of a tournament. */
export function tournamentDocument(r: TournamentResult): TournamentDocument {
  return {
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
  };
}

/** A parameter value in a document: numbers as they are, an unbounded memory as `"inf"`. */
const documentValue = (v: number | string | null) =>
  typeof v === 'number' && !Number.isFinite(v) ? formatParameterValue(v) : v;

/** The strategies with their classifiers, origins and parameters. */
export function strategiesDocument(strategies: readonly Strategy[]): StrategiesDocument {
  return {
    strategies: strategies.map((s) => ({
      name: s.name,
      className: s.className,
      memoryDepth: Number.isFinite(s.classifier.memoryDepth) ? s.classifier.memoryDepth : null,
      stochastic: s.classifier.stochastic,
      makesUseOf: s.classifier.makesUseOf,
      usesNoise: s.classifier.usesNoise,
      origin: s.origin,
      description: s.description,
      usage: s.usage ?? null,
      parameters: s.parameters.map((p) => ({
        name: p.name,
        kind: p.kind,
        default: documentValue(p.default),
        range: parameterRange(p),
        description: p.description,
      })),
    })),
  };
}
