/**
 * The World (DESIGN.md): schema, loaders for world files, and the embedded
 * default world built from the reference data in `data/`.
 */
export * from './schema.js';
export {
  buildDefaultWorld,
  crosswalkEntry,
  DEFAULT_YEAR,
  FIRST_YEAR,
  LAST_YEAR,
  loadDefaultWorld,
  UNSC_PERMANENT_SEATS,
} from './default.js';
export { deriveRelations, RELATION_RULE, RELATION_RULE_ID, relationKindOf } from './default-relations.js';
export { type CrosswalkEntry, loadWorldInputs, type WorldInputs } from './inputs.js';
export {
  capitalOf,
  cowDyadTrade,
  cowNationalTrade,
  defaultPowerSeries,
  defaultTradeDependence,
  defaultTradeYear,
  type DyadDependence,
  EARTH_RADIUS_KM,
  GRAVITY_COLUMNS,
  gravityFrame,
  greatCircleKm,
  landContiguous,
  POWER_MEASURES,
  type PowerMeasure,
  TRADE_FIRST_YEAR,
  TRADE_LAST_YEAR,
  withDefaultTrade,
  worldBankGdpUsd,
} from './default-trade.js';
export { type EconomyInputs, loadDyadicTrade, loadEconomyInputs } from './economy-inputs.js';
export { explainRelation, type RelationExplanation } from './explain-relation.js';
export {
  type Extends,
  ExtendsSchema,
  loadWorldFile,
  parseWorld,
  worldFromDocument,
} from './load.js';
export { summarizeWorld, type WorldSummary, type WorldSummaryOptions } from './summary.js';
export { type CouncilFile, loadCouncils, readCouncil } from './councils.js';
