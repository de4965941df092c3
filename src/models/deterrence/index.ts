/**
 * models/deterrence: counterforce exchange, missile-defense attrition and
 * first-strike stability (docs/models/deterrence.md).
 */

export { canReach, nuclearActors } from './actors.js';
export {
  allocateFirstStrike,
  allocationAt,
  type StrikeAllocation,
  type StrikeTarget,
  type StrikeWeapon,
  usefulWarheads,
} from './allocate.js';
export { type CompiledActor, compileActor, type TargetPoint, valueTargets } from './compile.js';
export {
  type CoverageSplit,
  coverageSplits,
  type DefenseCoverage,
  defenseCoverage,
  type TrajectoryCoverage,
} from './coverage.js';
export {
  BROWN_MIN_HARDNESS_PSI,
  brownHardnessFactor,
  brownKillProbability,
  combineKillProbabilities,
  counterMilitaryPotential,
  type EmtConvention,
  effectiveCepM,
  equivalentMegatonnage,
  killProbability,
  type LethalRadiusFormula,
  lethalityK,
  lethalityKillProbability,
  lethalRadiusM,
  METRES_PER_NMI,
  type SspkInput,
  type SspkResult,
  sspk,
  sspkCalculator,
  tenPsiAreaSqMi,
  terminalKillProbability,
} from './counterforce.js';
export {
  type AttackGroup,
  arrivalProbability,
  binomialPmf,
  convolve as convolveDistributions,
  type DefenseLayer,
  type Distribution,
  type LayerOverride,
  expectedDamage,
  interceptorsNeeded,
  interceptorsPerEngagement,
  type LeakResult,
  layerKillProbability,
  leakDistribution,
  leakGeneratingFunction,
  mean as distributionMean,
  pointMass as distributionPointMass,
  quantile as distributionQuantile,
  standardDeviation as distributionStandardDeviation,
  tailProbability as distributionTail,
  warheadCapacity,
} from './defense.js';
export { clarkShareWithin, damageAt, damageCurve, lethalAreaKm2, type TargetCity } from './damage.js';
export { allDyads, type DyadResult, dyad } from './dyad.js';
export {
  type DefensePhase,
  type Engagement,
  engage,
  type InterceptorGeometry,
  SampledTrajectory,
  type Sensor,
  type SensorCue,
  type Site,
  site,
} from './engagement.js';
export {
  type DeliveredDistribution,
  type ExchangeResult,
  exchange,
  type InterceptorUse,
  type SystemOutcome,
} from './exchange.js';
export {
  arcDistance,
  centralAngle,
  EARTH_MU_KM3_S2,
  EARTH_RADIUS_KM,
  greatCircleKm,
  type LatLon,
  minimumEnergyTrajectory,
  type Trajectory,
  type TrajectoryState,
  trajectoryState,
} from './geometry.js';
export { DYAD_MEASURES, type DyadMeasure } from './measures.js';
export {
  DEFAULT_OPTIONS,
  type DeterrenceOptions,
  NUMERIC_OPTIONS,
  OTA_LETHAL_AREA_KM2_PER_MT23,
  type Posture,
  resolveOptions,
} from './options.js';
export {
  checkParameterValue,
  DEFENSE_FIELDS,
  dyadMeasures,
  type Elasticity,
  elasticities,
  getParameter,
  type ParameterPath,
  parameterPaths,
  parseParameterPath,
  type SweepPoint,
  type SweepResult,
  SYSTEM_FIELDS,
  setParameter,
  sweep,
} from './params.js';
export {
  type FirstStrikeStability,
  firstStrikeStability,
  KENT_THALER_EXPONENT,
  KENT_THALER_SURCHARGE,
  kentThalerCost,
  type StrikeCosts,
  stabilityRatio,
  valueDamage,
} from './stability.js';
export {
  applyDeterrenceDraws,
  DETERRENCE_UNCERTAINTIES,
  type DeterrenceUncertainty,
} from './uncertainty.js';
export { checkForcesAndDefenses } from './validate.js';
export {
  DEFENSE_VARIANTS,
  type DefenseVariant,
  type DyadVariants,
  dyadVariants,
  type StrikeOrderVariants,
  type VariantOutcome,
} from './variants.js';
