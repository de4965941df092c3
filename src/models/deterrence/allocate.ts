/**
 * Allocation of a counterforce first strike: the maximum-marginal-return
 * (greedy) assignment of attacking warheads to the victim's vulnerable aim
 * points, with a fratricide cap on warheads per aim point.
 *
 * Algorithm. Aim points of one target type are identical, so the state of
 * the victim is a small set of classes (type, warheads already aimed,
 * survival probability, count). Warhead types are taken in the order given
 * (the caller passes the most lethal first). Each warhead goes to the class
 * with the largest marginal gain in expected destroyed warheads,
 * w_t·S·TKP_it, among classes below the fratricide cap; since every aim point
 * in a class offers the same gain, a whole block min(remaining, count) is
 * assigned at once, so the expected-kill curve is piecewise linear between
 * the returned breakpoints.
 *
 * Optimality. With one warhead type the objective Σ_t w_t(1 − (1 − TKP_t)^(x_t))
 * is separable and concave in each x_t (marginal gains fall geometrically), and
 * the cap is a box constraint, so greedy marginal allocation is optimal for
 * every budget (den Broeder, Ellison & Emerling, "On optimum target
 * assignments", Operations Research 7(3), 1959; checked against brute force in
 * allocate.test.ts). With several warhead types it is the standard heuristic;
 * its gap to brute force on small cases is measured in the same test.
 */

/** One type of attacking warhead. */
export interface StrikeWeapon {
  /** Warheads of this type available (may be fractional). */
  readonly warheads: number;
  /** Terminal kill probability (SSPK × reliability) against each target type, same order as the targets. */
  readonly killProbability: readonly number[];
}

/** One type of vulnerable aim point. */
export interface StrikeTarget {
  /** Number of aim points (may be fractional). */
  readonly aimPoints: number;
  /** Warheads destroyed with each aim point. */
  readonly warheadsPerAimPoint: number;
}

/** The expected-kill curve and the allocation at the budget. */
export interface StrikeAllocation {
  /** Attacking warheads used at each breakpoint (starts with 0). */
  readonly warheadsUsed: readonly number[];
  /** Expected victim warheads destroyed at each breakpoint. */
  readonly expectedDestroyed: readonly number[];
  /** Expected destroyed per target type at each breakpoint: row-major [breakpoint × target]. */
  readonly destroyedByTarget: readonly number[];
  /** Warheads of each weapon type used at each breakpoint: row-major [breakpoint × weapon]. */
  readonly usedByWeapon: readonly number[];
  readonly targets: number;
  readonly weapons: number;
}

interface TargetClass {
  type: number;
  count: number;
  survival: number;
  shots: number;
}

/**
 * Greedy (maximum-marginal-return) first-strike allocation; see the module
 * comment for the algorithm and its optimality. Uses at most `budget`
 * attacking warheads (default: all) and at most `fratricideLimit` warheads per
 * aim point. Returns the breakpoints of the expected-destroyed curve.
 */
export function allocateFirstStrike(
  weapons: readonly StrikeWeapon[],
  targets: readonly StrikeTarget[],
  fratricideLimit: number,
  budget = Number.POSITIVE_INFINITY,
): StrikeAllocation {
  const nT = targets.length;
  const nW = weapons.length;
  const classes: TargetClass[] = [];
  for (let t = 0; t < nT; t++) {
    const tg = targets[t] as StrikeTarget;
    if (tg.aimPoints > 0 && tg.warheadsPerAimPoint > 0)
      classes.push({ type: t, count: tg.aimPoints, survival: 1, shots: 0 });
  }
  const used: number[] = [0];
  const killed: number[] = [0];
  const byTarget: number[] = new Array<number>(nT).fill(0);
  const byWeapon: number[] = new Array<number>(nW).fill(0);
  const curTarget: number[] = new Array<number>(nT).fill(0);
  const curWeapon: number[] = new Array<number>(nW).fill(0);
  let totalUsed = 0;
  let totalKilled = 0;
  for (let w = 0; w < nW && totalUsed < budget; w++) {
    const weapon = weapons[w] as StrikeWeapon;
    let remaining = Math.min(weapon.warheads, budget - totalUsed);
    while (remaining > 1e-12) {
      let best = -1;
      let bestGain = 0;
      for (let c = 0; c < classes.length; c++) {
        const cl = classes[c] as TargetClass;
        if (cl.count <= 1e-12 || cl.shots >= fratricideLimit) continue;
        const gain =
          (targets[cl.type] as StrikeTarget).warheadsPerAimPoint *
          cl.survival *
          (weapon.killProbability[cl.type] ?? 0);
        if (gain > bestGain + 1e-15) {
          bestGain = gain;
          best = c;
        }
      }
      if (best < 0) break;
      const cl = classes[best] as TargetClass;
      const block = Math.min(remaining, cl.count);
      const p = weapon.killProbability[cl.type] ?? 0;
      cl.count -= block;
      const survival = cl.survival * (1 - p);
      const shots = cl.shots + 1;
      let merged = false;
      for (const o of classes) {
        if (o.type === cl.type && o.shots === shots && Math.abs(o.survival - survival) < 1e-12) {
          o.count += block;
          merged = true;
          break;
        }
      }
      if (!merged) classes.push({ type: cl.type, count: block, survival, shots });
      remaining -= block;
      totalUsed += block;
      totalKilled += block * bestGain;
      curTarget[cl.type] = (curTarget[cl.type] as number) + block * bestGain;
      curWeapon[w] = (curWeapon[w] as number) + block;
      used.push(totalUsed);
      killed.push(totalKilled);
      for (let t = 0; t < nT; t++) byTarget.push(curTarget[t] as number);
      for (let k = 0; k < nW; k++) byWeapon.push(curWeapon[k] as number);
    }
  }
  return {
    warheadsUsed: used,
    expectedDestroyed: killed,
    destroyedByTarget: byTarget,
    usedByWeapon: byWeapon,
    targets: nT,
    weapons: nW,
  };
}

/** Total attacking warheads the allocation can usefully spend (the last breakpoint). */
export function usefulWarheads(a: StrikeAllocation): number {
  return a.warheadsUsed[a.warheadsUsed.length - 1] as number;
}

/**
 * Reads the allocation at `n` attacking warheads (linear between breakpoints,
 * flat beyond the last): expected destroyed per target type and warheads used
 * per weapon type, written into `destroyedOut` and `usedOut`. Returns the total
 * expected destroyed.
 */
export function allocationAt(
  a: StrikeAllocation,
  n: number,
  destroyedOut: number[],
  usedOut: number[],
): number {
  const xs = a.warheadsUsed;
  const last = xs.length - 1;
  let i = 0;
  if (n >= (xs[last] as number)) i = last;
  else {
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((xs[mid] as number) <= n) lo = mid;
      else hi = mid;
    }
    i = lo;
  }
  const x0 = xs[i] as number;
  const x1 = i < last ? (xs[i + 1] as number) : x0;
  const f = x1 > x0 ? Math.min(1, Math.max(0, (n - x0) / (x1 - x0))) : 0;
  const j = i < last ? i + 1 : i;
  for (let t = 0; t < a.targets; t++) {
    const v0 = a.destroyedByTarget[i * a.targets + t] as number;
    const v1 = a.destroyedByTarget[j * a.targets + t] as number;
    destroyedOut[t] = v0 + f * (v1 - v0);
  }
  for (let w = 0; w < a.weapons; w++) {
    const v0 = a.usedByWeapon[i * a.weapons + w] as number;
    const v1 = a.usedByWeapon[j * a.weapons + w] as number;
    usedOut[w] = v0 + f * (v1 - v0);
  }
  const k0 = a.expectedDestroyed[i] as number;
  const k1 = a.expectedDestroyed[j] as number;
  return k0 + f * (k1 - k0);
}
