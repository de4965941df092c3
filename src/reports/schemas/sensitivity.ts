/**
 * Schema of a scenario's global sensitivity analysis (`concert sensitivity
 * --json`): Sobol' indices from a Saltelli design or Morris elementary
 * effects, per indicator series and year (docs/models/sensitivity.md).
 */
import { z } from 'zod';

const SobolEntry = z.strictObject({
  parameter: z.string(),
  first: z.number().describe("first-order Sobol' index Sᵢ"),
  firstConf: z.number().describe('half-width of its confidence interval (bootstrap)'),
  total: z.number().describe("total Sobol' index Sₜᵢ"),
  totalConf: z.number(),
});

const MorrisEntry = z.strictObject({
  parameter: z.string(),
  mu: z.number().describe('mean elementary effect, output units per unit of the input grid'),
  muStar: z.number().describe('mean absolute elementary effect μ*'),
  muStarConf: z.number().describe('half-width of the confidence interval of μ* (bootstrap)'),
  sigma: z.number().describe('standard deviation of the elementary effects (interactions, non-linearity)'),
});

export const SensitivityResultSchema = z.strictObject({
  series: z.string().describe('indicator series'),
  year: z.number(),
  mean: z.number().describe('mean of the output over the design'),
  variance: z.number().describe('variance of the output over the design (A and B rows for Sobol)'),
  constantOutput: z.boolean().describe('true when the output does not vary: every index is 0'),
  sobol: z.array(SobolEntry).optional(),
  morris: z.array(MorrisEntry).optional(),
});

export const SensitivitySchema = z
  .strictObject({
    scenario: z.string(),
    method: z.enum(['sobol', 'morris']),
    n: z.number().describe('base points (Sobol) or trajectories (Morris)'),
    levels: z.number().optional().describe('grid levels of a Morris design'),
    runs: z.number().describe('runs of the design: n·(k + 2) for Sobol, n·(k + 1) for Morris'),
    seed: z.number(),
    ensemble: z.string().describe('ensemble id of the design in the run store'),
    parameters: z.array(z.string()).describe('the uncertain parameters varied, in design order'),
    confidenceLevel: z.number(),
    resamples: z.number().describe('bootstrap resamples of the confidence intervals'),
    results: z.array(SensitivityResultSchema),
  })
  .describe("a scenario's global sensitivity analysis (concert sensitivity --json)")
  .meta({ id: 'Sensitivity' });
