/**
 * One first strike of a given size: the dyad prepared once (the attacker's
 * systems that reach the defender, the greedy counterforce allocation, the
 * attack groups seen by each defense layer), then evaluated at any number n
 * of counterforce warheads (steps 1–4 of exchange.ts: kills, retaliation
 * through the attacker's defenses, countervalue through the defender's
 * remaining interceptors, and each side's Kent–Thaler cost).
 */
import { allocateFirstStrike, allocationAt, type StrikeAllocation } from './allocate.js';
import {
  type CompiledActor,
  type CompiledDefense,
  type CompiledSystem,
  reaches,
  type TargetPoint,
} from './compile.js';
import { lethalRadiusM, sspk } from './counterforce.js';
import { type CoverageMemo, coverageMemo, coverageSplits } from './coverage.js';
import { damageAt, damageCurve, lethalAreaKm2 } from './damage.js';
import {
  type AttackGroup,
  type DefenseLayer,
  type Distribution,
  expectedDamage,
  type LayerOverride,
  leakDistribution,
  leakGeneratingFunction,
  mean,
} from './defense.js';
import { site } from './engagement.js';
import type { DeterrenceOptions } from './options.js';
import { kentThalerCost } from './stability.js';

/** A dyad prepared for the evaluation of first strikes of any size (one strike order). */
export interface Prepared {
  readonly A: CompiledActor;
  readonly B: CompiledActor;
  readonly attackSystems: readonly CompiledSystem[];
  readonly available: Float64Array;
  readonly cfIndex: Int32Array;
  readonly allocation: StrikeAllocation;
  readonly targetSystems: readonly CompiledSystem[];
  readonly retaliationGroups: readonly GroupSpec[];
  readonly retaliationLayers: readonly DefenseLayer[];
  readonly valueGroups: readonly GroupSpec[];
  readonly valueLayersB: readonly DefenseLayer[];
  /** The compiled defenses behind the layers (for reporting interceptor use). */
  readonly retaliationDefenses: readonly CompiledDefense[];
  readonly valueDefensesB: readonly CompiledDefense[];
  readonly forcesDefensesB: readonly CompiledDefense[];
  readonly valueLayerSource: Int32Array;
  readonly forcesGroups: readonly GroupSpec[];
  readonly forcesLayersB: readonly DefenseLayer[];
  readonly forcesLayerSource: Int32Array;
  readonly lambdaA: number;
  readonly lambdaB: number;
  /** e^(−λ) of each side: the argument of the leak's generating function. */
  readonly zA: number;
  readonly zB: number;
  /** Damage curves of each side's cities (share killed by x delivered warheads of the other's mean yield); undefined: the exponential stand-in. */
  readonly curveA: Float64Array | undefined;
  readonly curveB: Float64Array | undefined;
  readonly options: DeterrenceOptions;
  readonly undisturbed: number;
}

/** A group of attacking warheads: shares of systems' warheads that meet the same defenses with the same parameters. */
export interface GroupSpec {
  /** (system index, share of its warheads) pairs. */
  readonly members: { system: number; fraction: number }[];
  readonly decoys: number;
  readonly coveredBy: readonly number[];
  readonly overrides: readonly (LayerOverride | undefined)[];
}

/**
 * Groups the warheads of `systems` (of `attacker`) by the defenses of
 * `defender` (`defenses`, a subset of its list) that can engage them when
 * aimed at `targets`: coverage rules, and the engagement geometry for
 * defenses with sites (coverage.ts).
 */
function groupBy(
  systems: readonly CompiledSystem[],
  attacker: string,
  defender: CompiledActor,
  defenses: readonly CompiledDefense[],
  targets: readonly TargetPoint[],
  memoKey: string,
  include: (i: number) => boolean,
): GroupSpec[] {
  let memo = defender.coverageMemo.get(memoKey) as CoverageMemo | undefined;
  if (!memo) {
    memo = coverageMemo();
    defender.coverageMemo.set(memoKey, memo);
  }
  const groups = new Map<string, GroupSpec>();
  systems.forEach((s, i) => {
    if (!include(i)) return;
    for (const split of coverageSplits(attacker, s, defender, defenses, targets, memo)) {
      if (!(split.fraction > 0)) continue;
      const covered = split.coveredBy.length > 0;
      const key = `${split.coveredBy
        .map((k, j) => `${k}:${split.overrides[j]?.pk ?? ''}:${split.overrides[j]?.discrimination ?? ''}`)
        .join(',')}|${covered ? s.decoysPerWarhead : 0}`;
      const g = groups.get(key);
      if (g) g.members.push({ system: i, fraction: split.fraction });
      else
        groups.set(key, {
          members: [{ system: i, fraction: split.fraction }],
          decoys: covered ? s.decoysPerWarhead : 0,
          coveredBy: split.coveredBy,
          overrides: split.overrides,
        });
    }
  });
  return [...groups.values()];
}

/** The force aim points of an actor's systems: their launch areas, weighted by the warheads based there. */
function forceTargets(systems: readonly CompiledSystem[]): TargetPoint[] {
  const byArea = new Map<string, { point: { lat: number; lon: number }; w: number }>();
  let total = 0;
  for (const s of systems) {
    if (s.areas.length === 0 || s.warheads <= 0) continue;
    for (const a of s.areas) {
      const e = byArea.get(a.name) ?? { point: a.point, w: 0 };
      e.w += s.warheads / s.areas.length;
      byArea.set(a.name, e);
      total += s.warheads / s.areas.length;
    }
  }
  return [...byArea.entries()].map(([name, e]) => ({ site: site(name, e.point), weight: e.w / total }));
}

function lambdaFor(id: string, options: DeterrenceOptions): number {
  return Math.log(5) / (options.valueWarheads80By[id] ?? options.valueWarheads80);
}

/**
 * The damage curve of `victim`'s cities under the warheads of `systems` (their
 * warhead-weighted mean lethal area), up to all of those warheads; memoised on
 * the compiled victim. Undefined under the exponential damage model or when
 * the victim has no cities.
 */
function curveFor(
  victim: CompiledActor,
  systems: readonly CompiledSystem[],
  options: DeterrenceOptions,
): Float64Array | undefined {
  if (options.damageModel !== 'cities' || !victim.cities || victim.cities.length === 0) return undefined;
  let warheads = 0;
  let area = 0;
  for (const s of systems) {
    warheads += s.warheads;
    area += s.warheads * lethalAreaKm2(s.yieldKt, options.lethalAreaKm2PerMt23);
  }
  if (!(warheads > 0)) return new Float64Array(1);
  const meanArea = area / warheads;
  const key = `curve:${meanArea}:${Math.ceil(warheads)}:${options.centralDensityPerKm2}`;
  const hit = victim.coverageMemo.get(key) as Float64Array | undefined;
  if (hit) return hit;
  const curve = sharedCurve(victim, meanArea, options.centralDensityPerKm2, warheads + 1);
  victim.coverageMemo.set(key, curve);
  return curve;
}

/**
 * The damage curve up to `maxWarheads`, from the compilation's shared cache
 * when it has one. The greedy curve's entries do not depend on its length, so
 * the first entries of a longer curve computed earlier are this curve.
 */
function sharedCurve(
  victim: CompiledActor,
  meanArea: number,
  centralDensityPerKm2: number,
  maxWarheads: number,
): Float64Array {
  const cities = victim.cities ?? [];
  const cache = victim.geometryCache;
  if (!cache) return damageCurve(cities, meanArea, centralDensityPerKm2, maxWarheads);
  let byArea = cache.curves.get(cities);
  if (!byArea) {
    byArea = new Map();
    cache.curves.set(cities, byArea);
  }
  const n = Math.max(0, Math.ceil(maxWarheads));
  const k = `${meanArea}:${centralDensityPerKm2}`;
  const longest = byArea.get(k);
  if (longest && longest.length >= n + 1) return longest.subarray(0, n + 1);
  if (byArea.size >= 10_000) byArea.clear();
  const curve = damageCurve(cities, meanArea, centralDensityPerKm2, maxWarheads);
  byArea.set(k, curve);
  return curve;
}

/** E[D(X)] for the delivered-warhead distribution X and a damage curve. */
function expectedCurveDamage(d: Distribution, curve: Float64Array): number {
  let s = 0;
  for (let i = 0; i < d.pmf.length; i++) s += (d.pmf[i] as number) * damageAt(curve, d.offset + i);
  return clamp01(s);
}

/** Prepares `A` striking `B` first: what A can launch, the counterforce allocation, the defense groups. */
export function prepare(A: CompiledActor, B: CompiledActor, options: DeterrenceOptions): Prepared {
  const attackSystems = A.systems.filter((s) => reaches(s, B.id) && s.warheads > 0);
  const available = new Float64Array(attackSystems.length);
  attackSystems.forEach((s, i) => {
    available[i] = s.basing === 'silo' ? s.warheads : s.warheads * s.escape * options.strikerSurvivableShare;
  });
  const targetSystems = B.systems.filter((s) => reaches(s, A.id) && s.warheads > 0);
  const targets = targetSystems.map((s) => {
    const vulnerableLaunchers = s.launchers * (1 - s.escape);
    return {
      aimPoints: vulnerableLaunchers / s.launchersPerAimPoint,
      warheadsPerAimPoint: s.launchersPerAimPoint * s.warheadsPerLauncher,
    };
  });
  let hardest = 0;
  for (const s of targetSystems) hardest = Math.max(hardest, s.hardnessPsi);
  const cf: { index: number; tkp: number[]; order: number }[] = [];
  attackSystems.forEach((s, i) => {
    if (!options.counterforceBasings.includes(s.basing) || (available[i] as number) <= 0) return;
    const tkp = targetSystems.map(
      (t) => sspk(lethalRadiusM(s.yieldKt, t.hardnessPsi, options.formula), s.cepM) * s.reliability,
    );
    const order = sspk(lethalRadiusM(s.yieldKt, hardest || 1, options.formula), s.cepM) * s.reliability;
    cf.push({ index: i, tkp, order });
  });
  cf.sort((x, y) => y.order - x.order || x.index - y.index);
  const cfIndex = Int32Array.from(cf.map((c) => c.index));
  const allocation = allocateFirstStrike(
    cf.map((c) => ({ warheads: available[c.index] as number, killProbability: c.tkp })),
    targets,
    options.fratricideLimit,
  );
  const valueA = A.defenses.filter((d) => d.protectsValue);
  const valueB = B.defenses.filter((d) => d.protectsValue);
  const forcesB = B.defenses.filter((d) => d.protectsForces);
  const cfSet = new Set(cfIndex);
  let undisturbed = 0;
  for (const s of targetSystems) undisturbed += s.warheads * s.reliability;
  return {
    A,
    B,
    attackSystems,
    available,
    cfIndex,
    allocation,
    targetSystems,
    retaliationGroups: groupBy(targetSystems, B.id, A, valueA, A.valueTargets, `value:${B.id}`, () => true),
    retaliationLayers: valueA.map((d) => d.layer),
    retaliationDefenses: valueA,
    valueDefensesB: valueB,
    forcesDefensesB: forcesB,
    valueGroups: groupBy(attackSystems, A.id, B, valueB, B.valueTargets, `value:${A.id}`, () => true),
    valueLayersB: valueB.map((d) => d.layer),
    valueLayerSource: Int32Array.from(valueB.map((d) => B.defenses.indexOf(d))),
    forcesGroups: groupBy(
      attackSystems,
      A.id,
      B,
      forcesB,
      forceTargets(targetSystems),
      `forces:${A.id}`,
      (i) => cfSet.has(i),
    ),
    forcesLayersB: forcesB.map((d) => d.layer),
    forcesLayerSource: Int32Array.from(forcesB.map((d) => B.defenses.indexOf(d))),
    lambdaA: lambdaFor(A.id, options),
    lambdaB: lambdaFor(B.id, options),
    zA: Math.exp(-lambdaFor(A.id, options)),
    zB: Math.exp(-lambdaFor(B.id, options)),
    curveA: curveFor(A, targetSystems, options),
    curveB: curveFor(B, attackSystems, options),
    options,
    undisturbed,
  };
}

/** A first strike of `n` counterforce warheads, evaluated. */
export interface Evaluation {
  n: number;
  costA: number;
  costB: number;
  damageA: number;
  damageB: number;
  destroyed: number;
  destroyedByTarget: number[];
  retaliationArriving: number;
  retaliation: Distribution | undefined;
  countervalue: Distribution | undefined;
  /** Expected interceptors fired (mean-field) by each of A's value layers, B's value layers and B's forces layers. */
  usedA: readonly number[];
  usedBValue: readonly number[];
  usedBForces: readonly number[];
}

function groupsFrom(spec: readonly GroupSpec[], counts: readonly number[]): AttackGroup[] {
  return spec.map((g) => {
    let w = 0;
    for (const m of g.members) w += (counts[m.system] as number) * m.fraction;
    return { warheads: w, decoysPerWarhead: g.decoys, coveredBy: g.coveredBy, overrides: g.overrides };
  });
}

/**
 * Evaluates the strike of `n` counterforce warheads; with `withDistributions`
 * also the full distributions of delivered retaliatory and countervalue
 * warheads (else the damage comes straight from the generating function).
 */
export function evaluate(p: Prepared, n: number, withDistributions = false): Evaluation {
  const o = p.options;
  const nT = p.targetSystems.length;
  const nW = p.cfIndex.length;
  const destroyedByTarget: number[] = new Array<number>(nT).fill(0);
  const usedByWeapon: number[] = new Array<number>(nW).fill(0);
  const usedBySystem: number[] = new Array<number>(p.attackSystems.length).fill(0);
  let destroyed = allocationAt(p.allocation, n, destroyedByTarget, usedByWeapon);
  for (let k = 0; k < nW; k++) usedBySystem[p.cfIndex[k] as number] = usedByWeapon[k] as number;
  let valueLayers = p.valueLayersB;
  let usedBForces: readonly number[] = p.forcesLayersB.map(() => 0);
  if (p.forcesLayersB.length > 0 && n > 0) {
    // The victim's forces-protecting layers intercept part of the strike; the spent warheads are lost
    // and the kills are those of the expected number that leak through (mean-field).
    const forces = leakDistribution(groupsFrom(p.forcesGroups, usedBySystem), p.forcesLayersB);
    usedBForces = forces.interceptorsUsed;
    const nArriving = Math.min(n, mean(forces.distribution));
    destroyed = allocationAt(p.allocation, nArriving, destroyedByTarget, new Array<number>(nW).fill(0));
    const spent = new Map<number, number>();
    p.forcesLayerSource.forEach((src, l) => {
      spent.set(src, forces.interceptorsUsed[l] as number);
    });
    valueLayers = p.valueLayersB.map((layer, l) => {
      const used = spent.get(p.valueLayerSource[l] as number) ?? 0;
      return used > 0 ? { ...layer, interceptors: Math.max(0, layer.interceptors - used) } : layer;
    });
  }
  const arriving: number[] = new Array<number>(nT).fill(0);
  let retaliationArriving = 0;
  for (let t = 0; t < nT; t++) {
    const s = p.targetSystems[t] as CompiledSystem;
    const a = Math.max(0, s.warheads - (destroyedByTarget[t] as number)) * s.reliability;
    arriving[t] = a;
    retaliationArriving += a;
  }
  const retaliationGroups = groupsFrom(p.retaliationGroups, arriving);
  const remaining: number[] = new Array<number>(p.attackSystems.length).fill(0);
  for (let i = 0; i < p.attackSystems.length; i++) {
    const s = p.attackSystems[i] as CompiledSystem;
    remaining[i] = Math.max(0, (p.available[i] as number) - (usedBySystem[i] as number)) * s.reliability;
  }
  const valueGroups = groupsFrom(p.valueGroups, remaining);
  let retaliation: Distribution | undefined;
  let countervalue: Distribution | undefined;
  let damageA: number;
  let damageB: number;
  let usedA: readonly number[] = [];
  let usedBValue: readonly number[] = [];
  if (withDistributions || p.curveA || p.curveB) {
    const r = leakDistribution(retaliationGroups, p.retaliationLayers);
    const c = leakDistribution(valueGroups, valueLayers);
    retaliation = r.distribution;
    countervalue = c.distribution;
    usedA = r.interceptorsUsed;
    usedBValue = c.interceptorsUsed;
    damageA = p.curveA ? expectedCurveDamage(retaliation, p.curveA) : expectedDamage(retaliation, p.lambdaA);
    damageB = p.curveB
      ? expectedCurveDamage(countervalue, p.curveB)
      : expectedDamage(countervalue, p.lambdaB);
    if (!withDistributions) {
      retaliation = undefined;
      countervalue = undefined;
    }
  } else {
    // 1 − E[e^(−λX)] straight from the leak's generating function (exact, no distribution built).
    damageA = clamp01(1 - leakGeneratingFunction(retaliationGroups, p.retaliationLayers, p.zA));
    damageB = clamp01(1 - leakGeneratingFunction(valueGroups, valueLayers, p.zB));
  }
  return {
    n,
    costA: kentThalerCost(damageA, damageB, o.costExponent, o.costSurcharge),
    costB: kentThalerCost(damageB, damageA, o.costExponent, o.costSurcharge),
    damageA,
    damageB,
    destroyed,
    destroyedByTarget,
    retaliationArriving,
    retaliation,
    countervalue,
    usedA,
    usedBValue,
    usedBForces,
  };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
