/**
 * Gains from trade in the Arkolakis, Costinot & Rodríguez-Clare (2012, AER
 * 102(1): 94–130, eq. 1) class of models: the change in real income is
 * Ŵ = λ̂^{1/ε}, with λ the share of expenditure on domestic goods and ε < 0
 * the trade elasticity. Going from autarky (λ = 1) to the observed λ, and
 * writing θ = −ε > 0:
 *
 * - **loss of autarky** (the form used by default): G = 1 − λ^{1/θ}, the share
 *   of today's real income a country would lose if it stopped trading;
 * - **gain over autarky**: W/W_A − 1 = λ^{−1/θ} − 1, the same change measured
 *   from autarky income (slightly larger).
 *
 * λ is approximated with goods-only trade and GDP standing in for gross
 * output: λ = 1 − M/(GDP − X + M) = (GDP − X)/(GDP − X + M)
 * (docs/models/economy.md states the limits). It is undefined where exports
 * exceed GDP (entrepôt economies such as Singapore), where GDP cannot stand
 * for gross output.
 */
import { badInput, type FieldPath } from '../../core/errors.js';
import type { TradeTable } from './trade-table.js';

/**
 * Default trade elasticity θ = 5: the central value of Costinot & Rodríguez-Clare
 * (2014, Handbook of International Economics vol. 4, ch. 4) and close to the
 * median structural gravity estimate of Head & Mayer (2014, same volume, ch. 3).
 */
export const DEFAULT_TRADE_ELASTICITY = 5;

export type GainsForm = 'loss-of-autarky' | 'gain-over-autarky';
export const GAINS_FORMS: readonly GainsForm[] = ['loss-of-autarky', 'gain-over-autarky'];

/** The formula of each form, for documents. */
export const GAINS_FORMULA: Readonly<Record<GainsForm, string>> = {
  'loss-of-autarky': 'G = 1 − λ^(1/θ)',
  'gain-over-autarky': 'G = λ^(−1/θ) − 1',
};

/**
 * Checks a trade elasticity θ (> 0; ACR's ε = −θ).
 *
 * @throws {ConcertError} bad input at `path` for θ ≤ 0 or not finite.
 */
export function checkTradeElasticity(theta: number, path: FieldPath = ['theta']): void {
  if (!(Number.isFinite(theta) && theta > 0))
    throw badInput({
      path,
      message: `expected a trade elasticity θ > 0 (ACR's ε = −θ is negative; typical θ is 4 to 8, default ${DEFAULT_TRADE_ELASTICITY}); got ${theta}`,
    });
}

/**
 * The domestic expenditure share λ = (GDP − X)/(GDP − X + M), or NaN when
 * an input is unknown, GDP − X ≤ 0, or imports are negative.
 *
 * @example
 * domesticShare(1000, 100, 70); // => 900 / 970 ≈ 0.9278
 */
export function domesticShare(gdpUsdM: number, exportsUsdM: number, importsUsdM: number): number {
  const home = gdpUsdM - exportsUsdM;
  if (!(home > 0) || !(importsUsdM >= 0)) return Number.NaN;
  return home / (home + importsUsdM);
}

/**
 * The gains from trade of a country with domestic share λ and trade elasticity θ.
 *
 * @example
 * gainsFromTrade(0.93, 5); // => 0.01441: 1.441 % of real income
 * gainsFromTrade(0.93, 10); // => 0.00723
 */
export function gainsFromTrade(lambda: number, theta: number, form: GainsForm = 'loss-of-autarky'): number {
  return form === 'loss-of-autarky' ? 1 - lambda ** (1 / theta) : lambda ** (-1 / theta) - 1;
}

/** One state's gains from trade, or why they are undefined. */
export interface StateGains {
  readonly id: string;
  /** Domestic expenditure share λ (NaN when undefined). */
  readonly lambda: number;
  /** Gains as a share of real income (NaN when undefined). */
  readonly gainShare: number;
  /** gainShare × GDP, million current US$. */
  readonly gainUsdM: number;
  /** Why the gains are undefined, when they are. */
  readonly reason?: string;
}

/** Why λ is undefined for a state of a table, or undefined when it is defined. */
export function undefinedGainsReason(table: TradeTable, i: number): string | undefined {
  const gdp = table.gdpUsdM[i]!;
  const x = table.exportsUsdM[i]!;
  const m = table.importsUsdM[i]!;
  if (!Number.isFinite(gdp)) return `no GDP for ${table.year}`;
  if (!Number.isFinite(x) || !Number.isFinite(m)) return `no national trade totals for ${table.year}`;
  if (gdp - x <= 0)
    return 'exports exceed GDP (entrepôt trade): GDP cannot stand for gross output, so λ is undefined';
  return undefined;
}

/**
 * The gains from trade of every state of a table.
 *
 * @throws {ConcertError} bad input at `['theta']` for θ ≤ 0.
 */
export function gainsOfTable(
  table: TradeTable,
  theta: number,
  form: GainsForm = 'loss-of-autarky',
): StateGains[] {
  checkTradeElasticity(theta);
  return table.ids.map((id, i) => {
    const reason = undefinedGainsReason(table, i);
    if (reason) return { id, lambda: Number.NaN, gainShare: Number.NaN, gainUsdM: Number.NaN, reason };
    const lambda = domesticShare(table.gdpUsdM[i]!, table.exportsUsdM[i]!, table.importsUsdM[i]!);
    const gainShare = gainsFromTrade(lambda, theta, form);
    return { id, lambda, gainShare, gainUsdM: gainShare * table.gdpUsdM[i]! };
  });
}
