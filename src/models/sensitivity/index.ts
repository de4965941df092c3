/**
 * Global sensitivity analysis: Sobol' sequences, Saltelli designs with Sobol'
 * indices, and Morris elementary effects (docs/models/sensitivity.md).
 */
export {
  MAX_MORRIS_INPUTS,
  type MorrisAnalysisOptions,
  type MorrisDesign,
  type MorrisIndex,
  type MorrisOptions,
  morrisDesign,
  morrisIndices,
} from './morris.js';
export {
  type Estimate,
  MAX_SALTELLI_INPUTS,
  type SaltelliDesign,
  type SaltelliOptions,
  type SobolAnalysisOptions,
  type SobolIndices,
  saltelliDesign,
  sobolIndices,
} from './saltelli.js';
export { MAX_SOBOL_DIMENSION, MAX_SOBOL_POINTS, SobolSequence } from './sobol-sequence.js';
