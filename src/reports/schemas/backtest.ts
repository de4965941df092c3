/**
 * Schema of a backtest of the scenario engine (`concert backtest --json`;
 * docs/validation.md).
 */
import { z } from 'zod';

export const BacktestYearSchema = z.strictObject({
  year: z.number(),
  observed: z
    .number()
    .describe("observed growth of the powers' total military spending (SIPRI, constant 2023 US$), fraction"),
  q05: z.number(),
  q25: z.number(),
  q50: z.number(),
  q75: z.number(),
  q95: z.number(),
  crps: z.number().describe("CRPS of the engine's ensemble (fraction; lower is better)"),
  crpsRandomWalk: z.number().describe('CRPS of the random walk fitted on the training years'),
  crpsAr1: z.number().describe('CRPS of the AR(1) fitted on the training years'),
  in50: z.boolean().describe('observed value inside the central 50 % band'),
  in90: z.boolean().describe('observed value inside the central 90 % band'),
});

export const MidScoreSchema = z
  .strictObject({
    from: z.number(),
    to: z.number(),
    dyadYears: z.number(),
    onsets: z.number().describe('MID dyad onsets observed (COW MID v5.0)'),
    brier: z.number().describe("Brier score of the ensemble's mean crisis probability per dyad-year"),
    baseRate: z.number().describe('onset frequency among the same dyads in the training years'),
    brierBaseRate: z.number().describe('Brier score of that base rate'),
    skill: z.number().describe('1 − Brier/Brier(base rate)'),
    meanProbability: z.number().describe("the engine's mean crisis probability over the scored dyad-years"),
  })
  .describe('MID onsets per dyad-year (every dyad of the actors) against the engine’s crisis probabilities');

export const RelationScoreSchema = z
  .strictObject({
    from: z.number(),
    to: z.number(),
    dyadYears: z.number(),
    classAgreement: z
      .number()
      .describe(
        "share of dyad-years where the ensemble's median relation is in the observed class (friendly, neutral within ±0.15, hostile)",
      ),
    classAgreementPersistence: z.number().describe("the same for the start year's relations held"),
    meanAbsoluteError: z.number().describe('mean |median − observed| relation score'),
    meanAbsoluteErrorPersistence: z.number(),
  })
  .describe('relations per dyad-year against the relation rule on the observed data of each year');

const rho = z.number().nullable();

export const UngaScoreSchema = z
  .strictObject({
    from: z.number(),
    to: z.number(),
    dyadYears: z.number().describe('dyad-years whose two states share roll calls'),
    years: z.array(
      z.strictObject({
        year: z.number(),
        dyads: z.number(),
        rankCorrelation: rho.describe(
          "Spearman ρ across dyads of the ensemble's median relation with the year's UNGA S-score (null when undefined)",
        ),
        rankCorrelationPersistence: rho.describe("the same for the start year's relation scores held"),
        rankCorrelationUngaPersistence: rho.describe("the same for the start year's S-scores held"),
      }),
    ),
    meanRankCorrelation: rho.describe('mean of the per-year ρ of the engine'),
    meanRankCorrelationPersistence: rho,
    meanRankCorrelationUngaPersistence: rho,
    directionAgreement: rho.describe(
      'share of dyad-years where the median relation moved from its start in the direction the S-score moved from its start-year value (chance ½)',
    ),
    directionDyadYears: z.number().describe('dyad-years where both moved'),
  })
  .describe('relations per dyad-year against UNGA voting affinity (S-score) on its own');

const FitSchema = z.strictObject({ estimate: z.number(), standardError: z.number() });

/** The calibration a backtest wrote into its template (src/scenario/calibrate.ts). */
export const CalibrationSchema = z
  .strictObject({
    from: z.number().int().describe('first training year'),
    to: z.number().int().describe('last training year (the start year)'),
    reaction: FitSchema.nullable().describe('k, pooled; null when not identified'),
    fatigue: FitSchema.describe('a, pooled'),
    trend: z.record(z.string(), FitSchema).describe('b per actor: trend growth per year'),
    shockSd: z
      .record(z.string(), z.number())
      .describe('σ per actor: sd of the yearly shock to the spending index'),
    crisisBase: FitSchema.nullable().describe('c0 by maximum likelihood of MID onsets (null: not fitted)'),
    crisisHostility: FitSchema.nullable().describe('c1'),
    relations: z
      .strictObject({
        from: z.number().int().describe('first year of the moments (the engine starts from its world)'),
        to: z.number().int().describe('last year of the moments (at most the last embedded world)'),
        interactionRate: FitSchema.describe('α, rule R1 (bootstrap standard error over dyads)'),
        balanceRate: FitSchema.describe('β, rule R2'),
        objective: z.number().describe('the moments objective at the fit'),
        objectiveWithoutRules: z.number().describe('the objective at α = β = 0'),
        objectivePersistence: z
          .number()
          .describe('the objective of persistence (every score held at its start)'),
        atGridEdge: z
          .array(z.enum(['interactionRate', 'balanceRate']))
          .describe('rates whose estimate is at the upper edge of the searched range'),
      })
      .nullable()
      .describe(
        'the relation rates by simulated method of moments on the training years (src/scenario/calibrate-relations.ts); null when they could not be fitted (relationsNote says why)',
      ),
    relationsNote: z.string().optional().describe('why the relation rates were not fitted'),
  })
  .describe('parameters fitted on the training years and written into the template (--calibrate-from)');

export const ConditioningSchema = z
  .strictObject({
    file: z.string().describe('the observed-events file'),
    name: z.string(),
    listed: z.number().describe('events in the file'),
    applied: z.array(
      z.strictObject({
        index: z.number().describe("the event's index in the file"),
        year: z.number().describe('the year it is applied in'),
        listedYear: z.number().describe('the year the file gives'),
        type: z.string(),
        actors: z.array(z.string()).describe('the actors it names (actor, target or actors)'),
        note: z.string().describe('what it stands for and its source'),
      }),
    ),
  })
  .describe('the observed events the runs were conditioned on');

const SummarySchema = z.strictObject({
  crps: z.number(),
  crpsRandomWalk: z.number(),
  crpsAr1: z.number(),
  skillRandomWalk: z.number().describe('1 − CRPS/CRPS(random walk): > 0 the engine is better'),
  skillAr1: z.number(),
  coverage50: z.number().describe('share of years inside the 50 % band'),
  coverage90: z.number().describe('share of years inside the 90 % band'),
});

/** One ensemble's scores: the fields a backtest document holds for the runs it reports. */
export const BacktestScoresSchema = z
  .strictObject({
    ensemble: z.string(),
    years: z.array(BacktestYearSchema),
    mids: MidScoreSchema.nullable().describe('null when no scored year is in COW MID (to 2014)'),
    relations: RelationScoreSchema.nullable().describe(
      'null when no scored year has an embedded world (to 2016)',
    ),
    unga: UngaScoreSchema.nullable().describe('null when no scored year has UNGA roll calls (to 2019)'),
    summary: SummarySchema,
  })
  .describe(
    'the unconditional runs (same template, calibration and seed, no observed events) scored against the same observed data',
  );

export const BacktestSchema = z
  .strictObject({
    scenario: z.string(),
    from: z.number().describe('start year: the world of this year'),
    to: z.number(),
    forcesYear: z.number().describe('year of the shipped nuclear forces used'),
    runs: z.number(),
    seed: z.number(),
    ensemble: z.string(),
    actors: z.array(z.string()),
    series: z.string().describe('the engine series scored'),
    observedSource: z.string(),
    training: z.strictObject({ from: z.number(), to: z.number(), growth: z.array(z.number()) }),
    years: z.array(BacktestYearSchema),
    mids: MidScoreSchema.nullable().describe('null when no scored year is in COW MID (to 2014)'),
    relations: RelationScoreSchema.nullable().describe(
      'null when no scored year has an embedded world (to 2016)',
    ),
    unga: UngaScoreSchema.nullable().describe('null when no scored year has UNGA roll calls (to 2019)'),
    calibration: CalibrationSchema.nullable().describe('null: the template as given (no --calibrate-from)'),
    conditioning: ConditioningSchema.nullable().describe(
      'null: unconditional (no observed events imposed); else the observed events added to the runs (--events)',
    ),
    summary: SummarySchema,
    unconditional: BacktestScoresSchema.nullable().describe(
      'null without --events (the fields above are then the unconditional runs); with --events the fields above are the conditioned runs and this block the unconditional ones beside them',
    ),
  })
  .describe(
    'a backtest of the scenario engine against observed military spending (concert backtest --json): the scores of the runs as asked — conditioned on the observed events when `conditioning` is set — and, when conditioned, the unconditional runs’ scores in `unconditional`',
  )
  .meta({ id: 'Backtest' });
