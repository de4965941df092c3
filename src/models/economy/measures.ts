/**
 * Measures of trade interdependence for a dyad (docs/models/economy.md,
 * "Measures"), in current US$ throughout (trade and GDP in the same year):
 *
 * - **Dependence** (Oneal & Russett 1997, ISQ 41(2): 267–294; 1999):
 *   Dᵢⱼ = Tᵢⱼ / GDPᵢ with Tᵢⱼ = Mᵢⱼ + Mⱼᵢ the dyad's total trade; the
 *   **weak link** is min(Dᵢⱼ, Dⱼᵢ), the dependence of the less dependent side.
 * - **Barbieri (1996)**, JPR 33(1): 29–49: shareᵢ = Tᵢⱼ / TTᵢ with TTᵢ = Xᵢ + Mᵢ
 *   the state's total trade; salience = √(shareᵢ·shareⱼ); symmetry =
 *   1 − |shareᵢ − shareⱼ|; interdependence = salience × symmetry.
 * - **Openness**: (Xᵢ + Mᵢ) / GDPᵢ.
 *
 * A measure is NaN (null in documents) where an input is unknown: a dyad's
 * total is unknown when either flow is.
 */
import type { TradeTable } from './trade-table.js';

/**
 * Oneal–Russett dependence Tᵢⱼ / GDPᵢ (both in the same unit, e.g. million US$).
 *
 * @example
 * dependence(655_808, 17_393_103); // => 0.0377: US–China trade over US GDP, 2014
 */
export function dependence(tradeUsdM: number, gdpUsdM: number): number {
  return gdpUsdM > 0 ? tradeUsdM / gdpUsdM : Number.NaN;
}

/**
 * The weak link of a dyad, min(Tᵢⱼ/GDPᵢ, Tᵢⱼ/GDPⱼ): Oneal & Russett's
 * measure of how much the less dependent state is constrained by trade.
 * NaN when a GDP is unknown or not positive.
 *
 * @example
 * weakLinkDependence(100, 1_000, 4_000); // => 0.025
 */
export function weakLinkDependence(tradeUsdM: number, gdpAUsdM: number, gdpBUsdM: number): number {
  return Math.min(dependence(tradeUsdM, gdpAUsdM), dependence(tradeUsdM, gdpBUsdM));
}

export interface BarbieriMeasures {
  readonly shareA: number;
  readonly shareB: number;
  readonly salience: number;
  readonly symmetry: number;
  readonly interdependence: number;
}

/**
 * Barbieri's (1996) trade shares, salience, symmetry and interdependence of a
 * dyad with total trade Tᵢⱼ and national total trade TTᵢ, TTⱼ.
 *
 * @example
 * barbieri(10, 100, 40); // => shares 0.1 and 0.25, salience 0.158, symmetry 0.85, interdependence 0.134
 */
export function barbieri(
  tradeUsdM: number,
  totalTradeAUsdM: number,
  totalTradeBUsdM: number,
): BarbieriMeasures {
  const shareA = totalTradeAUsdM > 0 ? tradeUsdM / totalTradeAUsdM : Number.NaN;
  const shareB = totalTradeBUsdM > 0 ? tradeUsdM / totalTradeBUsdM : Number.NaN;
  const salience = Math.sqrt(shareA * shareB);
  const symmetry = 1 - Math.abs(shareA - shareB);
  return { shareA, shareB, salience, symmetry, interdependence: salience * symmetry };
}

/**
 * Trade openness (X + M) / GDP.
 *
 * @example
 * openness(100, 150, 1_000); // => 0.25
 */
export function openness(exportsUsdM: number, importsUsdM: number, gdpUsdM: number): number {
  return gdpUsdM > 0 ? (exportsUsdM + importsUsdM) / gdpUsdM : Number.NaN;
}

/** Every measure of every dyad i < j of a table, as columns (NaN where unknown). */
export interface DyadicMeasures {
  /** Number of dyads, n(n − 1)/2. */
  readonly dyads: number;
  /** Indices into the table's ids: dyad d is (first[d], second[d]) with first < second. */
  readonly first: Int32Array;
  readonly second: Int32Array;
  /** Imports of first from second, of second from first, and their sum, million US$. */
  readonly importsOfFirst: Float64Array;
  readonly importsOfSecond: Float64Array;
  readonly tradeUsdM: Float64Array;
  readonly dependenceFirst: Float64Array;
  readonly dependenceSecond: Float64Array;
  readonly weakLink: Float64Array;
  readonly shareFirst: Float64Array;
  readonly shareSecond: Float64Array;
  readonly salience: Float64Array;
  readonly symmetry: Float64Array;
  readonly interdependence: Float64Array;
}

/**
 * Dependence, weak link and Barbieri's measures for all n(n − 1)/2 dyads of a
 * trade table (about 18,000 dyads for the 2014 state system).
 */
export function dyadicMeasures(table: TradeTable): DyadicMeasures {
  const n = table.ids.length;
  const m = (n * (n - 1)) / 2;
  const col = () => new Float64Array(m);
  const out = {
    dyads: m,
    first: new Int32Array(m),
    second: new Int32Array(m),
    importsOfFirst: col(),
    importsOfSecond: col(),
    tradeUsdM: col(),
    dependenceFirst: col(),
    dependenceSecond: col(),
    weakLink: col(),
    shareFirst: col(),
    shareSecond: col(),
    salience: col(),
    symmetry: col(),
    interdependence: col(),
  };
  const total = new Float64Array(n);
  for (let i = 0; i < n; i++) total[i] = table.importsUsdM[i]! + table.exportsUsdM[i]!;
  const gdp = table.gdpUsdM;
  const imp = table.importsFrom;
  let d = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, d++) {
      const mij = imp[i * n + j]!;
      const mji = imp[j * n + i]!;
      const t = mij + mji;
      out.first[d] = i;
      out.second[d] = j;
      out.importsOfFirst[d] = mij;
      out.importsOfSecond[d] = mji;
      out.tradeUsdM[d] = t;
      const da = gdp[i]! > 0 ? t / gdp[i]! : Number.NaN;
      const db = gdp[j]! > 0 ? t / gdp[j]! : Number.NaN;
      out.dependenceFirst[d] = da;
      out.dependenceSecond[d] = db;
      out.weakLink[d] = Math.min(da, db);
      const sa = total[i]! > 0 ? t / total[i]! : Number.NaN;
      const sb = total[j]! > 0 ? t / total[j]! : Number.NaN;
      const salience = Math.sqrt(sa * sb);
      const symmetry = 1 - Math.abs(sa - sb);
      out.shareFirst[d] = sa;
      out.shareSecond[d] = sb;
      out.salience[d] = salience;
      out.symmetry[d] = symmetry;
      out.interdependence[d] = salience * symmetry;
    }
  }
  return out;
}
