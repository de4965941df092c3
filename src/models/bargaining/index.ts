/**
 * models/bargaining: KTAB's Spatial Model of Politics (actors with
 * capabilities, positions and saliences bargaining over k issue dimensions;
 * every option KTAB offers), Bueno de Mesquita's weighted-median forecast as
 * a baseline, readers for KTAB's CSV and XML and our YAML/JSON, and the
 * tension between two actors that the scenario engine reads.
 * See docs/models/bargaining.md.
 */
export { compileBargaining } from './compile.js';
export {
  coalitions,
  type ElectionRules,
  MAX_PCE_ITERATIONS,
  pce,
  scalarPce,
  victoryMatrix,
  victoryProbability,
  vote,
} from './election.js';
export { medianForecast, weightedMedian } from './median.js';
export { type BargainingModel, type BargainingState, initialState, totalSalience } from './model.js';
export * from './options.js';
export {
  type BargainingFormat,
  bargainingFormat,
  parseBargaining,
  readBargainingCsv,
  readBargainingXml,
} from './read.js';
export {
  type BargainingHistory,
  type RunOptions,
  runBargaining,
  type StateRecord,
  stateDistance,
  type TurnRecord,
} from './run.js';
export {
  type BargainingActor,
  type BargainingFile,
  BargainingFileSchema,
  type BargainingProblem,
  MAX_CAPABILITY,
  MAX_DIMENSIONS,
} from './schema.js';
export { estimatedRisk, riskFromProbabilities, spatialUtility, weightedDistance } from './spatial.js';
export {
  bargainingTension,
  type Concession,
  concede,
  consult,
  type Tension,
  tensionMatrix,
} from './tension.js';
export {
  analyseState,
  type Bargain,
  bargainingTurn,
  bestChallenge,
  type Challenge,
  type ChallengeEstimate,
  challengeEstimate,
  interpolateBargain,
  MIN_SIGNIFICANT_GAIN,
  nextIdeals,
  positionProbabilities,
  type Resolution,
  type StateAnalysis,
  type TurnResult,
} from './turn.js';
