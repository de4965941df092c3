/**
 * `concert/world`: the World (one schema for types and validation), the embedded default
 * world of any year 1816–2016, world files and their summary (docs/world.md).
 *
 * Every name here is public (docs/library.md lists them); anything else under src/ may change.
 */

// The World schema: world files and their types
export {
  type Actor,
  type ActorId,
  ActorIdSchema,
  ActorSchema,
  type Capabilities,
  CapabilitiesSchema,
  type Relation,
  type RelationKind,
  RelationKindSchema,
  RelationSchema,
  type TradeFlow,
  TradeFlowSchema,
  type World,
  type WorldInput,
  WorldSchema,
} from '../world/schema.js';

// An actor's nuclear forces and missile defenses (part of the World)
export type {
  ActorForces,
  Basing,
  DefenseSystem,
  Defenses,
  DeliverySystem,
  Forces,
} from '../world/forces.js';

// Loading worlds: the embedded default, world files, text
export { DEFAULT_YEAR, FIRST_YEAR, LAST_YEAR, loadDefaultWorld } from '../world/default.js';
export { loadWorldFile, parseWorld } from '../world/load.js';

// Summary: alliances, rivalries and counts
export { summarizeWorld, type WorldSummary, type WorldSummaryOptions } from '../world/summary.js';
