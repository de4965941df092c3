export {
  type DocumentFormat,
  issuesToProblems,
  loadDocument,
  type Position,
  parseDocument,
  readDocument,
  readTextFile,
  type SourceDocument,
  validateDocument,
} from './document.js';
export * from './errors.js';
export { getHighs, type Highs } from './highs.js';
export {
  ExactFraction,
  type ExactNumber,
  exactNumber,
  Fraction,
  factorial,
  formatRational,
  parseRational,
  rationalFromNumber,
  rationalToNumber,
  solveExact,
  sumRationals,
} from './rational.js';
export { DEFAULT_SEED, MAX_SEED, Rng } from './rng.js';
export { shuffle } from './shuffle.js';
export { median, Z_95 } from './statistics.js';
