/**
 * The schemas of every report document: zod only, so that the web lab can
 * infer its types from them (`z.output<typeof BalanceSchema>`) without
 * loading the models.
 */

export * from './api.js';
export * from './arms.js';
export * from './backtest.js';
export * from './bargaining.js';
export * from './coalitions.js';
export * from './deterrence.js';
export * from './economy.js';
export * from './games.js';
export * from './powers.js';
export * from './relations.js';
export * from './scenario.js';
export * from './sensitivity.js';
export * from './world.js';
