/**
 * `concert/core`: the error contract, seeded random numbers, located documents and exact
 * rationals (docs/library.md).
 *
 * Every name here is public (docs/library.md lists them); anything else under src/ may change.
 */

// Errors: one type, with located problems (DESIGN.md, "Errors")
export {
  badInput,
  ConcertError,
  type ErrorCode,
  type FieldPath,
  formatPath,
  formatProblem,
  isConcertError,
  type Problem,
} from '../core/errors.js';

// Seeds: every random draw comes from an Rng passed in
export { DEFAULT_SEED, MAX_SEED, Rng } from '../core/rng.js';

// Located documents: YAML or JSON with the line and column of every value
export {
  type DocumentFormat,
  loadDocument,
  parseDocument,
  type Position,
  readDocument,
  type SourceDocument,
  validateDocument,
} from '../core/document.js';

// Exact rationals: payoffs, equilibria, power indices and awards
export { type ExactFraction, Fraction, formatRational, parseRational } from '../core/rational.js';
