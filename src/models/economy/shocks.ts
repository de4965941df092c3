/**
 * Trade shocks for the scenario engine (docs/models/economy.md, "Sanctions
 * and trade wars"): how a sanction or a tariff lowers a dyad's trade, and
 * what that costs each side in gains from trade (ACR, loss-of-autarky form).
 *
 * - A **sanction** prohibiting a share s of the dyad's trade leaves T(1 − s)
 *   (s is the scenario's stated severity).
 * - A **tariff** τ on the dyad's trade raises its trade cost by the factor
 *   (1 + τ); in structural gravity, trade falls with the trade elasticity:
 *   T' = T(1 + τ)^{−θ} (partial equilibrium: the partners' multilateral
 *   resistance held fixed; Head & Mayer 2014).
 * - The **cost** of a cut: with Dᵢ = GDPᵢ − Xᵢ, i's domestic share moves from
 *   λ = Dᵢ/(Dᵢ + Mᵢ) to λ' = (Dᵢ + ΔXᵢ)/(Dᵢ + ΔXᵢ + Mᵢ − ΔMᵢ) (lost exports are
 *   sold at home, lost imports replaced by home goods; GDP held fixed), and
 *   the gains fall from 1 − λ^{1/θ} to 1 − λ'^{1/θ}.
 */
import { badInput } from '../../core/errors.js';
import { checkTradeElasticity, domesticShare, gainsFromTrade } from './gains.js';

/**
 * Trade left after a sanction that cuts the share `severity` ∈ [0, 1] of it.
 *
 * @throws {ConcertError} bad input at `['severity']` outside [0, 1].
 * @example
 * tradeAfterSanction(1000, 0.4); // => 600
 */
export function tradeAfterSanction(tradeUsdM: number, severity: number): number {
  if (!(severity >= 0 && severity <= 1))
    throw badInput({ path: ['severity'], message: `expected a share of trade in [0, 1]; got ${severity}` });
  return tradeUsdM * (1 - severity);
}

/**
 * Trade left after an ad-valorem tariff τ ≥ 0 with trade elasticity θ > 0:
 * T(1 + τ)^{−θ}.
 *
 * @throws {ConcertError} bad input at `['tariff']` for τ < 0 and at `['theta']` for θ ≤ 0.
 * @example
 * tradeAfterTariff(1000, 0.25, 5); // => 327.7: a 25 % tariff cuts trade by two thirds
 */
export function tradeAfterTariff(tradeUsdM: number, tariff: number, theta: number): number {
  if (!(Number.isFinite(tariff) && tariff >= 0))
    throw badInput({
      path: ['tariff'],
      message: `expected an ad-valorem tariff ≥ 0 (0.25 = 25 %); got ${tariff}`,
    });
  checkTradeElasticity(theta);
  return tradeUsdM * (1 + tariff) ** -theta;
}

/** A state's national accounts for the gains arithmetic (million current US$). */
export interface NationalTrade {
  readonly gdpUsdM: number;
  readonly exportsUsdM: number;
  readonly importsUsdM: number;
}

export interface GainsChange {
  /** Gains before and after, as shares of real income. */
  readonly before: number;
  readonly after: number;
  /** before − after: the share of real income lost (negative: gained). */
  readonly lossShare: number;
  /** lossShare × GDP, million current US$ per year. */
  readonly lossUsdM: number;
}

/**
 * The change in a state's gains from trade when its imports fall by
 * `importsCutUsdM` and its exports by `exportsCutUsdM` (see the module
 * comment). NaN throughout when λ is undefined (exports above GDP).
 *
 * @example
 * gainsChange({ gdpUsdM: 1000, exportsUsdM: 100, importsUsdM: 100 }, 50, 50, 5).lossShare; // ≈ 0.0096
 */
export function gainsChange(
  state: NationalTrade,
  importsCutUsdM: number,
  exportsCutUsdM: number,
  theta: number,
): GainsChange {
  checkTradeElasticity(theta);
  const before = gainsFromTrade(domesticShare(state.gdpUsdM, state.exportsUsdM, state.importsUsdM), theta);
  const after = gainsFromTrade(
    domesticShare(state.gdpUsdM, state.exportsUsdM - exportsCutUsdM, state.importsUsdM - importsCutUsdM),
    theta,
  );
  const lossShare = before - after;
  return { before, after, lossShare, lossUsdM: lossShare * state.gdpUsdM };
}

export interface DyadStake {
  /** What each side would lose if their trade stopped, million US$ per year and as a share of GDP. */
  readonly lossAUsdM: number;
  readonly lossBUsdM: number;
  readonly lossAShare: number;
  readonly lossBShare: number;
  /** lossA + lossB, million US$ per year: the dyad's stake in its trade. */
  readonly totalUsdM: number;
}

/**
 * The gains from trade a dyad has at stake: what A and B would lose if the
 * share `cut` ∈ [0, 1] of their bilateral trade stopped (1 = all of it).
 * `importsOfAFromB` and `importsOfBFromA` are million US$.
 *
 * @example
 * dyadStake(usa, chn, 472_525, 183_283, 5); // US and Chinese gains lost if their trade stopped
 */
export function dyadStake(
  a: NationalTrade,
  b: NationalTrade,
  importsOfAFromBUsdM: number,
  importsOfBFromAUsdM: number,
  theta: number,
  cut = 1,
): DyadStake {
  if (!(cut >= 0 && cut <= 1))
    throw badInput({ path: ['cut'], message: `expected a share of trade in [0, 1]; got ${cut}` });
  const la = gainsChange(a, cut * importsOfAFromBUsdM, cut * importsOfBFromAUsdM, theta);
  const lb = gainsChange(b, cut * importsOfBFromAUsdM, cut * importsOfAFromBUsdM, theta);
  return {
    lossAUsdM: la.lossUsdM,
    lossBUsdM: lb.lossUsdM,
    lossAShare: la.lossShare,
    lossBShare: lb.lossShare,
    totalUsdM: la.lossUsdM + lb.lossUsdM,
  };
}
