/**
 * The trade part of the embedded default world (docs/models/economy.md,
 * "Data"): COW Trade v4.0 dyadic flows and national totals (1870–2014) with
 * World Bank GDP of the trade year; and, from the same bundle, what the
 * economic models read beside the world: distances between capitals and
 * contiguity for gravity, PPP GDP (Maddison) and CINC series for power
 * transition, and the Oneal–Russett dependence of any COW dyad-year for the
 * relation score.
 *
 * The default worlds of 2015 and 2016 carry COW's last year, 2014, labelled
 * in each actor's `trade.year` and in the world's description.
 */
import type { DataFrame, PowerPoints } from '../models/economy/index.js';
import { type DyadicTradeYear, loadDyadicTrade, loadEconomyInputs } from './economy-inputs.js';
import { type CrosswalkEntry, loadWorldInputs } from './inputs.js';
import type { Actor, TradeFlow, World } from './schema.js';

/** First and last year of COW Trade v4.0. */
export const TRADE_FIRST_YEAR = 1870;
export const TRADE_LAST_YEAR = 2014;

/** Mean Earth radius (IUGG R₁), km. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * The trade year a default world of `year` carries: the year itself from
 * 1870 to 2014, 2014 after it, none before 1870.
 *
 * @example
 * defaultTradeYear(2016); // => 2014
 */
export function defaultTradeYear(year: number): number | null {
  if (year < TRADE_FIRST_YEAR) return null;
  return Math.min(year, TRADE_LAST_YEAR);
}

function eraOf(ccode: number, year: number): { entry: CrosswalkEntry; last: boolean } | undefined {
  const crosswalk = loadWorldInputs().crosswalk;
  const entry = crosswalk.find((e) => e.ccode === ccode && e.fromYear <= year && year <= e.toYear);
  if (!entry) return undefined;
  return { entry, last: !crosswalk.some((e) => e.ccode === ccode && e.fromYear > entry.toYear) };
}

/**
 * World Bank GDP (current US$) of a COW state in a year, where the World Bank
 * reports the present-day state and the COW state is in its present-day era
 * (the rule of the default world's `gdpUsd`), else null.
 */
export function worldBankGdpUsd(ccode: number, year: number): number | null {
  const era = eraOf(ccode, year);
  if (!era?.last) return null;
  const s = loadWorldInputs().wbGdpUsd[era.entry.wbCode ?? era.entry.id];
  return s ? (s.values[year - s.firstYear] ?? null) : null;
}

/** COW national trade of a state in a year (current million US$), or null. */
export function cowNationalTrade(
  ccode: number,
  year: number,
): { readonly importsUsdM: number | null; readonly exportsUsdM: number | null } | null {
  const s = loadEconomyInputs().national[String(ccode)];
  if (!s) return null;
  const k = year - s.firstYear;
  if (k < 0 || k >= s.imports.length) return null;
  const importsUsdM = s.imports[k] ?? null;
  const exportsUsdM = s.exports[k] ?? null;
  return importsUsdM === null && exportsUsdM === null ? null : { importsUsdM, exportsUsdM };
}

const dyadIndexes = new Map<number, Map<number, number>>();

/** Position of each dyad (key lo·10000 + hi) in the year's flat quadruples. */
function dyadIndex(year: number, flat: DyadicTradeYear): Map<number, number> {
  let index = dyadIndexes.get(year);
  if (!index) {
    index = new Map();
    for (let k = 0; k < flat.length; k += 4) index.set(flat[k]! * 10000 + flat[k + 1]!, k);
    dyadIndexes.set(year, index);
  }
  return index;
}

/**
 * COW dyadic trade of two states in a year: imports of A from B and of B
 * from A (current million US$; null where COW has no value), or null when
 * COW lists no such dyad-year.
 *
 * @example
 * cowDyadTrade(2014, 2, 710); // => [472525, 183283]: US imports from China, Chinese imports from the US
 */
export function cowDyadTrade(
  year: number,
  ccodeA: number,
  ccodeB: number,
): readonly [number | null, number | null] | null {
  const flat = loadDyadicTrade(year);
  if (!flat) return null;
  const lo = Math.min(ccodeA, ccodeB);
  const hi = Math.max(ccodeA, ccodeB);
  const k = dyadIndex(year, flat).get(lo * 10000 + hi);
  if (k === undefined) return null;
  const f1 = flat[k + 2] ?? null;
  const f2 = flat[k + 3] ?? null;
  return ccodeA === lo ? [f1, f2] : [f2, f1];
}

/** Oneal–Russett dependence of a dyad: its trade over each side's GDP, and the weak link (the smaller). */
export interface DyadDependence {
  /** Total trade of the dyad, current million US$. */
  readonly tradeUsdM: number;
  readonly dependenceA: number;
  readonly dependenceB: number;
  readonly weakLink: number;
}

/**
 * The Oneal–Russett trade dependence of a COW dyad in a year (1960–2014):
 * Tᵢⱼ/GDPᵢ, Tᵢⱼ/GDPⱼ and the weak link min of the two (Oneal & Russett 1997),
 * from COW dyadic trade and World Bank GDP (current US$) of that year. Null
 * when the dyad-year, either flow, or either GDP is unknown. For the relation
 * score's trade component (src/world/default-relations.ts).
 *
 * @example
 * defaultTradeDependence(2014, 2, 710)!.weakLink; // ≈ 0.038: US–China trade over US GDP
 */
export function defaultTradeDependence(year: number, ccodeA: number, ccodeB: number): DyadDependence | null {
  const flows = cowDyadTrade(year, ccodeA, ccodeB);
  if (!flows || flows[0] === null || flows[1] === null) return null;
  const gdpA = worldBankGdpUsd(ccodeA, year);
  const gdpB = worldBankGdpUsd(ccodeB, year);
  if (!gdpA || !gdpB) return null;
  const tradeUsdM = flows[0] + flows[1];
  const dependenceA = tradeUsdM / (gdpA / 1e6);
  const dependenceB = tradeUsdM / (gdpB / 1e6);
  return { tradeUsdM, dependenceA, dependenceB, weakLink: Math.min(dependenceA, dependenceB) };
}

/**
 * The default world of a year with its trade attached: `trade` holds every
 * COW dyad of the trade year among the world's states with both flows known
 * (zero flows included), and each COW state gets its `trade` block (COW
 * national imports and exports, World Bank GDP of the trade year). A world
 * before 1870 is returned unchanged.
 */
export function withDefaultTrade(world: World): World {
  const tradeYear = defaultTradeYear(world.year);
  if (tradeYear === null) return world;
  const flat = loadDyadicTrade(tradeYear);
  if (!flat) return world;
  const idOf = new Map<number, string>();
  for (const [id, a] of Object.entries(world.actors)) if (a.cowCode !== undefined) idOf.set(a.cowCode, id);
  const trade: TradeFlow[] = [];
  for (let k = 0; k < flat.length; k += 4) {
    const a = idOf.get(flat[k]!);
    const b = idOf.get(flat[k + 1]!);
    const f1 = flat[k + 2];
    const f2 = flat[k + 3];
    if (a === undefined || b === undefined || f1 === null || f2 === null) continue;
    trade.push({ a, b, importsOfAFromBUsdM: f1!, importsOfBFromAUsdM: f2! });
  }
  const actors: Record<string, Actor> = {};
  for (const [id, a] of Object.entries(world.actors)) {
    if (a.cowCode === undefined) {
      actors[id] = a;
      continue;
    }
    const national = cowNationalTrade(a.cowCode, tradeYear);
    const gdpUsd = tradeYear === world.year ? (a.gdpUsd ?? null) : worldBankGdpUsd(a.cowCode, tradeYear);
    actors[id] = {
      ...a,
      trade: {
        year: tradeYear,
        importsUsdM: national?.importsUsdM ?? null,
        exportsUsdM: national?.exportsUsdM ?? null,
        gdpUsd,
      },
    };
  }
  const label =
    tradeYear === world.year
      ? `Trade: COW Trade v4.0 of ${tradeYear}.`
      : `Trade: COW Trade v4.0 of ${tradeYear}, its last year (each actor's trade.year), with World Bank GDP of ${tradeYear}.`;
  return { ...world, description: `${world.description ?? ''} ${label}`.trim(), actors, trade };
}

/** The capital of a COW state in force on 1 July of `year` (peacesciencer's cow_capitals). */
export function capitalOf(
  ccode: number,
  year: number,
): { readonly name: string; readonly latitude: number; readonly longitude: number } | null {
  const day = `${year}-07-01`;
  let best: (typeof rows)[number] | undefined;
  const rows = loadEconomyInputs().capitals.filter((c) => c[0] === ccode);
  for (const c of rows) if (c[2] <= day && day <= c[3]) best = c;
  // A state born after 1 July: its first capital of the year.
  best ??= rows.find((c) => c[2] <= `${year}-12-31` && c[3] >= `${year}-01-01`);
  return best ? { name: best[1], latitude: best[4], longitude: best[5] } : null;
}

/**
 * Great-circle distance (haversine, mean Earth radius {@link EARTH_RADIUS_KM}) in km.
 *
 * @example
 * greatCircleKm(38.895, -77.037, 40.191, 116.412); // ≈ 11,120 (Washington–Beijing)
 */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether two COW states share a land or river border (COW direct contiguity type 1) in some part of `year`. */
export function landContiguous(ccodeA: number, ccodeB: number, year: number): boolean {
  const lo = Math.min(ccodeA, ccodeB);
  const hi = Math.max(ccodeA, ccodeB);
  return loadEconomyInputs().contiguity.some(
    (c) =>
      ((c[0] === lo && c[1] === hi) || (c[0] === hi && c[1] === lo)) &&
      c[2] === 1 &&
      c[3] <= `${year}-12-31` &&
      c[4] >= `${year}-01-01`,
  );
}

/** The columns of {@link gravityFrame}. */
export const GRAVITY_COLUMNS = [
  'trade',
  'gdp_ex',
  'gdp_im',
  'pop_ex',
  'pop_im',
  'dist_km',
  'contig',
] as const;

/**
 * The directed pairs (exporter j, importer i) of a world's trade as a data
 * frame for gravity: `trade` = imports of i from j (million US$), `gdp_ex`,
 * `gdp_im` (GDP of the trade year, million US$), `pop_ex`, `pop_im`
 * (persons), `dist_km` (great circle between capitals), `contig` (1 for a land
 * or river border). Pairs without a trade entry are left out; values that are
 * unknown are NaN.
 */
export function gravityFrame(world: World): DataFrame {
  const entries = Object.entries(world.actors);
  const index = new Map(entries.map(([id], i) => [id, i] as const));
  const year = world.trade?.[0] ? tradeYearOf(world) : world.year;
  const gdp = entries.map(
    ([, a]) => (a.trade ? (a.trade.gdpUsd ?? Number.NaN) : (a.gdpUsd ?? Number.NaN)) / 1e6,
  );
  const pop = entries.map(([, a]) => a.population ?? Number.NaN);
  const capital = entries.map(([, a]) => (a.cowCode === undefined ? null : capitalOf(a.cowCode, year)));
  const contiguous = new Set<string>();
  for (const c of loadEconomyInputs().contiguity)
    if (c[2] === 1 && c[3] <= `${year}-12-31` && c[4] >= `${year}-01-01`) {
      contiguous.add(`${c[0]}|${c[1]}`);
      contiguous.add(`${c[1]}|${c[0]}`);
    }
  const flows = world.trade ?? [];
  const rows = flows.length * 2;
  const cols = Object.fromEntries(GRAVITY_COLUMNS.map((c) => [c, new Float64Array(rows)])) as Record<
    (typeof GRAVITY_COLUMNS)[number],
    Float64Array
  >;
  let r = 0;
  const put = (importer: number, exporter: number, value: number) => {
    const ci = capital[importer];
    const ce = capital[exporter];
    const [, ai] = entries[importer]!;
    const [, ae] = entries[exporter]!;
    cols.trade[r] = value;
    cols.gdp_ex[r] = gdp[exporter]!;
    cols.gdp_im[r] = gdp[importer]!;
    cols.pop_ex[r] = pop[exporter]!;
    cols.pop_im[r] = pop[importer]!;
    cols.dist_km[r] =
      ci && ce ? greatCircleKm(ci.latitude, ci.longitude, ce.latitude, ce.longitude) : Number.NaN;
    cols.contig[r] =
      ai.cowCode !== undefined && ae.cowCode !== undefined && contiguous.has(`${ai.cowCode}|${ae.cowCode}`)
        ? 1
        : 0;
    r++;
  };
  for (const f of flows) {
    const a = index.get(f.a)!;
    const b = index.get(f.b)!;
    put(a, b, f.importsOfAFromBUsdM);
    put(b, a, f.importsOfBFromAUsdM);
  }
  return { rows, columns: cols };
}

function tradeYearOf(world: World): number {
  for (const a of Object.values(world.actors)) if (a.trade) return a.trade.year;
  return world.year;
}

/** The measures of power a transition can compare. */
export type PowerMeasure = 'gdp-ppp' | 'cinc';
export const POWER_MEASURES: readonly PowerMeasure[] = ['gdp-ppp', 'cinc'];

/**
 * The power series of an actor id: Maddison Project 2020 GDP (2011
 * international $, PPP; `gdp-ppp`) or COW's published CINC (NMC v6.0;
 * `cinc`) over the eras in which the id stands for a COW state. Empty when
 * the id has no such data.
 */
export function defaultPowerSeries(id: string, measure: PowerMeasure): PowerPoints {
  if (measure === 'gdp-ppp') return loadEconomyInputs().maddisonGdp[id] ?? [];
  const inputs = loadWorldInputs();
  const eras = inputs.crosswalk.filter((e) => e.id === id);
  const out: [number, number][] = [];
  for (const row of inputs.nmc) {
    const cinc = row[8];
    if (cinc === null || cinc === undefined) continue;
    if (eras.some((e) => e.ccode === row[0] && e.fromYear <= row[1] && row[1] <= e.toYear))
      out.push([row[1], cinc]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}
