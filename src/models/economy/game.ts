/**
 * The gains-from-trade cooperative game (docs/models/economy.md, "The trade
 * game"): a coalition S is worth the gains from trade its members get from
 * trading with one another only,
 *
 *   v(S) = Σ_{i∈S} GDPᵢ · (1 − λᵢ(S)^{1/θ}),  λᵢ(S) = Dᵢ / (Dᵢ + Mᵢ(S)),
 *
 * with Dᵢ = GDPᵢ − Xᵢ the spending on home goods and Mᵢ(S) = Σ_{j∈S, j≠i} Mᵢⱼ
 * the imports from the other members (ACR's loss-of-autarky form; λᵢ(all
 * partners) is the λ of gains.ts). v({i}) = 0 and v grows with every member
 * added, so the game is superadditive; the Shapley value then says how the
 * gains of cooperation among the members could be shared. In million current
 * US$ per year. An approximation: a coalition's members are assumed to
 * keep their bilateral trade and spending on home goods when trade with
 * outsiders stops (no trade diversion, no general-equilibrium price change).
 */
import { badInput, ConcertError, type Problem } from '../../core/errors.js';
import { type TuGame, tuGameFromTable } from '../coalitions/index.js';
import { checkTradeElasticity, undefinedGainsReason } from './gains.js';
import type { TradeTable } from './trade-table.js';

/** At most this many players (2^n coalition worths are tabulated). */
export const MAX_TRADE_GAME_PLAYERS = 20;

/**
 * The gains-from-trade TU game of a table's states.
 *
 * @throws {ConcertError} bad input at `[i]` for a state whose gains are
 *   undefined (no GDP or trade totals, exports above GDP), at `[]` for fewer
 *   than two or more than 20 states, and at `['theta']` for θ ≤ 0.
 * @example
 * gainsFromTradeGame(tradeTableOfWorld(world, ['USA', 'CHN', 'JPN']), 5).players; // => ['USA', 'CHN', 'JPN']
 */
export function gainsFromTradeGame(table: TradeTable, theta: number): TuGame {
  checkTradeElasticity(theta);
  const n = table.ids.length;
  if (n < 2 || n > MAX_TRADE_GAME_PLAYERS)
    throw badInput({ path: [], message: `expected 2 to ${MAX_TRADE_GAME_PLAYERS} states; got ${n}` });
  const problems: Problem[] = [];
  table.ids.forEach((id, i) => {
    const reason = undefinedGainsReason(table, i);
    if (reason) problems.push({ path: [i], message: `${id}: ${reason}` });
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const home = table.ids.map((_, i) => table.gdpUsdM[i]! - table.exportsUsdM[i]!);
  const imports = (i: number, j: number) => {
    const m = table.importsFrom[i * n + j]!;
    return Number.isFinite(m) ? m : 0;
  };
  const worth = new Float64Array(2 ** n);
  for (let mask = 1; mask < worth.length; mask++) {
    let v = 0;
    for (let i = 0; i < n; i++) {
      if (!((mask >>> i) & 1)) continue;
      let m = 0;
      for (let j = 0; j < n; j++) if (j !== i && (mask >>> j) & 1) m += imports(i, j);
      const lambda = home[i]! / (home[i]! + m);
      v += table.gdpUsdM[i]! * (1 - lambda ** (1 / theta));
    }
    worth[mask] = v;
  }
  return tuGameFromTable(table.ids, worth);
}
