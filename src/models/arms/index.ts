/**
 * models/arms: Richardson action–reaction dynamics — equilibrium, stability,
 * closed-form and numerical solution with threshold events, coupling to an
 * adversary's effective capacity, and least-squares fitting to yearly series.
 * See docs/models/arms.md.
 */
export {
  type AdditiveFit,
  type Estimate,
  type EquationFit,
  type FitRegressor,
  fitRichardson,
  fitRichardsonAdditive,
  type RichardsonFit,
  type YearlySeries,
} from './fit.js';
export {
  type Eigenvalue,
  type Equilibrium,
  matrixExponential,
  richardsonClosedForm,
  richardsonEquilibrium,
  richardsonMatrix,
  richardsonStability,
  richardsonStep,
  type Stability,
} from './linear.js';
export {
  MAX_ACTORS,
  MAX_HORIZON_YEARS,
  type RichardsonFile,
  RichardsonFileSchema,
  type RichardsonSystem,
  RichardsonSystemSchema,
  type Threshold,
  ThresholdSchema,
} from './schema.js';
export {
  type PerceivedThreat,
  type RichardsonPath,
  richardsonRate,
  type SimulateOptions,
  simulateRichardson,
  type ThresholdCrossing,
} from './simulate.js';
export {
  LAST_STERLING_YEAR,
  type MilexLookup,
  type MilexSeries,
  milexFromWorldInputs,
  milexFromWorlds,
  milexSeries,
} from './series.js';
