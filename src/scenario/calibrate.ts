/**
 * Calibration of the scenario engine on history (issue 18;
 * docs/validation.md, "Calibration"): the parameters of the arms rule
 * (A1–A2: trend growth and shock per actor, pooled reaction and fatigue) by
 * least squares on SIPRI's constant-dollar spending and the relation rule's
 * hostility of each year, and the crisis rule's constants (C1: c0, c1) by
 * maximum likelihood of MID onsets given the previous year's relation. Only
 * the training years are read; {@link calibratedDocument} writes the fit
 * into a scenario — point estimates as the actors' policies, and the
 * `uncertain` ranges as normal distributions with the fit's standard errors.
 */
import type { SourceDocument } from '../core/document.js';
import { badInput } from '../core/errors.js';
import { type FittedEstimate, fittedEstimate } from '../models/arms/fit.js';
import { fitTrendRichardson, type TrendRichardsonFit } from '../models/arms/trend-fit.js';
import { fitLogistic, type LogisticFit } from '../models/forecast/logistic.js';
import { DEFAULT_YEAR, loadDefaultWorld } from '../world/index.js';
import { calibrateRelations, type RelationCalibration } from './calibrate-relations.js';
import { midOnsets } from '../world/mids.js';
import { loadSipriMilex, SIPRI_FIRST_YEAR } from '../world/sipri.js';
import type { UncertainInput } from './schema.js';

export interface CalibrationOptions {
  readonly actors: readonly string[];
  /** First training year (spending level; growth is fitted from from + 1). */
  readonly from: number;
  /** Last training year. */
  readonly to: number;
  /**
   * The scenario to calibrate: given, the rates of the relation rules R1 and R2 are
   * fitted too, by simulated moments of the engine running this template with the arms
   * and crisis fit written in (calibrate-relations.ts). Without it only the arms and
   * crisis parameters are fitted (they need the data alone).
   */
  readonly template?: SourceDocument;
  /** Runs per grid point of the relation fit (default 12). */
  readonly relationRuns?: number;
  /** Called once the data-only fits are done, before the (slower) simulated fit of the relation rates starts. */
  readonly onRelationFit?: () => void;
}

/** The crisis rule's constants fitted to MID onsets: P(onset in t) = logistic(c0 − c1·r_ij(t − 1)). */
export interface CrisisCalibration {
  /** Onset years scored: from + 1 … min(to, the last year of COW MID). */
  readonly from: number;
  readonly to: number;
  readonly base: FittedEstimate;
  readonly hostility: FittedEstimate;
  readonly fit: LogisticFit;
  /** Onset frequency over the same dyad-years. */
  readonly baseRate: number;
}

export interface Calibration {
  readonly actors: readonly string[];
  readonly from: number;
  readonly to: number;
  readonly arms: TrendRichardsonFit;
  /** Null when the training years hold no MID onset among the actors (or only onsets). */
  readonly crises: CrisisCalibration | null;
  /** Why {@link crises} is null. */
  readonly crisesNote?: string;
  /** The relation rules' rates by simulated moments; absent without a template, null when they cannot be fitted. */
  readonly relations?: RelationCalibration | null;
  /** Why {@link relations} is null. */
  readonly relationsNote?: string;
}

/** The relation score r_ij of the actors in the embedded world of `year`, n × n row-major (0 where none). */
export function observedRelationMatrix(actors: readonly string[], year: number): number[] {
  const n = actors.length;
  const index = new Map(actors.map((a, i) => [a, i]));
  const out = new Array<number>(n * n).fill(0);
  for (const r of loadDefaultWorld({ year }).relations) {
    const i = index.get(r.a);
    const j = index.get(r.b);
    if (i === undefined || j === undefined) continue;
    out[i * n + j] = r.score;
    out[j * n + i] = r.score;
  }
  return out;
}

/**
 * Fits the arms and crisis parameters on the training years `from … to`.
 *
 * @throws ConcertError (bad input) for years outside the data or an actor
 *   without SIPRI spending in a training year.
 */
export function calibrate(options: CalibrationOptions): Calibration {
  const { actors, from, to } = options;
  if (!Number.isInteger(from) || from < SIPRI_FIRST_YEAR || from > DEFAULT_YEAR - 3) {
    throw badInput({
      path: ['from'],
      message: `expected a first training year from ${SIPRI_FIRST_YEAR} to ${DEFAULT_YEAR - 3}; got ${from}`,
    });
  }
  if (!Number.isInteger(to) || to < from + 3 || to > DEFAULT_YEAR) {
    throw badInput({
      path: ['to'],
      message: `expected a last training year from ${from + 3} (four years at least) to ${DEFAULT_YEAR} (the last embedded world); got ${to}`,
    });
  }
  const sipri = loadSipriMilex();
  const years = Array.from({ length: to - from + 1 }, (_, t) => from + t);
  const spending = years.map((year) =>
    actors.map((id) => {
      const v = sipri.get(id)?.get(year);
      if (v === undefined || !(v > 0)) {
        throw badInput({
          path: ['from'],
          message: `SIPRI has no military spending for ${id} in ${year}; start the training years later (or leave ${id} out)`,
        });
      }
      return v;
    }),
  );
  const relations = years.map((year) => observedRelationMatrix(actors, year));
  const arms = fitTrendRichardson({
    actors,
    years,
    spending,
    hostility: relations.map((r) => r.map((x) => Math.max(0, -x))),
  });
  const cal: Calibration = {
    actors: [...actors],
    from,
    to,
    arms,
    ...calibrateCrises(actors, from, to, relations),
  };
  if (!options.template) return cal;
  options.onRelationFit?.();
  return { ...cal, ...fitRelations(options.template, cal, options.relationRuns, relations) };
}

/** The relation rates fitted with the arms and crisis fit written into the template (only on the embedded worlds' years). */
function fitRelations(
  template: SourceDocument,
  cal: Calibration,
  runs: number | undefined,
  relations: readonly number[][],
): { relations: RelationCalibration | null; relationsNote?: string } {
  const last = Math.min(cal.to, DEFAULT_YEAR);
  if (last - cal.from < 3)
    return {
      relations: null,
      relationsNote: `the relation rates need four training years of embedded worlds (${cal.from}–${last} has ${last - cal.from + 1}); the scenario's values are kept`,
    };
  return {
    relations: calibrateRelations({
      template: calibratedDocument(template, cal),
      actors: cal.actors,
      from: cal.from,
      to: last,
      observed: (year) => relations[year - cal.from]!,
      ...(runs === undefined ? {} : { runs }),
    }),
  };
}

function calibrateCrises(
  actors: readonly string[],
  from: number,
  to: number,
  relations: readonly number[][],
): { crises: CrisisCalibration | null; crisesNote?: string } {
  const { onset, lastYear } = midOnsets(actors, from);
  const last = Math.min(to, lastYear);
  const n = actors.length;
  const x: number[][] = [];
  const y: number[] = [];
  for (let year = from + 1; year <= last; year++) {
    const r = relations[year - 1 - from]!;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        x.push([1, -r[i * n + j]!]);
        y.push(onset(i, j, year));
      }
  }
  const events = y.reduce((a, v) => a + v, 0);
  if (y.length === 0 || events === 0 || events === y.length) {
    return {
      crises: null,
      crisesNote: `${events} MID onsets in ${y.length} dyad-years (${from + 1}–${last}): the crisis constants cannot be fitted; the scenario's values are kept`,
    };
  }
  const fit = fitLogistic(x, y);
  return {
    crises: {
      from: from + 1,
      to: last,
      base: fittedEstimate(fit.coefficients[0]!, fit.standardErrors[0]!),
      hostility: fittedEstimate(fit.coefficients[1]!, fit.standardErrors[1]!),
      fit,
      baseRate: events / y.length,
    },
  };
}

/** Rounds to 4 significant digits (a fitted value written into a scenario). */
function round4(x: number): number {
  return Number(x.toPrecision(4));
}

/** The parameter paths whose `uncertain` entries a calibration replaces. */
export function calibratedPaths(cal: Calibration): string[] {
  return calibratedUncertain(cal).map((u) => u.parameter);
}

/**
 * The calibration's `uncertain` entries: each fitted parameter normal with
 * its estimate as mean and its standard error as sd, truncated at the
 * model's bounds (rates ≥ 0). c0 and c1 are drawn independently, which
 * ignores their (negative) correlation and so widens the crisis band.
 */
export function calibratedUncertain(cal: Calibration): UncertainInput[] {
  const out: UncertainInput[] = [];
  const normal = (parameter: string, e: FittedEstimate, min?: number, max?: number) =>
    out.push({
      parameter,
      distribution: {
        type: 'normal',
        mean: round4(e.estimate),
        sd: round4(Math.max(e.standardError, 1e-6)),
        ...(min === undefined ? {} : { min }),
        ...(max === undefined ? {} : { max }),
      },
    });
  if (cal.arms.reaction) normal('policies.default.arms.reaction', cal.arms.reaction, 0);
  normal('policies.default.arms.fatigue', cal.arms.fatigue, 0);
  for (const t of cal.arms.trend) normal(`policies.${t.actor}.arms.baselineGrowth`, t, -0.5, 0.5);
  if (cal.relations) {
    normal('couplings.interactionSignal.rate', cal.relations.interactionRate, 0, 1);
    normal('couplings.structuralBalance.rate', cal.relations.balanceRate, 0, 1);
  }
  if (cal.crises) {
    normal('couplings.crises.base', cal.crises.base);
    // The rule's c1 is ≥ 0 (more hostility, no fewer crises); a negative fit is written as 0.
    normal('couplings.crises.hostility', cal.crises.hostility, 0);
  }
  return out;
}

type Mapping = Record<string, unknown>;

function mapping(x: unknown): Mapping {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? { ...(x as Mapping) } : {};
}

/**
 * The scenario document with the calibration written in: each actor's
 * trend growth and shock, the pooled reaction and fatigue as the default
 * policy's, the crisis constants, and the `uncertain` entries of those
 * parameters replaced by {@link calibratedUncertain} (the scenario's
 * entries for other parameters are kept, and so are its `policies.default.arms.baselineGrowth`
 * draws' absence: per-actor growth replaces the default's).
 */
export function calibratedDocument(template: SourceDocument, cal: Calibration): SourceDocument {
  const value = mapping(template.value);
  const policies = mapping(value.policies);
  const def = mapping(policies.default);
  def.arms = {
    ...mapping(def.arms),
    ...(cal.arms.reaction ? { reaction: round4(Math.max(0, cal.arms.reaction.estimate)) } : {}),
    fatigue: round4(Math.max(0, cal.arms.fatigue.estimate)),
  };
  policies.default = def;
  for (const [i, actor] of cal.arms.actors.entries()) {
    const p = mapping(policies[actor]);
    p.arms = {
      ...mapping(p.arms),
      baselineGrowth: round4(cal.arms.trend[i]!.estimate),
      shockSd: round4(cal.arms.shockSd[i]!.value),
    };
    policies[actor] = p;
  }
  const couplings = mapping(value.couplings);
  // The calibrated rule forms (docs/models/scenario.md A2, R1): spending grows at its trend, and
  // relations move only with a departure from the starting play.
  const switchOn = (name: string, key: string) => {
    const c = couplings[name];
    couplings[name] = { ...(typeof c === 'boolean' ? { enabled: c } : mapping(c)), [key]: true };
  };
  switchOn('armsReaction', 'trend');
  switchOn('interactionSignal', 'relative');
  const setRate = (name: string, rate: number) => {
    const c = couplings[name];
    couplings[name] = { ...(typeof c === 'boolean' ? { enabled: c } : mapping(c)), rate: round4(rate) };
  };
  if (cal.relations) {
    setRate('interactionSignal', cal.relations.interactionRate.estimate);
    setRate('structuralBalance', cal.relations.balanceRate.estimate);
  }
  if (cal.crises) {
    const crises = couplings.crises;
    couplings.crises = {
      ...(typeof crises === 'boolean' ? { enabled: crises } : mapping(crises)),
      base: round4(cal.crises.base.estimate),
      hostility: round4(Math.max(0, cal.crises.hostility.estimate)),
    };
  }
  const replaced = new Set([...calibratedPaths(cal), 'policies.default.arms.baselineGrowth']);
  const kept = (Array.isArray(value.uncertain) ? value.uncertain : []).filter(
    (u) => !replaced.has(mapping(u).parameter as string),
  );
  return {
    file: template.file,
    locate: template.locate,
    value: { ...value, policies, couplings, uncertain: [...calibratedUncertain(cal), ...kept] },
  };
}
