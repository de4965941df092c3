/**
 * The trade of a set of states in one year, in the form every economic
 * measure reads: national GDP, imports and exports, and the n × n matrix of
 * bilateral imports (current million US$; NaN where unknown).
 *
 * {@link tradeTableOfWorld} builds it from a World: the dyadic `trade`
 * entries, and each actor's `trade` block (COW national trade and GDP of the
 * trade year) or, where the actor has none, its `gdpUsd`. National totals are
 * the actors' national trade, or the sums of the world's dyadic flows when
 * asked (`totals: 'dyadic-sums'`) or when an actor has no national figures:
 * COW's national totals for China (2010s) are about a fifth above the sum of
 * its dyadic flows, as if they included Hong Kong (docs/models/economy.md).
 */
import { badInput, ConcertError, type Problem, previewIds } from '../../core/errors.js';
import type { World } from '../../world/schema.js';

export interface TradeTable {
  /** Year of the trade figures. */
  readonly year: number;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** GDP, current million US$. */
  readonly gdpUsdM: Float64Array;
  /** National imports and exports (all partners), current million US$. */
  readonly importsUsdM: Float64Array;
  readonly exportsUsdM: Float64Array;
  /** Population, persons. */
  readonly population: Float64Array;
  /** importsFrom[i·n + j] = imports of i from j, current million US$ (diagonal 0). */
  readonly importsFrom: Float64Array;
  /** Where the national totals came from: the actors' national trade, or sums of the dyadic flows. */
  readonly totals: TradeTotals;
  /** Imports and exports summed over the world's dyadic flows (all partners), to check the national totals against. */
  readonly importsSumUsdM: Float64Array;
  readonly exportsSumUsdM: Float64Array;
}

/** Where national totals come from (docs/models/economy.md, "Data"). */
export type TradeTotals = 'national' | 'dyadic-sums';
export const TRADE_TOTALS: readonly TradeTotals[] = ['national', 'dyadic-sums'];

const nan = (v: number | null | undefined) => (typeof v === 'number' ? v : Number.NaN);

/**
 * The ids of a world's actors, each checked: problems at `[i]` for an id that
 * is not an actor of the world or is listed twice.
 */
export function checkActorIds(world: World, ids: readonly string[]): void {
  const problems: Problem[] = [];
  ids.forEach((id, i) => {
    if (!Object.hasOwn(world.actors, id))
      problems.push({
        path: [i],
        message: `unknown actor "${id}" in the world of ${world.year}: expected one of ${previewIds(Object.keys(world.actors).sort())}`,
      });
    else if (ids.indexOf(id) !== i) problems.push({ path: [i], message: `actor "${id}" is listed twice` });
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
}

/** The year of a world's trade: its actors' `trade.year` where given (all alike), else the world's year. */
export function tradeYearOfWorld(world: World): number {
  for (const a of Object.values(world.actors)) if (a.trade) return a.trade.year;
  return world.year;
}

/**
 * The trade table of `ids` (default: every actor) in a world.
 *
 * @throws {ConcertError} bad input at `[i]` for unknown or repeated ids, and
 *   at `[]` when the world has no trade (no `trade` entries).
 * @example
 * tradeTableOfWorld(loadDefaultWorld({ year: 2014 }), ['USA', 'CHN']).importsFrom[1]; // => 472525
 */
export function tradeTableOfWorld(
  world: World,
  ids?: readonly string[],
  options: { readonly totals?: TradeTotals } = {},
): TradeTable {
  const list = ids ?? Object.keys(world.actors);
  checkActorIds(world, list);
  const year = tradeYearOfWorld(world);
  if (!world.trade || world.trade.length === 0)
    throw badInput({
      path: [],
      message: `the world of ${world.year} has no trade: expected "trade" entries (COW trade covers 1870–2014)`,
    });
  const n = list.length;
  const index = new Map(list.map((id, i) => [id, i] as const));
  const importsFrom = new Float64Array(n * n).fill(Number.NaN);
  for (let i = 0; i < n; i++) importsFrom[i * n + i] = 0;
  for (const f of world.trade) {
    const i = index.get(f.a);
    const j = index.get(f.b);
    if (i === undefined || j === undefined) continue;
    importsFrom[i * n + j] = f.importsOfAFromBUsdM;
    importsFrom[j * n + i] = f.importsOfBFromAUsdM;
  }
  const national =
    (options.totals ?? 'national') === 'national' &&
    list.every((id) => world.actors[id]!.trade !== undefined);
  const gdpUsdM = new Float64Array(n);
  const importsUsdM = new Float64Array(n);
  const exportsUsdM = new Float64Array(n);
  const importsSumUsdM = new Float64Array(n);
  const exportsSumUsdM = new Float64Array(n);
  const population = new Float64Array(n);
  // Sums over all the world's partners (not only `ids`).
  const sums = dyadicSums(world);
  list.forEach((id, i) => {
    const a = world.actors[id]!;
    gdpUsdM[i] = a.trade ? nan(a.trade.gdpUsd) / 1e6 : nan(a.gdpUsd) / 1e6;
    importsSumUsdM[i] = sums.get(id)?.[0] ?? 0;
    exportsSumUsdM[i] = sums.get(id)?.[1] ?? 0;
    importsUsdM[i] = national ? nan(a.trade!.importsUsdM) : importsSumUsdM[i]!;
    exportsUsdM[i] = national ? nan(a.trade!.exportsUsdM) : exportsSumUsdM[i]!;
    population[i] = nan(a.population);
  });
  return {
    year,
    ids: list,
    names: list.map((id) => world.actors[id]!.name),
    gdpUsdM,
    importsUsdM,
    exportsUsdM,
    population,
    importsFrom,
    totals: national ? 'national' : 'dyadic-sums',
    importsSumUsdM,
    exportsSumUsdM,
  };
}

/** Imports and exports of every actor summed over the world's dyadic flows. */
function dyadicSums(world: World): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  const add = (id: string, m: number, x: number) => {
    const s = out.get(id) ?? [0, 0];
    s[0] += m;
    s[1] += x;
    out.set(id, s);
  };
  for (const f of world.trade ?? []) {
    add(f.a, f.importsOfAFromBUsdM, f.importsOfBFromAUsdM);
    add(f.b, f.importsOfBFromAUsdM, f.importsOfAFromBUsdM);
  }
  return out;
}
