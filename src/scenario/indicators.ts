/**
 * Data collection, after the year's steps (docs/models/scenario.md,
 * "Indicators"): a table of named reporters, as in Mesa's `DataCollector`
 * (`{"agent_count": lambda m: ...}`, Masad & Kazil 2015). A run records the
 * indicators its scenario lists, and only those are computed: each reporter
 * reads the state and the year's {@link YearQuantities}, which computes a
 * quantity that several indicators share (the frustration index, expenditure
 * growth, the stability components) on first use and once a year. The
 * collector only reads the state.
 */
import { badInput } from '../core/errors.js';
import { frustrationIndexSync } from '../models/relations/frustration.js';
import { signedNetwork } from '../models/relations/network.js';
import { eigenvalueMargin } from './arms-update.js';
import { meanTension } from './core-interests.js';
import { totalWarheads } from './events.js';
import type { Parameters } from './params.js';
import type { IndicatorName } from './schema.js';
import type { SimState } from './state.js';

/** Yearly growth at which the arms component of the index falls to 1/e (an assumption, see the doc). */
export const ARMS_GROWTH_SCALE = 0.05;

/** Gini coefficient of non-negative values: Σ_i Σ_j |x_i − x_j| / (2·n²·mean); 0 when all are 0. */
export function gini(values: ArrayLike<number>): number {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  if (n === 0 || sum <= 0) return 0;
  let d = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) d += Math.abs(values[i]! - values[j]!);
  return d / (2 * n * sum);
}

/** The frustration index of a sign pattern and one optimal partition (side 0/1 per actor). */
export interface Frustration {
  readonly index: number;
  readonly side: Uint8Array;
}

/**
 * Frustration results by sign pattern (see {@link relationFrustration}): a
 * cache of a pure function, kept by the caller (the engine's caches), cleared
 * when it holds {@link FRUSTRATION_CACHE_LIMIT} patterns.
 */
export type FrustrationMemo = Map<string, Frustration>;

/** Largest number of sign patterns a {@link FrustrationMemo} holds (it is cleared when full). */
export const FRUSTRATION_CACHE_LIMIT = 200_000;

/**
 * The (unweighted) frustration index of the signed network of relation
 * scores, from models/relations' exact `frustrationIndexSync`. It depends
 * only on the sign of each dyad (+, −, or no tie at 0), so results are
 * memoised in `memo` by sign pattern: exact, and much cheaper since patterns
 * recur across years and runs.
 */
export function relationFrustration(state: SimState, memo: FrustrationMemo): Frustration {
  const n = state.n;
  let key = '';
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const r = state.relation[i * n + j]!;
      key += r > 0 ? '+' : r < 0 ? '-' : '0';
    }
  }
  key += state.actors.join(',');
  const hit = memo.get(key);
  if (hit) return hit;
  const edges: { from: string; to: string; weight: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const r = state.relation[i * n + j]!;
      if (r !== 0) edges.push({ from: state.actors[i]!, to: state.actors[j]!, weight: r > 0 ? 1 : -1 });
    }
  }
  const fr = frustrationIndexSync(signedNetwork(state.actors, edges));
  const inB = new Set(fr.partition[1]);
  const side = Uint8Array.from(state.actors, (id) => (inB.has(id) ? 1 : 0));
  const out = { index: fr.index, side };
  if (memo.size >= FRUSTRATION_CACHE_LIMIT) memo.clear();
  memo.set(key, out);
  return out;
}

/**
 * The quantities several indicators share, for the current year of one run,
 * each computed on first use and at most once a year ({@link nextYear}
 * starts a year). One per run; its methods only read the state.
 */
export class YearQuantities {
  readonly state: SimState;
  readonly params: Parameters;
  private readonly frustrationMemo: FrustrationMemo;
  /** The current year's stamp; a quantity is current when its own stamp equals it. */
  private year = 0;
  private relationSumsYear = -1;
  private scoreSum = 0;
  private positive = 0;
  private ties = 0;
  private nuclearSumsYear = -1;
  private worst = 1;
  private fssSum = 0;
  private nuclearDyads = 0;
  private frustrationYear = -1;
  private frustrationValue: Frustration | undefined;
  private milexGrowthYear = -1;
  private milexGrowthValue = 0;
  private warheadGrowthYear = -1;
  private warheadGrowthValue = 0;
  private armsComponentYear = -1;
  private armsComponentValue = 0;
  private relationsComponentYear = -1;
  private relationsComponentValue = 0;

  constructor(state: SimState, params: Parameters, frustrationMemo: FrustrationMemo) {
    this.state = state;
    this.params = params;
    this.frustrationMemo = frustrationMemo;
  }

  /** Starts a new year: every quantity is computed again on first use. */
  nextYear(): void {
    this.year++;
  }

  /** Number of dyads, n(n − 1)/2. */
  dyads(): number {
    const n = this.state.n;
    return (n * (n - 1)) / 2;
  }

  private relationSums(): void {
    if (this.relationSumsYear === this.year) return;
    const { n, relation } = this.state;
    let scoreSum = 0;
    let positive = 0;
    let ties = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const r = relation[i * n + j]!;
        scoreSum += r;
        if (r > 0) positive++;
        if (r !== 0) ties++;
      }
    }
    this.scoreSum = scoreSum;
    this.positive = positive;
    this.ties = ties;
    this.relationSumsYear = this.year;
  }

  private nuclearSums(): void {
    if (this.nuclearSumsYear === this.year) return;
    const { n, nuclear, firstStrikeStability } = this.state;
    let worst = 1;
    let fssSum = 0;
    let nuclearDyads = 0;
    for (let i = 0; i < n; i++) {
      if (!nuclear[i]) continue;
      for (let j = i + 1; j < n; j++) {
        if (!nuclear[j]) continue;
        const f = firstStrikeStability[i * n + j]!;
        worst = Math.min(worst, f);
        fssSum += f;
        nuclearDyads++;
      }
    }
    this.worst = worst;
    this.fssSum = fssSum;
    this.nuclearDyads = nuclearDyads;
    this.nuclearSumsYear = this.year;
  }

  /** Mean relation score over dyads (0 without dyads). */
  meanScore(): number {
    this.relationSums();
    const dyads = this.dyads();
    return dyads > 0 ? this.scoreSum / dyads : 0;
  }

  /** Share of dyads with r > 0. */
  cooperativeTies(): number {
    this.relationSums();
    const dyads = this.dyads();
    return dyads > 0 ? this.positive / dyads : 0;
  }

  /** The frustration index and an optimal partition of the relation signs ({@link relationFrustration}). */
  frustration(): Frustration {
    if (this.frustrationYear !== this.year || this.frustrationValue === undefined) {
      this.frustrationValue = relationFrustration(this.state, this.frustrationMemo);
      this.frustrationYear = this.year;
    }
    return this.frustrationValue;
  }

  /** Frustration index over the number of non-zero ties (0 … 0.5; 0 without ties). */
  frustrationShare(): number {
    this.relationSums();
    return this.ties > 0 ? this.frustration().index / this.ties : 0;
  }

  /** min of first-strike stability over nuclear dyads (1 when none). */
  worstFirstStrikeStability(): number {
    this.nuclearSums();
    return this.worst;
  }

  /** mean of first-strike stability over nuclear dyads (1 when none). */
  meanFirstStrikeStability(): number {
    this.nuclearSums();
    return this.nuclearDyads > 0 ? this.fssSum / this.nuclearDyads : 1;
  }

  /** Σm / Σm(before the arms step) − 1 (0 when the sum before is 0). */
  milexGrowth(): number {
    if (this.milexGrowthYear !== this.year) {
      const { n, milexUsd, previousMilexUsd } = this.state;
      let before = 0;
      let after = 0;
      for (let i = 0; i < n; i++) {
        before += previousMilexUsd[i]!;
        after += milexUsd[i]!;
      }
      this.milexGrowthValue = before > 0 ? after / before - 1 : 0;
      this.milexGrowthYear = this.year;
    }
    return this.milexGrowthValue;
  }

  /** Deployed warheads / deployed warheads before the arms step − 1 (0 when there were none). */
  warheadGrowth(): number {
    if (this.warheadGrowthYear !== this.year) {
      const before = this.state.previousWarheads;
      this.warheadGrowthValue = before > 0 ? totalWarheads(this.state) / before - 1 : 0;
      this.warheadGrowthYear = this.year;
    }
    return this.warheadGrowthValue;
  }

  /** The crisis component of the index: the worst first-strike stability. */
  crisisComponent(): number {
    return this.worstFirstStrikeStability();
  }

  /** The arms component: exp(−(max(0, milex growth) + max(0, warhead growth)) / {@link ARMS_GROWTH_SCALE}). */
  armsComponent(): number {
    if (this.armsComponentYear !== this.year) {
      this.armsComponentValue = Math.exp(
        -(Math.max(0, this.milexGrowth()) + Math.max(0, this.warheadGrowth())) / ARMS_GROWTH_SCALE,
      );
      this.armsComponentYear = this.year;
    }
    return this.armsComponentValue;
  }

  /** The relations component: ½(1 − 2·frustration share) + ½·cooperative ties. */
  relationsComponent(): number {
    if (this.relationsComponentYear !== this.year) {
      this.relationsComponentValue = 0.5 * (1 - 2 * this.frustrationShare()) + 0.5 * this.cooperativeTies();
      this.relationsComponentYear = this.year;
    }
    return this.relationsComponentValue;
  }
}

/**
 * One indicator: its yearly value and, for an indicator also recorded per
 * actor, each actor's value; or, for an indicator recorded per dyad (of the
 * nuclear powers, of all actors, or of the core-interest participants), only
 * each dyad's value.
 */
export interface IndicatorReporter {
  /** The indicator's value in the current year (the state after the year's steps); required unless `perDyad` is given. */
  readonly value?: (state: SimState, year: YearQuantities) => number;
  /** Actor i's value, recorded as series `name.ID` after the indicator's own series. */
  readonly perActor?: (state: SimState, i: number) => number;
  /**
   * Dyad (i, j)'s value (i before j in the scenario's order), recorded for
   * every dyad of {@link IndicatorReporter.dyads} as series `stem.A-B`, where
   * `stem` is the indicator's name without its last part
   * (`crisisStability.dyad` → `crisisStability.USA-RUS`); such an indicator
   * has no series of its own.
   */
  readonly perDyad?: (state: SimState, i: number, j: number) => number;
  /** Which dyads a per-dyad indicator records (default `nuclear`). */
  readonly dyads?: DyadSet;
}

/** The sets of dyads per-dyad indicators record: of nuclear powers, of all actors, of core-interest participants. */
export type DyadSet = 'nuclear' | 'all' | 'coreInterests';

/** A scenario's dyads of each {@link DyadSet}. */
export type DyadSets = Readonly<Record<DyadSet, DyadList>>;

/** The dyads reporter `r` records: from the sets, or the one list given for every per-dyad reporter. */
function dyadsOf(r: IndicatorReporter, dyads: DyadList | DyadSets): DyadList {
  return Array.isArray(dyads) ? (dyads as DyadList) : (dyads as DyadSets)[r.dyads ?? 'nuclear'];
}

/** The dyads (i < j) recorded by per-dyad indicators, as index pairs into the scenario's actors. */
export type DyadList = readonly (readonly [number, number])[];

/** The series name of dyad (i, j) of a per-dyad indicator `name`. */
export function dyadSeriesName(name: string, actors: readonly string[], i: number, j: number): string {
  const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
  return `${stem}.${actors[i]!}-${actors[j]!}`;
}

/** Reporters by indicator name. */
export type ReporterTable = Readonly<Record<string, IndicatorReporter>>;

/**
 * Stability index: (w_c·crisis + w_a·arms + w_r·relations) / (w_c + w_a + w_r),
 * 0 when the weights sum to 0.
 */
function stabilityIndex(q: YearQuantities): number {
  const w = q.params.weights;
  const wSum = w.crisis + w.arms + w.relations;
  return wSum > 0
    ? (w.crisis * q.crisisComponent() + w.arms * q.armsComponent() + w.relations * q.relationsComponent()) /
        wSum
    : 0;
}

/**
 * Negative ties between the two blocs of an optimal frustration partition,
 * over ⌊n/2⌋·⌈n/2⌉ (1 = two equal blocs, all hostile across).
 */
function polarization(state: SimState, q: YearQuantities): number {
  const n = state.n;
  const side = q.frustration().side;
  let crossNegative = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (state.relation[i * n + j]! < 0 && side[i] !== side[j]) crossNegative++;
    }
  }
  const maxCross = Math.floor(n / 2) * Math.ceil(n / 2);
  return maxCross > 0 ? crossNegative / maxCross : 0;
}

/**
 * Each actor's cumulative win-win gains as a share of its GDP (the gains are
 * US$ billion with trade stakes; 0 for an actor without GDP).
 */
function winWinShareOfGdp(s: SimState): Float64Array {
  const out = new Float64Array(s.n);
  for (let i = 0; i < s.n; i++) {
    const gdp = s.gdpUsd[i]!;
    out[i] = gdp > 0 ? (s.winWin[i]! * 1e9) / gdp : 0;
  }
  return out;
}

/** Σ_i of a per-actor account. */
function total(values: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  return sum;
}

/**
 * The engine's indicators (docs/models/scenario.md, "Indicators"), one
 * reporter each; the gains accounts are also recorded per actor.
 */
export const INDICATOR_REPORTERS: Readonly<Record<IndicatorName, IndicatorReporter>> = Object.freeze({
  'crisisStability.worst': { value: (_, q) => q.worstFirstStrikeStability() },
  'crisisStability.mean': { value: (_, q) => q.meanFirstStrikeStability() },
  'crisisStability.dyad': { perDyad: (s, i, j) => s.firstStrikeStability[i * s.n + j]! },
  'arms.milexGrowth': { value: (_, q) => q.milexGrowth() },
  'arms.warheadGrowth': { value: (_, q) => q.warheadGrowth() },
  'arms.eigenvalueMargin': { value: (s, q) => eigenvalueMargin(s, q.params, s.armsSystem) },
  'relations.frustration': { value: (_, q) => q.frustrationShare() },
  'relations.cooperativeTies': { value: (_, q) => q.cooperativeTies() },
  'relations.polarization': { value: polarization },
  'relations.meanScore': { value: (_, q) => q.meanScore() },
  'crises.count': { value: (s) => s.crises },
  'crises.escalations': { value: (s) => s.escalations },
  'gains.winWin': { value: (s) => total(s.winWin, s.n), perActor: (s, i) => s.winWin[i]! },
  'gains.loseLose': { value: (s) => total(s.loseLose, s.n), perActor: (s, i) => s.loseLose[i]! },
  'gains.net': { value: (s) => total(s.net, s.n), perActor: (s, i) => s.net[i]! },
  'gains.gini': { value: (s) => gini(s.winWin) },
  'gains.giniShare': { value: (s) => gini(winWinShareOfGdp(s)) },
  'stability.crisis': { value: (_, q) => q.crisisComponent() },
  'stability.arms': { value: (_, q) => q.armsComponent() },
  'stability.relations': { value: (_, q) => q.relationsComponent() },
  'stability.index': { value: (_, q) => stabilityIndex(q) },
  'coreInterests.meanTension': { value: (s) => meanTension(s.coreInterests) },
  'coreInterests.dyad': {
    perDyad: (s, i, j) => s.coreInterests?.tension[i * s.n + j] ?? 0,
    dyads: 'coreInterests',
  },
  'crisisProbability.dyad': { perDyad: (s, i, j) => s.crisisProbability[i * s.n + j]!, dyads: 'all' },
  'relations.dyad': { perDyad: (s, i, j) => s.relation[i * s.n + j]!, dyads: 'all' },
});

/**
 * The recorded series names: each indicator, and after an indicator with a
 * per-actor reporter one series `name.ID` per actor; an indicator with a
 * per-dyad reporter records one series per dyad of `dyads` instead of its own.
 *
 * @throws {ConcertError} bad-input when an indicator has no reporter in `reporters`
 * @example
 * seriesNames(['gains.net', 'stability.index'], ['USA', 'CHN']);
 * // => ['gains.net', 'gains.net.USA', 'gains.net.CHN', 'stability.index']
 * seriesNames(['crisisStability.dyad'], ['USA', 'CHN', 'RUS'], INDICATOR_REPORTERS, [[0, 1], [0, 2]]);
 * // => ['crisisStability.USA-CHN', 'crisisStability.USA-RUS']
 */
export function seriesNames(
  indicators: readonly string[],
  actors: readonly string[],
  reporters: ReporterTable = INDICATOR_REPORTERS,
  dyads: DyadList | DyadSets = [],
): string[] {
  const out: string[] = [];
  for (const name of indicators) {
    const r = reporterOf(reporters, name);
    if (r.perDyad) {
      for (const [i, j] of dyadsOf(r, dyads)) out.push(dyadSeriesName(name, actors, i, j));
      continue;
    }
    out.push(name);
    if (r.perActor) for (const id of actors) out.push(`${name}.${id}`);
  }
  return out;
}

function reporterOf(reporters: ReporterTable, name: string): IndicatorReporter {
  const r = Object.hasOwn(reporters, name) ? reporters[name] : undefined;
  if (!r || (!r.value && !r.perDyad)) {
    throw badInput({
      message: `scenario/indicators: no reporter for indicator "${name}" (reporters: ${Object.keys(reporters).join(', ')})`,
      path: ['indicators'],
    });
  }
  return r;
}

/**
 * The data collector of a run: the reporters of the recorded indicators, in
 * order, and the number of series they write. Built once for a scenario and
 * a reporter table, and used by every run.
 */
export class IndicatorCollector {
  private readonly reporters: readonly IndicatorReporter[];
  private readonly actors: number;
  /** Per reporter, the dyads it records (empty for one that is not per dyad). */
  private readonly dyads: readonly DyadList[];
  /** Number of recorded series (rows of a run's values). */
  readonly seriesCount: number;

  /** @throws {ConcertError} bad-input when an indicator has no reporter in `reporters` */
  constructor(
    indicators: readonly string[],
    actors: number,
    reporters: ReporterTable = INDICATOR_REPORTERS,
    dyads: DyadList | DyadSets = [],
  ) {
    this.reporters = indicators.map((name) => reporterOf(reporters, name));
    this.actors = actors;
    this.dyads = this.reporters.map((r) => (r.perDyad ? dyadsOf(r, dyads) : []));
    let count = 0;
    this.reporters.forEach((r, k) => {
      count += r.perDyad ? this.dyads[k]!.length : r.perActor ? 1 + actors : 1;
    });
    this.seriesCount = count;
  }

  /**
   * Writes the year's recorded series into `out` at column `yearIndex`
   * (row-major: series × years), computing only the recorded indicators.
   */
  record(state: SimState, year: YearQuantities, yearIndex: number, years: number, out: Float64Array): void {
    let row = 0;
    for (const [k, reporter] of this.reporters.entries()) {
      const perDyad = reporter.perDyad;
      if (perDyad) {
        for (const [i, j] of this.dyads[k]!) {
          out[row * years + yearIndex] = perDyad(state, i, j);
          row++;
        }
        continue;
      }
      out[row * years + yearIndex] = reporter.value!(state, year);
      row++;
      const perActor = reporter.perActor;
      if (perActor) {
        for (let i = 0; i < this.actors; i++) {
          out[row * years + yearIndex] = perActor(state, i);
          row++;
        }
      }
    }
  }
}
