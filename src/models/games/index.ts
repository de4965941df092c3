export * from './repeated/index.js';
export * from './normal/index.js';
