/**
 * `concert/arms`: Richardson action–reaction dynamics — equilibrium, stability, solution with
 * threshold events, coupling to a perceived threat, and fits to yearly series (docs/models/arms.md).
 *
 * Every name here is public (docs/library.md lists them); anything else under src/ may change.
 */

// Richardson systems (arms files)
export {
  type ArmsThreshold,
  ArmsThresholdSchema,
  type RichardsonFile,
  RichardsonFileSchema,
  type RichardsonSystem,
  RichardsonSystemSchema,
} from '../models/arms/schema.js';

// Equilibrium, stability and the closed-form solution
export {
  matrixStability,
  type RichardsonEigenvalue,
  type RichardsonEquilibrium,
  type RichardsonStability,
  richardsonClosedForm,
  richardsonEquilibrium,
  richardsonMatrix,
  richardsonStability,
  richardsonStep,
} from '../models/arms/linear.js';

// Numerical solution with threshold events and a perceived threat
export {
  type PerceivedThreat,
  type RichardsonPath,
  richardsonRate,
  type SimulateOptions,
  simulateRichardson,
  type ThresholdCrossing,
} from '../models/arms/simulate.js';
export { coupledJacobian, coupledStability } from '../models/arms/coupling.js';

// Fits to yearly series (COW military expenditure)
export {
  type AdditiveFit,
  type FitRegressor,
  type FittedEstimate,
  fitRichardson,
  fitRichardsonAdditive,
  type RichardsonEquationFit,
  type RichardsonFit,
  type RichardsonSeries,
} from '../models/arms/fit.js';
export { type MilexLookup, type MilexSeries, milexFromWorlds, milexSeries } from '../models/arms/series.js';
