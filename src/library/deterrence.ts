/**
 * `concert/deterrence`: counterforce exchanges through missile defenses, first-strike
 * stability, parameter sweeps and the single-target calculator (docs/models/deterrence.md).
 *
 * Every name here is public (docs/library.md lists them); anything else under src/ may change.
 */

// Nuclear actors of a world
export { canReach, nuclearActors } from '../models/deterrence/actors.js';

// Model options
export {
  DEFAULT_OPTIONS as DEFAULT_DETERRENCE_OPTIONS,
  type DeterrenceOptions,
  type Posture,
} from '../models/deterrence/options.js';

// Exchanges: one strike order, both orders, defense variants, every dyad
export {
  type DeliveredDistribution,
  type ExchangeResult,
  exchange,
  type SystemOutcome,
} from '../models/deterrence/exchange.js';
export { allDyads, type DyadResult, dyad } from '../models/deterrence/dyad.js';
export {
  DEFENSE_VARIANTS,
  type DefenseVariant,
  type DyadVariants,
  dyadVariants,
  type StrikeOrderVariants,
  type VariantOutcome,
} from '../models/deterrence/variants.js';

// First-strike stability (Kent & Thaler 1989)
export {
  type FirstStrikeStability,
  firstStrikeStability,
  type StrikeCosts,
} from '../models/deterrence/stability.js';

// Sweeps and elasticities of the dyad measures
export { DYAD_MEASURES, type DyadMeasure } from '../models/deterrence/measures.js';
export {
  type Elasticity,
  elasticities,
  type ParameterPath,
  parameterPaths,
  parseParameterPath,
  type SweepPoint,
  type SweepResult,
  sweep,
} from '../models/deterrence/params.js';

// The single-target calculator: lethal radius, SSPK, kill probability
export {
  type LethalRadiusFormula,
  type SspkInput,
  type SspkResult,
  sspkCalculator,
} from '../models/deterrence/counterforce.js';
