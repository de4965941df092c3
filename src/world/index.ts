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
  type Extends,
  ExtendsSchema,
  loadWorldFile,
  parseWorld,
  worldFromDocument,
} from './load.js';
export { summarizeWorld, type WorldSummary, type WorldSummaryOptions } from './summary.js';
export { type CouncilFile, loadCouncils, readCouncil } from './councils.js';
