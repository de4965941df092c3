/**
 * The arms reports: Richardson stability, fit and simulation
 * (models/arms; docs/models/arms.md).
 */
import {
  type RichardsonEquilibrium,
  type RichardsonFit,
  type RichardsonPath,
  type RichardsonStability,
  type RichardsonSystem,
  richardsonEquilibrium,
  richardsonStability,
} from '../models/arms/index.js';
import type { Document } from './document.js';
import type { ArmsFitSchema, ArmsSimulationSchema, ArmsStabilitySchema } from './schemas/arms.js';

export type ArmsStabilityDocument = Document<typeof ArmsStabilitySchema>;
export type ArmsFitDocument = Document<typeof ArmsFitSchema>;
export type ArmsSimulationDocument = Document<typeof ArmsSimulationSchema>;

function systemDocument(
  system: RichardsonSystem,
  eq: RichardsonEquilibrium,
  st: RichardsonStability,
): ArmsStabilityDocument {
  return {
    actors: system.actors,
    coefficients: { reaction: system.reaction, fatigue: system.fatigue, grievance: system.grievance },
    equilibrium: eq.equilibrium,
    singular: eq.singular,
    nonNegative: eq.nonNegative,
    conditionNumber: Number.isFinite(eq.conditionNumber) ? eq.conditionNumber : null,
    eigenvalues: st.eigenvalues.map((e) => ({ re: e.re, im: e.im })),
    maxRealPart: st.maxRealPart,
    margin: st.margin,
    stable: st.stable,
  };
}

/** Equilibrium (`richardsonEquilibrium`) and eigenvalue stability (`richardsonStability`) of a system. */
export function armsStabilityReport(system: RichardsonSystem): ArmsStabilityDocument {
  return systemDocument(system, richardsonEquilibrium(system), richardsonStability(system));
}

/** The document of a fit (`fitRichardson`) to series in `unit`, from COW NMC v6.0 military expenditure. */
export function armsFitDocument(fit: RichardsonFit, unit: string): ArmsFitDocument {
  return {
    ...systemDocument(fit.system, fit.equilibrium, fit.stability),
    years: { first: fit.firstYear, last: fit.lastYear },
    observations: fit.observations,
    parameters: fit.parameters,
    unit,
    deflation: 'none (nominal values as published by COW NMC v6.0)',
    source: 'Correlates of War National Material Capabilities v6.0, milex (data/cow_nmc_v6.0_abridged.csv)',
    estimator: fit.estimator,
    regressor: fit.regressor,
    standardErrors: {
      reaction: fit.actors.map((_, i) =>
        fit.actors.map((id, j) =>
          i === j ? 0 : fit.equations[i]!.reaction.find((k) => k.actor === id)!.standardError,
        ),
      ),
      fatigue: fit.equations.map((e) => e.fatigue.standardError),
      grievance: fit.equations.map((e) => e.grievance.standardError),
    },
    equations: fit.equations,
    discrete: fit.discrete,
  };
}

/** The document of a simulated path (`simulateRichardson`); calendar years when `startYear` is given. */
export function armsSimulationDocument(
  system: RichardsonSystem,
  path: RichardsonPath,
  meta: { readonly unit?: string | undefined; readonly startYear?: number | undefined },
): ArmsSimulationDocument {
  const start = meta.startYear;
  return {
    ...armsStabilityReport(system),
    unit: meta.unit ?? null,
    startYear: start ?? null,
    status: path.status,
    path: {
      tYears: path.tYears,
      ...(start !== undefined ? { years: path.tYears.map((t) => start + t) } : {}),
      states: path.states,
    },
    final: { tYears: path.tEndYears, state: path.finalState },
    crossings: path.crossings.map((c) => ({
      ...c,
      ...(start !== undefined ? { year: start + c.tYears } : {}),
    })),
  };
}
