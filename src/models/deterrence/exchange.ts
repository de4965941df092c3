/**
 * The two-sided exchange and first-strike stability of a dyad, and all
 * nuclear dyads of a world. Sequence (A strikes first):
 *
 * 1. A spends n prompt warheads on B's vulnerable aim points (greedy
 *    allocation, allocate.ts), through B's defenses that protect forces;
 * 2. B retaliates against A's value with its surviving warheads × reliability,
 *    through A's defenses that protect value (exact leak distribution, defense.ts);
 * 3. A's remaining warheads strike B's value through B's remaining interceptors;
 * 4. each side's cost is Kent & Thaler's C = D_own^e + s(1 − D_enemy^e), and A
 *    picks the n with the lowest cost to itself (their stop rule; ties: the
 *    highest cost to B).
 *
 * Third parties are ignored: each dyad is computed as if the two were alone.
 * Equations, parameters and assumptions: docs/models/deterrence.md.
 */
import type { Basing, CoverageRule } from '../../world/forces.js';
import type { Actor, World } from '../../world/schema.js';
import { allocateFirstStrike, allocationAt, type StrikeAllocation, usefulWarheads } from './allocate.js';
import { lethalRadiusM, sspk } from './counterforce.js';
import {
  type AttackGroup,
  type DefenseLayer,
  type Distribution,
  expectedDamage,
  leakDistribution,
  leakGeneratingFunction,
  mean,
  quantile,
  standardDeviation,
  tailProbability,
} from './defense.js';
import { type DeterrenceOptions, resolveOptions } from './options.js';
import { firstStrikeStability as kentThalerIndex, kentThalerCost } from './stability.js';

interface CompiledSystem {
  readonly id: string;
  readonly basing: Basing;
  readonly warheads: number;
  readonly launchers: number;
  readonly warheadsPerLauncher: number;
  readonly yieldKt: number;
  readonly cepM: number;
  readonly reliability: number;
  readonly escape: number;
  readonly hardnessPsi: number;
  readonly launchersPerAimPoint: number;
  readonly decoysPerWarhead: number;
  readonly reaches: readonly string[] | undefined;
}

interface CompiledDefense {
  readonly id: string;
  readonly layer: DefenseLayer;
  readonly protectsValue: boolean;
  readonly protectsForces: boolean;
  readonly coverage: readonly CoverageRule[];
}

/** An actor's forces and defenses in the form the exchange reads (built once per call). */
export interface CompiledActor {
  readonly id: string;
  readonly systems: readonly CompiledSystem[];
  readonly defenses: readonly CompiledDefense[];
}

/** Builds the exchange's view of one actor under the given options (posture, soft hardness, disabled defenses). */
export function compileActor(id: string, actor: Actor, options: DeterrenceOptions): CompiledActor {
  const systems: CompiledSystem[] = [];
  for (const [sid, s] of Object.entries(actor.forces?.systems ?? {})) {
    systems.push({
      id: sid,
      basing: s.basing,
      warheads: s.launchers * s.warheadsPerLauncher,
      launchers: s.launchers,
      warheadsPerLauncher: s.warheadsPerLauncher,
      yieldKt: s.yieldKt,
      cepM: s.cepM,
      reliability: s.reliability,
      escape: options.posture === 'generated' ? s.alertGenerated : s.alertDayToDay,
      hardnessPsi: s.hardnessPsi ?? options.softTargetHardnessPsi,
      launchersPerAimPoint: s.launchersPerAimPoint ?? 1,
      decoysPerWarhead: s.decoysPerWarhead ?? 0,
      reaches: s.reaches,
    });
  }
  const defenses: CompiledDefense[] = [];
  if (!options.disableDefenses.includes(id)) {
    for (const [did, d] of Object.entries(actor.defenses ?? {})) {
      const protects = d.protects ?? ['value'];
      defenses.push({
        id: did,
        layer: {
          interceptors: d.interceptors,
          pk: d.pk,
          salvo: d.salvo ?? 1,
          shootLookShoot: d.shootLookShoot ?? false,
          discrimination: d.discrimination ?? 1,
          trackProbability: d.trackProbability ?? 1,
        },
        protectsValue: protects.includes('value'),
        protectsForces: protects.includes('forces'),
        coverage: d.coverage,
      });
    }
  }
  return { id, systems, defenses };
}

function reaches(s: CompiledSystem, target: string): boolean {
  return s.reaches === undefined || s.reaches.includes(target);
}

function covers(rules: readonly CoverageRule[], attacker: string, s: CompiledSystem): boolean {
  for (const r of rules) {
    if (r.attacker !== '*' && r.attacker !== attacker) continue;
    if (r.systems && !r.systems.includes(s.id)) continue;
    if (r.basings && !r.basings.includes(s.basing)) continue;
    return true;
  }
  return false;
}

/** Summary of a distribution of delivered warheads. */
export interface DeliveredDistribution {
  readonly mean: number;
  readonly sd: number;
  readonly q05: number;
  readonly q50: number;
  readonly q95: number;
  /** P(at least one warhead delivered). */
  readonly pAtLeastOne: number;
  /** pmf[k] = P(offset + k warheads delivered). */
  readonly offset: number;
  readonly pmf: readonly number[];
}

/** One defender system's fate in a first strike. */
export interface SystemOutcome {
  readonly system: string;
  readonly warheads: number;
  readonly destroyed: number;
  readonly surviving: number;
}

/** Outcome of `attacker` striking `defender` first, at the attacker's chosen attack size. */
export interface ExchangeResult {
  readonly attacker: string;
  readonly defender: string;
  /** Warheads of the attacker that can reach the defender and are launched (posture and striker share applied). */
  readonly attackerWarheadsAvailable: number;
  /** Counterforce warheads the attacker's stop rule chooses. */
  readonly counterforceWarheads: number;
  /** The defender's warheads that can reach the attacker, before the strike. */
  readonly defenderWarheads: number;
  /** Expected defender warheads destroyed. */
  readonly expectedDestroyed: number;
  /** Expected defender warheads (able to reach the attacker) surviving the first strike. */
  readonly survivingWarheads: number;
  /** Surviving warheads × reliability: those arriving at the attacker's defenses. */
  readonly retaliatoryWarheadsArriving: number;
  /** Expected retaliatory warheads delivered on the attacker's value after its defenses. */
  readonly retaliatoryWarheadsDelivered: number;
  /** Full distribution of delivered retaliatory warheads. */
  readonly retaliation: DeliveredDistribution;
  /** Expected attacker warheads delivered on the defender's value. */
  readonly countervalueWarheadsDelivered: number;
  /** Expected share of the attacker's value destroyed. */
  readonly damageToAttacker: number;
  /** Expected share of the defender's value destroyed. */
  readonly damageToDefender: number;
  /** Kent–Thaler cost to the attacker (C1 of the attacker). */
  readonly attackerCost: number;
  /** Kent–Thaler cost to the defender (C2 of the defender). */
  readonly defenderCost: number;
  /** Share of the defender's warheads the attacker's whole counterforce force can destroy (no defenses). */
  readonly counterforceRatio: number;
  /** 1 − delivered retaliation / the defender's undisturbed retaliation (all warheads × reliability, no defenses). */
  readonly damageLimitation: number;
  readonly bySystem: readonly SystemOutcome[];
}

interface Prepared {
  readonly A: CompiledActor;
  readonly B: CompiledActor;
  readonly attackSystems: readonly CompiledSystem[];
  readonly available: Float64Array;
  readonly cfIndex: Int32Array;
  readonly allocation: StrikeAllocation;
  readonly targetSystems: readonly CompiledSystem[];
  readonly retaliationGroups: readonly { systems: number[]; decoys: number; coveredBy: number[] }[];
  readonly retaliationLayers: readonly DefenseLayer[];
  readonly valueGroups: readonly { systems: number[]; decoys: number; coveredBy: number[] }[];
  readonly valueLayersB: readonly DefenseLayer[];
  readonly valueLayerSource: Int32Array;
  readonly forcesGroups: readonly { systems: number[]; decoys: number; coveredBy: number[] }[];
  readonly forcesLayersB: readonly DefenseLayer[];
  readonly forcesLayerSource: Int32Array;
  readonly lambdaA: number;
  readonly lambdaB: number;
  /** e^(−λ) of each side: the argument of the leak's generating function. */
  readonly zA: number;
  readonly zB: number;
  readonly options: DeterrenceOptions;
  readonly undisturbed: number;
}

function groupBy(
  systems: readonly CompiledSystem[],
  attacker: string,
  defenses: readonly CompiledDefense[],
  include: (i: number) => boolean,
): { systems: number[]; decoys: number; coveredBy: number[] }[] {
  const groups = new Map<string, { systems: number[]; decoys: number; coveredBy: number[] }>();
  systems.forEach((s, i) => {
    if (!include(i)) return;
    const coveredBy: number[] = [];
    defenses.forEach((d, l) => {
      if (covers(d.coverage, attacker, s)) coveredBy.push(l);
    });
    const key = `${coveredBy.join(',')}|${coveredBy.length > 0 ? s.decoysPerWarhead : 0}`;
    const g = groups.get(key);
    if (g) g.systems.push(i);
    else groups.set(key, { systems: [i], decoys: coveredBy.length > 0 ? s.decoysPerWarhead : 0, coveredBy });
  });
  return [...groups.values()];
}

function lambdaFor(id: string, options: DeterrenceOptions): number {
  return Math.log(5) / (options.valueWarheads80By[id] ?? options.valueWarheads80);
}

function prepare(A: CompiledActor, B: CompiledActor, options: DeterrenceOptions): Prepared {
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
    retaliationGroups: groupBy(targetSystems, B.id, valueA, () => true),
    retaliationLayers: valueA.map((d) => d.layer),
    valueGroups: groupBy(attackSystems, A.id, valueB, () => true),
    valueLayersB: valueB.map((d) => d.layer),
    valueLayerSource: Int32Array.from(valueB.map((d) => B.defenses.indexOf(d))),
    forcesGroups: groupBy(attackSystems, A.id, forcesB, (i) => cfSet.has(i)),
    forcesLayersB: forcesB.map((d) => d.layer),
    forcesLayerSource: Int32Array.from(forcesB.map((d) => B.defenses.indexOf(d))),
    lambdaA: lambdaFor(A.id, options),
    lambdaB: lambdaFor(B.id, options),
    zA: Math.exp(-lambdaFor(A.id, options)),
    zB: Math.exp(-lambdaFor(B.id, options)),
    options,
    undisturbed,
  };
}

interface Evaluation {
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
}

function groupsFrom(
  spec: readonly { systems: number[]; decoys: number; coveredBy: number[] }[],
  counts: readonly number[],
): AttackGroup[] {
  return spec.map((g) => {
    let w = 0;
    for (const i of g.systems) w += counts[i] as number;
    return { warheads: w, decoysPerWarhead: g.decoys, coveredBy: g.coveredBy };
  });
}

function evaluate(p: Prepared, n: number, withDistributions = false): Evaluation {
  const o = p.options;
  const nT = p.targetSystems.length;
  const nW = p.cfIndex.length;
  const destroyedByTarget: number[] = new Array<number>(nT).fill(0);
  const usedByWeapon: number[] = new Array<number>(nW).fill(0);
  const usedBySystem: number[] = new Array<number>(p.attackSystems.length).fill(0);
  let destroyed = allocationAt(p.allocation, n, destroyedByTarget, usedByWeapon);
  for (let k = 0; k < nW; k++) usedBySystem[p.cfIndex[k] as number] = usedByWeapon[k] as number;
  let valueLayers = p.valueLayersB;
  if (p.forcesLayersB.length > 0 && n > 0) {
    // The victim's forces-protecting layers intercept part of the strike; the spent warheads are lost
    // and the kills are those of the expected number that leak through (mean-field).
    const forces = leakDistribution(groupsFrom(p.forcesGroups, usedBySystem), p.forcesLayersB);
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
  if (withDistributions) {
    retaliation = leakDistribution(retaliationGroups, p.retaliationLayers).distribution;
    countervalue = leakDistribution(valueGroups, valueLayers).distribution;
    damageA = expectedDamage(retaliation, p.lambdaA);
    damageB = expectedDamage(countervalue, p.lambdaB);
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
  };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function summarize(d: Distribution): DeliveredDistribution {
  return {
    mean: mean(d),
    sd: standardDeviation(d),
    q05: quantile(d, 0.05),
    q50: quantile(d, 0.5),
    q95: quantile(d, 0.95),
    pAtLeastOne: tailProbability(d, 1),
    offset: d.offset,
    pmf: Array.from(d.pmf),
  };
}

function exchangeCompiled(A: CompiledActor, B: CompiledActor, options: DeterrenceOptions): ExchangeResult {
  const p = prepare(A, B, options);
  const full = usefulWarheads(p.allocation);
  let best: Evaluation;
  if (options.counterforceShare !== undefined) best = evaluate(p, full * options.counterforceShare);
  else {
    // Kent & Thaler's stop rule on a grid of attack sizes, refined twice around the best point.
    const points = Math.max(2, Math.floor(options.searchPoints));
    let step = full / (points - 1);
    let found = evaluate(p, 0);
    const better = (e: Evaluation) =>
      e.costA < found.costA - 1e-12 ||
      (Math.abs(e.costA - found.costA) <= 1e-12 && e.costB > found.costB + 1e-12);
    if (full > 0) {
      for (let k = 1; k < points; k++) {
        const e = evaluate(p, step * k);
        if (better(e)) found = e;
      }
      for (let round = 0; round < 2; round++) {
        step /= 2;
        const center = found.n;
        for (const n of [center - step, center + step]) {
          if (n <= 0 || n >= full) continue;
          const e = evaluate(p, n);
          if (better(e)) found = e;
        }
      }
    }
    best = found;
  }
  best = evaluate(p, best.n, true);
  const retaliation = best.retaliation as Distribution;
  const countervalue = best.countervalue as Distribution;
  let attackerWarheadsAvailable = 0;
  for (const v of p.available) attackerWarheadsAvailable += v;
  const defenderWarheads = p.targetSystems.reduce((s, t) => s + t.warheads, 0);
  const bySystem = p.targetSystems.map((s, t) => {
    const destroyed = Math.min(s.warheads, best.destroyedByTarget[t] as number);
    return { system: s.id, warheads: s.warheads, destroyed, surviving: s.warheads - destroyed };
  });
  const surviving = bySystem.reduce((s, x) => s + x.surviving, 0);
  const delivered = mean(retaliation);
  const maxDestroyed = p.allocation.expectedDestroyed[p.allocation.expectedDestroyed.length - 1] as number;
  return {
    attacker: A.id,
    defender: B.id,
    attackerWarheadsAvailable,
    counterforceWarheads: best.n,
    defenderWarheads,
    expectedDestroyed: best.destroyed,
    survivingWarheads: surviving,
    retaliatoryWarheadsArriving: best.retaliationArriving,
    retaliatoryWarheadsDelivered: delivered,
    retaliation: summarize(retaliation),
    countervalueWarheadsDelivered: mean(countervalue),
    damageToAttacker: best.damageA,
    damageToDefender: best.damageB,
    attackerCost: best.costA,
    defenderCost: best.costB,
    counterforceRatio: defenderWarheads > 0 ? Math.min(1, maxDestroyed / defenderWarheads) : 0,
    damageLimitation: p.undisturbed > 0 ? Math.min(1, Math.max(0, 1 - delivered / p.undisturbed)) : 0,
    bySystem,
  };
}

function actorOf(world: World, id: string): Actor {
  const a = world.actors[id];
  if (!a) throw new RangeError(`actor ${id} is not in the world`);
  return a;
}

/**
 * `attacker` strikes `defender` first: the exchange at the attacker's
 * cost-minimising attack size (see the module comment). Both actors must be
 * in the world; callers validate ids at the boundary.
 */
export function exchange(
  world: World,
  attacker: string,
  defender: string,
  options: Partial<DeterrenceOptions> = {},
): ExchangeResult {
  const o = resolveOptions(options);
  return exchangeCompiled(
    compileActor(attacker, actorOf(world, attacker), o),
    compileActor(defender, actorOf(world, defender), o),
    o,
  );
}

/** Both strike orders of a dyad and its Kent–Thaler first-strike stability. */
export interface DyadResult {
  readonly a: string;
  readonly b: string;
  readonly aFirst: ExchangeResult;
  readonly bFirst: ExchangeResult;
  /** C1/C2 of A and of B (each capped at 1) and their product. */
  readonly ratioA: number;
  readonly ratioB: number;
  readonly firstStrikeStability: number;
}

function dyadCompiled(A: CompiledActor, B: CompiledActor, o: DeterrenceOptions): DyadResult {
  const aFirst = exchangeCompiled(A, B, o);
  const bFirst = exchangeCompiled(B, A, o);
  const fss = kentThalerIndex({
    c1A: aFirst.attackerCost,
    c2A: bFirst.defenderCost,
    c1B: bFirst.attackerCost,
    c2B: aFirst.defenderCost,
  });
  return {
    a: A.id,
    b: B.id,
    aFirst,
    bFirst,
    ratioA: fss.ratioA,
    ratioB: fss.ratioB,
    firstStrikeStability: fss.index,
  };
}

/** The dyad a–b: A first, B first, and the first-strike stability index FSS = (C1_A/C2_A)(C1_B/C2_B). */
export function dyad(
  world: World,
  a: string,
  b: string,
  options: Partial<DeterrenceOptions> = {},
): DyadResult {
  const o = resolveOptions(options);
  return dyadCompiled(compileActor(a, actorOf(world, a), o), compileActor(b, actorOf(world, b), o), o);
}

/** Actors with at least one deployed warhead, sorted by id. */
export function nuclearActors(world: World): string[] {
  return Object.entries(world.actors)
    .filter(([, a]) =>
      Object.values(a.forces?.systems ?? {}).some((s) => s.launchers * s.warheadsPerLauncher > 0),
    )
    .map(([id]) => id)
    .sort();
}

/** Whether some armed system of `from` can reach `to`. */
export function canReach(world: World, from: string, to: string): boolean {
  return Object.values(world.actors[from]?.forces?.systems ?? {}).some(
    (s) => s.launchers * s.warheadsPerLauncher > 0 && (s.reaches === undefined || s.reaches.includes(to)),
  );
}

/**
 * Every nuclear dyad of the world at once: with `dyads: 'mutual-reach'` (the
 * default) the pairs that can each reach the other, with `'all'` every pair of
 * armed actors. Third parties are ignored. Each actor is compiled once.
 */
export function allDyads(world: World, options: Partial<DeterrenceOptions> = {}): DyadResult[] {
  const o = resolveOptions(options);
  const ids = nuclearActors(world);
  const compiled = new Map(ids.map((id) => [id, compileActor(id, actorOf(world, id), o)]));
  const out: DyadResult[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] as string;
      const b = ids[j] as string;
      if (o.dyads === 'mutual-reach' && !(canReach(world, a, b) && canReach(world, b, a))) continue;
      out.push(dyadCompiled(compiled.get(a) as CompiledActor, compiled.get(b) as CompiledActor, o));
    }
  }
  return out;
}
