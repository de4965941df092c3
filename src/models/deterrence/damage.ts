/**
 * Country damage curves from target sets: the share of an actor's value-target
 * population (its cities) killed by x delivered warheads of a given yield,
 * each warhead aimed where it kills most. Equations and parameters:
 * docs/models/deterrence.md, "Damage".
 *
 * Population of a city of population P around its centre follows Clark's
 * negative-exponential density ρ(d) = ρ₀e^(−d/b) (Clark, "Urban population
 * densities", J. Royal Statistical Society A 114(4), 1951), with one central
 * density ρ₀ for every city (an assumption), so b = √(P/(2πρ₀)). A warhead
 * kills everyone in its lethal area a (cookie cutter); n warheads on one city
 * cover the disc of area n·a around its centre (no overlap, the densest ground
 * first), killing P·g(r/b) with r = √(n·a/π) and g(s) = 1 − (1 + s)e^(−s).
 * The kill of each additional warhead falls with n, so placing warheads one at
 * a time where they kill most is optimal for identical warheads.
 */

/** A city as the damage model reads it. */
export interface TargetCity {
  readonly population: number;
}

/** Share of a city's population within radius r of its centre: 1 − (1 + s)e^(−s), s = r/b (Clark's density). */
export function clarkShareWithin(s: number): number {
  return s <= 0 ? 0 : 1 - (1 + s) * Math.exp(-s);
}

/**
 * Lethal area of one warhead, km²: a·Y^(2/3) with Y in megatons (blast areas
 * scale with the two-thirds power of yield).
 */
export function lethalAreaKm2(yieldKt: number, lethalAreaKm2PerMt23: number): number {
  return lethalAreaKm2PerMt23 * (yieldKt / 1000) ** (2 / 3);
}

/**
 * The damage curve D[x], x = 0 … maxWarheads: the share of the cities' total
 * population killed by x warheads of lethal area `areaKm2`, each placed on the
 * city where it kills most (a max-heap of marginal kills). D is concave and
 * non-decreasing, D[0] = 0, D ≤ 1.
 *
 * @example
 * damageCurve([{ population: 1e6 }], 47, 1e4, 2)[1]; // one 1 Mt warhead on a city of a million: ≈ 0.24
 */
export function damageCurve(
  cities: readonly TargetCity[],
  areaKm2: number,
  centralDensityPerKm2: number,
  maxWarheads: number,
): Float64Array {
  const n = Math.max(0, Math.ceil(maxWarheads));
  const out = new Float64Array(n + 1);
  let total = 0;
  for (let i = 0; i < cities.length; i++) total += (cities[i] as TargetCity).population;
  if (!(total > 0) || !(areaKm2 > 0)) return out;
  const m = cities.length;
  const b = new Float64Array(m);
  const shots = new Float64Array(m);
  const gain = new Float64Array(m);
  const pop = new Float64Array(m);
  // kill(i, shots[i] + 1), kept so that the next gain needs one new kill, not two (same values).
  const next = new Float64Array(m);
  // Max-heap of city indices by the kill of their next warhead, inlined on a typed array (no
  // closures or boxed numbers in the loop: the same comparisons and swaps as a textbook heap).
  const heap = new Int32Array(m);
  let size = 0;
  // Radius of k warheads' lethal disc, √(k·a/π), the same expression for every city.
  const radius1 = Math.sqrt((1 * areaKm2) / Math.PI);
  const density = 2 * Math.PI * centralDensityPerKm2;
  for (let i = 0; i < m; i++) {
    const p = (cities[i] as TargetCity).population;
    if (!(p > 0)) continue;
    pop[i] = p;
    const bi = Math.sqrt(p / density);
    b[i] = bi;
    const k1 = p * clarkShareWithin(radius1 / bi);
    next[i] = k1;
    gain[i] = k1;
    // Sift up.
    let k = size++;
    heap[k] = i;
    while (k > 0) {
      const q = (k - 1) >> 1;
      const hq = heap[q] as number;
      const hk = heap[k] as number;
      if (!((gain[hq] as number) < (gain[hk] as number))) break;
      heap[q] = hk;
      heap[k] = hq;
      k = q;
    }
  }
  let killed = 0;
  for (let x = 1; x <= n; x++) {
    if (size === 0) {
      out[x] = out[x - 1] as number;
      continue;
    }
    const i = heap[0] as number;
    killed += gain[i] as number;
    const s1 = (shots[i] as number) + 1;
    shots[i] = s1;
    const k1 =
      (pop[i] as number) * clarkShareWithin(Math.sqrt(((s1 + 1) * areaKm2) / Math.PI) / (b[i] as number));
    gain[i] = k1 - (next[i] as number);
    next[i] = k1;
    // Sift down from the root: the same comparisons as swapping level by level, with the
    // moving index written once at its final place.
    let k = 0;
    for (;;) {
      const l = 2 * k + 1;
      const r = l + 1;
      let best = k;
      let bestGain = gain[i] as number;
      if (l < size) {
        const gl = gain[heap[l] as number] as number;
        if (bestGain < gl) {
          best = l;
          bestGain = gl;
        }
      }
      if (r < size && bestGain < (gain[heap[r] as number] as number)) best = r;
      if (best === k) break;
      heap[k] = heap[best] as number;
      k = best;
    }
    heap[k] = i;
    out[x] = Math.min(1, killed / total);
  }
  return out;
}

/** D at a real number of warheads: linear between the integers, flat beyond the table. */
export function damageAt(curve: Float64Array, x: number): number {
  if (!(x > 0)) return 0;
  const last = curve.length - 1;
  if (x >= last) return curve[last] as number;
  const lo = Math.floor(x);
  const f = x - lo;
  return (curve[lo] as number) * (1 - f) + (curve[lo + 1] as number) * f;
}
