export * from './repeated/index.js';
