/** The backtest report (src/scenario/backtest.ts; docs/validation.md). */
import type { FittedEstimate } from '../models/arms/fit.js';
import type { BacktestOutcome } from '../scenario/backtest.js';
import type { RelationCalibration } from '../scenario/calibrate-relations.js';
import { BACKTEST_SERIES } from '../scenario/backtest.js';
import type { ScenarioEvent } from '../scenario/schema.js';
import type { Document } from './document.js';
import type { BacktestSchema } from './schemas/backtest.js';

export type BacktestDocument = Document<typeof BacktestSchema>;

/** Where the observed spending comes from, as the document states it. */
export const OBSERVED_MILEX_SOURCE =
  'SIPRI Military Expenditure Database 2025 (constant 2023 US$; data/sipri_milex_1949_2024_constant_2023_usd.csv)';

/** The actors an event names: its actor and target, or its actors. */
function eventActors(e: ScenarioEvent): string[] {
  if ('actors' in e) return [...e.actors];
  return 'target' in e ? [e.actor, e.target] : [e.actor];
}

/** The relation rates' fit as the report gives it (without the moment vectors: `concert calibrate --json` has them). */
function relationFit(r: RelationCalibration | null) {
  return r
    ? {
        from: r.from,
        to: r.to,
        interactionRate: estimateOf(r.interactionRate)!,
        balanceRate: estimateOf(r.balanceRate)!,
        objective: r.objective,
        objectiveWithoutRules: r.objectiveWithoutRules,
        objectivePersistence: r.objectivePersistence,
        atGridEdge: [...r.atGridEdge],
      }
    : null;
}

function estimateOf(e: FittedEstimate | null): { estimate: number; standardError: number } | null {
  return e ? { estimate: e.estimate, standardError: e.standardError } : null;
}

/** The document of a backtest. */
export function backtestDocument(
  o: BacktestOutcome,
  from: number,
  to: number,
  runs: number,
  seed: number,
): BacktestDocument {
  return {
    scenario: o.scenario.name,
    from,
    to,
    forcesYear: o.forcesYear,
    runs,
    seed,
    ensemble: o.ensemble.meta.id,
    actors: o.scenario.actors,
    series: BACKTEST_SERIES,
    observedSource: OBSERVED_MILEX_SOURCE,
    training: { from: o.trainFrom, to: from, growth: o.training },
    years: o.years,
    mids: o.mids,
    relations: o.relations,
    unga: o.unga,
    calibration: o.calibration
      ? {
          from: o.calibration.from,
          to: o.calibration.to,
          reaction: estimateOf(o.calibration.arms.reaction),
          fatigue: estimateOf(o.calibration.arms.fatigue)!,
          trend: Object.fromEntries(o.calibration.arms.trend.map((t) => [t.actor, estimateOf(t)!])),
          shockSd: Object.fromEntries(o.calibration.arms.shockSd.map((t) => [t.actor, t.value])),
          crisisBase: estimateOf(o.calibration.crises?.base ?? null),
          crisisHostility: estimateOf(o.calibration.crises?.hostility ?? null),
          relations: relationFit(o.calibration.relations ?? null),
          ...(o.calibration.relationsNote ? { relationsNote: o.calibration.relationsNote } : {}),
        }
      : null,
    conditioning: o.conditioning
      ? {
          file: o.conditioning.file,
          name: o.conditioning.name,
          listed: o.conditioning.listed,
          applied: o.conditioning.applied.map((a) => ({
            index: a.index,
            year: a.event.year,
            listedYear: a.listedYear,
            type: a.event.type,
            actors: eventActors(a.event),
            note: a.event.note ?? '',
          })),
        }
      : null,
    summary: o.summary,
    unconditional: o.unconditional
      ? {
          ensemble: o.unconditional.ensemble.meta.id,
          years: o.unconditional.years,
          mids: o.unconditional.mids,
          relations: o.unconditional.relations,
          unga: o.unconditional.unga,
          summary: o.unconditional.summary,
        }
      : null,
  };
}
