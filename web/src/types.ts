/**
 * Shapes of the API answers the web lab reads, inferred from the report
 * schemas that the server validates its responses with and the CLI's --json
 * documents follow (src/reports/schemas): one source of truth, no copies.
 */
import type { z } from 'zod';
import type {
  BalanceSchema,
  BandsSchema,
  ClassificationSchema,
  ComparisonSchema,
  DeterrenceParametersSchema,
  DeterrenceSchema,
  EnsembleSchema,
  EquilibriaSchema,
  JobSchema,
  PowerRankingSchema,
  ProblemSchema,
  ShippedScenariosSchema,
  StrategiesSchema,
  TournamentSchema,
  TriangleSchema,
  ValidationSchema,
  WhatIfSchema,
  WorldRelationsSchema,
  WorldSummarySchema,
  CouncilsSchema,
  CoalitionPowerSchema,
  RunsListSchema,
  SensitivitySchema,
  StoredEnsembleSchema,
} from '../../src/reports/schemas/index.js';

export type PowerRanking = z.output<typeof PowerRankingSchema>;
export type PowerActor = PowerRanking['actors'][number];
export type RelationRecord = z.output<typeof WorldRelationsSchema>['relations'][number];
export type Balance = z.output<typeof BalanceSchema>;
export type WhatIf = z.output<typeof WhatIfSchema>;
export type Triangle = z.output<typeof TriangleSchema>;
export type DeterrenceParameters = z.output<typeof DeterrenceParametersSchema>;
export type Deterrence = z.output<typeof DeterrenceSchema>;
export type StrikeOrder = Deterrence['pairs'][number];
export type Equilibria = z.output<typeof EquilibriaSchema>;
export type Classification = z.output<typeof ClassificationSchema>;
export type Strategy = z.output<typeof StrategiesSchema>['strategies'][number];
export type TournamentResult = z.output<typeof TournamentSchema>;
export type ShippedScenario = z.output<typeof ShippedScenariosSchema>['scenarios'][number];
export type Validation = z.output<typeof ValidationSchema>;
export type Bands = z.output<typeof BandsSchema>;
export type EnsembleResult = z.output<typeof EnsembleSchema>;
/** The JSON of `concert compare` (POST /api/compare): bands of the paired difference B − A per indicator. */
export type Comparison = z.output<typeof ComparisonSchema>;
/** What one event contributes to B − A (its scenario run with the event switched off). */
export type Attribution = Comparison['attribution'][number];
/** An effect per year with its 95% interval. */
export type Effect = Attribution['effects'][string];
/** One located problem, as the API reports it. */
export type Problem = z.output<typeof ProblemSchema>;
/** A job of the API (ensemble or compare): status, progress and, when done, its result. */
export type Job = z.output<typeof JobSchema>;
/** `concert world --json` (GET /api/worlds/:year): the actors with their names. */
export type WorldSummary = z.output<typeof WorldSummarySchema>;
/** `concert coalitions unsc --json` (GET /api/coalitions/unsc). */
export type Councils = z.output<typeof CouncilsSchema>;
export type Council = Councils['councils'][number];
/** `concert runs list --json` (GET /api/runs). */
export type RunsList = z.output<typeof RunsListSchema>;
/** `concert runs show --json` (GET /api/runs/:id). */
export type StoredEnsemble = z.output<typeof StoredEnsembleSchema>;
/** `concert coalitions power --json` (POST /api/coalitions/power). */
export type CoalitionPower = z.output<typeof CoalitionPowerSchema>;
/** `concert sensitivity --json` (POST /api/sensitivity, a job): Sobol' indices or Morris effects per series. */
export type Sensitivity = z.output<typeof SensitivitySchema>;
export type SensitivityResult = Sensitivity['results'][number];
