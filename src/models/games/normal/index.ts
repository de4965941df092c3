/**
 * Normal-form games: representation, file formats (.nfg and JSON),
 * equilibria (pure, support and vertex enumeration, Lemke–Howson, the
 * polynomial method for small N-player games, logit QRE), zero-sum value,
 * dominance, Pareto efficiency and classification.
 */

export { Fraction, formatRational, parseRational } from '../../../core/rational.js';
export { type BinaryGameResult, binaryGameEquilibria, isSmallBinaryGame } from './binary.js';
export {
  classifyGame,
  type GameClassification,
  type OutcomeClass,
  type TwoByTwoName,
  type Verdict,
} from './classify.js';
export {
  approximateEquilibrium,
  bestResponses,
  compareEquilibria,
  type Equilibrium,
  exactEquilibrium,
  exactProfile,
  isApproximateEquilibrium,
} from './equilibrium.js';
export {
  bimatrix,
  bimatrixGame,
  constantSum,
  expectedPayoffs,
  expectedPayoffsExact,
  isNashEquilibrium,
  makeGame,
  type NormalFormGame,
  type PureProfile,
  profileAt,
  profileCount,
  profileIndex,
  regret,
  strategyCounts,
  strategyValues,
  strategyValuesExact,
} from './game.js';
export { type GameJson, gameFromDocument, gameJsonSchema, gameToJson, parseGameJson } from './json.js';
export { type LemkeHowsonResult, lemkeHowson, lemkeHowsonAll } from './lemke-howson.js';
export { EQUILIBRIUM_METHODS } from './methods.js';
export { parseNfg, writeNfg } from './nfg.js';
export {
  type DominanceKind,
  type Domination,
  dominatedStrategies,
  type EliminationRound,
  iteratedElimination,
  paretoDominates,
  paretoEfficientProfiles,
  pureEquilibria,
  pureEquilibriumProfiles,
  pureSecurityLevels,
} from './pure.js';
export { logitQre, logitQrePath, logitSolution, type QrePoint, refineOnSupport } from './qre.js';
export {
  defaultMethod,
  type EquilibriaResult,
  type EquilibriumMethod,
  solveEquilibria,
} from './solve.js';
export { supportEnumeration } from './support.js';
export {
  bestResponsePolytopes,
  type EquilibriumComponent,
  isDegenerate,
  type PolytopeVertex,
  type VertexEnumerationResult,
  vertexEnumeration,
} from './vertex.js';
export { type ZeroSumSolution, zeroSumSolution } from './zero-sum.js';
