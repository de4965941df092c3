/**
 * `concert/games`: normal-form games and their equilibria, repeated games with the Axelrod
 * library's strategies, tournaments and evolutionary dynamics (docs/models/games.md,
 * docs/models/games-repeated.md).
 *
 * Every name here is public (docs/library.md lists them); anything else under src/ may change.
 */

// Normal-form games: building, reading and writing (Gambit .nfg, JSON)
export {
  bimatrixGame,
  makeGame,
  type NormalFormGame,
  type PureProfile,
} from '../models/games/normal/game.js';
export { parseNfg, writeNfg } from '../models/games/normal/nfg.js';
export { type GameJson, gameJsonSchema, gameToJson, parseGameJson } from '../models/games/normal/json.js';

// Equilibria
export { EQUILIBRIUM_METHODS } from '../models/games/normal/methods.js';
export {
  type EquilibriaResult,
  type EquilibriumMethod,
  solveEquilibria,
} from '../models/games/normal/solve.js';
export type { Equilibrium } from '../models/games/normal/equilibrium.js';
export { type LemkeHowsonResult, lemkeHowson } from '../models/games/normal/lemke-howson.js';
export { logitQre, type QrePoint } from '../models/games/normal/qre.js';
export { type ZeroSumSolution, zeroSumSolution } from '../models/games/normal/zero-sum.js';

// Dominance and classification
export {
  type DominanceKind,
  type Domination,
  dominatedStrategies,
  type EliminationRound,
  iteratedElimination,
  paretoEfficientProfiles,
} from '../models/games/normal/pure.js';
export {
  classifyGame,
  type GameClassification,
  type OutcomeClass,
  type TwoByTwoName,
  type Verdict,
} from '../models/games/normal/classify.js';

// Repeated games: the stage game and the strategies
export { type Action, C, D, PRISONERS_DILEMMA, type StageGame } from '../models/games/repeated/game.js';
export type { Classifier, Strategy } from '../models/games/repeated/strategy.js';
export { findStrategy, STRATEGIES, strategiesNamed } from '../models/games/repeated/registry.js';

// Matches with noise, misperception and consultation
export { type MatchResult, type MatchSettings, playMatch } from '../models/games/repeated/match.js';

// Tournaments
export {
  matchSeed,
  playTournament,
  type TournamentResult,
  type TournamentSpec,
  type TournamentStanding,
} from '../models/games/repeated/tournament.js';
export { runTournament, type TournamentRunOptions } from '../models/games/repeated/tournament-parallel.js';
export { checkTournamentSpec } from '../models/games/repeated/tournament-spec.js';

// Evolutionary dynamics: Moran processes and replicator dynamics
export {
  moranFixation,
  moranFixationProbabilities,
  moranProcess,
  type MoranResult,
  type MoranSpec,
} from '../models/games/evolution/moran.js';
export {
  asymmetricReplicatorDynamics,
  discreteReplicator,
  type ReplicatorOptions,
  replicatorDynamics,
  type Trajectory,
} from '../models/games/evolution/replicator.js';
