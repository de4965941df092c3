export * from './errors.js';
export { getHighs, type Highs } from './highs.js';
export { Rng } from './rng.js';
