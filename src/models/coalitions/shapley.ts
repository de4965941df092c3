/**
 * The Shapley value of a TU game (Shapley 1953):
 *   φ_i = Σ_{S ⊆ N∖{i}} |S|!(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S)),
 * each player's marginal contribution averaged over the n! orders of arrival.
 * Exact by summing over the 2^n coalitions (n ≤ 20); when every worth is a
 * decimal number the result is also given as an exact fraction. For larger
 * games, seeded sampling of random orders (Castro, Gómez & Tejada 2009) with
 * a 95 % half-width from the sample variance of each player's contributions.
 */
import { badInput } from '../../core/errors.js';
import { exactNumber, Fraction, factorial } from '../../core/rational.js';
import type { Rng } from '../../core/rng.js';
import { shuffle } from '../../core/shuffle.js';
import { Z_95 } from '../../core/statistics.js';
import type { TuGame } from './tu-game.js';

export interface AllocationValue {
  readonly player: string;
  readonly value: number;
  readonly exact?: string;
  readonly halfWidth95?: number;
}

/**
 * Common power of ten (at most 10^9) making every worth an integer: the
 * worths are then read as the decimals a user wrote (r/10^d round-trips to
 * the same double). Undefined when no such power exists.
 */
function decimalScale(table: Float64Array): { scale: number; ints: Float64Array } | undefined {
  for (let d = 0; d <= 9; d++) {
    const scale = 10 ** d;
    const ints = new Float64Array(table.length);
    let ok = true;
    for (let k = 0; k < table.length && ok; k++) {
      const x = table[k]!;
      const r = Math.round(x * scale);
      if (!Number.isSafeInteger(r) || r / scale !== x) ok = false;
      ints[k] = r;
    }
    if (ok) return { scale, ints };
  }
  return undefined;
}

/**
 * Exact Shapley value of a tabulated game. Marginal contributions are summed
 * by coalition size k first, then weighted by k!(n−k−1)!/n! in exact
 * arithmetic when the worths are decimals; in doubles otherwise. Values are
 * in the unit of the worths.
 *
 * @throws {ConcertError} bad input (path `['game']`) when the game has no
 *   table (more than 20 players): sample it with {@link shapleySample}.
 * @example
 * shapleyValue(tuGameFromTable(['A', 'B'], Float64Array.from([0, 1, 2, 4]))).map((a) => a.exact); // => ['3/2', '5/2']
 */
export function shapleyValue(game: TuGame): AllocationValue[] {
  const v = game.table;
  if (!v)
    throw badInput({
      path: ['game'],
      message: `the exact Shapley value needs a tabulated game (at most 20 players; this one has ${game.players.length}): sample it instead`,
    });
  const n = game.players.length;
  const scaled = decimalScale(v);
  const base = scaled?.ints ?? v;
  let maxAbs = 0;
  for (const x of base) maxAbs = Math.max(maxAbs, Math.abs(x));
  const exactSums = scaled !== undefined && maxAbs * 2 ** (n + 1) < Number.MAX_SAFE_INTEGER;
  const bySize = Array.from({ length: n }, () => new Float64Array(n));
  const bigBySize =
    scaled && !exactSums ? Array.from({ length: n }, () => new Array<bigint>(n).fill(0n)) : undefined;
  const sizeOf = new Uint8Array(v.length);
  for (let mask = 1; mask < v.length; mask++) sizeOf[mask] = sizeOf[mask & (mask - 1)]! + 1;
  for (let mask = 0; mask < v.length; mask++) {
    const k = sizeOf[mask]!;
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (mask & bit) continue;
      const d = base[mask | bit]! - base[mask]!;
      if (bigBySize) bigBySize[i]![k] = bigBySize[i]![k]! + BigInt(d);
      else bySize[i]![k] = bySize[i]![k]! + d;
    }
  }
  const nFact = factorial(n);
  return game.players.map((player, i) => {
    if (scaled) {
      let num = 0n;
      for (let k = 0; k < n; k++) {
        const s = bigBySize ? bigBySize[i]![k]! : BigInt(bySize[i]![k]!);
        num += s * factorial(k) * factorial(n - 1 - k);
      }
      return { player, ...exactNumber(new Fraction(num, nFact * BigInt(scaled.scale))) };
    }
    let value = 0;
    for (let k = 0; k < n; k++)
      value += (bySize[i]![k]! * Number(factorial(k) * factorial(n - 1 - k))) / Number(nFact);
    return { player, value };
  });
}

/**
 * Shapley value by sampling `samples` random orders with the injected Rng
 * (Castro, Gómez & Tejada 2009); each order gives every player one marginal
 * contribution. Half-width is 1.96 · sd/√N per player.
 *
 * @throws {ConcertError} bad input (path `['samples']`) unless `samples` is
 *   a whole number ≥ 1.
 * @example
 * shapleySample(game, 20_000, Rng.fromSeed(1))[0].halfWidth95; // the 95 % half-width of player 0's estimate
 */
export function shapleySample(game: TuGame, samples: number, rng: Rng): AllocationValue[] {
  if (!(Number.isSafeInteger(samples) && samples >= 1))
    throw badInput({ path: ['samples'], message: `expected a whole number of samples ≥ 1; got ${samples}` });
  const n = game.players.length;
  const sum = new Float64Array(n);
  const sumSq = new Float64Array(n);
  const order = Array.from({ length: n }, (_, i) => i);
  const members = new Uint8Array(n);
  for (let t = 0; t < samples; t++) {
    shuffle(order, rng);
    members.fill(0);
    let prev = 0;
    for (const p of order) {
      members[p] = 1;
      const cur = game.worth(members);
      const d = cur - prev;
      sum[p] = sum[p]! + d;
      sumSq[p] = sumSq[p]! + d * d;
      prev = cur;
    }
  }
  return game.players.map((player, i) => {
    const mean = sum[i]! / samples;
    const variance = Math.max(0, sumSq[i]! / samples - mean * mean);
    return { player, value: mean, halfWidth95: Z_95 * Math.sqrt(variance / samples) };
  });
}
