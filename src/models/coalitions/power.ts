/**
 * Power indices of simple games.
 *
 * With swings_i the number of coalitions S ∌ i that lose while S ∪ {i} wins:
 * - Shapley–Shubik (Shapley & Shubik 1954): φ_i = Σ_{S swing for i} |S|!(n−|S|−1)!/n!,
 *   the share of the n! voting orders in which i is pivotal.
 * - Banzhaf (Banzhaf 1965), normalised: β_i = swings_i / Σ_j swings_j.
 * - Banzhaf absolute (Penrose 1946): β'_i = swings_i / 2^(n−1), the probability
 *   that i is decisive when the others vote yes or no with probability ½.
 * - Deegan–Packel (Deegan & Packel 1978): with M the minimal winning
 *   coalitions, ρ_i = (1/|M|) Σ_{S∈M, i∈S} 1/|S|.
 * - Holler–Packel / public good index (Holler 1982; Holler & Packel 1983):
 *   h_i = |{S∈M : i∈S}| / Σ_j |{S∈M : j∈S}|.
 * - Johnston (Johnston 1978): over the vulnerable coalitions V (winning, with
 *   at least one critical member), J_i = (1/|V|) Σ_{S∈V, i critical in S} 1/c(S),
 *   c(S) the number of critical members of S.
 *
 * Methods: generating functions for weighted games (Shapley–Shubik, Banzhaf),
 * enumeration of all 2^n coalitions for n ≤ 22 (every index), and seeded
 * Monte Carlo with 95 % error bounds for larger games (Shapley–Shubik by
 * random orders, Banzhaf by random coalitions; Leech 2003 discusses both).
 */
import { badInput, ConcertError, type Problem } from '../../core/errors.js';
import { ExactFraction, exactNumber, Fraction, factorial } from '../../core/rational.js';
import type { Rng } from '../../core/rng.js';
import { shuffle } from '../../core/shuffle.js';
import { Z_95 } from '../../core/statistics.js';
import { generatingFunctionCounts, minimalWinningCounts, type SwingCounts } from './generating-function.js';
import { POWER_INDICES } from './names.js';
import {
  enumerationCounts,
  isWinning,
  MAX_ENUMERATION_PLAYERS,
  type SimpleGame,
  winningTable,
} from './simple-game.js';

export type PowerIndexName = (typeof POWER_INDICES)[number];

export type PowerMethod = 'generating-function' | 'enumeration' | 'monte-carlo';

/** One player's index: `value` is the decimal; `exact` the fraction when the method is exact. */
export interface PowerValue {
  readonly player: string;
  readonly value: number;
  readonly exact?: string;
  /** Half-width of the 95 % confidence interval (Monte Carlo only). */
  readonly halfWidth95?: number;
}

export interface PowerResult {
  readonly index: PowerIndexName;
  readonly method: PowerMethod;
  readonly values: readonly PowerValue[];
  /** Monte Carlo sample count. */
  readonly samples?: number;
}

export interface PowerOptions {
  /** `auto` (default) prefers exact methods and falls back to Monte Carlo. */
  readonly method?: 'auto' | 'exact' | 'monte-carlo';
  /** Monte Carlo sample count (default 100 000). */
  readonly samples?: number;
  /** Required for Monte Carlo. */
  readonly rng?: Rng;
}

function exactValues(players: readonly string[], xs: readonly Fraction[]): PowerValue[] {
  return xs.map((x, i) => ({ player: players[i]!, ...exactNumber(x) }));
}

function normalise(counts: readonly bigint[]): Fraction[] {
  const total = counts.reduce((a, b) => a + b, 0n);
  return counts.map((c) => (total === 0n ? new Fraction(0) : new Fraction(c, total)));
}

function fromSwings(index: PowerIndexName, counts: SwingCounts, n: number): Fraction[] | undefined {
  if (index === 'shapley-shubik') return [...counts.shapleyShubik];
  if (index === 'banzhaf') return normalise(counts.swings);
  if (index === 'banzhaf-absolute') return counts.swings.map((s) => new Fraction(s, 2n ** BigInt(n - 1)));
  return undefined;
}

/** Deegan–Packel or Holler–Packel from minimal-winning-coalition counts by size. */
function fromMinimalWinning(
  index: PowerIndexName,
  bySize: readonly Float64Array[],
  total: number,
): Fraction[] {
  if (index === 'holler-packel')
    return normalise(bySize.map((row) => row.reduce((a, b) => a + BigInt(b), 0n)));
  return bySize.map((row) => {
    let d = new Fraction(0);
    row.forEach((cnt, k) => {
      if (cnt !== 0) d = d.add(new Fraction(BigInt(cnt), BigInt(k)));
    });
    return total === 0 ? new Fraction(0) : d.div(new Fraction(BigInt(total)));
  });
}

/**
 * All six indices exactly by enumerating the 2^n coalitions (n ≤ 22).
 * Returns fractions per index.
 */
export function enumeratePowerIndices(game: SimpleGame): Record<PowerIndexName, ExactFraction[]> {
  const n = game.players.length;
  const c = enumerationCounts(game, winningTable(game));
  const nFact = factorial(n);
  const ss: Fraction[] = [];
  const swings: bigint[] = [];
  const dp: Fraction[] = [];
  const hpCounts: bigint[] = [];
  const johnston: Fraction[] = [];
  for (let i = 0; i < n; i++) {
    let ssNum = 0n;
    let sw = 0n;
    for (let k = 0; k < n; k++) {
      const cnt = BigInt(c.swingsBySize[i]![k]!);
      sw += cnt;
      ssNum += cnt * factorial(k) * factorial(n - 1 - k);
    }
    ss.push(new Fraction(ssNum, nFact));
    swings.push(sw);
    let d = new Fraction(0);
    let h = 0n;
    for (let k = 1; k <= n; k++) {
      const cnt = c.minimalBySize[i]![k]!;
      if (cnt === 0) continue;
      d = d.add(new Fraction(BigInt(cnt), BigInt(k)));
      h += BigInt(cnt);
    }
    dp.push(c.minimalWinningCount === 0 ? new Fraction(0) : d.div(new Fraction(c.minimalWinningCount)));
    hpCounts.push(h);
    let j = new Fraction(0);
    for (let k = 1; k <= n; k++) {
      const cnt = c.criticalShare[i]![k]!;
      if (cnt !== 0) j = j.add(new Fraction(BigInt(cnt), BigInt(k)));
    }
    johnston.push(c.vulnerableCount === 0 ? new Fraction(0) : j.div(new Fraction(c.vulnerableCount)));
  }
  const exact = (xs: readonly Fraction[]) => xs.map(ExactFraction.of);
  return {
    'shapley-shubik': exact(ss),
    banzhaf: exact(normalise(swings)),
    'banzhaf-absolute': swings.map((s) => new ExactFraction(s, 2n ** BigInt(n - 1))),
    'deegan-packel': exact(dp),
    'holler-packel': exact(normalise(hpCounts)),
    johnston: exact(johnston),
  };
}

/**
 * Exact raw Banzhaf swing counts, by generating functions when the game is
 * weighted, else by enumeration; undefined when neither is feasible.
 */
export function exactSwings(game: SimpleGame): SwingCounts | undefined {
  if (game.kind === 'weighted') {
    const gf = generatingFunctionCounts(game);
    if (gf) return gf;
  }
  if (game.players.length > MAX_ENUMERATION_PLAYERS) return undefined;
  const n = game.players.length;
  const c = enumerationCounts(game);
  const swings = c.swingsBySize.map((row) => row.reduce((a, b) => a + BigInt(b), 0n));
  const nFact = factorial(n);
  const ss = c.swingsBySize.map(
    (row) =>
      new ExactFraction(
        row.reduce((a, cnt, k) => (k < n ? a + BigInt(cnt) * factorial(k) * factorial(n - 1 - k) : a), 0n),
        nFact,
      ),
  );
  return { swings, shapleyShubik: ss };
}

/**
 * Null players (never a swing: Banzhaf and Shapley–Shubik power 0), when an
 * exact count is feasible; undefined otherwise.
 */
export function nullPlayers(game: SimpleGame): string[] | undefined {
  const c = exactSwings(game);
  return c ? game.players.filter((_, i) => c.swings[i] === 0n) : undefined;
}

/**
 * Shapley–Shubik by Monte Carlo: `samples` uniformly random voting orders
 * (Fisher–Yates with the injected Rng); the pivot of each order scores 1.
 * φ̂_i is the share of orders where i is pivotal; the 95 % half-width is
 * 1.96·√(φ̂(1−φ̂)/N) (normal approximation to the binomial).
 */
export function shapleyShubikMonteCarlo(game: SimpleGame, samples: number, rng: Rng): PowerValue[] {
  const n = game.players.length;
  const pivots = new Float64Array(n);
  const order = Array.from({ length: n }, (_, i) => i);
  const members = new Uint8Array(n);
  const layers = game.kind === 'weighted' ? game.layers : undefined;
  const sums = new Float64Array(layers?.length ?? 0);
  for (let t = 0; t < samples; t++) {
    shuffle(order, rng);
    members.fill(0);
    sums.fill(0);
    for (const p of order) {
      members[p] = 1;
      let wins: boolean;
      if (layers) {
        wins = true;
        for (let l = 0; l < layers.length; l++) {
          sums[l] = sums[l]! + layers[l]!.weights[p]!;
          if (sums[l]! < layers[l]!.quota) wins = false;
        }
      } else wins = isWinning(game, members);
      if (wins) {
        pivots[p] = pivots[p]! + 1;
        break;
      }
    }
  }
  return game.players.map((player, i) => {
    const p = pivots[i]! / samples;
    return { player, value: p, halfWidth95: Z_95 * Math.sqrt((p * (1 - p)) / samples) };
  });
}

/**
 * Banzhaf by Monte Carlo: `samples` coalitions S drawn uniformly (each player
 * in with probability ½). For each i, X_i = 1 iff i is decisive for S
 * (v(S∪{i}) ≠ v(S∖{i})), so E[X_i] is the absolute Banzhaf index. The
 * normalised index is the ratio X̄_i / Ȳ with Y = Σ_j X_j; its half-width uses
 * the delta method, Var ≈ (Var X_i − 2R Cov(X_i,Y) + R² Var Y)/(N Ȳ²).
 */
export function banzhafMonteCarlo(
  game: SimpleGame,
  samples: number,
  rng: Rng,
): { absolute: PowerValue[]; normalised: PowerValue[] } {
  const n = game.players.length;
  const x = new Float64Array(n);
  const xy = new Float64Array(n);
  let y1 = 0;
  let y2 = 0;
  const members = new Uint8Array(n);
  const layers = game.kind === 'weighted' ? game.layers : undefined;
  const sums = new Float64Array(layers?.length ?? 0);
  const decisive = new Uint8Array(n);
  for (let t = 0; t < samples; t++) {
    for (let i = 0; i < n; i++) members[i] = rng.bernoulli(0.5) ? 1 : 0;
    let y = 0;
    if (layers) {
      for (let l = 0; l < layers.length; l++) {
        let s = 0;
        const w = layers[l]!.weights;
        for (let i = 0; i < n; i++) if (members[i]) s += w[i]!;
        sums[l] = s;
      }
      for (let i = 0; i < n; i++) {
        let withI = true;
        let withoutI = true;
        for (let l = 0; l < layers.length; l++) {
          const w = layers[l]!.weights[i]!;
          const base = members[i] ? sums[l]! - w : sums[l]!;
          if (base + w < layers[l]!.quota) withI = false;
          if (base < layers[l]!.quota) withoutI = false;
        }
        decisive[i] = withI && !withoutI ? 1 : 0;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const had = members[i]!;
        members[i] = 1;
        const withI = isWinning(game, members);
        members[i] = 0;
        const withoutI = isWinning(game, members);
        members[i] = had;
        decisive[i] = withI && !withoutI ? 1 : 0;
      }
    }
    for (let i = 0; i < n; i++) y += decisive[i]!;
    for (let i = 0; i < n; i++) {
      if (decisive[i]) {
        x[i] = x[i]! + 1;
        xy[i] = xy[i]! + y;
      }
    }
    y1 += y;
    y2 += y * y;
  }
  const N = samples;
  const yBar = y1 / N;
  const varY = Math.max(0, y2 / N - yBar * yBar);
  const absolute: PowerValue[] = [];
  const normalised: PowerValue[] = [];
  game.players.forEach((player, i) => {
    const p = x[i]! / N;
    absolute.push({ player, value: p, halfWidth95: Z_95 * Math.sqrt((p * (1 - p)) / N) });
    if (yBar === 0) {
      normalised.push({ player, value: 0, halfWidth95: 0 });
      return;
    }
    const r = p / yBar;
    const cov = xy[i]! / N - p * yBar;
    const v = Math.max(0, (p * (1 - p) - 2 * r * cov + r * r * varY) / (N * yBar * yBar));
    normalised.push({ player, value: r, halfWidth95: Z_95 * Math.sqrt(v) });
  });
  return { absolute, normalised };
}

/**
 * The power index `index` of `game`. `auto` uses generating functions for
 * weighted games (Shapley–Shubik, Banzhaf), enumeration for n ≤ 22 (all
 * indices), and Monte Carlo otherwise (Shapley–Shubik and Banzhaf only).
 * Values are shares of power in [0, 1]; exact methods also give fractions.
 *
 * @throws {ConcertError} bad input when the requested method cannot handle
 *   the game or the index (path `['method']`, or `['index']` for an unknown
 *   index), when Monte Carlo has no generator (`['rng']`), or when `samples`
 *   is not a whole number ≥ 1 (`['samples']`).
 * @example
 * powerIndex(weightedVotingGame([2, 1, 1], 3), 'banzhaf').values.map((v) => v.exact); // => ['3/5', '1/5', '1/5']
 */
export function powerIndex(game: SimpleGame, index: PowerIndexName, options: PowerOptions = {}): PowerResult {
  checkPowerOptions(index, options);
  const method = options.method ?? 'auto';
  const n = game.players.length;
  const samplingIndex = index === 'shapley-shubik' || index === 'banzhaf' || index === 'banzhaf-absolute';
  if (method !== 'monte-carlo') {
    if (game.kind === 'weighted' && samplingIndex) {
      const gf = generatingFunctionCounts(game);
      const xs = gf && fromSwings(index, gf, n);
      if (xs) return { index, method: 'generating-function', values: exactValues(game.players, xs) };
    }
    if (
      game.kind === 'weighted' &&
      (index === 'deegan-packel' || index === 'holler-packel') &&
      n > MAX_ENUMERATION_PLAYERS
    ) {
      const mw = minimalWinningCounts(game);
      if (mw) {
        const xs = fromMinimalWinning(index, mw.bySize, mw.total);
        return { index, method: 'generating-function', values: exactValues(game.players, xs) };
      }
    }
    if (n <= MAX_ENUMERATION_PLAYERS) {
      const all = enumeratePowerIndices(game);
      return { index, method: 'enumeration', values: exactValues(game.players, all[index]) };
    }
    if (method === 'exact' || !samplingIndex) {
      throw badInput({
        path: ['method'],
        message: samplingIndex
          ? `no exact method fits this game (${n} players; generating functions need integer weights and a modest quota, enumeration at most ${MAX_ENUMERATION_PLAYERS} players): use the monte-carlo method`
          : `the ${index} index needs the minimal winning coalitions: they are enumerated for at most ${MAX_ENUMERATION_PLAYERS} players, or counted by generating functions for one-layer weighted games of at most 53 players (this game has ${n})`,
      });
    }
  }
  if (!samplingIndex) {
    throw badInput({
      path: ['method'],
      message: `Monte Carlo is available for shapley-shubik, banzhaf and banzhaf-absolute, not ${index}`,
    });
  }
  if (!options.rng) throw badInput({ path: ['rng'], message: 'Monte Carlo needs a seeded random generator' });
  const samples = options.samples ?? 100_000;
  if (index === 'shapley-shubik') {
    return {
      index,
      method: 'monte-carlo',
      samples,
      values: shapleyShubikMonteCarlo(game, samples, options.rng),
    };
  }
  const b = banzhafMonteCarlo(game, samples, options.rng);
  return { index, method: 'monte-carlo', samples, values: index === 'banzhaf' ? b.normalised : b.absolute };
}

function checkPowerOptions(index: PowerIndexName, options: PowerOptions): void {
  const problems: Problem[] = [];
  if (!(POWER_INDICES as readonly string[]).includes(index))
    problems.push({
      path: ['index'],
      message: `unknown index "${index}": expected one of ${POWER_INDICES.join(', ')}`,
    });
  const method = options.method;
  if (method !== undefined && !['auto', 'exact', 'monte-carlo'].includes(method))
    problems.push({
      path: ['method'],
      message: `unknown method "${method}": expected auto, exact or monte-carlo`,
    });
  const samples = options.samples;
  if (samples !== undefined && !(Number.isSafeInteger(samples) && samples >= 1))
    problems.push({ path: ['samples'], message: `expected a whole number of samples ≥ 1; got ${samples}` });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
}
