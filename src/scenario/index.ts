/**
 * Scenarios: the scenario language, the yearly engine coupling the models,
 * Monte Carlo ensembles into the run store, and comparisons with common
 * random numbers (docs/models/scenario.md).
 */
export {
  type Attribution,
  type CompareOptions,
  type Comparison,
  compareScenarios,
  type Difference,
  type Effect,
  eventLabel,
} from './compare.js';
export {
  type CachedEvaluator,
  cachedEvaluator,
  type DeterrenceEvaluator,
  type DyadEvaluation,
  type Posture as ScenarioPosture,
  SCALE_STEP,
} from './deterrence-update.js';
export { sample as sampleDistribution } from './distributions.js';
export {
  type EngineCaches,
  type EngineParts,
  engineCaches,
  type RunResult,
  type StreamCursor,
  scenarioSeries,
  simulateRun,
  simulateRuns,
  yearCount,
} from './engine.js';
export {
  type Bands,
  bandsOf,
  DEFAULT_CHUNK_RUNS,
  ENGINE_VERSION,
  type EnsembleOptions,
  type EnsembleOutcome,
  ensembleMeta,
  ensemblePool,
  QUANTILES,
  quantileSorted,
  runEnsemble,
  SUMMARY_BUDGET_VALUES,
  summarize,
} from './ensemble.js';
export {
  ARMS_GROWTH_SCALE,
  type Frustration,
  type FrustrationMemo,
  gini,
  INDICATOR_REPORTERS,
  IndicatorCollector,
  type IndicatorReporter,
  type ReporterTable,
  relationFrustration,
  YearQuantities,
} from './indicators.js';
export { loadScenario, parseScenario, prepareScenario } from './load.js';
export {
  type Couplings,
  type CouplingName,
  DEFAULT_COUPLINGS,
  DEFAULT_GAME,
  DEFAULT_POLICY,
  DEFAULT_WEIGHTS as DEFAULT_STABILITY_WEIGHTS,
  type GamePayoffs,
  type Parameters,
  type Policy,
  resolveParameters,
  type StabilityWeights,
} from './params.js';
export { defaultParts, defaultPartsName, KENT_THALER_PART, kentThalerEvaluator } from './parts.js';
export type { Scenario } from './scenario.js';
export type { SimState } from './state.js';
export {
  armsStep,
  checkSteps,
  crisesStep,
  defaultSteps,
  deterrenceStep,
  type EngineStep,
  eventsStep,
  insertStep,
  interactionStep,
  RunContext,
  relationsStep,
  removeStep,
  replaceStep,
  type YearlyAction,
} from './steps.js';
export {
  type Distribution as ScenarioDistribution,
  DistributionSchema,
  EVENT_TYPES,
  type EventType,
  INDICATORS,
  type IndicatorName,
  type ScenarioEvent,
  type ScenarioFile,
  type ScenarioInput,
  ScenarioSchema,
} from './schema.js';
