/**
 * `concert/coalitions`: voting power in simple and weighted games, the Security Council, TU
 * games and their solutions, and bankruptcy rules (docs/models/coalitions.md).
 *
 * Every name here is public (docs/library.md lists them); anything else under src/ may change.
 */

// Simple games: weighted, layered and listed
export {
  gdpWeightedGame,
  isWinning,
  layeredVotingGame,
  type ListedGame,
  listedGame,
  type SimpleGame,
  vetoPlayers,
  type WeightedGame,
  type WeightedLayer,
  weightedVotingGame,
} from '../models/coalitions/simple-game.js';

// Voting power
export { BANKRUPTCY_RULES, POWER_INDICES, TU_SOLUTIONS } from '../models/coalitions/names.js';
export {
  type PowerIndexName,
  powerIndex,
  type PowerMethod,
  type PowerOptions,
  type PowerResult,
  type PowerValue,
} from '../models/coalitions/power.js';

// The Security Council: the shipped councils and the power of their seat groups
export { type CouncilGroupPower, type CouncilPower, councilPower } from '../models/coalitions/council.js';
export { type CouncilFile, loadCouncils, readCouncil } from '../world/councils.js';

// TU games
export {
  bankruptcyGame,
  grandCoalitionWorth,
  tradeSurplusGame,
  type TuGame,
  tuGameFromSimpleGame,
  tuGameFromTable,
} from '../models/coalitions/tu-game.js';

// Coalition files: simple games, TU games, bankruptcy problems
export {
  BankruptcyFileSchema,
  readBankruptcy,
  readSimpleGame,
  readTuGame,
  type SimpleGameDocument,
  SimpleGameFileSchema,
  TuGameFileSchema,
} from '../models/coalitions/schema.js';

// Solutions: Shapley value, nucleolus, prenucleolus, core, least core
export {
  solveTuGame,
  type TuSolution,
  type TuSolutionMethod,
  type TuSolutionResult,
  type TuSolveOptions,
} from '../models/coalitions/solve.js';
export { type AllocationValue, shapleyValue } from '../models/coalitions/shapley.js';
export {
  leastCore,
  type LeastCoreResult,
  type NucleolusLevel,
  type NucleolusResult,
  nucleolus,
} from '../models/coalitions/nucleolus.js';

// Bankruptcy rules
export { bankruptcyAwards, type BankruptcyRule } from '../models/coalitions/bankruptcy.js';
