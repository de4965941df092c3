/**
 * Exact swing counts for weighted games by generating functions (Brams &
 * Affuso 1976; Leech 2002, "Computation of Power Indices", Warwick Economic
 * Research Paper 644; Bilbao, Fernández, Losada & López 2000, TOP 8:191–213).
 *
 * One layer [q; w]: P(y, x) = Π_j (1 + y·x^{w_j}) counts coalitions by size k
 * (power of y) and weight s (power of x). Player i's "others" polynomial is
 * P divided by (1 + y·x^{w_i}), obtained by the recurrence
 * C(k, s) = P(k, s) − C(k−1, s−w_i). Then
 *   raw Banzhaf swings_i = Σ_k Σ_{s=q−w_i}^{q−1} C(k, s),
 *   Shapley–Shubik φ_i = Σ_k k!(n−k−1)!/n! · Σ_{s=q−w_i}^{q−1} C(k, s).
 * Only weights below q matter, so the polynomials are truncated at x^{q−1}:
 * cost O(n²·q) to build and O(n·q) per distinct weight.
 *
 * Several layers (intersections): the state is the vector of layer sums, each
 * capped at its quota (a capped sum still decides every "≥ q_l" test), and
 * the others' polynomial is built directly for each distinct weight vector.
 *
 * Counts are exact: doubles while every count is below 2^53 (n ≤ 53), bigint
 * beyond.
 */
import { ExactFraction, factorial, rationalFromNumber } from '../../core/rational.js';
import type { WeightedGame } from './simple-game.js';

/** Exact per-player swing counts; `shapleyShubik[i]` is φ_i as a fraction. */
export interface SwingCounts {
  readonly swings: readonly bigint[];
  readonly shapleyShubik: readonly ExactFraction[];
}

/** The largest polynomial (states × sizes × players) we build before preferring another method. */
export const MAX_GF_WORK = 400_000_000;

/** Integer layers for a weighted game, scaling decimals by a common power of ten; undefined if impossible. */
export function integerLayers(game: WeightedGame): { weights: number[][]; quotas: number[] } | undefined {
  for (let d = 0; d <= 6; d++) {
    const scale = 10 ** d;
    const weights: number[][] = [];
    const quotas: number[] = [];
    let ok = true;
    for (const layer of game.layers) {
      const ws = layer.weights.map((w) => Math.round(w * scale));
      if (
        ws.some(
          (w, i) =>
            !Number.isSafeInteger(w) || rationalFromNumber(layer.weights[i]!).mul(scale).compare(w) !== 0,
        )
      ) {
        ok = false;
        break;
      }
      const qs = rationalFromNumber(layer.quota).mul(scale);
      const num = qs.s * qs.n;
      let q = num / qs.d;
      if (q * qs.d < num) q += 1n;
      weights.push(ws);
      quotas.push(Number(q));
    }
    if (ok) return { weights, quotas };
  }
  return undefined;
}

interface Ring<T> {
  zero: T;
  one: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  big(a: T): bigint;
  array(len: number): { [i: number]: T; length: number };
}

const bigRing: Ring<bigint> = {
  zero: 0n,
  one: 1n,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  big: (a) => a,
  array: (len) => new Array<bigint>(len).fill(0n),
};

function shapleyWeights(n: number): bigint[] {
  return Array.from({ length: n }, (_, k) => factorial(k) * factorial(n - 1 - k));
}

function singleLayer<T>(ring: Ring<T>, weights: readonly number[], q: number): SwingCounts {
  const n = weights.length;
  const stride = q;
  const P = ring.array((n + 1) * stride);
  P[0] = ring.one;
  let count = 0;
  for (const w of weights) {
    for (let k = count; k >= 0; k--) {
      const src = k * stride;
      const dst = (k + 1) * stride;
      for (let s = q - 1; s >= w; s--) {
        const v = P[src + s - w]!;
        if (v !== ring.zero) P[dst + s] = ring.add(P[dst + s]!, v);
      }
    }
    count++;
  }
  const sw = shapleyWeights(n);
  const nFact = factorial(n);
  const byWeight = new Map<number, { swings: bigint; ss: ExactFraction }>();
  const C = ring.array((n + 1) * stride);
  for (const w of new Set(weights)) {
    for (let k = 0; k <= n; k++) {
      for (let s = 0; s < q; s++) {
        const prev = k >= 1 && s >= w ? C[(k - 1) * stride + s - w]! : ring.zero;
        C[k * stride + s] = ring.sub(P[k * stride + s]!, prev);
      }
    }
    let swings = 0n;
    let ssNum = 0n;
    for (let k = 0; k < n; k++) {
      let inner = ring.zero;
      for (let s = Math.max(0, q - w); s < q; s++) inner = ring.add(inner, C[k * stride + s]!);
      const b = ring.big(inner);
      swings += b;
      ssNum += b * sw[k]!;
    }
    byWeight.set(w, { swings, ss: new ExactFraction(ssNum, nFact) });
  }
  return {
    swings: weights.map((w) => byWeight.get(w)!.swings),
    shapleyShubik: weights.map((w) => byWeight.get(w)!.ss),
  };
}

/**
 * The same as {@link singleLayer} on plain doubles, for n ≤ 53 where every
 * count is an integer below 2^53 (monomorphic loops: the hot path of the
 * Electoral-College-sized benchmark).
 */
function singleLayerDouble(weights: readonly number[], q: number): SwingCounts {
  const n = weights.length;
  const P = new Float64Array((n + 1) * q);
  P[0] = 1;
  for (let j = 0; j < n; j++) {
    const w = weights[j]!;
    for (let k = j; k >= 0; k--) {
      const src = k * q - w;
      const dst = (k + 1) * q;
      for (let s = q - 1; s >= w; s--) P[dst + s] = P[dst + s]! + P[src + s]!;
    }
  }
  const sw = shapleyWeights(n);
  const nFact = factorial(n);
  const byWeight = new Map<number, { swings: bigint; ss: ExactFraction }>();
  const C = new Float64Array((n + 1) * q);
  for (const w of new Set(weights)) {
    for (let k = 0; k <= n; k++) {
      const row = k * q;
      const prev = (k - 1) * q - w;
      for (let s = 0; s < q; s++) C[row + s] = P[row + s]! - (k >= 1 && s >= w ? C[prev + s]! : 0);
    }
    let swings = 0n;
    let ssNum = 0n;
    for (let k = 0; k < n; k++) {
      let inner = 0;
      for (let s = Math.max(0, q - w); s < q; s++) inner += C[k * q + s]!;
      const b = BigInt(inner);
      swings += b;
      ssNum += b * sw[k]!;
    }
    byWeight.set(w, { swings, ss: new ExactFraction(ssNum, nFact) });
  }
  return {
    swings: weights.map((w) => byWeight.get(w)!.swings),
    shapleyShubik: weights.map((w) => byWeight.get(w)!.ss),
  };
}

function multiLayer(
  weights: readonly (readonly number[])[],
  quotas: readonly number[],
): SwingCounts | undefined {
  const n = weights[0]!.length;
  const L = quotas.length;
  const radix = quotas.map((q) => q + 1);
  const states = radix.reduce((a, b) => a * b, 1);
  const typeKey = (i: number) => weights.map((w) => w[i]).join(',');
  const types = new Map<string, number>();
  for (let i = 0; i < n; i++) if (!types.has(typeKey(i))) types.set(typeKey(i), i);
  if (types.size * n * n * states > MAX_GF_WORK || states * n > 5_000_000 || n > 53) return undefined;
  const decode = (st: number, out: Int32Array) => {
    let r = st;
    for (let l = 0; l < L; l++) {
      out[l] = r % radix[l]!;
      r = Math.floor(r / radix[l]!);
    }
  };
  const encode = (v: Int32Array) => {
    let st = 0;
    for (let l = L - 1; l >= 0; l--) st = st * radix[l]! + v[l]!;
    return st;
  };
  // next[i][st]: state after adding player i to a coalition in state st.
  const next = Array.from({ length: n }, () => new Int32Array(states));
  const tmp = new Int32Array(L);
  for (let i = 0; i < n; i++) {
    for (let st = 0; st < states; st++) {
      decode(st, tmp);
      for (let l = 0; l < L; l++) tmp[l] = Math.min(quotas[l]!, tmp[l]! + weights[l]![i]!);
      next[i]![st] = encode(tmp);
    }
  }
  const wins = new Uint8Array(states);
  for (let st = 0; st < states; st++) {
    decode(st, tmp);
    wins[st] = quotas.every((q, l) => tmp[l]! >= q) ? 1 : 0;
  }
  const sw = shapleyWeights(n);
  const nFact = factorial(n);
  const result = new Map<string, { swings: bigint; ss: ExactFraction }>();
  for (const [key, rep] of types) {
    const P = new Float64Array(n * states);
    P[0] = 1;
    let count = 0;
    for (let j = 0; j < n; j++) {
      if (j === rep) continue;
      const nx = next[j]!;
      for (let k = count; k >= 0; k--) {
        const src = k * states;
        const dst = (k + 1) * states;
        for (let st = 0; st < states; st++) {
          const v = P[src + st]!;
          if (v !== 0) P[dst + nx[st]!]! += v;
        }
      }
      count++;
    }
    let swings = 0n;
    let ssNum = 0n;
    const nr = next[rep]!;
    for (let k = 0; k < n; k++) {
      let inner = 0;
      for (let st = 0; st < states; st++) if (!wins[st] && wins[nr[st]!]) inner += P[k * states + st]!;
      const b = BigInt(inner);
      swings += b;
      ssNum += b * sw[k]!;
    }
    result.set(key, { swings, ss: new ExactFraction(ssNum, nFact) });
  }
  return {
    swings: Array.from({ length: n }, (_, i) => result.get(typeKey(i))!.swings),
    shapleyShubik: Array.from({ length: n }, (_, i) => result.get(typeKey(i))!.ss),
  };
}

/**
 * Exact raw Banzhaf swings and Shapley–Shubik indices of a weighted (or
 * layered) game by generating functions, or `undefined` when the weights
 * cannot be made integers by a power of ten up to 10^6 or the polynomial
 * would exceed {@link MAX_GF_WORK} terms.
 */
export function generatingFunctionCounts(game: WeightedGame): SwingCounts | undefined {
  const ints = integerLayers(game);
  if (!ints) return undefined;
  const n = game.players.length;
  if (ints.weights.length === 1) {
    const w = ints.weights[0]!;
    const q = ints.quotas[0]!;
    if ((n + 1) * q * n > MAX_GF_WORK || (n + 1) * q > 5_000_000) return undefined;
    return n <= 53 ? singleLayerDouble(w, q) : singleLayer(bigRing, w, q);
  }
  return multiLayer(ints.weights, ints.quotas);
}

/**
 * The number of winning coalitions of a weighted (or layered) game, by the
 * capped-sum generating function over all players; undefined when the weights
 * cannot be made integers or the state space is too large. Divided by 2^n it
 * is Coleman's (1971) "power of the collectivity to act": the share of the
 * 2^n yes/no profiles that pass.
 */
export function winningCoalitionCount(game: WeightedGame): bigint | undefined {
  const ints = integerLayers(game);
  if (!ints) return undefined;
  const n = game.players.length;
  const L = ints.quotas.length;
  const radix = ints.quotas.map((q) => q + 1);
  const states = radix.reduce((a, b) => a * b, 1);
  if (states > 2_000_000 || states * n > MAX_GF_WORK) return undefined;
  let counts: bigint[] = new Array<bigint>(states).fill(0n);
  counts[0] = 1n;
  const sums = new Int32Array(L);
  for (let i = 0; i < n; i++) {
    const nextCounts = counts.slice();
    for (let st = 0; st < states; st++) {
      const c = counts[st]!;
      if (c === 0n) continue;
      let r = st;
      for (let l = 0; l < L; l++) {
        sums[l] = r % radix[l]!;
        r = Math.floor(r / radix[l]!);
      }
      let target = 0;
      for (let l = L - 1; l >= 0; l--)
        target = target * radix[l]! + Math.min(ints.quotas[l]!, sums[l]! + ints.weights[l]![i]!);
      nextCounts[target] = nextCounts[target]! + c;
    }
    counts = nextCounts;
  }
  let winning = 0n;
  for (let st = 0; st < states; st++) {
    let r = st;
    let wins = true;
    for (let l = 0; l < L; l++) {
      if (r % radix[l]! < ints.quotas[l]!) wins = false;
      r = Math.floor(r / radix[l]!);
    }
    if (wins) winning += counts[st]!;
  }
  return winning;
}

/** Per-player counts of minimal winning coalitions, by coalition size. */
export interface MinimalWinningCounts {
  /** bySize[i][k]: minimal winning coalitions of size k that contain player i. */
  readonly bySize: readonly Float64Array[];
  /** Number of minimal winning coalitions. */
  readonly total: number;
}

/**
 * Minimal winning coalitions of a one-layer weighted game counted by
 * generating functions, for the Deegan–Packel and Holler–Packel indices of
 * games too large to enumerate (after Alonso-Meijide, Freixas & Molinero
 * 2012, "Computation of several power indices by generating functions",
 * Applied Mathematics and Computation 219:3395–3402).
 *
 * Order the players by weight, heaviest first. A coalition S with last
 * (lightest) member m is minimal winning iff T = S∖{m}, a set of players
 * before m, has w(T) ∈ [q − w_m, q − 1]: removing the lightest member loses,
 * so removing any member does. With A_m(k, s) the size-and-weight polynomial
 * of the players before m, and B its quotient by (1 + y x^{w_i}) for a
 * predecessor i, the coalitions with last member m contain i in
 * Σ_{s=q−w_m−w_i}^{q−1−w_i} B(k, s) ways. Cost O(distinct weights · n² · q);
 * doubles, so n ≤ 53. Undefined when it does not apply.
 */
export function minimalWinningCounts(game: WeightedGame): MinimalWinningCounts | undefined {
  const ints = integerLayers(game);
  if (ints?.weights.length !== 1) return undefined;
  const n = game.players.length;
  const w = ints.weights[0]!;
  const q = ints.quotas[0]!;
  const types = new Set(w).size;
  if (n > 53 || types * n * n * q > MAX_GF_WORK || (n + 1) * q > 5_000_000) return undefined;
  const order = w.map((_, i) => i).sort((a, b) => w[b]! - w[a]! || a - b);
  const bySize = Array.from({ length: n }, () => new Float64Array(n + 1));
  const stride = q;
  const A = new Float64Array((n + 1) * stride);
  A[0] = 1;
  const B = new Float64Array((n + 1) * stride);
  let total = 0;
  for (let pos = 0; pos < n; pos++) {
    const m = order[pos]!;
    const wm = w[m]!;
    // coalitions whose last member is m
    for (let k = 0; k < pos + 1; k++) {
      let c = 0;
      for (let s = Math.max(0, q - wm); s < q; s++) c += A[k * stride + s]!;
      if (c === 0) continue;
      bySize[m]![k + 1] = bySize[m]![k + 1]! + c;
      total += c;
    }
    // predecessors i, grouped by weight
    const seen = new Map<number, Float64Array>();
    for (let p = 0; p < pos; p++) {
      const i = order[p]!;
      const wi = w[i]!;
      let counts = seen.get(wi);
      if (!counts) {
        counts = new Float64Array(n + 1);
        for (let k = 0; k <= pos; k++) {
          const row = k * stride;
          const prev = (k - 1) * stride - wi;
          for (let s = 0; s < q; s++) B[row + s] = A[row + s]! - (k >= 1 && s >= wi ? B[prev + s]! : 0);
        }
        for (let k = 0; k < pos; k++) {
          let c = 0;
          for (let s = Math.max(0, q - wm - wi); s <= q - 1 - wi; s++) c += B[k * stride + s]!;
          counts[k + 2] = c;
        }
        seen.set(wi, counts);
      }
      const row = bySize[i]!;
      for (let k = 2; k <= n; k++) if (counts[k]) row[k] = row[k]! + counts[k]!;
    }
    // A ← A · (1 + y x^{w_m})
    for (let k = pos; k >= 0; k--) {
      const src = k * stride - wm;
      const dst = (k + 1) * stride;
      for (let s = q - 1; s >= wm; s--) A[dst + s] = A[dst + s]! + A[src + s]!;
    }
  }
  return { bySize, total };
}
