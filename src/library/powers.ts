/**
 * `concert/powers`: national power — COW CINC, a configurable composite index, major-power
 * classification and concentration (docs/models/powers.md).
 *
 * Every name here is public (docs/library.md lists them); anything else under src/ may change.
 */

// Ranking: what `concert powers` computes
export {
  type PowerIndex,
  type PowerRanking,
  type PowerRankingOptions,
  powerRanking,
  type RankedActor,
} from '../models/powers/ranking.js';

// COW's Composite Index of National Capability
export {
  type CincScore,
  cincFromComponents,
  cincScores,
  NMC_COMPONENTS,
  type NmcComponent,
} from '../models/powers/cinc.js';

// A composite index with user weights
export {
  type CompositeScore,
  compositeScores,
  DEFAULT_WEIGHTS,
  type Dimension,
  DIMENSIONS,
  type Weights,
} from '../models/powers/composite.js';

// Major powers: COW's list and the options of the data-driven classifier
export {
  cowMajors,
  DEFAULT_MAJOR_OPTIONS,
  type MajorClassifierOptions,
  type MajorRule,
} from '../models/powers/majors.js';

// Concentration: CON, HHI and effective poles
export { type Concentration, concentration } from '../models/powers/concentration.js';
