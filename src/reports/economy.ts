/**
 * The economy reports (models/economy; docs/models/economy.md): trade
 * dependence, gains from trade and their inequality, gravity, power
 * transition, and the gains-from-trade game for `concert coalitions solve
 * --world`. Each `…Analysis` makes the model calls a command or route makes
 * and builds the document, so that the CLI and the API make the same calls.
 */
import { badInput, ConcertError, type Problem } from '../core/errors.js';
import type { TuGame } from '../models/coalitions/index.js';
import {
  atkinson,
  checkActorIds,
  checkTradeElasticity,
  type DataFrame,
  DEFAULT_PARITY_THRESHOLD,
  DEFAULT_TRADE_ELASTICITY,
  dyadicMeasures,
  GAINS_FORMULA,
  type GainsForm,
  type GravityMethod,
  gainsFromTradeGame,
  gainsOfTable,
  gini,
  gravity,
  parseFormula,
  powerTransition,
  type TradeTable,
  type TradeTotals,
  theil,
  tradeTableOfWorld,
} from '../models/economy/index.js';
import { defaultPowerSeries, gravityFrame, type PowerMeasure, type World } from '../world/index.js';
import type { Document } from './document.js';
import type {
  EconomyDependenceSchema,
  EconomyGainsSchema,
  EconomyGravitySchema,
  EconomyTransitionSchema,
  GAINS_QUANTITIES,
} from './schemas/economy.js';

export type EconomyDependenceDocument = Document<typeof EconomyDependenceSchema>;
export type EconomyGainsDocument = Document<typeof EconomyGainsSchema>;
export type EconomyGravityDocument = Document<typeof EconomyGravitySchema>;
export type EconomyTransitionDocument = Document<typeof EconomyTransitionSchema>;
export type GainsQuantity = (typeof GAINS_QUANTITIES)[number];

/** National totals farther than this factor from the dyadic sums are flagged in the notes. */
const TOTALS_TOLERANCE = 1.15;

const orNull = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * The states a command names: `all` (every actor with trade), a list of ids,
 * or, when none is given, COW's major powers of the world's year.
 * Problems with the list are at `[i]`.
 */
export function economyStates(world: World, states?: readonly string[] | 'all'): string[] {
  if (states === 'all') {
    const traded = new Set((world.trade ?? []).flatMap((f) => [f.a, f.b]));
    return Object.keys(world.actors).filter((id) => traded.has(id));
  }
  if (states) {
    checkActorIds(world, states);
    return [...states];
  }
  const majors = Object.entries(world.actors)
    .filter(([, a]) => a.cowMajor)
    .map(([id]) => id);
  if (majors.length < 2)
    throw badInput({
      path: [],
      message: `the world of ${world.year} has fewer than two COW major powers: list the states to use`,
    });
  return majors;
}

/** The world's trade year, or bad input (at `[]`) when the world has no trade. */
function tableOf(world: World, ids: readonly string[], totals?: TradeTotals): TradeTable {
  if (!world.trade || world.trade.length === 0)
    throw badInput({
      path: [],
      message: `the world of ${world.year} has no trade: COW trade covers 1870–2014 (the 2015 and 2016 default worlds carry 2014), or give "trade" entries in a world file`,
    });
  return tradeTableOfWorld(world, ids, totals ? { totals } : {});
}

function totalsNotes(table: TradeTable): string[] {
  const out: string[] = [];
  table.ids.forEach((id, i) => {
    const m = table.importsUsdM[i]! / table.importsSumUsdM[i]!;
    const x = table.exportsUsdM[i]! / table.exportsSumUsdM[i]!;
    const off = (r: number) => Number.isFinite(r) && (r > TOTALS_TOLERANCE || r < 1 / TOTALS_TOLERANCE);
    if (table.totals === 'national' && (off(m) || off(x)))
      out.push(
        `${id}: national imports/exports are ${m.toFixed(2)}× / ${x.toFixed(2)}× the sums of its dyadic flows (COW national trade; use totals "dyadic-sums" to compare)`,
      );
  });
  return out;
}

function sourceOf(world: World, table: TradeTable): string {
  const national = Object.values(world.actors).some((a) => a.trade);
  if (!national)
    return `the world's trade entries (${table.year}) with its actors' GDP; national totals summed from the entries`;
  const base = `COW Trade v4.0 (${table.year}) and World Bank GDP`;
  return table.year === world.year
    ? base
    : `${base}; the ${world.year} world carries the last trade year, ${table.year}`;
}

/** Options of {@link dependenceAnalysis} and {@link gainsAnalysis}. */
export interface EconomyOptions {
  /** `all`, a list of ids, or COW's major powers when omitted. */
  readonly states?: readonly string[] | 'all';
  readonly totals?: TradeTotals;
}

/**
 * Oneal–Russett dependence and Barbieri's measures for every pair of the
 * states, with each state's openness.
 *
 * @throws {ConcertError} bad input at `['states', i]` for unknown or repeated
 *   ids, and at `[]` when the world has no trade.
 */
export function dependenceAnalysis(world: World, options: EconomyOptions = {}): EconomyDependenceDocument {
  const ids = underStates(() => economyStates(world, options.states));
  const table = tableOf(world, ids, options.totals);
  const m = dyadicMeasures(table);
  const states = table.ids.map((id, i) => {
    const gdp = table.gdpUsdM[i]!;
    const x = table.exportsUsdM[i]!;
    const imp = table.importsUsdM[i]!;
    return {
      id,
      name: table.names[i]!,
      gdpUsdM: orNull(gdp),
      importsUsdM: orNull(imp),
      exportsUsdM: orNull(x),
      openness: orNull(gdp > 0 ? (x + imp) / gdp : Number.NaN),
    };
  });
  const dyads = [];
  for (let d = 0; d < m.dyads; d++)
    dyads.push({
      a: table.ids[m.first[d]!]!,
      b: table.ids[m.second[d]!]!,
      importsOfAFromBUsdM: orNull(m.importsOfFirst[d]!),
      importsOfBFromAUsdM: orNull(m.importsOfSecond[d]!),
      tradeUsdM: orNull(m.tradeUsdM[d]!),
      dependenceA: orNull(m.dependenceFirst[d]!),
      dependenceB: orNull(m.dependenceSecond[d]!),
      weakLink: orNull(m.weakLink[d]!),
      shareA: orNull(m.shareFirst[d]!),
      shareB: orNull(m.shareSecond[d]!),
      salience: orNull(m.salience[d]!),
      symmetry: orNull(m.symmetry[d]!),
      interdependence: orNull(m.interdependence[d]!),
    });
  return {
    worldYear: world.year,
    tradeYear: table.year,
    source: sourceOf(world, table),
    totals: table.totals,
    states,
    dyads,
    notes: [
      'Goods only (no services), rounded to whole million US$; a dyad whose flows COW does not report has null measures.',
      ...totalsNotes(table),
    ],
  };
}

function underStates<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ConcertError && e.code === 'bad-input')
      throw new ConcertError(
        'bad-input',
        e.problems.map((p) => ({ ...p, path: p.path && p.path.length > 0 ? ['states', ...p.path] : [] })),
      );
    throw e;
  }
}

/** Options of {@link gainsAnalysis}. */
export interface GainsOptions extends EconomyOptions {
  /** Trade elasticity θ > 0 (default {@link DEFAULT_TRADE_ELASTICITY}). */
  readonly theta?: number;
  readonly form?: GainsForm;
  /** What the inequality is measured on (default `share`: gains as a share of GDP). */
  readonly quantity?: GainsQuantity;
  /** Atkinson's inequality aversions (default 0.5, 1, 2). */
  readonly epsilons?: readonly number[];
}

/**
 * Gains from trade (ACR) of each state and their inequality across the
 * states (Gini, Theil, Atkinson; equal and population weights).
 *
 * @throws {ConcertError} bad input at `['theta']` for θ ≤ 0, at
 *   `['epsilons', k]` for ε < 0, at `['states', i]` for unknown ids and at
 *   `[]` when the world has no trade.
 */
export function gainsAnalysis(world: World, options: GainsOptions = {}): EconomyGainsDocument {
  const theta = options.theta ?? DEFAULT_TRADE_ELASTICITY;
  const form = options.form ?? 'loss-of-autarky';
  const quantity = options.quantity ?? 'share';
  const epsilons = options.epsilons ?? [0.5, 1, 2];
  const problems: Problem[] = [];
  try {
    checkTradeElasticity(theta);
  } catch (e) {
    if (e instanceof ConcertError) problems.push(...e.problems);
  }
  epsilons.forEach((eps, k) => {
    if (!(Number.isFinite(eps) && eps >= 0))
      problems.push({ path: ['epsilons', k], message: `expected an inequality aversion ε ≥ 0; got ${eps}` });
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const ids = underStates(() => economyStates(world, options.states));
  const table = tableOf(world, ids, options.totals);
  const gains = gainsOfTable(table, theta, form);
  const states = gains.map((g, i) => {
    const pop = table.population[i]!;
    return {
      id: g.id,
      name: table.names[i]!,
      gdpUsdM: orNull(table.gdpUsdM[i]!),
      importsUsdM: orNull(table.importsUsdM[i]!),
      exportsUsdM: orNull(table.exportsUsdM[i]!),
      population: orNull(pop),
      lambda: orNull(g.lambda),
      gainShare: orNull(g.gainShare),
      gainUsdM: orNull(g.gainUsdM),
      gainPerCapitaUsd: orNull(pop > 0 ? (g.gainUsdM * 1e6) / pop : Number.NaN),
      reason: g.reason ?? null,
    };
  });
  const value = (s: (typeof states)[number]) =>
    quantity === 'share' ? s.gainShare : quantity === 'usd' ? s.gainUsdM : s.gainPerCapitaUsd;
  const defined = states.filter((s) => value(s) !== null && value(s)! > 0);
  const indices = (weights?: number[]) => {
    const values = defined.map((s) => value(s)!);
    return {
      gini: gini(values, weights),
      theil: theil(values, weights),
      atkinson: epsilons.map((epsilon) => ({ epsilon, value: atkinson(values, epsilon, weights) })),
    };
  };
  const populations = defined.map((s) => s.population);
  const inequality =
    defined.length < 2
      ? null
      : {
          quantity,
          states: defined.map((s) => s.id),
          equalWeights: indices(),
          populationWeights: populations.every((p) => p !== null && p > 0)
            ? indices(populations as number[])
            : null,
        };
  return {
    worldYear: world.year,
    tradeYear: table.year,
    source: sourceOf(world, table),
    theta,
    form,
    formula: `${GAINS_FORMULA[form]}, λ = (GDP − X) / (GDP − X + M)`,
    totals: table.totals,
    states,
    inequality,
    notes: [
      'λ from goods-only trade with GDP standing in for gross output: import shares of GDP exceed import shares of gross spending, so the gains are above one-sector ACR calibrations on gross output (docs/models/economy.md).',
      ...totalsNotes(table),
    ],
  };
}

/** The default gravity specification on a world's trade (`gravityFrame`'s columns). */
export const DEFAULT_GRAVITY_FORMULA = 'trade ~ log(gdp_ex) + log(gdp_im) + log(dist_km) + contig';

/** The gravity input of a world's trade (`gravityFrame`), or bad input at `[]` when it has none. */
export function worldGravityInput(world: World): GravityInput {
  if (!world.trade || world.trade.length === 0)
    throw badInput({
      path: [],
      message: `the world of ${world.year} has no trade: COW trade covers 1870–2014 (the 2015 and 2016 default worlds carry 2014)`,
    });
  const year = Object.values(world.actors).find((a) => a.trade)?.trade?.year ?? world.year;
  return {
    frame: gravityFrame(world),
    source: `COW Trade v4.0 directed flows of ${year}, World Bank GDP and population, capitals (peacesciencer) and COW direct contiguity`,
    tradeYear: year,
  };
}

/** What {@link gravityAnalysis} estimates on. */
export interface GravityInput {
  readonly frame: DataFrame;
  /** Where the data came from, for the document. */
  readonly source: string;
  readonly tradeYear: number | null;
}

/**
 * A gravity equation (log-linear OLS or PPML) on a data frame.
 *
 * @throws {ConcertError} bad input at `['formula']` for a formula that cannot
 *   be read, unknown columns, too few observations or a singular design matrix.
 */
export function gravityAnalysis(
  input: GravityInput,
  formula: string,
  method: GravityMethod = 'ppml',
): EconomyGravityDocument {
  const fit = gravity(input.frame, parseFormula(formula), { method });
  return {
    source: input.source,
    tradeYear: input.tradeYear,
    method: fit.method,
    formula: fit.formula,
    observations: fit.observations,
    dropped: fit.dropped,
    zeroResponses: fit.zeroResponses,
    coefficients: fit.coefficients,
    iterations: fit.iterations,
    converged: fit.converged,
    rSquared: fit.rSquared,
  };
}

const MEASURES: Record<PowerMeasure, { unit: string; source: string }> = {
  'gdp-ppp': {
    unit: 'GDP, 2011 international dollars (PPP)',
    source:
      'Maddison Project Database 2020 (Bolt & van Zanden 2020); RUS is the former USSR to 1991, SRB former Yugoslavia to 1991',
  },
  cinc: {
    unit: 'CINC (share of the system’s capabilities)',
    source: 'COW National Material Capabilities v6.0, published CINC',
  },
};

/** Options of {@link transitionAnalysis}. */
export interface TransitionAnalysisOptions {
  readonly measure?: PowerMeasure;
  readonly from?: number;
  readonly to?: number;
  readonly parityThreshold?: number;
}

/**
 * The power transition of two actors from the embedded data.
 *
 * @throws {ConcertError} bad input at `['a']` / `['b']` for an id without
 *   data, at `['b']` when both are the same, and at the window's bounds.
 */
export function transitionAnalysis(
  a: string,
  b: string,
  options: TransitionAnalysisOptions = {},
): EconomyTransitionDocument {
  const measure = options.measure ?? 'gdp-ppp';
  const problems: Problem[] = [];
  const pa = defaultPowerSeries(a, measure);
  const pb = defaultPowerSeries(b, measure);
  const none = (id: string) =>
    `no ${measure === 'gdp-ppp' ? 'Maddison GDP' : 'CINC'} series for "${id}": expected an actor id such as USA, CHN, RUS`;
  if (pa.length === 0) problems.push({ path: ['a'], message: none(a) });
  if (pb.length === 0) problems.push({ path: ['b'], message: none(b) });
  if (a === b)
    problems.push({ path: ['b'], message: `"${b}" is given twice: expected two different actors` });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const t = powerTransition(a, pa, b, pb, {
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
    parityThreshold: options.parityThreshold ?? DEFAULT_PARITY_THRESHOLD,
  });
  return {
    a,
    b,
    measure,
    unit: MEASURES[measure].unit,
    source: MEASURES[measure].source,
    parityThreshold: t.parityThreshold,
    series: t.years.map((year, k) => ({ year, a: t.valuesA[k]!, b: t.valuesB[k]!, ratio: t.ratio[k]! })),
    parityYears: t.parityYears,
    overtakings: t.overtakings,
    growth: t.growth,
  };
}

/**
 * The gains-from-trade TU game of `actors` of a world (`gainsFromTradeGame`:
 * a coalition is worth its members' ACR gains from trading with one another
 * only, million US$ per year), named. Problems are at `[i]` for unknown,
 * repeated or unusable actors, at `[]` for fewer than two actors or a world
 * without trade, and at `['theta']`.
 */
export function tradeGainsGameOf(
  world: World,
  actors: readonly string[],
  theta: number = DEFAULT_TRADE_ELASTICITY,
): { game: TuGame; name: string } {
  checkTradeElasticity(theta);
  checkActorIds(world, actors);
  const table = tableOf(world, actors);
  return {
    game: gainsFromTradeGame(table, theta),
    name: `gains from trade among ${actors.join(', ')} (${table.year}, ACR with θ = ${theta}, million US$ a year)`,
  };
}
