/**
 * The two-sided exchange of a first strike. Sequence (A strikes first):
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
 * Steps 1–4 for one attack size n are in strike.ts; this module searches n.
 * Third parties are ignored: each dyad is computed as if the two were alone.
 * Equations, parameters and assumptions: docs/models/deterrence.md.
 */
import type { World } from '../../world/schema.js';
import { usefulWarheads } from './allocate.js';
import { checkActors } from './actors.js';
import { type CompiledActor, type CompiledDefense, compileActor } from './compile.js';
import {
  type Distribution,
  interceptorsPerEngagement,
  mean,
  quantile,
  standardDeviation,
  tailProbability,
} from './defense.js';
import { type DeterrenceOptions, resolveOptions } from './options.js';
import { type Evaluation, evaluate, prepare } from './strike.js';

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

/** What one missile defense spent in a strike order (expected, mean-field). */
export interface InterceptorUse {
  /** Owner of the defense. */
  readonly actor: string;
  readonly defense: string;
  readonly name: string;
  /** What it engages here: the defender's retaliation (the attacker's defenses), or the attacker's counterforce or countervalue warheads. */
  readonly against: 'retaliation' | 'counterforce' | 'countervalue';
  readonly available: number;
  /** Expected interceptors per engaged warhead, ν = s or s(1 + (1 − p)^s) with shoot–look–shoot. */
  readonly perEngagedWarhead: number;
  /** Expected interceptors fired. */
  readonly expectedUsed: number;
  /** Expected warheads engaged (interceptors used / ν, decoys drawing fire counted as warheads). */
  readonly expectedEngaged: number;
  readonly left: number;
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
  /** Interceptors each defense expects to fire and has left. */
  readonly interceptors: readonly InterceptorUse[];
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

/** {@link exchange} of two compiled actors: Kent & Thaler's stop rule over attack sizes, then the result. */
export function exchangeCompiled(
  A: CompiledActor,
  B: CompiledActor,
  options: DeterrenceOptions,
): ExchangeResult {
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
  const use = (
    actor: string,
    d: CompiledDefense,
    against: InterceptorUse['against'],
    used: number,
    available: number,
  ): InterceptorUse => {
    const nu = interceptorsPerEngagement(d.layer.pk, d.layer.salvo, d.layer.shootLookShoot);
    return {
      actor,
      defense: d.id,
      name: d.name,
      against,
      available,
      perEngagedWarhead: nu,
      expectedUsed: used,
      expectedEngaged: used / nu,
      left: Math.max(0, available - used),
    };
  };
  const interceptors: InterceptorUse[] = [
    ...p.retaliationDefenses.map((d, l) =>
      use(A.id, d, 'retaliation', best.usedA[l] ?? 0, d.layer.interceptors),
    ),
  ];
  const forcesUsed = new Map<string, number>();
  p.forcesDefensesB.forEach((d, l) => {
    const used = best.usedBForces[l] ?? 0;
    forcesUsed.set(d.id, used);
    interceptors.push(use(B.id, d, 'counterforce', used, d.layer.interceptors));
  });
  p.valueDefensesB.forEach((d, l) => {
    const before = forcesUsed.get(d.id) ?? 0;
    interceptors.push(
      use(B.id, d, 'countervalue', best.usedBValue[l] ?? 0, Math.max(0, d.layer.interceptors - before)),
    );
  });
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
    interceptors,
  };
}

/**
 * `attacker` strikes `defender` first: the exchange at the attacker's
 * cost-minimising attack size (see the module comment). Warheads are counts,
 * damages shares of value in [0, 1], costs Kent & Thaler's (1989) C.
 *
 * @throws {ConcertError} bad input when `attacker` or `defender` is not an
 *   actor of the world (path `['attacker']` or `['defender']`), or both are
 *   the same actor.
 * @example
 * exchange(world, 'USA', 'RUS').survivingWarheads; // Russian warheads that survive a US first strike
 */
export function exchange(
  world: World,
  attacker: string,
  defender: string,
  options: Partial<DeterrenceOptions> = {},
): ExchangeResult {
  const [actorA, actorB] = checkActors(world, attacker, defender, [['attacker'], ['defender']]);
  const o = resolveOptions(options);
  return exchangeCompiled(compileActor(attacker, actorA, o), compileActor(defender, actorB, o), o);
}
