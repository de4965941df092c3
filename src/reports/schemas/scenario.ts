/**
 * Schemas of the scenario documents: `concert run --json` (the result of a
 * POST /api/scenarios/run job), `concert compare --json` (POST /api/compare),
 * `concert runs list --json` (GET /api/runs) and `concert runs show --json`
 * (GET /api/runs/:id).
 */
import { z } from 'zod';
import { EVENT_TYPES } from '../../scenario/schema.js';

const series = z.array(z.number());

export const BandsSchema = z
  .strictObject({
    years: series,
    q05: series,
    q25: series,
    q50: series,
    q75: series,
    q95: series,
    mean: series,
  })
  .describe('quantiles (5, 25, 50, 75, 95%) and mean of an indicator over the runs, per year');

export const EnsembleSchema = z
  .strictObject({
    scenario: z.string(),
    runs: z.number(),
    seed: z.number(),
    ensemble: z.string().describe('ensemble id in the run store'),
    actors: z.array(z.string()),
    years: z.strictObject({ from: z.number(), to: z.number() }),
    parameters: z.array(z.string()).describe('the uncertain parameters drawn per run'),
    indicators: z.record(z.string(), BandsSchema),
  })
  .describe("a scenario's Monte Carlo ensemble (concert run --json)")
  .meta({ id: 'Ensemble' });

const EffectSchema = z.strictObject({
  years: series,
  mean: series.describe('mean paired difference'),
  ciLow: series.describe('lower end of its 95% interval'),
  ciHigh: series,
});

export const ComparisonSchema = z
  .strictObject({
    scenario: z.strictObject({ a: z.string(), b: z.string() }),
    runs: z.number().describe('paired runs per scenario'),
    seed: z.number(),
    ensembles: z.strictObject({ a: z.string(), b: z.string() }),
    indicators: z
      .record(z.string(), BandsSchema.extend({ ciLow: series, ciHigh: series }))
      .describe('bands of the per-run difference B − A, with the mean’s 95% interval'),
    attribution: z
      .array(
        z.strictObject({
          scenario: z.enum(['a', 'b']),
          event: z.number().describe("index of the event in its scenario's events"),
          type: z.enum(EVENT_TYPES),
          year: z.number(),
          label: z.string(),
          effects: z.record(z.string(), EffectSchema),
        }),
      )
      .describe('what each event contributes to B − A (its scenario run with the event switched off)'),
  })
  .describe('paired comparison of two scenarios with common random numbers (concert compare --json)')
  .meta({ id: 'Comparison' });

export const EnsembleRecordSchema = z.strictObject({
  id: z.string(),
  scenario: z.string(),
  seed: z.number(),
  years: z.strictObject({ from: z.number(), to: z.number() }),
  requestedRuns: z.number(),
  storedRuns: z.number(),
  createdAt: z.string(),
});

export const RunsListSchema = z
  .strictObject({ store: z.string(), ensembles: z.array(EnsembleRecordSchema) })
  .describe('ensembles in the run store, newest first (concert runs list --json)')
  .meta({ id: 'RunsList' });

export const StoredEnsembleSchema = z
  .strictObject({
    ...EnsembleRecordSchema.shape,
    runs: z.number().describe('stored runs summarised'),
    parameters: z.array(z.string()),
    indicators: z.record(z.string(), BandsSchema),
  })
  .describe('one stored ensemble and the bands of its stored runs (concert runs show --json)')
  .meta({ id: 'StoredEnsemble' });

export const ScenarioSummarySchema = z
  .strictObject({
    name: z.string(),
    actors: z.array(z.string()),
    years: z.strictObject({ from: z.number(), to: z.number() }),
    events: z.number(),
    uncertain: z.array(z.string()).describe('parameters drawn per run'),
    ensemble: z.strictObject({ runs: z.number(), seed: z.number() }),
    indicators: z.array(z.string()),
  })
  .describe('what a valid scenario holds');

export const ValidationSchema = z
  .strictObject({
    file: z.string().describe('the file checked (or "scenario" for text sent to the API)'),
    kind: z.enum(['scenario', 'world']),
    valid: z.boolean(),
    summary: z.string().nullable().describe('one line on what the file holds; null when invalid'),
    problems: z
      .array(
        z.strictObject({
          path: z.array(z.union([z.string(), z.number()])),
          message: z.string(),
          line: z.number().optional(),
          column: z.number().optional(),
        }),
      )
      .describe('every problem, with line and column in the file and its field path'),
    scenario: ScenarioSummarySchema.optional(),
  })
  .describe('check of an input file (concert validate --json; POST /api/scenarios/validate)')
  .meta({ id: 'Validation' });
