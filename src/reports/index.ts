/**
 * reports/: one zod schema (schemas/) and one pure builder per result — the
 * JSON documents that `concert … --json` prints, that the HTTP API returns,
 * and whose types the web lab infers. The CLI renders its tables from these
 * documents; nothing else builds them.
 */
export * from './arms.js';
export * from './backtest.js';
export * from './bargaining.js';
export * from './coalitions.js';
export * from './deterrence.js';
export type { DeepReadonly, Document } from './document.js';
export * from './economy.js';
export * from './games.js';
export * from './html.js';
export * from './powers.js';
export * from './relations.js';
export * from './scenario.js';
export * from './schemas/index.js';
export * from './sensitivity.js';
export * from './world.js';
