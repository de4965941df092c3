export * from './errors.js';
export { getHighs, type Highs } from './highs.js';
export { DEFAULT_SEED, MAX_SEED, Rng } from './rng.js';
export {
  type DocumentFormat,
  issuesToProblems,
  loadDocument,
  type Position,
  parseDocument,
  readDocument,
  type SourceDocument,
  validateDocument,
} from './document.js';
