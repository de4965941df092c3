/**
 * Kent–Thaler first-strike stability (Kent & Thaler, "First-Strike Stability:
 * A Methodology for Evaluating Strategic Forces", RAND R-3765-AF, 1989), as
 * transcribed in a public implementation; the primary report was not read
 * (docs/models/deterrence.md, "Stability", says what is and is not verified).
 */

/** Published defaults of the cost function (R-3765-AF App. C p. 61, as transcribed). */
export const KENT_THALER_EXPONENT = 0.75;
export const KENT_THALER_SURCHARGE = 0.3;

/**
 * A side's cost of an exchange: C = D_own^e + s·(1 − D_enemy^e), where D_own
 * is the share of its own value destroyed and D_enemy the share of the enemy's
 * value it destroys. 0 = unharmed and enemy destroyed; 1 = both destroyed;
 * 1 + s = destroyed, enemy untouched.
 */
export function kentThalerCost(
  damageOwn: number,
  damageEnemy: number,
  exponent = KENT_THALER_EXPONENT,
  surcharge = KENT_THALER_SURCHARGE,
): number {
  return power(damageOwn, exponent) + surcharge * (1 - power(damageEnemy, exponent));
}

/** x^e, with the default e = 0.75 as √(x·√x) (the scenario engine calls this on its hot path). */
function power(x: number, e: number): number {
  return e === 0.75 ? Math.sqrt(x * Math.sqrt(x)) : x ** e;
}

/** Costs of both sides in both strike orders. */
export interface StrikeCosts {
  /** A's cost when A strikes first. */
  readonly c1A: number;
  /** A's cost when B strikes first. */
  readonly c2A: number;
  /** B's cost when B strikes first. */
  readonly c1B: number;
  /** B's cost when A strikes first. */
  readonly c2B: number;
}

/** The first-strike stability index and its two factors. */
export interface FirstStrikeStability {
  /** min(1, C1_A/C2_A): 1 when striking first gains A nothing. */
  readonly ratioA: number;
  readonly ratioB: number;
  /** ratioA × ratioB, in [0, 1]; one number shared by both sides. */
  readonly index: number;
}

/**
 * Break-even ratio of one side, C1/C2 capped at 1 (as the transcribed
 * implementation does; whether the report caps is not known). When C2 = 0
 * being struck first costs nothing, so striking first cannot be cheaper: 1.
 */
export function stabilityRatio(costFirst: number, costSecond: number): number {
  if (!(costSecond > 0)) return 1;
  return Math.min(1, Math.max(0, costFirst / costSecond));
}

/**
 * Kent–Thaler first-strike stability index FSS = (C1_A/C2_A)·(C1_B/C2_B),
 * each ratio capped at 1 (R-3765-AF pp. 26, 29, as transcribed).
 */
export function firstStrikeStability(costs: StrikeCosts): FirstStrikeStability {
  const ratioA = stabilityRatio(costs.c1A, costs.c2A);
  const ratioB = stabilityRatio(costs.c1B, costs.c2B);
  return { ratioA, ratioB, index: ratioA * ratioB };
}

/**
 * Share of an actor's value destroyed by x delivered warheads,
 * D(x) = 1 − exp(−x·ln 5 / w80), where w80 warheads destroy 80% (the public
 * implementation's stand-in for Kent & Thaler's hand-drawn damage curves).
 */
export function valueDamage(deliveredWarheads: number, warheadsFor80Percent: number): number {
  return -Math.expm1((-deliveredWarheads * Math.log(5)) / warheadsFor80Percent);
}
