/**
 * The sensitivity report: a scenario's Sobol' indices or Morris effects per
 * series (src/scenario/sensitivity.ts; docs/models/sensitivity.md).
 */
import type { SensitivityOutcome } from '../scenario/sensitivity.js';
import type { Document } from './document.js';
import type { SensitivitySchema } from './schemas/sensitivity.js';

export type SensitivityDocument = Document<typeof SensitivitySchema>;

/** The document of a sensitivity analysis. */
export function sensitivityDocument(o: SensitivityOutcome): SensitivityDocument {
  const spec = o.scenario.design;
  return {
    scenario: o.scenario.name,
    method: spec.method,
    n: spec.n,
    ...(spec.method === 'morris' ? { levels: spec.levels } : {}),
    runs: o.table.rows,
    seed: spec.seed,
    ensemble: o.ensemble.meta.id,
    parameters: spec.factors,
    confidenceLevel: 0.95,
    resamples: o.resamples,
    results: o.results.map((r) => {
      const sobol = r.sobol;
      const morris = r.morris;
      const v = sobol ? sobol.variance : r.variance;
      return {
        series: r.series,
        year: r.year,
        mean: r.mean,
        variance: v,
        constantOutput: sobol ? sobol.constantOutput : v === 0,
        ...(sobol
          ? {
              sobol: spec.factors.map((parameter, i) => ({
                parameter,
                first: sobol.first[i]!.value,
                firstConf: sobol.first[i]!.conf,
                total: sobol.total[i]!.value,
                totalConf: sobol.total[i]!.conf,
              })),
            }
          : {}),
        ...(morris
          ? {
              morris: spec.factors.map((parameter, i) => ({
                parameter,
                mu: morris[i]!.mu,
                muStar: morris[i]!.muStar,
                muStarConf: morris[i]!.muStarConf,
                sigma: morris[i]!.sigma,
              })),
            }
          : {}),
      };
    }),
  };
}
