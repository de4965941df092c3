/**
 * Backtest of the scenario engine (docs/validation.md): start from the
 * world of a past year with that year's forces, run the engine forward, and
 * score its ensemble against what happened — here the growth of the total
 * military spending of the scenario's powers (SIPRI, constant 2023 US$),
 * which the engine's `arms.milexGrowth` forecasts — beside the forecasts of
 * a random walk and an AR(1) fitted on the training years before the start.
 *
 * By default the run is unconditional: the template scenario's policies,
 * couplings and uncertain ranges, with its events removed. With `events` (an
 * observed-events file, data/events-2001-2016.yaml) the observed events that
 * fall within the simulated years are added: the run is conditioned on them,
 * and the unconditional ensemble (same template, calibration and seed) is
 * run and scored beside it ({@link BacktestOutcome.unconditional}), so that
 * what the events change is read off the two.
 *
 * Relations are scored twice: against the relation rule on each year's
 * observed data, and against UNGA voting affinity on its own (the rank
 * correlation across dyads per year of the engine's relations with the
 * S-score of the year's roll calls).
 */
import type { SourceDocument } from '../core/document.js';
import { badInput, type Problem } from '../core/errors.js';
import { ar1Forecast, randomWalkForecast } from '../models/forecast/benchmarks.js';
import {
  brierScore,
  crpsEnsemble,
  crpsNormal,
  inCentralBand,
  rankCorrelation,
  skill,
} from '../models/forecast/scores.js';
import { RELATION_KIND_THRESHOLDS } from '../models/relations/relation-score.js';
import { votingAffinity } from '../models/relations/voting-affinity.js';
import { type ForcesYear, forcesYearFor } from '../world/forces.js';
import { DEFAULT_YEAR, loadDefaultWorld } from '../world/index.js';
import { loadWorldInputs, type WorldInputs } from '../world/inputs.js';
import { midOnsets } from '../world/mids.js';
import { ungaVotesOf } from '../world/relation-evidence.js';
import { SIPRI_FIRST_YEAR, SIPRI_LAST_YEAR, totalMilex } from '../world/sipri.js';
import { loadUngaInputs } from '../world/unga-inputs.js';
import { type Calibration, calibrate, calibratedDocument } from './calibrate.js';
import { scenarioSeries, yearCount } from './engine.js';
import { type EnsembleOptions, type EnsembleOutcome, runEnsemble } from './ensemble.js';
import { type DyadList, dyadSeriesName } from './indicators.js';
import { prepareScenario } from './load.js';
import {
  type AppliedEvent,
  locateInEventsFile,
  type ObservedEvents,
  selectObservedEvents,
} from './observed-events.js';
import type { Scenario } from './scenario.js';
import { DEFAULT_INDICATORS, type ScenarioEvent } from './schema.js';
import { scenarioDyads } from './state.js';

/** The series scored. */
export const BACKTEST_SERIES = 'arms.milexGrowth';

/** The per-dyad series scored against MID onsets. */
export const MID_SERIES = 'crisisProbability.dyad';

/** The per-dyad series scored against the relation rule on observed data. */
export const RELATION_SERIES = 'relations.dyad';

/** Training years of the benchmarks before the start year (growth values). */
export const DEFAULT_TRAINING_YEARS = 8;

/** Last start year: the embedded worlds end in 2016. */
export const LAST_START_YEAR = 2016;

export interface BacktestOptions extends Omit<EnsembleOptions, 'summarize' | 'seed'> {
  /** Ensemble seed (default: the template's `ensemble.seed`, as the prepared scenario has it). */
  readonly seed?: number;
  /** The start year: the world of this year; the first simulated year is from + 1. */
  readonly from: number;
  /** The last simulated and scored year. */
  readonly to: number;
  /** Growth values the benchmarks are fitted on, ending in the start year (default 8). */
  readonly trainingYears?: number;
  /** Observed events to condition the runs on (default: none, unconditional). */
  readonly events?: ObservedEvents;
  /**
   * First training year of the calibration (calibrate.ts): the arms and crisis
   * parameters are fitted on this year … `from` and written into the template
   * with the calibrated rule forms. Default: no calibration (the template as given).
   */
  readonly calibrateFrom?: number;
  /**
   * Called before each ensemble starts: with `events` the unconditional ensemble runs
   * first, then the conditioned one (both report through `onProgress`).
   */
  readonly onEnsemble?: (which: 'unconditional' | 'conditioned') => void;
}

/** Years with fewer UNGA roll calls than this are not scored (2020 holds 1, of January 2020). */
export const MIN_UNGA_ROLL_CALLS = 20;

/** One scored year. */
export interface BacktestYear {
  readonly year: number;
  /** Observed growth of the powers' total spending (fraction). */
  readonly observed: number;
  /** The ensemble's quantiles 5, 25, 50, 75, 95 % of the engine's growth. */
  readonly q05: number;
  readonly q25: number;
  readonly q50: number;
  readonly q75: number;
  readonly q95: number;
  readonly crps: number;
  readonly crpsRandomWalk: number;
  readonly crpsAr1: number;
  readonly in50: boolean;
  readonly in90: boolean;
}

/** MID onsets per dyad-year against the engine's crisis probabilities (Brier score). */
export interface MidScore {
  /** Years scored: from + 1 … min(to, the last year of COW MID). */
  readonly from: number;
  readonly to: number;
  readonly dyadYears: number;
  readonly onsets: number;
  /** Mean over dyad-years of (p̄ − o)², p̄ the ensemble's mean crisis probability. */
  readonly brier: number;
  /** Onset frequency among the same dyads in the training years: the climatological forecast. */
  readonly baseRate: number;
  readonly brierBaseRate: number;
  readonly skill: number;
  /** The engine's mean crisis probability over the scored dyad-years. */
  readonly meanProbability: number;
}

/** The sign of relations per dyad-year against the relation rule on the observed data of each year. */
export interface RelationScore {
  /** Years scored: from + 1 … min(to, the last year of the embedded worlds). */
  readonly from: number;
  readonly to: number;
  readonly dyadYears: number;
  /** Share of dyad-years where the ensemble's median relation has the observed class (friendly, neutral within ±0.15, hostile). */
  readonly classAgreement: number;
  /** The same for persistence: each dyad's class in the start year, held. */
  readonly classAgreementPersistence: number;
  /** Mean |median − observed| of the score. */
  readonly meanAbsoluteError: number;
  readonly meanAbsoluteErrorPersistence: number;
}

/** One year of the UNGA scoring: rank correlations across the dyads with roll calls in common. */
export interface UngaYearScore {
  readonly year: number;
  readonly dyads: number;
  /** Spearman ρ of the ensemble's median relation with the year's S-score (null when undefined). */
  readonly rankCorrelation: number | null;
  /** The same for the start year's relation scores held (the engine's starting point). */
  readonly rankCorrelationPersistence: number | null;
  /** The same for the start year's S-scores held (persistence of UNGA affinity itself). */
  readonly rankCorrelationUngaPersistence: number | null;
}

/** The engine's relations per dyad-year against UNGA voting affinity on its own. */
export interface UngaScore {
  /** Years scored: from + 1 … min(to, the last year of the UNGA data with enough roll calls). */
  readonly from: number;
  readonly to: number;
  readonly dyadYears: number;
  readonly years: readonly UngaYearScore[];
  /** Means over the years of the per-year ρ (years where it is undefined left out; null if none). */
  readonly meanRankCorrelation: number | null;
  readonly meanRankCorrelationPersistence: number | null;
  readonly meanRankCorrelationUngaPersistence: number | null;
  /**
   * Share of dyad-years where the median relation moved from the start year's
   * score in the direction the S-score moved from its start-year value (both
   * moves non-zero; chance is ½). Null when no dyad-year qualifies.
   */
  readonly directionAgreement: number | null;
  readonly directionDyadYears: number;
}

/** The observed events a conditioned backtest applied. */
export interface BacktestConditioning {
  readonly file: string;
  readonly name: string;
  /** Events in the file. */
  readonly listed: number;
  readonly applied: readonly AppliedEvent[];
}

/** The summary of the spending forecast's scores over the scored years. */
export interface BacktestSummary {
  readonly crps: number;
  readonly crpsRandomWalk: number;
  readonly crpsAr1: number;
  readonly skillRandomWalk: number;
  readonly skillAr1: number;
  readonly coverage50: number;
  readonly coverage90: number;
}

/** One ensemble of a backtest, scored: its scenario, runs and scores against the observed data. */
export interface BacktestScores {
  readonly scenario: Scenario;
  readonly ensemble: EnsembleOutcome;
  readonly years: readonly BacktestYear[];
  /** Null when no scored year is covered by COW MID (after 2014). */
  readonly mids: MidScore | null;
  /** Null when no scored year has an embedded world (after 2016). */
  readonly relations: RelationScore | null;
  /** Null when no scored year has UNGA roll calls (after 2019). */
  readonly unga: UngaScore | null;
  readonly summary: BacktestSummary;
}

/**
 * A backtest: the scores of the runs as asked (conditioned on the observed
 * events when `events` is given, else unconditional), and with `events` the
 * unconditional runs' scores beside them.
 */
export interface BacktestOutcome extends BacktestScores {
  /** The seed every ensemble of the backtest ran with. */
  readonly seed: number;
  /** The calibration written into the template (null without `calibrateFrom`). */
  readonly calibration: Calibration | null;
  readonly forcesYear: ForcesYear;
  /** Training years of the benchmarks: growth in years trainFrom … from. */
  readonly trainFrom: number;
  /** The observed growth the benchmarks were fitted on. */
  readonly training: readonly number[];
  /** Null for an unconditional run. */
  readonly conditioning: BacktestConditioning | null;
  /**
   * With `events`: the same template, calibration and seed run without the
   * events, scored against the same observed data. Null for an unconditional
   * run (the outcome's own scores are then the unconditional ones).
   */
  readonly unconditional: BacktestScores | null;
}

/** The shipped forces year nearest to a year (world/forces.ts), which a backtest starts with. */
export { forcesYearFor };

/**
 * The backtest scenario: the template's parameters and actors, the world of
 * `from` with the nearest shipped forces, years from + 1 … to, the template's
 * events replaced by `events` (default none).
 */
export function backtestScenario(
  template: SourceDocument,
  from: number,
  to: number,
  events: readonly ScenarioEvent[] = [],
): Scenario {
  const value = template.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badInput({
      file: template.file,
      line: 1,
      column: 1,
      path: [],
      message: 'expected a scenario: a mapping with name, description and years',
    });
  }
  const doc: SourceDocument = {
    file: template.file,
    locate: template.locate,
    value: {
      ...(value as Record<string, unknown>),
      name: `backtest-${from + 1}-${to}`,
      world: { default: from, forces: forcesYearFor(from) },
      years: `${from + 1}..${to}`,
      events,
      indicators: [
        ...new Set([
          ...((value as { indicators?: string[] }).indicators ?? DEFAULT_INDICATORS),
          MID_SERIES,
          RELATION_SERIES,
        ]),
      ],
    },
  };
  return prepareScenario(doc);
}

function growth(levels: readonly (number | null)[]): (number | null)[] {
  return levels.slice(1).map((x, i) => (x === null || levels[i] === null ? null : x / levels[i]! - 1));
}

function quantileSorted(xs: Float64Array, p: number): number {
  const h = (xs.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(xs.length - 1, lo + 1);
  return xs[lo]! + (h - lo) * (xs[hi]! - xs[lo]!);
}

/**
 * The observed growth of the actors' total spending in years trainFrom … to.
 *
 * @throws ConcertError (bad input, at `from`) when a year lacks a figure.
 */
function checkObserved(actors: readonly string[], trainFrom: number, to: number): number[] {
  const g = growth(totalMilex(actors, trainFrom - 1, to));
  const missing = g.indexOf(null);
  if (missing >= 0) {
    const year = trainFrom + missing;
    throw badInput({
      path: ['from'],
      message: `SIPRI has no total for ${actors.join(', ')} in ${year - 1} or ${year} (growth is needed from ${trainFrom}, the benchmarks' first training year, to ${to}); start later`,
    });
  }
  return g as number[];
}

/**
 * Runs (or resumes) the backtest ensemble and scores it.
 *
 * @throws ConcertError (bad input) for years outside the data, or actors SIPRI does not cover.
 */
export async function runBacktest(
  templateGiven: SourceDocument,
  options: BacktestOptions,
): Promise<BacktestOutcome> {
  const { from, to } = options;
  let template = templateGiven;
  const trainingYears = options.trainingYears ?? DEFAULT_TRAINING_YEARS;
  const trainFrom = from - trainingYears + 1;
  const problems: Problem[] = [];
  if (!Number.isInteger(from) || from < SIPRI_FIRST_YEAR + trainingYears || from > LAST_START_YEAR) {
    problems.push({
      path: ['from'],
      message: `expected a start year from ${SIPRI_FIRST_YEAR + trainingYears} to ${LAST_START_YEAR} (the embedded worlds end in ${LAST_START_YEAR}; ${trainingYears} training years before it); got ${from}`,
    });
  }
  if (!Number.isInteger(to) || to <= from || to > SIPRI_LAST_YEAR) {
    problems.push({
      path: ['to'],
      message: `expected a last year after the start year and at most ${SIPRI_LAST_YEAR} (the last year of the SIPRI data); got ${to}`,
    });
  }
  if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
  // The observed data first (from the template's actors when it lists them), so that a start
  // year without data is named as such rather than as a gap in that year's world.
  const listed = (template.value as { actors?: unknown } | null)?.actors;
  const templateActors =
    Array.isArray(listed) && listed.every((a) => typeof a === 'string') ? (listed as string[]) : undefined;
  if (templateActors) checkObserved(templateActors, trainFrom, to);
  let calibration: Calibration | null = null;
  if (options.calibrateFrom !== undefined) {
    if (!templateActors)
      throw badInput({
        file: template.file,
        path: ['actors'],
        message: 'a calibrated backtest needs the template to list its actors',
      });
    calibration = calibrate({ actors: templateActors, from: options.calibrateFrom, to: from, template });
    template = calibratedDocument(template, calibration);
  }
  const plain = backtestScenario(template, from, to);
  let s = plain;
  let applied: AppliedEvent[] = [];
  if (options.events) {
    applied = selectObservedEvents(options.events.events, {
      from,
      to,
      forcesYear: forcesYearFor(from),
      actors: new Set(s.actors),
      world: new Set(Object.keys(loadDefaultWorld({ year: from }).actors)),
    });
    try {
      s = backtestScenario(
        template,
        from,
        to,
        applied.map((a) => a.event),
      );
    } catch (e) {
      throw locateInEventsFile(e, options.events, applied);
    }
  }
  const observedAll = checkObserved(s.actors, trainFrom, to);
  // observedAll[k] is the growth in year trainFrom + k.
  const training = observedAll.slice(0, trainingYears);
  if (!scenarioSeries(s).includes(BACKTEST_SERIES))
    throw badInput({
      file: template.file,
      path: ['indicators'],
      message: `the template must record ${BACKTEST_SERIES}`,
    });
  const frame: ScoringFrame = { from, trainFrom, observedAll, training };
  const seed = options.seed ?? plain.ensemble.seed;
  const run = { ...options, seed };
  // With events, the unconditional ensemble first (same template, calibration and seed), then the conditioned one.
  let unconditional: BacktestScores | null = null;
  if (options.events) {
    options.onEnsemble?.('unconditional');
    unconditional = await scoreEnsemble(plain, run, frame);
    options.onEnsemble?.('conditioned');
  }
  const scores = await scoreEnsemble(s, run, frame);
  return {
    ...scores,
    seed,
    calibration,
    forcesYear: forcesYearFor(from),
    trainFrom,
    training,
    conditioning: options.events
      ? {
          file: options.events.file,
          name: options.events.name,
          listed: options.events.events.length,
          applied,
        }
      : null,
    unconditional,
  };
}

/** What every ensemble of one backtest is scored against. */
interface ScoringFrame {
  readonly from: number;
  readonly trainFrom: number;
  /** Observed growth in years trainFrom … to: observedAll[k] is the growth in year trainFrom + k. */
  readonly observedAll: readonly number[];
  /** The first growth values, those the benchmarks are fitted on. */
  readonly training: readonly number[];
}

/** Runs (or resumes) the ensemble of scenario `s` and scores it against the observed data. */
async function scoreEnsemble(
  s: Scenario,
  options: BacktestOptions & { readonly seed: number },
  { from, trainFrom, observedAll, training }: ScoringFrame,
): Promise<BacktestScores> {
  const ensemble = await runEnsemble(s, { ...options });
  const years = yearCount(s);
  const column = scenarioSeries(s).indexOf(BACKTEST_SERIES) * years;
  const values = Array.from({ length: years }, () => new Float64Array(options.runs));
  let r = 0;
  for (const v of options.store.iterateValues(ensemble.meta.id, options.runs)) {
    for (let t = 0; t < years; t++) values[t]![r] = v[column + t]!;
    r++;
  }
  const train = training as number[];
  const scored: BacktestYear[] = values.map((xs, t) => {
    const year = from + 1 + t;
    const observed = observedAll[year - trainFrom]!;
    const sorted = Float64Array.from(xs).sort();
    const h = t + 1;
    const rw = randomWalkForecast(train, h);
    const ar = ar1Forecast(train, h);
    return {
      year,
      observed,
      q05: quantileSorted(sorted, 0.05),
      q25: quantileSorted(sorted, 0.25),
      q50: quantileSorted(sorted, 0.5),
      q75: quantileSorted(sorted, 0.75),
      q95: quantileSorted(sorted, 0.95),
      crps: crpsEnsemble(xs, observed),
      crpsRandomWalk: crpsNormal(rw.mean, rw.sd, observed),
      crpsAr1: crpsNormal(ar.mean, ar.sd, observed),
      in50: inCentralBand(xs, observed, 0.5),
      in90: inCentralBand(xs, observed, 0.9),
    };
  });
  const mids = scoreMids(s, options, ensemble, trainFrom);
  const medians = relationMedians(s, options, ensemble);
  const relations = scoreRelations(s, medians);
  const unga = scoreUnga(s, medians);
  const mean = (f: (y: BacktestYear) => number) => scored.reduce((a, y) => a + f(y), 0) / scored.length;
  const crps = mean((y) => y.crps);
  const crpsRandomWalk = mean((y) => y.crpsRandomWalk);
  const crpsAr1 = mean((y) => y.crpsAr1);
  return {
    scenario: s,
    ensemble,
    years: scored,
    mids,
    relations,
    unga,
    summary: {
      crps,
      crpsRandomWalk,
      crpsAr1,
      skillRandomWalk: skill(crps, crpsRandomWalk),
      skillAr1: skill(crps, crpsAr1),
      coverage50: mean((y) => (y.in50 ? 1 : 0)),
      coverage90: mean((y) => (y.in90 ? 1 : 0)),
    },
  };
}

/**
 * Brier score of the ensemble's mean crisis probability per dyad-year
 * against observed MID onsets (COW MID v5.0, to 2014), beside the
 * climatological forecast: the onset frequency among the same dyads in the
 * training years.
 */
function scoreMids(
  s: Scenario,
  options: BacktestOptions,
  ensemble: EnsembleOutcome,
  trainFrom: number,
): MidScore | null {
  const from = s.years.from;
  const { onset, lastYear } = midOnsets(s.actors, from);
  const to = Math.min(s.years.to, lastYear);
  if (to < from) return null;
  const years = yearCount(s);
  const names = scenarioSeries(s);
  const dyads = scenarioDyads(s).all;
  const first = names.indexOf(dyadSeriesName(MID_SERIES, s.actors, dyads[0]![0], dyads[0]![1]));
  const sums = new Float64Array(dyads.length * years);
  let runs = 0;
  for (const v of options.store.iterateValues(ensemble.meta.id, options.runs)) {
    for (let k = 0; k < dyads.length; k++)
      for (let t = 0; t < years; t++) sums[k * years + t]! += v[(first + k) * years + t]!;
    runs++;
  }
  let trainOnsets = 0;
  let trainDyadYears = 0;
  for (let year = trainFrom; year < from; year++) {
    for (const [i, j] of dyads) {
      trainOnsets += onset(i, j, year);
      trainDyadYears++;
    }
  }
  const baseRate = trainDyadYears > 0 ? trainOnsets / trainDyadYears : 0;
  const p: number[] = [];
  const o: number[] = [];
  for (let year = from; year <= to; year++) {
    const t = year - from;
    dyads.forEach(([i, j], k) => {
      p.push(sums[k * years + t]! / runs);
      o.push(onset(i, j, year));
    });
  }
  const brier = brierScore(p, o);
  const brierBaseRate = brierScore(
    p.map(() => baseRate),
    o,
  );
  return {
    from,
    to,
    dyadYears: p.length,
    onsets: o.reduce((a, x) => a + x, 0),
    brier,
    baseRate,
    brierBaseRate,
    skill: skill(brier, brierBaseRate),
    meanProbability: p.reduce((a, x) => a + x, 0) / p.length,
  };
}

/** Friendly (1), neutral (0) or hostile (−1), by the relation model's neutral band. */
function relationClass(score: number): number {
  const band = RELATION_KIND_THRESHOLDS.neutralBand;
  return score >= band ? 1 : score > -band ? 0 : -1;
}

/** The relation scores of the actors' dyads in the embedded world of `year` (0 where the world has none). */
function observedRelations(s: Scenario, dyads: DyadList, year: number): number[] {
  const world = loadDefaultWorld({ year });
  const score = new Map<string, number>();
  for (const r of world.relations) score.set(r.a < r.b ? `${r.a}|${r.b}` : `${r.b}|${r.a}`, r.score);
  return dyads.map(([i, j]) => {
    const a = s.actors[i]!;
    const b = s.actors[j]!;
    return score.get(a < b ? `${a}|${b}` : `${b}|${a}`) ?? 0;
  });
}

/**
 * The ensemble's median relation score per dyad and year: `medians[k * years + t]`
 * for dyad k of {@link scenarioDyads} and simulated year t.
 */
function relationMedians(s: Scenario, options: BacktestOptions, ensemble: EnsembleOutcome): Float64Array {
  const years = yearCount(s);
  const dyads = scenarioDyads(s).all;
  const first = scenarioSeries(s).indexOf(
    dyadSeriesName(RELATION_SERIES, s.actors, dyads[0]![0], dyads[0]![1]),
  );
  const cells = Array.from({ length: dyads.length * years }, () => new Float64Array(options.runs));
  let r = 0;
  for (const v of options.store.iterateValues(ensemble.meta.id, options.runs)) {
    for (let k = 0; k < dyads.length; k++)
      for (let t = 0; t < years; t++) cells[k * years + t]![r] = v[(first + k) * years + t]!;
    r++;
  }
  return Float64Array.from(cells, (c) => quantileSorted(c.slice(0, r).sort(), 0.5));
}

/** The simulated years scored against data that end in `last` (null when none is), the year count and the dyads. */
function scoredYears(s: Scenario, last: number) {
  const from = s.years.from;
  const to = Math.min(s.years.to, last);
  return to < from ? null : { from, to, years: yearCount(s), dyads: scenarioDyads(s).all };
}

/**
 * The engine's relations per dyad-year (the ensemble's median) against the
 * relation rule applied to the observed data of each year (the embedded
 * world of that year), beside persistence of the start year's relations.
 */
function scoreRelations(s: Scenario, medians: Float64Array): RelationScore | null {
  const frame = scoredYears(s, DEFAULT_YEAR);
  if (!frame) return null;
  const { from, to, years, dyads } = frame;
  const start = observedRelations(s, dyads, from - 1);
  let agree = 0;
  let agreePersist = 0;
  let mae = 0;
  let maePersist = 0;
  let n = 0;
  for (let year = from; year <= to; year++) {
    const observed = observedRelations(s, dyads, year);
    const t = year - from;
    dyads.forEach((_, k) => {
      const median = medians[k * years + t]!;
      const o = observed[k]!;
      if (relationClass(median) === relationClass(o)) agree++;
      if (relationClass(start[k]!) === relationClass(o)) agreePersist++;
      mae += Math.abs(median - o);
      maePersist += Math.abs(start[k]! - o);
      n++;
    });
  }
  return {
    from,
    to,
    dyadYears: n,
    classAgreement: agree / n,
    classAgreementPersistence: agreePersist / n,
    meanAbsoluteError: mae / n,
    meanAbsoluteErrorPersistence: maePersist / n,
  };
}

/**
 * The COW code of actor `id` in `year` (undefined when the crosswalk has none).
 * A spell that runs to the end of the COW state data (2016) is taken to go on.
 */
function ccodeIn(inputs: WorldInputs, id: string, year: number, dataEnd: number): number | undefined {
  return inputs.crosswalk.find(
    (c) => c.id === id && c.fromYear <= year && (c.toYear >= year || c.toYear === dataEnd),
  )?.ccode;
}

/** The UNGA S-score of each dyad in `year` (null where the two share no roll call or a code is missing). */
function ungaScores(s: Scenario, dyads: DyadList, year: number): (number | null)[] {
  const inputs = loadWorldInputs();
  const dataEnd = inputs.crosswalk.reduce((m, c) => Math.max(m, c.toYear), 0);
  const codes = s.actors.map((id) => ccodeIn(inputs, id, year, dataEnd));
  const votes = ungaVotesOf(loadUngaInputs(), year);
  return dyads.map(([i, j]) => {
    const a = codes[i];
    const b = codes[j];
    const va = a === undefined ? undefined : votes?.get(a);
    const vb = b === undefined ? undefined : votes?.get(b);
    return va === undefined || vb === undefined ? null : (votingAffinity(va, vb)?.sScore ?? null);
  });
}

/**
 * The engine's relations against UNGA voting affinity on its own: per
 * scored year, Spearman's ρ across the dyads between the ensemble's median
 * relation and the S-score of the year's roll calls (Signorino & Ritter; the
 * votes of data/derived/unga-inputs.json), beside two persistence forecasts —
 * the start year's relation scores and the start year's S-scores — and the
 * share of dyad-years where the relation moved from its start in the
 * direction the S-score moved from its start.
 *
 * Ranks, per year: the S-score and the relation score are on different
 * scales, and the S-scores of all dyads rise and fall together with each
 * session's agenda; what a relation forecast can get right is which dyads
 * vote more alike than others, and which drift apart.
 */
function scoreUnga(s: Scenario, medians: Float64Array): UngaScore | null {
  const unga = loadUngaInputs();
  const last = Math.max(
    ...Object.entries(unga.years)
      .filter(([, y]) => y.rollCalls >= MIN_UNGA_ROLL_CALLS)
      .map(([year]) => Number(year)),
  );
  const frame = scoredYears(s, last);
  if (!frame) return null;
  const { from, to, years, dyads } = frame;
  const startRelations = observedRelations(s, dyads, from - 1);
  const startUnga = ungaScores(s, dyads, from - 1);
  const scored: UngaYearScore[] = [];
  let dyadYears = 0;
  let agree = 0;
  let moves = 0;
  for (let year = from; year <= to; year++) {
    const t = year - from;
    const observed = ungaScores(s, dyads, year);
    const engine: number[] = [];
    const held: number[] = [];
    const heldUngaX: number[] = [];
    const heldUngaY: number[] = [];
    const ys: number[] = [];
    dyads.forEach((_, k) => {
      const o = observed[k];
      if (o === null || o === undefined) return;
      const m = medians[k * years + t]!;
      engine.push(m);
      held.push(startRelations[k]!);
      ys.push(o);
      const u = startUnga[k];
      if (u !== null && u !== undefined) {
        heldUngaX.push(u);
        heldUngaY.push(o);
        const du = Math.sign(o - u);
        const dm = Math.sign(m - startRelations[k]!);
        if (du !== 0 && dm !== 0) {
          moves++;
          if (du === dm) agree++;
        }
      }
    });
    dyadYears += ys.length;
    scored.push({
      year,
      dyads: ys.length,
      rankCorrelation: rankCorrelation(engine, ys),
      rankCorrelationPersistence: rankCorrelation(held, ys),
      rankCorrelationUngaPersistence: rankCorrelation(heldUngaX, heldUngaY),
    });
  }
  const meanOf = (f: (y: UngaYearScore) => number | null) => {
    const xs = scored.map(f).filter((x): x is number => x !== null);
    return xs.length === 0 ? null : xs.reduce((a, x) => a + x, 0) / xs.length;
  };
  return {
    from,
    to,
    dyadYears,
    years: scored,
    meanRankCorrelation: meanOf((y) => y.rankCorrelation),
    meanRankCorrelationPersistence: meanOf((y) => y.rankCorrelationPersistence),
    meanRankCorrelationUngaPersistence: meanOf((y) => y.rankCorrelationUngaPersistence),
    directionAgreement: moves === 0 ? null : agree / moves,
    directionDyadYears: moves,
  };
}
