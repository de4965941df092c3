/**
 * Economic interdependence and the distribution of the gains from trade
 * (docs/models/economy.md): trade dependence and interdependence, gravity
 * (OLS and PPML), gains from trade (Arkolakis, Costinot & Rodríguez-Clare
 * 2012) and their inequality, power transition, the gains-from-trade
 * cooperative game, and trade shocks for the scenario engine. Pure functions
 * of their inputs.
 */
export { type CsvDataFrame, parseDataFrame } from './data-frame.js';
export { type Formula, type FormulaTerm, INTERCEPT, parseFormula } from './formula.js';
export {
  checkTradeElasticity,
  DEFAULT_TRADE_ELASTICITY,
  domesticShare,
  GAINS_FORMS,
  GAINS_FORMULA,
  type GainsForm,
  gainsFromTrade,
  gainsOfTable,
  type StateGains,
  undefinedGainsReason,
} from './gains.js';
export { gainsFromTradeGame, MAX_TRADE_GAME_PLAYERS } from './game.js';
export {
  type DataFrame,
  GRAVITY_METHODS,
  type GravityCoefficient,
  type GravityFit,
  type GravityMethod,
  type GravityOptions,
  gravity,
} from './gravity.js';
export { atkinson, gini, type InequalityIndex, theil } from './inequality.js';
export {
  type BarbieriMeasures,
  barbieri,
  type DyadicMeasures,
  dependence,
  dyadicMeasures,
  openness,
  weakLinkDependence,
} from './measures.js';
export {
  type DyadStake,
  dyadStake,
  type GainsChange,
  gainsChange,
  type NationalTrade,
  tradeAfterSanction,
  tradeAfterTariff,
} from './shocks.js';
export {
  checkActorIds,
  TRADE_TOTALS,
  type TradeTable,
  type TradeTotals,
  tradeTableOfWorld,
  tradeYearOfWorld,
} from './trade-table.js';
export {
  DEFAULT_PARITY_THRESHOLD,
  type Overtaking,
  type PowerPoints,
  type PowerTransition,
  powerTransition,
  type TransitionOptions,
} from './transition.js';
