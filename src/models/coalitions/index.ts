/**
 * Coalitions: voting power in simple and weighted games, TU games and their
 * solutions (Shapley value, core, least core, nucleolus, prenucleolus), and
 * bankruptcy rules. See docs/models/coalitions.md.
 */

export { type ExactNumber, exactNumber, factorial, sumRationals } from '../../core/rational.js';
export { type BankruptcyRule, bankruptcyAwards } from './bankruptcy.js';
export { type CouncilGroupPower, type CouncilPower, councilPower } from './council.js';
export {
  generatingFunctionCounts,
  integerLayers,
  type MinimalWinningCounts,
  minimalWinningCounts,
  type SwingCounts,
  winningCoalitionCount,
} from './generating-function.js';
export { BANKRUPTCY_RULES, POWER_INDICES, TU_SOLUTIONS } from './names.js';
export {
  type LeastCoreResult,
  leastCore,
  MAX_LP_PLAYERS,
  type NucleolusLevel,
  type NucleolusResult,
  nucleolus,
} from './nucleolus.js';
export {
  banzhafMonteCarlo,
  enumeratePowerIndices,
  exactSwings,
  nullPlayers,
  type PowerIndexName,
  type PowerMethod,
  type PowerOptions,
  type PowerResult,
  type PowerValue,
  powerIndex,
  shapleyShubikMonteCarlo,
} from './power.js';
export {
  BankruptcyFileSchema,
  coalitionDocumentKind,
  coopGameOrder,
  LayerSchema,
  readBankruptcy,
  readSimpleGame,
  readTuGame,
  type SimpleGameDocument,
  SimpleGameFileSchema,
  TuGameFileSchema,
} from './schema.js';
export { type AllocationValue, shapleySample, shapleyValue } from './shapley.js';
export {
  defaultPlayerNames,
  type EnumerationCounts,
  enumerationCounts,
  gdpWeightedGame,
  isWinning,
  type ListedGame,
  layeredVotingGame,
  listedGame,
  MAX_ENUMERATION_PLAYERS,
  minimalBlockingCoalitions,
  minimalWinningCoalitions,
  type SimpleGame,
  vetoPlayers,
  type WeightedGame,
  type WeightedLayer,
  weightedVotingGame,
  winningTable,
} from './simple-game.js';
export {
  DEFAULT_SHAPLEY_SAMPLES,
  MAX_SUPERADDITIVITY_PLAYERS,
  solveTuGame,
  type TuSolution,
  type TuSolutionMethod,
  type TuSolutionResult,
  type TuSolveOptions,
} from './solve.js';
export {
  bankruptcyGame,
  coalitionLabel,
  grandCoalitionWorth,
  MAX_TABLE_PLAYERS,
  superadditivityViolations,
  type TuGame,
  tradeSurplusGame,
  tuGameFromSimpleGame,
  tuGameFromTable,
} from './tu-game.js';
