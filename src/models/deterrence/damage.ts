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
  for (const c of cities) total += c.population;
  if (!(total > 0) || !(areaKm2 > 0)) return out;
  const m = cities.length;
  const b = new Float64Array(m);
  const shots = new Float64Array(m);
  const gain = new Float64Array(m);
  const pop = new Float64Array(m);
  // kill(i, shots[i] + 1), kept so that the next gain needs one new kill, not two (same values).
  const next = new Float64Array(m);
  const kill = (i: number, k: number) =>
    (pop[i] as number) * clarkShareWithin(Math.sqrt((k * areaKm2) / Math.PI) / (b[i] as number));
  // Max-heap of city indices by the kill of their next warhead.
  const heap: number[] = [];
  const less = (x: number, y: number) => (gain[x] as number) < (gain[y] as number);
  const up = (k: number) => {
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (!less(heap[p] as number, heap[k] as number)) break;
      const x = heap[p] as number;
      heap[p] = heap[k] as number;
      heap[k] = x;
      k = p;
    }
  };
  const down = (k: number) => {
    for (;;) {
      const l = 2 * k + 1;
      const r = l + 1;
      let best = k;
      if (l < heap.length && less(heap[best] as number, heap[l] as number)) best = l;
      if (r < heap.length && less(heap[best] as number, heap[r] as number)) best = r;
      if (best === k) break;
      const x = heap[best] as number;
      heap[best] = heap[k] as number;
      heap[k] = x;
      k = best;
    }
  };
  cities.forEach((c, i) => {
    if (!(c.population > 0)) return;
    pop[i] = c.population;
    b[i] = Math.sqrt(c.population / (2 * Math.PI * centralDensityPerKm2));
    next[i] = kill(i, 1);
    gain[i] = next[i] as number;
    heap.push(i);
    up(heap.length - 1);
  });
  let killed = 0;
  for (let x = 1; x <= n; x++) {
    const i = heap[0];
    if (i === undefined) {
      out[x] = out[x - 1] as number;
      continue;
    }
    killed += gain[i] as number;
    shots[i] = (shots[i] as number) + 1;
    const k1 = kill(i, (shots[i] as number) + 1);
    gain[i] = k1 - (next[i] as number);
    next[i] = k1;
    down(0);
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
