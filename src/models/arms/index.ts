/**
 * models/arms: Richardson action–reaction dynamics — equilibrium, stability,
 * closed-form and numerical solution with threshold events, coupling to an
 * adversary's effective capacity, and least-squares fitting to yearly series.
 * See docs/models/arms.md.
 */
export { coupledJacobian, coupledStability } from './coupling.js';
export {
  type AdditiveFit,
  type FitRegressor,
  type FittedEstimate,
  fitRichardson,
  fitRichardsonAdditive,
  type RichardsonEquationFit,
  type RichardsonFit,
  type RichardsonSeries,
} from './fit.js';
export {
  matrixStability,
  metzlerSpectralAbscissa,
  type RichardsonEigenvalue,
  type RichardsonEquilibrium,
  type RichardsonStability,
  richardsonClosedForm,
  richardsonEquilibrium,
  richardsonMatrix,
  richardsonStability,
  richardsonStep,
} from './linear.js';
export {
  type ArmsThreshold,
  ArmsThresholdSchema,
  MAX_ARMS_ACTORS,
  MAX_ARMS_HORIZON_YEARS,
  type RichardsonFile,
  RichardsonFileSchema,
  type RichardsonSystem,
  RichardsonSystemSchema,
} from './schema.js';
export {
  LAST_STERLING_YEAR,
  type MilexLookup,
  type MilexSeries,
  milexFromWorldInputs,
  milexFromWorlds,
  milexSeries,
} from './series.js';
export {
  type PerceivedThreat,
  type RichardsonPath,
  richardsonRate,
  type SimulateOptions,
  simulateRichardson,
  type ThresholdCrossing,
} from './simulate.js';
