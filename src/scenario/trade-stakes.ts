/**
 * Economic stakes from trade (docs/models/scenario.md, rule I3): what each
 * side of a dyad would lose in gains from trade if their bilateral trade
 * stopped — models/economy's `dyadStake`, the Arkolakis–Costinot–Rodríguez-Clare
 * loss-of-autarky form G = 1 − λ^{1/θ} with λ = (GDP − X)/(GDP − X + M),
 * lost exports sold at home and lost imports replaced by home goods, GDP held
 * fixed (docs/models/economy.md, "Sanctions and trade wars"). Read from the
 * scenario world's trade (COW dyadic and national trade; the default 2016
 * world carries 2014, the latest year of the data).
 */
import { dyadStake, type NationalTrade } from '../models/economy/shocks.js';
import { tradeTableOfWorld } from '../models/economy/trade-table.js';
import type { Scenario } from './scenario.js';

/** The trade figures of a scenario's actors that the stakes read (million current US$). */
export interface TradeStakes {
  /** Year of the trade figures. */
  readonly year: number;
  /** Each actor's GDP, imports and exports of that year. */
  readonly national: readonly NationalTrade[];
  /** importsFrom[i·n + j] = imports of i from j (NaN where unknown). */
  readonly importsFrom: Float64Array;
}

/** The scenario world's trade for its actors, or undefined when the world carries no trade. */
export function tradeStakesOfScenario(s: Scenario): TradeStakes | undefined {
  if (!s.world.trade || s.world.trade.length === 0) return undefined;
  const t = tradeTableOfWorld(s.world, s.actors);
  return {
    year: t.year,
    national: s.actors.map((_, i) => ({
      gdpUsdM: t.gdpUsdM[i]!,
      exportsUsdM: t.exportsUsdM[i]!,
      importsUsdM: t.importsUsdM[i]!,
    })),
    importsFrom: t.importsFrom,
  };
}

/** Million US$ per billion. */
const M_PER_BN = 1000;

/**
 * What i and j would lose in gains from trade, US$ billion per year, if the
 * share `cut` ∈ [0, 1] of their bilateral trade stopped (θ the trade
 * elasticity). 0 for a side whose gains are undefined (exports above GDP) or
 * for a dyad whose flows are unknown.
 *
 * @example
 * dyadLosses(trade, 0, 1, 5, 1); // [US loss, Chinese loss] if US–China trade stopped
 */
export function dyadLosses(
  t: TradeStakes,
  i: number,
  j: number,
  theta: number,
  cut: number,
): [number, number] {
  const n = t.national.length;
  const mij = t.importsFrom[i * n + j]!;
  const mji = t.importsFrom[j * n + i]!;
  if (!Number.isFinite(mij) || !Number.isFinite(mji) || cut <= 0) return [0, 0];
  const s = dyadStake(t.national[i]!, t.national[j]!, mij, mji, theta, Math.min(1, cut));
  const finite = (x: number) => (Number.isFinite(x) ? x / M_PER_BN : 0);
  return [finite(s.lossAUsdM), finite(s.lossBUsdM)];
}
