/**
 * `concert/scenario`: the scenario language, the yearly engine coupling the models (named
 * steps, indicator reporters), Monte Carlo ensembles into a run store, and comparisons with
 * common random numbers (docs/models/scenario.md).
 *
 * Every name here is public (docs/library.md lists them); anything else under src/ may change.
 */

// The scenario language
export {
  EVENT_TYPES,
  type EventType,
  type IndicatorName,
  INDICATORS,
  type ScenarioEvent,
  type ScenarioFile,
  type ScenarioInput,
  ScenarioSchema,
} from '../scenario/schema.js';
export type { Scenario } from '../scenario/scenario.js';
export { loadScenario, parseScenario } from '../scenario/load.js';

// Runs: the engine and its replaceable parts
export {
  type EngineParts,
  type RunResult,
  scenarioSeries,
  simulateRun,
  simulateRuns,
} from '../scenario/engine.js';
export { defaultParts } from '../scenario/parts.js';

// The yearly steps, a named list
export {
  defaultSteps,
  deterrenceStep,
  type EngineStep,
  insertStep,
  removeStep,
  replaceStep,
  type RunContext,
  type YearlyAction,
} from '../scenario/steps.js';
export type { SimState } from '../scenario/state.js';
export {
  cachedEvaluator,
  type CachedEvaluator,
  type DeterrenceEvaluator,
  type DyadEvaluation,
  type Posture as ScenarioPosture,
} from '../scenario/deterrence-update.js';

// Indicators, a table of named reporters
export {
  INDICATOR_REPORTERS,
  type IndicatorReporter,
  type ReporterTable,
  type YearQuantities,
} from '../scenario/indicators.js';

// Ensembles and the run store
export { type EnsembleOptions, type EnsembleOutcome, runEnsemble } from '../scenario/ensemble.js';
export type { Bands } from '../scenario/summary.js';
export { type EnsembleMeta, type EnsembleRecord, RunStore } from '../runtime/store.js';

// Comparisons with common random numbers
export {
  type Attribution,
  type CompareOptions,
  type Comparison,
  compareScenarios,
  type Difference,
  type Effect,
} from '../scenario/compare.js';
