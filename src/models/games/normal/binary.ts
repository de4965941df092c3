/**
 * All Nash equilibria of games in which at most three players have two
 * strategies each (every other player has one): in particular every 2×2×2
 * game, such as a US–China–Russia triangle in which each power chooses to
 * cooperate or to confront. Method: support enumeration with an exact
 * polynomial solver (in the spirit of Gambit's `enumpoly`; McKelvey &
 * McLennan 1996, §6).
 *
 * Let pᵢ be the probability that player i plays its first strategy and
 *   Dᵢ(p₋ᵢ) = uᵢ(first, p₋ᵢ) − uᵢ(second, p₋ᵢ),
 * which is multilinear in the other players' p (affine in each one, never
 * involving pᵢ). p is an equilibrium iff for every player: pᵢ = 1 ⇒ Dᵢ ≥ 0,
 * pᵢ = 0 ⇒ Dᵢ ≤ 0, 0 < pᵢ < 1 ⇒ Dᵢ = 0. Each player is put in one of three
 * support states (first, second, mixed): 3³ = 27 cases. With k mixed players
 * the indifference equations Dᵢ = 0 (i mixed) form a multilinear system:
 *
 * - k = 0: check the pure profile.
 * - k = 1: Dᵢ is a constant; when it is 0 the mixed player's pᵢ ranges over
 *   the interval where the pure players' conditions (linear in pᵢ) hold — a
 *   segment of equilibria, reported by its two endpoints.
 * - k = 2: Dᵢ is affine in pⱼ and Dⱼ affine in pᵢ: each is fixed or free;
 *   a free one ranges over an interval (a segment).
 * - k = 3 (a, b, c mixed): for fixed p_c, D_a = N_b + E_b·p_b and
 *   D_b = N_a + E_a·p_a are affine; substituting p_b = −N_b/E_b and
 *   p_a = −N_a/E_a into D_c and clearing denominators gives
 *   F(p_c) = c₀E_aE_b − c₁N_aE_b − c₂N_bE_a + c₃N_aN_b, a polynomial of
 *   degree ≤ 2 in p_c. Its roots, and the roots of E_a and E_b (where the
 *   substitution divides by zero), are the candidate values of p_c; at
 *   each, the remaining system is solved as in the k = 2 case. A generic
 *   2×2×2 game therefore has at most two totally mixed equilibria
 *   (McKelvey & McLennan 1997).
 *
 * Everything is exact rational arithmetic except the square root of a
 * discriminant that is not a rational square: such equilibria (e.g. Nau,
 * Gomez Canovas & Hansen 2004, §4) are reported in floating point
 * (about 1e−15 accurate) without an exact form. Continua that are not
 * segments (a two-dimensional region or a curve of totally mixed equilibria)
 * are reported as `continua` descriptions rather than enumerated.
 */
import type { NormalFormGame } from './game.js';
import { profileAt, profileCount } from './game.js';
import { approximateEquilibrium, type Equilibrium, exactEquilibrium, profileKey } from './equilibrium.js';
import type { EquilibriumComponent } from './vertex.js';
import { Fraction, rationalSqrt } from '../../../core/rational.js';

/** A number known exactly (`f`) or only approximately (`x`). */
interface Val {
  readonly f?: Fraction;
  readonly x: number;
}

const ex = (f: Fraction): Val => ({ f, x: f.valueOf() });
const ap = (x: number): Val => ({ x });
const ZERO = ex(new Fraction(0));
const ONE = ex(new Fraction(1));
const add = (a: Val, b: Val): Val => (a.f && b.f ? ex(a.f.add(b.f)) : ap(a.x + b.x));
const mul = (a: Val, b: Val): Val => (a.f && b.f ? ex(a.f.mul(b.f)) : ap(a.x * b.x));
const neg = (a: Val): Val => (a.f ? ex(a.f.neg()) : ap(-a.x));
const div = (a: Val, b: Val): Val => (a.f && b.f ? ex(a.f.div(b.f)) : ap(a.x / b.x));
const TOL = 1e-10;
const isZero = (a: Val): boolean => (a.f ? a.f.n === 0n : Math.abs(a.x) <= TOL);
const sign = (a: Val): number =>
  a.f ? (a.f.n === 0n ? 0 : Number(a.f.s)) : Math.abs(a.x) <= TOL ? 0 : Math.sign(a.x);
const inOpenUnit = (a: Val): boolean => (a.f ? a.f.gt(0) && a.f.lt(1) : a.x > TOL && a.x < 1 - TOL);

/** Multilinear polynomial in the binary players' p: coefficient per monomial (bitmask of variables). */
type Poly = Map<number, Fraction>;

export interface BinaryGameResult {
  readonly equilibria: Equilibrium[];
  readonly components: EquilibriumComponent[];
  /** Descriptions of continua of equilibria that are not segments (not enumerated). */
  readonly continua: string[];
  readonly degenerate: boolean;
}

/** True when the method applies: at most three players with two strategies, the rest with one. */
export function isSmallBinaryGame(game: NormalFormGame): boolean {
  const counts = game.strategies.map((s) => s.length);
  return counts.every((n) => n <= 2) && counts.filter((n) => n === 2).length <= 3;
}

/** Dᵢ as a multilinear polynomial over the binary players (variable v ↔ binary player index v). */
function indifferencePoly(game: NormalFormGame, binary: number[], i: number): Poly {
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
function evaluate(poly: Poly, values: readonly (Val | undefined)[]): Val {
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
function affineIn(poly: Poly, values: readonly (Val | undefined)[], v: number): [Val, Val] {
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
function quadraticRoots(c0: Fraction, c1: Fraction, c2: Fraction): Val[] | undefined {
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

type Solution = (Val | undefined)[];

type PairOutcome =
  | { kind: 'point'; q: Solution }
  | { kind: 'segment'; q: Solution; v: number; lo: Val; hi: Val }
  | { kind: 'region'; what: string };

/**
 * All equilibria of a game with at most three two-strategy players (see the
 * module comment). Players with one strategy always play it.
 */
export function binaryGameEquilibria(game: NormalFormGame): BinaryGameResult {
  if (!isSmallBinaryGame(game))
    throw new RangeError('needs at most three players with two strategies, the rest one');
  const binary = game.strategies.flatMap((s, i) => (s.length === 2 ? [i] : []));
  const B = binary.length;
  const D = binary.map((i) => indifferencePoly(game, binary, i));
  let scale = 1;
  for (const p of game.payoffs) for (const x of p) scale = Math.max(scale, Math.abs(x.valueOf()));
  const equilibria: Equilibrium[] = [];
  const keys = new Map<string, number>();
  const components: EquilibriumComponent[] = [];
  const continua: string[] = [];
  let degenerate = false;

  const record = (p: Solution): number => {
    const exactAll = p.every((v) => v?.f !== undefined);
    const sigma = game.strategies.map((s, i) => {
      const v = binary.indexOf(i);
      if (s.length === 1) return [ONE];
      const pv = p[v]!;
      return [pv, add(ONE, neg(pv))];
    });
    const eq = exactAll
      ? exactEquilibrium(
          game,
          sigma.map((s) => s.map((v) => v.f!)),
        )
      : approximateEquilibrium(
          game,
          sigma.map((s) => s.map((v) => v.x)),
        );
    const key = exactAll
      ? profileKey(sigma.map((s) => s.map((v) => v.f!)))
      : sigma.map((s) => s.map((v) => v.x.toFixed(12)).join(',')).join(';');
    const known = keys.get(key);
    if (known !== undefined) return known;
    keys.set(key, equilibria.length);
    equilibria.push(eq);
    return equilibria.length - 1;
  };

  /** Pure players' conditions and mixed players' range at a full assignment. */
  const valid = (p: Solution, states: readonly number[]): boolean =>
    states.every((st, v) => {
      if (st === 2) return inOpenUnit(p[v]!);
      const s = sign(evaluate(D[v]!, p));
      return st === 0 ? s >= 0 : s <= 0;
    });

  /** Interval of t ∈ [0, 1] where every condition `c0 + c1 t ⋛ 0` holds, or undefined if empty. */
  const interval = (conds: { c: [Val, Val]; wantNonNegative: boolean }[]): [Val, Val] | undefined => {
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
  };

  /** Adds a segment where variable v ranges over [lo, hi] (other entries fixed). */
  const segment = (p: Solution, v: number, lo: Val, hi: Val) => {
    const a = p.slice();
    a[v] = lo;
    const b = p.slice();
    b[v] = hi;
    const ea = record(a);
    const eb = record(b);
    degenerate = true;
    const members = ea === eb ? [ea] : [ea, eb].sort((x, y) => x - y);
    components.push({ equilibria: members, nashSubsets: [members] });
  };

  const statesList: number[][] = [];
  const build = (cur: number[]) => {
    if (cur.length === B) {
      statesList.push(cur.slice());
      return;
    }
    for (const s of [0, 1, 2]) build([...cur, s]);
  };
  build([]);

  for (const states of statesList) {
    const p: Solution = states.map((s) => (s === 0 ? ONE : s === 1 ? ZERO : undefined));
    const mixed = states.flatMap((s, v) => (s === 2 ? [v] : []));
    const pure = states.flatMap((s, v) => (s !== 2 ? [v] : []));
    if (mixed.length === 0) {
      if (valid(p, states)) components.push({ equilibria: [record(p)], nashSubsets: [] });
    } else if (mixed.length === 1) {
      const v = mixed[0]!;
      if (
        !isZero(
          evaluate(
            D[v]!,
            p.map((x, w) => (w === v ? ZERO : x)),
          ),
        )
      )
        continue;
      const range = interval(
        pure.map((w) => ({ c: affineIn(D[w]!, p, v), wantNonNegative: states[w] === 0 })),
      );
      if (!range || !(range[1].x > TOL && range[0].x < 1 - TOL)) continue;
      segment(p, v, range[0], range[1]);
    } else if (mixed.length === 2) {
      keep(solvePair(p, states, mixed[0]!, mixed[1]!), states);
    } else {
      solveTriple(p, states, mixed as [number, number, number]);
    }
  }

  function keep(outcomes: PairOutcome[], states: readonly number[]): void {
    for (const o of outcomes) {
      if (o.kind === 'point') components.push({ equilibria: [record(o.q)], nashSubsets: [] });
      else if (o.kind === 'segment') segment(o.q, o.v, o.lo, o.hi);
      else {
        degenerate = true;
        continua.push(describeContinuum(states, o.what));
      }
    }
  }

  /**
   * Solves D_a = 0 (affine in p_b) and D_b = 0 (affine in p_a) with every
   * other variable fixed in p; when `extra` is given, D_extra = 0 must hold
   * too. Pure players' conditions and 0 < p < 1 are checked.
   */
  function solvePair(
    p: Solution,
    states: readonly number[],
    a: number,
    b: number,
    extra?: number,
  ): PairOutcome[] {
    const [na, ea] = affineIn(D[a]!, p, b);
    const [nb, eb] = affineIn(D[b]!, p, a);
    const fixedB = isZero(ea) ? (isZero(na) ? 'free' : 'none') : div(neg(na), ea);
    const fixedA = isZero(eb) ? (isZero(nb) ? 'free' : 'none') : div(neg(nb), eb);
    if (fixedA === 'none' || fixedB === 'none') return [];
    const pure = states.flatMap((s, v) => (s !== 2 ? [v] : []));
    if (fixedA !== 'free' && fixedB !== 'free') {
      const q = p.slice();
      q[a] = fixedA;
      q[b] = fixedB;
      if (extra !== undefined && !isZero(evaluate(D[extra]!, q))) return [];
      return valid(q, states) ? [{ kind: 'point', q }] : [];
    }
    if (fixedA === 'free' && fixedB === 'free') {
      const grid = 24;
      const q = p.slice();
      for (let g = 1; g < grid; g++) {
        for (let h = 1; h < grid; h++) {
          q[a] = ap(g / grid);
          q[b] = ap(h / grid);
          const ok =
            (extra === undefined || Math.abs(evaluate(D[extra]!, q).x) <= 1e-9) &&
            pure.every((w) => {
              const sg = Math.sign(evaluate(D[w]!, q).x);
              return states[w] === 0 ? sg >= 0 : sg <= 0;
            });
          if (ok)
            return [{ kind: 'region', what: extra === undefined ? 'a two-dimensional region' : 'a curve' }];
        }
      }
      return [];
    }
    const freeVar = fixedA === 'free' ? a : b;
    const q = p.slice();
    if (fixedA === 'free') q[b] = fixedB as Val;
    else q[a] = fixedA as Val;
    if (!inOpenUnit(q[fixedA === 'free' ? b : a]!)) return [];
    const conds = pure.map((w) => ({ c: affineIn(D[w]!, q, freeVar), wantNonNegative: states[w] === 0 }));
    if (extra !== undefined) {
      const [e0, e1] = affineIn(D[extra]!, q, freeVar);
      if (!isZero(e1)) {
        const t = div(neg(e0), e1);
        const r = q.slice();
        r[freeVar] = t;
        return valid(r, states) ? [{ kind: 'point', q: r }] : [];
      }
      if (!isZero(e0)) return [];
    }
    const range = interval(conds);
    if (!range || !(range[1].x > TOL && range[0].x < 1 - TOL)) return [];
    const lo = range[0].x < 0 ? ZERO : range[0];
    const hi = range[1].x > 1 ? ONE : range[1];
    return [{ kind: 'segment', q, v: freeVar, lo, hi }];
  }

  function solveTriple(p: Solution, states: readonly number[], [a, b, c]: [number, number, number]): void {
    const coef = (poly: Poly, v: number, w: number) => {
      const get = (mask: number) => poly.get(mask) ?? new Fraction(0);
      return [get(0), get(1 << v), get(1 << w), get((1 << v) | (1 << w))] as const;
    };
    const [a0, a1, a2, a3] = coef(D[a]!, b, c); // D_a = a0 + a1 p_b + a2 p_c + a3 p_b p_c
    const [b0, b1, b2, b3] = coef(D[b]!, a, c); // D_b = b0 + b1 p_a + b2 p_c + b3 p_a p_c
    const [c0, c1, c2, c3] = coef(D[c]!, a, b); // D_c = c0 + c1 p_a + c2 p_b + c3 p_a p_b
    const prod = (x: readonly [Fraction, Fraction], y: readonly [Fraction, Fraction]) => [
      x[0].mul(y[0]),
      x[0].mul(y[1]).add(x[1].mul(y[0])),
      x[1].mul(y[1]),
    ];
    const Nb = [a0, a2] as const;
    const Eb = [a1, a3] as const;
    const Na = [b0, b2] as const;
    const Ea = [b1, b3] as const;
    const terms = [
      prod(Ea, Eb).map((x) => x.mul(c0)),
      prod(Na, Eb).map((x) => x.mul(c1).neg()),
      prod(Nb, Ea).map((x) => x.mul(c2).neg()),
      prod(Na, Nb).map((x) => x.mul(c3)),
    ];
    const F = [0, 1, 2].map((d) => terms.reduce((s, t) => s.add(t[d]!), new Fraction(0)));
    const zero = new Fraction(0);
    const finite: Val[] = [];
    let curve = false;
    const addRoots = (r: Val[] | undefined) => {
      if (r === undefined) curve = true;
      else finite.push(...r);
    };
    addRoots(quadraticRoots(F[0]!, F[1]!, F[2]!));
    const eaZero = Ea[0].n === 0n && Ea[1].n === 0n;
    const ebZero = Eb[0].n === 0n && Eb[1].n === 0n;
    if (!eaZero) addRoots(quadraticRoots(Ea[0], Ea[1], zero));
    else addRoots(quadraticRoots(Na[0], Na[1], zero));
    if (!ebZero) addRoots(quadraticRoots(Eb[0], Eb[1], zero));
    else addRoots(quadraticRoots(Nb[0], Nb[1], zero));
    const seen = new Set<string>();
    for (const t of finite.filter(inOpenUnit)) {
      const key = t.f ? t.f.toFraction() : t.x.toFixed(13);
      if (seen.has(key)) continue;
      seen.add(key);
      const q = p.slice();
      q[c] = t;
      if (t.f) keep(solvePair(q, states, a, b, c), states);
      else {
        const polished = polishTotallyMixed(q, states, [a, b, c]);
        if (polished) keep([{ kind: 'point', q: polished }], states);
      }
    }
    if (curve) {
      const grid = 48;
      for (let g = 1; g < grid; g++) {
        const q = p.slice();
        q[c] = ap(g / grid);
        if (solvePair(q, states, a, b, c).length > 0) {
          degenerate = true;
          continua.push(describeContinuum(states, 'a curve of totally mixed equilibria'));
          break;
        }
      }
    }
  }

  /**
   * An irrational candidate p_c: p_a, p_b from the affine equations, then
   * Newton's method on (D_a, D_b, D_c) = 0 in all three variables (the
   * substitution can be ill-conditioned near a root of E_a or E_b), then the
   * equilibrium conditions with a tolerance relative to the payoff scale.
   */
  function polishTotallyMixed(
    q: Solution,
    states: readonly number[],
    vars: [number, number, number],
  ): Solution | undefined {
    const [a, b] = vars;
    const [na, ea] = affineIn(D[a]!, q, b);
    const [nb, eb] = affineIn(D[b]!, q, a);
    if (Math.abs(ea.x) < 1e-300 || Math.abs(eb.x) < 1e-300) return undefined;
    const x = q.map((v) => v?.x ?? 0);
    x[b] = -na.x / ea.x;
    x[a] = -nb.x / eb.x;
    const value = (poly: Poly, at: number[]) => evaluate(poly, at.map(ap)).x;
    const partial = (poly: Poly, v: number, at: number[]) => {
      let acc = 0;
      for (const [mask, coef] of poly) {
        if (!(mask & (1 << v))) continue;
        let term = coef.valueOf();
        for (let w = 0; w < at.length; w++) if (w !== v && mask & (1 << w)) term *= at[w]!;
        acc += term;
      }
      return acc;
    };
    for (let it = 0; it < 30; it++) {
      const F = vars.map((v) => value(D[v]!, x));
      const J = vars.map((v) => vars.map((w) => partial(D[v]!, w, x)));
      const delta = solve3(J, F);
      if (!delta) return undefined;
      vars.forEach((v, k) => {
        x[v] = x[v]! - delta[k]!;
      });
      if (Math.max(...delta.map(Math.abs)) < 1e-16) break;
    }
    const tol = 1e-9 * scale;
    if (vars.some((v) => !(x[v]! > 0 && x[v]! < 1) || Math.abs(value(D[v]!, x)) > tol)) return undefined;
    const ok = states.every((st, v) => {
      if (st === 2) return true;
      const d = value(D[v]!, x);
      return st === 0 ? d >= -tol : d <= tol;
    });
    return ok ? x.map((v, k) => (q[k]?.f && !vars.includes(k) ? q[k] : ap(v))) : undefined;
  }

  function describeContinuum(states: readonly number[], what: string): string {
    const parts = states.map((s, v) => {
      const i = binary[v]!;
      const name = game.players[i]!;
      return s === 2 ? `${name} mixes` : `${name} plays ${game.strategies[i]![s]!}`;
    });
    return `${what} with ${parts.join(', ')} (degenerate game; not enumerated)`;
  }

  return { equilibria, components: mergeComponents(components), continua, degenerate };
}

/** Solves a 3×3 system J·δ = F by Cramer's rule; undefined when singular. */
function solve3(J: number[][], F: number[]): number[] | undefined {
  const det = (m: number[][]) =>
    m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
    m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
    m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const d = det(J);
  if (!Number.isFinite(d) || d === 0) return undefined;
  return [0, 1, 2].map((k) => det(J.map((row, r) => row.map((x, c) => (c === k ? F[r]! : x)))) / d);
}

/** Merges components that share an equilibrium and drops duplicates. */
function mergeComponents(parts: EquilibriumComponent[]): EquilibriumComponent[] {
  const parent = new Map<number, number>();
  const find = (e: number): number => {
    let r = e;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  for (const c of parts) for (const e of c.equilibria) if (!parent.has(e)) parent.set(e, e);
  for (const c of parts) for (const e of c.equilibria.slice(1)) parent.set(find(e), find(c.equilibria[0]!));
  const groups = new Map<number, { equilibria: Set<number>; nashSubsets: Map<string, number[]> }>();
  for (const c of parts) {
    const root = find(c.equilibria[0]!);
    if (!groups.has(root)) groups.set(root, { equilibria: new Set(), nashSubsets: new Map() });
    const g = groups.get(root)!;
    for (const e of c.equilibria) g.equilibria.add(e);
    for (const s of c.nashSubsets) g.nashSubsets.set(s.join(','), s);
  }
  return [...groups.values()]
    .map((g) => ({
      equilibria: [...g.equilibria].sort((x, y) => x - y),
      nashSubsets: [...g.nashSubsets.values()].filter((s) => s.length > 1),
    }))
    .sort((x, y) => x.equilibria[0]! - y.equilibria[0]!);
}
