/**
 * The algebra of binaryGameEquilibria (binary.ts): numbers known exactly or
 * only approximately (after an irrational square root), the players'
 * indifference functions Dᵢ as multilinear polynomials in the others'
 * probabilities, their evaluation and restriction to one free variable, the
 * roots of a quadratic, the interval where affine conditions hold, and a 3×3
 * solve for Newton's method.
 */
import { Fraction, rationalSqrt } from '../../../core/rational.js';
import { type NormalFormGame, profileAt, profileCount } from './game.js';

/** A number known exactly (`f`) or only approximately (`x`). */
export interface Val {
  readonly f?: Fraction;
  readonly x: number;
}

/** An exact value. */
export const ex = (f: Fraction): Val => ({ f, x: f.valueOf() });
/** An approximate value (after an irrational square root). */
export const ap = (x: number): Val => ({ x });
/** Exact 0. */
export const ZERO = ex(new Fraction(0));
/** Exact 1. */
export const ONE = ex(new Fraction(1));
/** a + b, exact when both are. */
export const add = (a: Val, b: Val): Val => (a.f && b.f ? ex(a.f.add(b.f)) : ap(a.x + b.x));
/** a · b, exact when both are. */
export const mul = (a: Val, b: Val): Val => (a.f && b.f ? ex(a.f.mul(b.f)) : ap(a.x * b.x));
/** −a. */
export const neg = (a: Val): Val => (a.f ? ex(a.f.neg()) : ap(-a.x));
/** a / b, exact when both are. */
export const div = (a: Val, b: Val): Val => (a.f && b.f ? ex(a.f.div(b.f)) : ap(a.x / b.x));
/** Below this magnitude an approximate value counts as 0. */
export const TOL = 1e-10;
/** Whether a is 0 (exactly, or within {@link TOL}). */
export const isZero = (a: Val): boolean => (a.f ? a.f.n === 0n : Math.abs(a.x) <= TOL);
/** The sign of a: −1, 0 or 1 (0 within {@link TOL} for approximate values). */
export const sign = (a: Val): number =>
  a.f ? (a.f.n === 0n ? 0 : Number(a.f.s)) : Math.abs(a.x) <= TOL ? 0 : Math.sign(a.x);
/** Whether 0 < a < 1 (by more than {@link TOL} for approximate values). */
export const inOpenUnit = (a: Val): boolean => (a.f ? a.f.gt(0) && a.f.lt(1) : a.x > TOL && a.x < 1 - TOL);

/** Multilinear polynomial in the binary players' p: coefficient per monomial (bitmask of variables). */
export type Poly = Map<number, Fraction>;

/** Dᵢ as a multilinear polynomial over the binary players (variable v ↔ binary player index v). */
export function indifferencePoly(game: NormalFormGame, binary: number[], i: number): Poly {
  const poly: Poly = new Map();
  const count = profileCount(game);
  for (let k = 0; k < count; k++) {
    const prof = profileAt(game, k);
    const own = prof[i]!;
    const u = game.payoffs[k]![i]!;
    const coef = own === 0 ? u : u.neg();
    // Expand ∏_{j≠i binary} (s_j = 0 ? p_j : 1 − p_j) into monomials.
    let terms = new Map<number, Fraction>([[0, coef]]);
    binary.forEach((j, v) => {
      if (j === i) return;
      const next = new Map<number, Fraction>();
      for (const [mask, c] of terms) {
        const put = (m: number, x: Fraction) => next.set(m, (next.get(m) ?? new Fraction(0)).add(x));
        if (prof[j] === 0) put(mask | (1 << v), c);
        else {
          put(mask, c);
          put(mask | (1 << v), c.neg());
        }
      }
      terms = next;
    });
    for (const [mask, c] of terms) poly.set(mask, (poly.get(mask) ?? new Fraction(0)).add(c));
  }
  return poly;
}

/** Evaluates a polynomial at values (undefined entries must not occur in it). */
export function evaluate(poly: Poly, values: readonly (Val | undefined)[]): Val {
  let acc = ZERO;
  for (const [mask, c] of poly) {
    if (c.n === 0n) continue;
    let term = ex(c);
    for (let v = 0; v < values.length; v++) if (mask & (1 << v)) term = mul(term, values[v]!);
    acc = add(acc, term);
  }
  return acc;
}

/**
 * Substitutes known values and returns the result as an affine function of
 * one free variable `v`: [constant, coefficient].
 */
export function affineIn(poly: Poly, values: readonly (Val | undefined)[], v: number): [Val, Val] {
  let c0 = ZERO;
  let c1 = ZERO;
  for (const [mask, c] of poly) {
    if (c.n === 0n) continue;
    let term = ex(c);
    for (let w = 0; w < values.length; w++) if (w !== v && mask & (1 << w)) term = mul(term, values[w]!);
    if (mask & (1 << v)) c1 = add(c1, term);
    else c0 = add(c0, term);
  }
  return [c0, c1];
}

/** Roots of c₀ + c₁t + c₂t² (exact when rational); undefined when the polynomial is identically 0. */
export function quadraticRoots(c0: Fraction, c1: Fraction, c2: Fraction): Val[] | undefined {
  if (c2.n === 0n) {
    if (c1.n === 0n) return c0.n === 0n ? undefined : [];
    return [ex(c0.neg().div(c1))];
  }
  const disc = c1.mul(c1).sub(c2.mul(c0).mul(4));
  if (disc.s < 0n && disc.n !== 0n) return [];
  const root = rationalSqrt(disc);
  if (root) {
    const r1 = c1.neg().add(root).div(c2.mul(2));
    const r2 = c1.neg().sub(root).div(c2.mul(2));
    return r1.equals(r2) ? [ex(r1)] : [ex(r1), ex(r2)];
  }
  const b = c1.valueOf();
  const q = -0.5 * (b + Math.sign(b || 1) * Math.sqrt(disc.valueOf()));
  return [ap(q / c2.valueOf()), ap(c0.valueOf() / q)];
}

/**
 * The interval of t ∈ [0, 1] where every condition `c0 + c1·t ≥ 0` (or ≤ 0
 * when `wantNonNegative` is false) holds, or undefined if it is empty.
 */
export function interval(
  conds: readonly { c: [Val, Val]; wantNonNegative: boolean }[],
): [Val, Val] | undefined {
  let lo = ZERO;
  let hi = ONE;
  for (const { c, wantNonNegative } of conds) {
    let [c0, c1] = c;
    if (!wantNonNegative) {
      c0 = neg(c0);
      c1 = neg(c1);
    }
    if (isZero(c1)) {
      if (sign(c0) < 0) return undefined;
      continue;
    }
    const root = div(neg(c0), c1);
    if (sign(c1) > 0) {
      if (root.x > lo.x) lo = root;
    } else if (root.x < hi.x) hi = root;
  }
  return lo.x <= hi.x + TOL ? [lo, hi] : undefined;
}

/** Solves a 3×3 system J·δ = F by Cramer's rule; undefined when singular. */
export function solve3(J: number[][], F: number[]): number[] | undefined {
  const det = (m: number[][]) =>
    m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
    m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
    m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const d = det(J);
  if (!Number.isFinite(d) || d === 0) return undefined;
  return [0, 1, 2].map((k) => det(J.map((row, r) => row.map((x, c) => (c === k ? F[r]! : x)))) / d);
}
