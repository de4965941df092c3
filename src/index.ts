/**
 * Concert's public library API: the core utilities, the World and every model.
 * Each folder's index.ts is its public face.
 */
export * from './core/index.js';
export * from './world/index.js';
export * from './models/arms/index.js';
export * from './models/coalitions/index.js';
export * from './models/relations/index.js';
export * from './models/deterrence/index.js';
export * from './models/games/index.js';
export * from './models/powers/index.js';
export * from './scenario/index.js';
