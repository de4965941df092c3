/**
 * Comparing two scenarios with common random numbers (Law 2015, *Simulation
 * Modeling and Analysis*, §11.2): both ensembles use the same seed, so run k
 * of A and run k of B share their random streams (streams.ts keys every draw
 * by purpose, year and actors), and the per-run difference B_k − A_k has far
 * less variance than the difference of two independent ensembles.
 *
 * Reported per indicator and year: quantile bands of B_k − A_k, its mean and
 * a 95% confidence interval mean ± 1.96·sd/√N (normal approximation).
 * Attribution: each event of either scenario is switched off in turn (same
 * seed again) and its effect on B − A in each year is the paired mean
 * difference, with its interval.
 */
import { badInput } from '../core/errors.js';
import type { RunStore } from '../runtime/store.js';
import { type Bands, bandsOf, type EnsembleOptions, type EnsembleOutcome, runEnsemble } from './ensemble.js';
import type { Scenario } from './scenario.js';
import type { ScenarioEvent } from './schema.js';

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/** Bands of the per-run difference B − A, with the mean's 95% confidence interval. */
export interface Difference extends Bands {
  readonly ciLow: number[];
  readonly ciHigh: number[];
}

/** A paired mean difference per year with its 95% interval. */
export interface Effect {
  readonly years: number[];
  readonly mean: number[];
  readonly ciLow: number[];
  readonly ciHigh: number[];
}

/** What switching one event off does to B − A, year by year. */
export interface Attribution {
  /** Which scenario the event belongs to. */
  readonly scenario: 'a' | 'b';
  /** Index in that scenario's `events`. */
  readonly event: number;
  readonly type: ScenarioEvent['type'];
  readonly year: number;
  readonly label: string;
  /** Effect of the event on B − A per series and year: for B's events B − B∖e, for A's events −(A − A∖e). */
  readonly effects: Record<string, Effect>;
}

export interface Comparison {
  readonly a: EnsembleOutcome;
  readonly b: EnsembleOutcome;
  readonly runs: number;
  readonly seed: number;
  /** Series recorded by both scenarios. */
  readonly series: readonly string[];
  readonly differences: Record<string, Difference>;
  readonly attribution: readonly Attribution[];
}

export interface CompareOptions extends EnsembleOptions {
  /** Switch each event off in turn (default true). */
  readonly attribution?: boolean;
  /** Called before each ensemble with a label (for progress display). */
  readonly onEnsemble?: (label: string) => void;
}

/** A short label of an event: type, year, actors, and the system a deployment or force change names. */
export function eventLabel(e: ScenarioEvent): string {
  const who = 'actors' in e ? e.actors.join('+') : 'target' in e ? `${e.actor}→${e.target}` : e.actor;
  const system =
    'system' in e && e.system !== undefined
      ? ` ${e.system}`
      : e.type === 'switch-sensor'
        ? ` ${e.sensor}${e.enabled ? '' : ' off'}`
        : e.type === 'concede'
          ? ` ${e.dimension}`
          : '';
  return `${e.type} ${e.year} ${who}${system}`;
}

function* pairedDifferences(
  store: RunStore,
  a: EnsembleOutcome,
  b: EnsembleOutcome,
  series: readonly string[],
): IterableIterator<Float64Array> {
  const years = a.meta.yearTo - a.meta.yearFrom + 1;
  const ia = series.map((s) => a.meta.series.indexOf(s));
  const ib = series.map((s) => b.meta.series.indexOf(s));
  const itA = store.iterateRuns(a.meta.id, a.runs);
  const itB = store.iterateRuns(b.meta.id, b.runs);
  for (;;) {
    const ra = itA.next();
    const rb = itB.next();
    if (ra.done || rb.done) return;
    const d = new Float64Array(series.length * years);
    for (let s = 0; s < series.length; s++) {
      for (let t = 0; t < years; t++) {
        d[s * years + t] = rb.value.values[ib[s]! * years + t]! - ra.value.values[ia[s]! * years + t]!;
      }
    }
    yield d;
  }
}

/** Mean and 95% interval of each cell of a stream of difference vectors (Welford's running variance). */
function pairedEffects(
  source: Iterable<Float64Array>,
  cells: number,
): { mean: Float64Array; half: Float64Array } {
  const mean = new Float64Array(cells);
  const m2 = new Float64Array(cells);
  let n = 0;
  for (const d of source) {
    n++;
    for (let c = 0; c < cells; c++) {
      const delta = d[c]! - mean[c]!;
      mean[c] = mean[c]! + delta / n;
      m2[c] = m2[c]! + delta * (d[c]! - mean[c]!);
    }
  }
  const half = new Float64Array(cells);
  for (let c = 0; c < cells; c++) half[c] = n > 1 ? (Z95 * Math.sqrt(m2[c]! / (n - 1))) / Math.sqrt(n) : 0;
  return { mean, half };
}

function withoutEvent(s: Scenario, k: number): Scenario {
  return { ...s, events: s.events.filter((_, i) => i !== k) };
}

/**
 * Runs A and B with the same seed and runs, and returns their paired
 * differences and (unless switched off) the attribution of B − A to each event.
 */
export async function compareScenarios(
  a: Scenario,
  b: Scenario,
  options: CompareOptions,
): Promise<Comparison> {
  if (a.years.from !== b.years.from || a.years.to !== b.years.to) {
    throw badInput(
      `the scenarios cover different years (${a.name}: ${a.years.from}..${a.years.to}, ${b.name}: ${b.years.from}..${b.years.to}): compare needs the same years`,
    );
  }
  const store = options.store;
  options.onEnsemble?.(`${a.name}`);
  const ea = await runEnsemble(a, options);
  options.onEnsemble?.(`${b.name}`);
  const eb = await runEnsemble(b, options);
  const series = ea.meta.series.filter((s) => eb.meta.series.includes(s));
  const years = a.years.to - a.years.from + 1;
  const bands = bandsOf(
    () => pairedDifferences(store, ea, eb, series),
    series,
    a.years.from,
    a.years.to,
    options.runs,
  );
  const { mean, half } = pairedEffects(pairedDifferences(store, ea, eb, series), series.length * years);
  const differences: Record<string, Difference> = {};
  series.forEach((name, s) => {
    const band = bands[name]!;
    const ciLow: number[] = [];
    const ciHigh: number[] = [];
    for (let t = 0; t < years; t++) {
      ciLow.push(mean[s * years + t]! - half[s * years + t]!);
      ciHigh.push(mean[s * years + t]! + half[s * years + t]!);
    }
    differences[name] = { ...band, ciLow, ciHigh };
  });
  const attribution: Attribution[] = [];
  if (options.attribution ?? true) {
    for (const [which, scenario, base] of [
      ['a', a, ea],
      ['b', b, eb],
    ] as const) {
      for (const [k, e] of scenario.events.entries()) {
        const label = eventLabel(e);
        options.onEnsemble?.(`${scenario.name} without ${label}`);
        const without = await runEnsemble(withoutEvent(scenario, k), options);
        const sign = which === 'b' ? 1 : -1;
        const fx = pairedEffects(pairedDifferences(store, without, base, series), series.length * years);
        const effects: Record<string, Effect> = {};
        const yearList = Array.from({ length: years }, (_, t) => a.years.from + t);
        series.forEach((name, s) => {
          const e: Effect = { years: yearList, mean: [], ciLow: [], ciHigh: [] };
          for (let t = 0; t < years; t++) {
            const c = s * years + t;
            const m = sign * fx.mean[c]!;
            e.mean.push(m);
            e.ciLow.push(m - fx.half[c]!);
            e.ciHigh.push(m + fx.half[c]!);
          }
          effects[name] = e;
        });
        attribution.push({ scenario: which, event: k, type: e.type, year: e.year, label, effects });
      }
    }
  }
  return { a: ea, b: eb, runs: options.runs, seed: options.seed, series, differences, attribution };
}
