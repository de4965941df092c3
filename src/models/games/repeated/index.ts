/** Repeated games: matches with noise and consultation, strategies, tournaments, evolutionary dynamics. */
export {
  type Action,
  actionLetter,
  C,
  D,
  PRISONERS_DILEMMA,
  payoff,
  payoffTable,
  type StageGame,
  MAX_STAGE_PAYOFF,
} from './game.js';
export {
  actionPairs,
  MAX_TURNS,
  MatchEngine,
  type MatchResult,
  type MatchSettings,
  type MatchSummary,
  matchSettingsProblems,
  playMatch,
  sampleLength,
} from './match.js';
export {
  formatParameterValue,
  type ParameterKind,
  type ParameterValue,
  parameterRange,
  type StrategyParameter,
} from './parameters.js';
export {
  findStrategy,
  lookupStrategy,
  STRATEGIES,
  type StrategyLookup,
  strategiesNamed,
  suggestStrategies,
  unknownStrategyMessage,
} from './registry.js';
export { type Classifier, History, type Player, type Strategy } from './strategy.js';
export { FIRST_TOURNAMENT_NAMES } from './strategies/first-tournament.js';
export { type FourVector, zeroDeterminantVector } from './strategies/memory-one.js';
export {
  matchSeed,
  playTournament,
  playTournamentMatches,
  type TournamentResult,
  type TournamentSpec,
  type TournamentStanding,
  tournamentMatchCount,
} from './tournament.js';
export { runTournament, type TournamentRunOptions } from './tournament-parallel.js';
export {
  checkTournamentSpec,
  expectedTurns,
  MAX_TOTAL_TURNS,
  playerSchema,
  stageGameSchema,
  strategyGameProblems,
  tournamentSpecSchema,
} from './tournament-spec.js';
export * from '../evolution/index.js';
