/**
 * `concert/reports`: the JSON documents that `concert … --json` prints and the HTTP API
 * returns — one zod schema and one builder per document (docs/library.md).
 *
 * Every name here is public (docs/library.md lists them); anything else under src/ may change.
 */

// The type of a document: the readonly output of its schema
export type { Document } from '../reports/document.js';

// World
export { OverviewSchema, WorldSummarySchema } from '../reports/schemas/world.js';
export {
  type OverviewDocument,
  overviewReport,
  type WorldSummaryDocument,
  worldReport,
} from '../reports/world.js';

// Powers
export { PowerRankingSchema } from '../reports/schemas/powers.js';
export { type PowerRankingDocument, powersReport } from '../reports/powers.js';

// Relations
export { BalanceSchema, DynamicsSchema, TriangleSchema, WhatIfSchema } from '../reports/schemas/relations.js';
export {
  balanceAnalysis,
  type BalanceAnalysisOptions,
  type BalanceDocument,
  dynamicsAnalysis,
  type DynamicsDocument,
  triangleAnalysis,
  type TriangleDocument,
  whatIfAnalysis,
  type WhatIfDocument,
} from '../reports/relations.js';

// Deterrence
export {
  DeterrenceParametersSchema,
  DeterrenceSchema,
  ElasticitiesSchema,
  SspkSchema,
  SweepSchema,
} from '../reports/schemas/deterrence.js';
export {
  deterrenceAnalysis,
  type DeterrenceAnalysisOptions,
  type DeterrenceDocument,
  deterrenceParameters,
  type DeterrenceParametersDocument,
  type ElasticitiesDocument,
  elasticitiesReport,
  type SspkDocument,
  sspkReport,
  type SweepDocument,
  sweepDocument,
} from '../reports/deterrence.js';

// Arms
export { ArmsFitSchema, ArmsSimulationSchema, ArmsStabilitySchema } from '../reports/schemas/arms.js';
export {
  armsFitDocument,
  type ArmsFitDocument,
  armsSimulationDocument,
  type ArmsSimulationDocument,
  type ArmsStabilityDocument,
  armsStabilityReport,
} from '../reports/arms.js';

// Games
export {
  ClassificationSchema,
  EquilibriaSchema,
  MatchSchema,
  MoranSchema,
  ReplicatorSchema,
  StrategiesSchema,
  TournamentSchema,
} from '../reports/schemas/games.js';
export {
  classificationAnalysis,
  type ClassificationDocument,
  equilibriaAnalysis,
  type EquilibriaDocument,
  matchAnalysis,
  type MatchDocument,
  type StrategiesDocument,
  strategiesDocument,
  type TournamentDocument,
  tournamentDocument,
} from '../reports/games.js';

// Coalitions
export {
  BankruptcySchema,
  CoalitionPowerSchema,
  CouncilsSchema,
  TuSolutionSchema,
} from '../reports/schemas/coalitions.js';
export {
  type BankruptcyDocument,
  bankruptcyReport,
  coalitionPowerAnalysis,
  type CoalitionPowerDocument,
  type CoalitionPowerOptions,
  type CouncilsDocument,
  councilsDocument,
  type TuSolutionDocument,
  tuSolutionDocument,
} from '../reports/coalitions.js';

// Scenarios, ensembles, comparisons, the run store and validation
export {
  ComparisonSchema,
  EnsembleSchema,
  RunsListSchema,
  StoredEnsembleSchema,
  ValidationSchema,
} from '../reports/schemas/scenario.js';
export {
  type ComparisonDocument,
  comparisonDocument,
  type EnsembleDocument,
  ensembleDocument,
  type RunsListDocument,
  runsListDocument,
  type StoredEnsembleDocument,
  type ValidationDocument,
  invalidInput,
  validateInput,
} from '../reports/scenario.js';
