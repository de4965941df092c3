/**
 * Missile-defense attrition: the exact distribution of warheads that leak
 * through layered defenses with a finite interceptor pool, salvo or
 * shoot–look–shoot doctrine, decoys and imperfect discrimination, and
 * common-mode (tracking) failure. Equations in docs/models/deterrence.md,
 * "Missile defense".
 */

/** A probability distribution on the integers offset, offset+1, …, offset+pmf.length−1. */
export interface Distribution {
  readonly offset: number;
  readonly pmf: readonly number[];
}

/** One defensive layer, as the attrition model needs it. */
export interface DefenseLayer {
  /** Interceptors available to this layer. */
  readonly interceptors: number;
  /** Single-shot kill probability of one interceptor. */
  readonly pk: number;
  /** Interceptors per engaged object per shot. */
  readonly salvo: number;
  /** A second salvo at engaged objects that survived the first (perfect look). */
  readonly shootLookShoot: boolean;
  /** Probability that a decoy is recognised (and not engaged). */
  readonly discrimination: number;
  /** Probability that the layer works at all (no common-mode failure). */
  readonly trackProbability: number;
}

/** A layer's single-shot Pk and discrimination for one group (e.g. when a sensor cues the engagement). */
export interface LayerOverride {
  readonly pk: number;
  readonly discrimination: number;
}

/** A group of attacking warheads that the same layers cover. */
export interface AttackGroup {
  /** Warheads arriving (may be fractional: a mixture of the two nearest integers with the same mean). */
  readonly warheads: number;
  /** Decoys per warhead. */
  readonly decoysPerWarhead: number;
  /** Indices (into the layer list) of the layers that can engage this group, in engagement order. */
  readonly coveredBy: readonly number[];
  /** Per entry of `coveredBy`: the Pk and discrimination this group meets (absent: the layer's own). */
  readonly overrides?: readonly (LayerOverride | undefined)[] | undefined;
}

/** The layer as group `g` meets it at position `k` of its `coveredBy`. */
function effectiveLayer(layer: DefenseLayer, g: AttackGroup, k: number): DefenseLayer {
  const o = g.overrides?.[k];
  return o ? { ...layer, pk: o.pk, discrimination: o.discrimination } : layer;
}

/**
 * Kill probability of one engaged warhead by one layer: P = 1 − (1 − p)^s for a
 * salvo of s, 1 − (1 − p)^(2s) with shoot–look–shoot; the layer itself works
 * with probability `trackProbability`, so the unconditional value is τ·P
 * (the "Calculations" DefensiveLayer form, P_layer = P_track·(1 − (1 − p)^n)).
 */
export function layerKillProbability(
  pk: number,
  salvo: number,
  shootLookShoot = false,
  trackProbability = 1,
): number {
  const shots = shootLookShoot ? 2 * salvo : salvo;
  return trackProbability * (1 - (1 - pk) ** shots);
}

/**
 * Expected interceptors spent per engaged object: s for a salvo, s·(1 + (1 − p)^s)
 * with shoot–look–shoot (the second salvo is fired only at survivors).
 */
export function interceptorsPerEngagement(pk: number, salvo: number, shootLookShoot: boolean): number {
  return shootLookShoot ? salvo * (1 + (1 - pk) ** salvo) : salvo;
}

/**
 * Warheads a layer can engage: I / (ν·(1 + (1 − δ)·D)), where ν is the expected
 * interceptors per engagement, D decoys per warhead and δ the discrimination:
 * undiscriminated decoys draw fire like warheads. Real-valued.
 */
export function warheadCapacity(layer: DefenseLayer, decoysPerWarhead: number): number {
  const nu = interceptorsPerEngagement(layer.pk, layer.salvo, layer.shootLookShoot);
  return layer.interceptors / (nu * (1 + (1 - layer.discrimination) * decoysPerWarhead));
}

/**
 * Interceptors needed to engage every object: n per object × warheads × (1 + decoys per warhead)
 * when decoys cannot be told apart (fixture bmd-decoys-no-discrimination).
 */
export function interceptorsNeeded(
  perObject: number,
  warheads: number,
  decoysPerWarhead: number,
  discrimination = 0,
): number {
  return perObject * warheads * (1 + (1 - discrimination) * decoysPerWarhead);
}

/** Probability that a warhead reaches its target through layers: TKP·Π(1 − P_layer,i). */
export function arrivalProbability(tkp: number, layerKillProbabilities: readonly number[]): number {
  let p = tkp;
  for (const l of layerKillProbabilities) p *= 1 - l;
  return p;
}

/**
 * Binomial(n, p) pmf for integer n ≥ 0, computed outward from the mode and
 * normalised (stable for large n where (1 − p)^n underflows).
 */
export function binomialPmf(n: number, p: number): number[] {
  const out: number[] = new Array<number>(n + 1).fill(0);
  if (p <= 0) {
    out[0] = 1;
    return out;
  }
  if (p >= 1) {
    out[n] = 1;
    return out;
  }
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const ratio = p / (1 - p);
  out[mode] = 1;
  let sum = 1;
  for (let k = mode; k < n; k++) {
    const v = (out[k] as number) * ((n - k) / (k + 1)) * ratio;
    out[k + 1] = v;
    sum += v;
    if (v < 1e-300) break;
  }
  for (let k = mode; k > 0; k--) {
    const v = ((out[k] as number) * k) / ((n - k + 1) * ratio);
    out[k - 1] = v;
    sum += v;
    if (v < 1e-300) break;
  }
  for (let k = 0; k <= n; k++) out[k] = (out[k] as number) / sum;
  return out;
}

/** A point mass at a real x, as the mixture of ⌊x⌋ and ⌈x⌉ with mean x. */
export function pointMass(x: number): Distribution {
  const lo = Math.floor(x);
  const frac = x - lo;
  if (frac < 1e-12) return { offset: lo, pmf: [1] };
  return { offset: lo, pmf: [1 - frac, frac] };
}

/** Distribution of a sum of independent variables (discrete convolution). */
export function convolve(a: Distribution, b: Distribution): Distribution {
  const out: number[] = new Array<number>(a.pmf.length + b.pmf.length - 1).fill(0);
  for (let i = 0; i < a.pmf.length; i++) {
    const ai = a.pmf[i] as number;
    if (ai === 0) continue;
    for (let j = 0; j < b.pmf.length; j++) out[i + j] = (out[i + j] as number) + ai * (b.pmf[j] as number);
  }
  return { offset: a.offset + b.offset, pmf: out };
}

/**
 * One layer acting on a distribution of arriving warheads x: the layer works
 * with probability τ; then it engages J = min(x, c) warheads (c real: ⌊c⌋ or
 * ⌈c⌉ with mean c) and each engaged warhead leaks with probability (1 − p)^shots,
 * so leak | x = (x − J) + Binomial(J, (1 − p)^shots). With probability 1 − τ all leak.
 */
function spread(out: number[], start: number, b: readonly number[], w: number): void {
  for (let k = 0; k < b.length; k++) out[start + k] = (out[start + k] as number) + w * (b[k] as number);
}

function applyLayer(input: Distribution, layer: DefenseLayer, capacity: number): Distribution {
  const shots = layer.shootLookShoot ? 2 * layer.salvo : layer.salvo;
  const leakP = (1 - layer.pk) ** shots;
  const tau = layer.trackProbability;
  const cLo = Math.floor(capacity);
  const cFrac = capacity - cLo;
  // Output support: from (lowest input − most engaged) to the highest input.
  const lowIn = input.offset;
  const highIn = input.offset + input.pmf.length - 1;
  const base0 = Math.max(0, lowIn - (cFrac > 0 ? cLo + 1 : cLo));
  const out: number[] = new Array<number>(highIn - base0 + 1).fill(0);
  const bLo = binomialPmf(cLo, leakP);
  const bHi = cFrac > 0 ? binomialPmf(cLo + 1, leakP) : EMPTY;
  for (let i = 0; i < input.pmf.length; i++) {
    const px = input.pmf[i] as number;
    if (px === 0) continue;
    const x = input.offset + i;
    if (tau < 1) out[x - base0] = (out[x - base0] as number) + (1 - tau) * px;
    const mass = tau * px;
    if (mass === 0) continue;
    if (x <= cLo) spread(out, -base0, x === cLo ? bLo : binomialPmf(x, leakP), mass);
    else if (cFrac === 0) spread(out, x - cLo - base0, bLo, mass);
    else {
      spread(out, x - cLo - base0, bLo, mass * (1 - cFrac));
      spread(out, x - cLo - 1 - base0, bHi, mass * cFrac);
    }
  }
  return trim(out, base0);
}

const EMPTY: number[] = [];

/** Trims leading and trailing zeros (and negligible mass below 1e-15). */
function trim(full: number[], offset: number): Distribution {
  let lo = 0;
  let hi = full.length - 1;
  while (lo < hi && (full[lo] as number) < 1e-15) lo++;
  while (hi > lo && (full[hi] as number) < 1e-15) hi--;
  return { offset: offset + lo, pmf: lo === 0 && hi === full.length - 1 ? full : full.slice(lo, hi + 1) };
}

/** Result of {@link leakDistribution}: the distribution and the mean interceptors spent per layer. */
export interface LeakResult {
  readonly distribution: Distribution;
  /** Expected interceptors fired by each layer (mean-field), same order as the layers. */
  readonly interceptorsUsed: readonly number[];
}

interface Plan {
  /** capacity[g][k]: warhead capacity of the k-th layer covering group g, after the proportional split. */
  readonly capacity: number[][];
  readonly interceptorsUsed: number[];
}

/**
 * Shares each layer's capacity among the groups it covers, in layer order:
 * a layer's warhead capacity c = I/(ν(1 + (1 − δ)D)) goes to the groups in
 * proportion to the objects they present (expected warheads reaching it ×
 * (1 + (1 − δ)D)); expected warheads then fall by the engaged × P_kill.
 */
function plan(groups: readonly AttackGroup[], layers: readonly DefenseLayer[]): Plan {
  const expected = groups.map((g) => Math.max(0, g.warheads));
  const capacity = groups.map((g) => new Array<number>(g.coveredBy.length).fill(0));
  const used = new Array<number>(layers.length).fill(0);
  for (let l = 0; l < layers.length; l++) {
    const base = layers[l] as DefenseLayer;
    // Objects presented to the layer, in interceptor demand: engaged objects × expected interceptors each.
    let presented = 0;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g] as AttackGroup;
      const k = group.coveredBy.indexOf(l);
      if (k < 0) continue;
      const layer = effectiveLayer(base, group, k);
      presented +=
        (expected[g] as number) *
        (1 + (1 - layer.discrimination) * group.decoysPerWarhead) *
        interceptorsPerEngagement(layer.pk, layer.salvo, layer.shootLookShoot);
    }
    if (!(presented > 0)) continue;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g] as AttackGroup;
      const k = group.coveredBy.indexOf(l);
      if (k < 0) continue;
      const layer = effectiveLayer(base, group, k);
      const pKill = layerKillProbability(layer.pk, layer.salvo, layer.shootLookShoot, layer.trackProbability);
      const nu = interceptorsPerEngagement(layer.pk, layer.salvo, layer.shootLookShoot);
      const objectsPerWarhead = 1 + (1 - layer.discrimination) * group.decoysPerWarhead;
      const share = ((expected[g] as number) * objectsPerWarhead * nu) / presented;
      const cap = warheadCapacity(layer, group.decoysPerWarhead) * Math.min(1, share);
      (capacity[g] as number[])[k] = cap;
      const engaged = Math.min(expected[g] as number, cap);
      used[l] = (used[l] as number) + engaged * objectsPerWarhead * nu * layer.trackProbability;
      expected[g] = (expected[g] as number) - engaged * pKill;
    }
  }
  return { capacity, interceptorsUsed: used };
}

function groupChain(
  group: AttackGroup,
  layers: readonly DefenseLayer[],
  capacity: readonly number[],
): Distribution {
  let dist = pointMass(Math.max(0, group.warheads));
  for (let k = 0; k < group.coveredBy.length; k++) {
    const c = capacity[k] as number;
    if (c > 0)
      dist = applyLayer(
        dist,
        effectiveLayer(layers[group.coveredBy[k] as number] as DefenseLayer, group, k),
        c,
      );
  }
  return dist;
}

/**
 * Distribution of the total number of warheads that leak through the defense.
 *
 * Each group passes the layers that cover it in order. A layer's warhead
 * capacity c = I/(ν(1 + (1 − δ)D)) is shared among the groups it covers in
 * proportion to the objects they present. Within a group the layer chain is
 * exact: given x arriving, the layer works with probability τ and then
 * engages J = min(x, c) warheads, each leaking with probability (1 − p)^shots,
 * so leak | x = (x − J) + Binomial(J, (1 − p)^shots); real counts are mixtures
 * of the two nearest integers with the right mean. Groups are independent, so
 * the total is their convolution. With one group, or capacity for every
 * object, the result is exact.
 */
export function leakDistribution(
  groups: readonly AttackGroup[],
  layers: readonly DefenseLayer[],
): LeakResult {
  const pl = plan(groups, layers);
  let total: Distribution = { offset: 0, pmf: [1] };
  let uncovered = 0;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g] as AttackGroup;
    if (group.coveredBy.length === 0) {
      uncovered += Math.max(0, group.warheads);
      continue;
    }
    const dist = groupChain(group, layers, pl.capacity[g] as number[]);
    total =
      total.pmf.length === 1 ? { offset: total.offset + dist.offset, pmf: dist.pmf } : convolve(total, dist);
  }
  const u = pointMass(uncovered);
  total = u.pmf.length === 1 ? { offset: total.offset + u.offset, pmf: total.pmf } : convolve(total, u);
  return { distribution: total, interceptorsUsed: pl.interceptorsUsed };
}

/** E[z^X] for X ~ pointMass(x): z^⌊x⌋·(1 − f + f·z). */
function pointMassPgf(x: number, z: number): number {
  const lo = Math.floor(x);
  const f = x - lo;
  return z ** lo * (1 - f + f * z);
}

/** E[z^leak] of x (integer) warheads through one layer of real capacity c. */
function layerPgf(x: number, layer: DefenseLayer, c: number, z: number): number {
  const shots = layer.shootLookShoot ? 2 * layer.salvo : layer.salvo;
  const q = (1 - layer.pk) ** shots;
  const perEngaged = 1 - q + q * z;
  const tau = layer.trackProbability;
  const cLo = Math.floor(c);
  const cf = c - cLo;
  let engagedPart: number;
  if (x <= cLo) engagedPart = perEngaged ** x;
  else if (cf === 0) engagedPart = z ** (x - cLo) * perEngaged ** cLo;
  else
    engagedPart =
      (1 - cf) * z ** (x - cLo) * perEngaged ** cLo + cf * z ** (x - cLo - 1) * perEngaged ** (cLo + 1);
  return (1 - tau) * z ** x + tau * engagedPart;
}

/**
 * The generating function E[z^X] of the leak X of {@link leakDistribution},
 * exactly, without building the distribution when each group meets at most
 * one layer (closed form: E[z^X | x] = (1 − τ)z^x + τ·z^(x−J)(1 − q + qz)^J).
 * With z = e^(−λ) it gives the expected damage 1 − E[e^(−λX)] in O(groups).
 */
export function leakGeneratingFunction(
  groups: readonly AttackGroup[],
  layers: readonly DefenseLayer[],
  z: number,
): number {
  let covered = false;
  let all = 0;
  for (const g of groups) {
    all += Math.max(0, g.warheads);
    if (g.coveredBy.length > 0) covered = true;
  }
  if (!covered || layers.length === 0) return pointMassPgf(all, z);
  const pl = plan(groups, layers);
  let value = 1;
  let uncovered = 0;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g] as AttackGroup;
    const caps = pl.capacity[g] as number[];
    const active = caps.reduce((n, c) => n + (c > 0 ? 1 : 0), 0);
    if (active === 0) {
      uncovered += Math.max(0, group.warheads);
    } else if (active === 1) {
      const k = caps.findIndex((c) => c > 0);
      const layer = effectiveLayer(layers[group.coveredBy[k] as number] as DefenseLayer, group, k);
      const x = Math.max(0, group.warheads);
      const lo = Math.floor(x);
      const f = x - lo;
      value *=
        (1 - f) * layerPgf(lo, layer, caps[k] as number, z) +
        (f > 0 ? f * layerPgf(lo + 1, layer, caps[k] as number, z) : 0);
    } else {
      const d = groupChain(group, layers, caps);
      let s = 0;
      for (let i = 0; i < d.pmf.length; i++) s += (d.pmf[i] as number) * z ** (d.offset + i);
      value *= s;
    }
  }
  return value * pointMassPgf(uncovered, z);
}

/** Mean of a distribution. */
export function mean(d: Distribution): number {
  let m = 0;
  for (let i = 0; i < d.pmf.length; i++) m += (d.offset + i) * (d.pmf[i] as number);
  return m;
}

/** Standard deviation of a distribution. */
export function standardDeviation(d: Distribution): number {
  const mu = mean(d);
  let v = 0;
  for (let i = 0; i < d.pmf.length; i++) {
    const x = d.offset + i - mu;
    v += x * x * (d.pmf[i] as number);
  }
  return Math.sqrt(Math.max(0, v));
}

/** Smallest x with P(X ≤ x) ≥ q. */
export function quantile(d: Distribution, q: number): number {
  let c = 0;
  for (let i = 0; i < d.pmf.length; i++) {
    c += d.pmf[i] as number;
    if (c >= q - 1e-12) return d.offset + i;
  }
  return d.offset + d.pmf.length - 1;
}

/** P(X ≥ x). */
export function tailProbability(d: Distribution, x: number): number {
  let s = 0;
  for (let i = Math.max(0, x - d.offset); i < d.pmf.length; i++) s += d.pmf[i] as number;
  return Math.min(1, s);
}

/** E[1 − exp(−λX)]: the expected share of value destroyed when each delivered warhead destroys a share (1 − e^(−λ)) of what remains. */
export function expectedDamage(d: Distribution, lambda: number): number {
  let s = 0;
  for (let i = 0; i < d.pmf.length; i++) s += (d.pmf[i] as number) * Math.exp(-lambda * (d.offset + i));
  return Math.min(1, Math.max(0, 1 - s));
}
