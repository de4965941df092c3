/**
 * Schemas of the economy documents (docs/models/economy.md):
 * `concert economy dependence|gains|gravity|transition --json` and GET/POST
 * /api/economy/…. Amounts are current million US$ of the trade year unless
 * the field says otherwise; a measure that the data cannot give is null.
 */
import { z } from 'zod';

const nullableNumber = z.number().nullable();

export const TRADE_TOTALS_NAMES = ['national', 'dyadic-sums'] as const;
export const GAINS_FORM_NAMES = ['loss-of-autarky', 'gain-over-autarky'] as const;
export const GAINS_QUANTITIES = ['share', 'usd', 'per-capita'] as const;
export const GRAVITY_METHOD_NAMES = ['ols', 'ppml'] as const;
export const POWER_MEASURE_NAMES = ['gdp-ppp', 'cinc'] as const;

const TotalsSchema = z
  .enum(TRADE_TOTALS_NAMES)
  .describe(
    'national: COW national trade; dyadic-sums: the sums of the dyadic flows (used where national figures are missing)',
  );

const StateTradeSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  gdpUsdM: nullableNumber.describe('GDP of the trade year, current million US$ (World Bank WDI)'),
  importsUsdM: nullableNumber.describe('imports from all partners'),
  exportsUsdM: nullableNumber.describe('exports to all partners'),
  openness: nullableNumber.describe('(X + M) / GDP'),
});

const DyadTradeSchema = z.strictObject({
  a: z.string(),
  b: z.string(),
  importsOfAFromBUsdM: nullableNumber,
  importsOfBFromAUsdM: nullableNumber,
  tradeUsdM: nullableNumber.describe('Tab = both flows; null when either is unknown'),
  dependenceA: nullableNumber.describe('Oneal–Russett Tab / GDPa'),
  dependenceB: nullableNumber.describe('Tab / GDPb'),
  weakLink: nullableNumber.describe('min(dependenceA, dependenceB)'),
  shareA: nullableNumber.describe('Barbieri: Tab / (Xa + Ma)'),
  shareB: nullableNumber,
  salience: nullableNumber.describe('√(shareA · shareB)'),
  symmetry: nullableNumber.describe('1 − |shareA − shareB|'),
  interdependence: nullableNumber.describe('salience × symmetry'),
});

export const EconomyDependenceSchema = z
  .strictObject({
    worldYear: z.number().describe('year of the world'),
    tradeYear: z.number().describe('year of the trade figures (COW Trade v4.0 ends in 2014)'),
    source: z.string(),
    totals: TotalsSchema,
    states: z.array(StateTradeSchema),
    dyads: z.array(DyadTradeSchema).describe('every pair of the states, in the order of the states'),
    notes: z.array(z.string()).describe('data caveats (e.g. national totals far from the dyadic sums)'),
  })
  .describe('trade dependence and interdependence (concert economy dependence --json)')
  .meta({ id: 'EconomyDependence' });

const InequalitySchema = z.strictObject({
  gini: z.number(),
  theil: z.number(),
  atkinson: z.array(z.strictObject({ epsilon: z.number(), value: z.number() })),
});

export const EconomyGainsSchema = z
  .strictObject({
    worldYear: z.number(),
    tradeYear: z.number(),
    source: z.string(),
    theta: z.number().describe('trade elasticity θ > 0 (ACR’s ε = −θ)'),
    form: z.enum(GAINS_FORM_NAMES),
    formula: z.string().describe('the form used, with λ = (GDP − X) / (GDP − X + M)'),
    totals: TotalsSchema,
    states: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        gdpUsdM: nullableNumber,
        importsUsdM: nullableNumber,
        exportsUsdM: nullableNumber,
        population: nullableNumber.describe('persons'),
        lambda: nullableNumber.describe('domestic expenditure share'),
        gainShare: nullableNumber.describe('gains as a share of real income'),
        gainUsdM: nullableNumber.describe('gainShare × GDP, million US$ per year'),
        gainPerCapitaUsd: nullableNumber.describe('gainUsdM per person, US$'),
        reason: z.string().nullable().describe('why the gains are undefined, when they are'),
      }),
    ),
    inequality: z
      .strictObject({
        quantity: z.enum(GAINS_QUANTITIES).describe('share of GDP, US$, or US$ per person'),
        states: z.array(z.string()).describe('the states whose gains are defined'),
        equalWeights: InequalitySchema,
        populationWeights: InequalitySchema.nullable().describe('null when a population is unknown'),
      })
      .nullable()
      .describe('inequality of the gains across the states; null with fewer than two defined gains'),
    notes: z.array(z.string()),
  })
  .describe('gains from trade and their inequality (concert economy gains --json)')
  .meta({ id: 'EconomyGains' });

export const EconomyGravitySchema = z
  .strictObject({
    source: z.string().describe('the data: a CSV file or the default world’s trade'),
    tradeYear: z.number().nullable(),
    method: z.enum(GRAVITY_METHOD_NAMES),
    formula: z.string(),
    observations: z.number(),
    dropped: z.strictObject({
      missing: z.number().describe('rows with a missing or non-finite value in a used column'),
      nonPositiveResponse: z.number().describe('OLS: zero flows, which have no logarithm'),
    }),
    zeroResponses: z.number().describe('zero flows among the observations used (PPML keeps them)'),
    coefficients: z.array(
      z.strictObject({
        term: z.string(),
        estimate: z.number(),
        standardError: z.number().describe('heteroskedasticity-robust (HC0)'),
        z: z.number(),
      }),
    ),
    iterations: z.number().describe('IRLS iterations (PPML); 0 for OLS'),
    converged: z.boolean(),
    rSquared: z.number().describe('OLS: R² of ln T; PPML: squared correlation of T and its fit'),
  })
  .describe('gravity equation, log-linear OLS or PPML (concert economy gravity --json)')
  .meta({ id: 'EconomyGravity' });

export const EconomyTransitionSchema = z
  .strictObject({
    a: z.string(),
    b: z.string(),
    measure: z.enum(POWER_MEASURE_NAMES),
    unit: z.string(),
    source: z.string(),
    parityThreshold: z.number().describe('parity when the weaker has at least this share of the stronger'),
    series: z.array(
      z.strictObject({ year: z.number(), a: z.number(), b: z.number(), ratio: z.number().describe('a / b') }),
    ),
    parityYears: z.array(z.number()),
    overtakings: z.array(z.strictObject({ year: z.number(), leader: z.string(), previous: z.string() })),
    growth: z
      .strictObject({ a: nullableNumber, b: nullableNumber, ratio: nullableNumber })
      .describe('compound annual growth rates over the series'),
  })
  .describe('power transition of a dyad (concert economy transition --json)')
  .meta({ id: 'EconomyTransition' });
