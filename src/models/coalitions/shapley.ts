/**
 * The Shapley value of a TU game (Shapley 1953):
 *   φ_i = Σ_{S ⊆ N∖{i}} |S|!(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S)),
 * each player's marginal contribution averaged over the n! orders of arrival.
 * Exact by summing over the 2^n coalitions (n ≤ 20); when every worth is a
 * decimal number the result is also given as an exact fraction. For larger
 * games, seeded sampling of random orders (Castro, Gómez & Tejada 2009) with
 * a 95 % half-width from the sample variance of each player's contributions.
 */
import type { Rng } from '../../core/rng.js';
import { factorial, Rational } from './rational.js';
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
 * arithmetic when the worths are decimals; in doubles otherwise.
 */
export function shapleyValue(game: TuGame): AllocationValue[] {
  const v = game.table;
  if (!v) throw new RangeError('shapleyValue needs a tabulated game (n ≤ 20); use shapleySample');
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
      const x = Rational.of(num, nFact * BigInt(scaled.scale));
      return { player, value: x.toNumber(), exact: x.toString() };
    }
    let value = 0;
    for (let k = 0; k < n; k++)
      value += (bySize[i]![k]! * Number(factorial(k) * factorial(n - 1 - k))) / Number(nFact);
    return { player, value };
  });
}

/**
 * Shapley value by sampling `samples` random orders with the injected Rng;
 * each order gives every player one marginal contribution. Half-width is
 * 1.96 · sd/√N per player.
 */
export function shapleySample(game: TuGame, samples: number, rng: Rng): AllocationValue[] {
  const n = game.players.length;
  const sum = new Float64Array(n);
  const sumSq = new Float64Array(n);
  const order = Array.from({ length: n }, (_, i) => i);
  const members = new Uint8Array(n);
  for (let t = 0; t < samples; t++) {
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(0, i);
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
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
    return { player, value: mean, halfWidth95: 1.959963984540054 * Math.sqrt(variance / samples) };
  });
}
