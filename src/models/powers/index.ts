/**
 * National power: COW CINC, a configurable composite index, major-power
 * classification and concentration (docs/models/powers.md). Pure functions
 * over a World.
 */
export { type CincScore, cincFromComponents, cincScores, NMC_COMPONENTS, type NmcComponent } from './cinc.js';
export {
  type CompositeScore,
  compositeScores,
  DEFAULT_WEIGHTS,
  DIMENSIONS,
  type Dimension,
  FIRST_NUCLEAR_TEST_YEAR,
  type Weights,
  warheads,
} from './composite.js';
export { type Concentration, concentration } from './concentration.js';
export {
  classifyMajors,
  cowMajors,
  DEFAULT_MAJOR_OPTIONS,
  type MajorClassification,
  type MajorClassifierOptions,
  type MajorRule,
  type MajorVerdict,
} from './majors.js';
export {
  type PowerIndex,
  type PowerRanking,
  type PowerRankingOptions,
  powerRanking,
  type RankedActor,
} from './ranking.js';
export { parseWeights } from './weights.js';
