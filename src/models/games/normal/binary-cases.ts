/**
 * The support cases of binaryGameEquilibria (binary.ts): for each assignment
 * of the binary players to a support state (first strategy, second, mixed),
 * the equilibria with that support — a pure profile, a segment where one
 * mixed player is indifferent, the solution of two indifference equations,
 * or of three by the quadratic in p_c — recorded once each, with the
 * components (segments) and the continua that are not enumerated.
 */
import { Fraction } from '../../../core/rational.js';
import {
  add,
  affineIn,
  ap,
  div,
  evaluate,
  inOpenUnit,
  interval,
  isZero,
  indifferencePoly,
  neg,
  ONE,
  type Poly,
  quadraticRoots,
  sign,
  solve3,
  TOL,
  type Val,
  ZERO,
} from './binary-algebra.js';
import { approximateEquilibrium, type Equilibrium, exactEquilibrium, profileKey } from './equilibrium.js';
import type { NormalFormGame } from './game.js';
import type { EquilibriumComponent } from './vertex.js';

/** Values of the binary players' p (undefined: not yet fixed). */
type Solution = (Val | undefined)[];

type PairOutcome =
  | { kind: 'point'; q: Solution }
  | { kind: 'segment'; q: Solution; v: number; lo: Val; hi: Val }
  | { kind: 'region'; what: string };

/** Support states of a binary player: 0 plays its first strategy, 1 its second, 2 mixes. */
export type SupportState = 0 | 1 | 2;

/** The equilibria found so far, and how to find those of one support. */
export class SupportCases {
  readonly equilibria: Equilibrium[] = [];
  readonly components: EquilibriumComponent[] = [];
  readonly continua: string[] = [];
  degenerate = false;
  /** Players with two strategies, in player order; variable v is player binary[v]'s p. */
  private readonly binary: number[];
  /** D[v]: the indifference polynomial of binary player v. */
  private readonly D: Poly[];
  /** The largest payoff magnitude (at least 1), for tolerances of approximate solutions. */
  private readonly scale: number;
  private readonly keys = new Map<string, number>();

  constructor(private readonly game: NormalFormGame) {
    this.binary = game.strategies.flatMap((s, i) => (s.length === 2 ? [i] : []));
    this.D = this.binary.map((i) => indifferencePoly(game, this.binary, i));
    let scale = 1;
    for (const p of game.payoffs) for (const x of p) scale = Math.max(scale, Math.abs(x.valueOf()));
    this.scale = scale;
  }

  /** Number of binary players. */
  get size(): number {
    return this.binary.length;
  }

  /** Finds the equilibria whose support is `states` (one state per binary player). */
  solve(states: readonly SupportState[]): void {
    const p: Solution = states.map((s) => (s === 0 ? ONE : s === 1 ? ZERO : undefined));
    const mixed = states.flatMap((s, v) => (s === 2 ? [v] : []));
    if (mixed.length === 0) {
      if (this.valid(p, states)) this.components.push({ equilibria: [this.record(p)], nashSubsets: [] });
    } else if (mixed.length === 1) this.single(p, states, mixed[0]!);
    else if (mixed.length === 2) this.keep(this.pair(p, states, mixed[0]!, mixed[1]!), states);
    else this.triple(p, states, mixed as [number, number, number]);
  }

  /** The index of the equilibrium at p, recorded if new. */
  private record(p: Solution): number {
    const { game, binary } = this;
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
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    this.keys.set(key, this.equilibria.length);
    this.equilibria.push(eq);
    return this.equilibria.length - 1;
  }

  /** Pure players' conditions and mixed players' range at a full assignment. */
  private valid(p: Solution, states: readonly number[]): boolean {
    return states.every((st, v) => {
      if (st === 2) return inOpenUnit(p[v]!);
      const s = sign(evaluate(this.D[v]!, p));
      return st === 0 ? s >= 0 : s <= 0;
    });
  }

  /** Adds a segment where variable v ranges over [lo, hi] (other entries fixed). */
  private segment(p: Solution, v: number, lo: Val, hi: Val): void {
    const a = p.slice();
    a[v] = lo;
    const b = p.slice();
    b[v] = hi;
    const ea = this.record(a);
    const eb = this.record(b);
    this.degenerate = true;
    const members = ea === eb ? [ea] : [ea, eb].sort((x, y) => x - y);
    this.components.push({ equilibria: members, nashSubsets: [members] });
  }

  private keep(outcomes: PairOutcome[], states: readonly number[]): void {
    for (const o of outcomes) {
      if (o.kind === 'point') this.components.push({ equilibria: [this.record(o.q)], nashSubsets: [] });
      else if (o.kind === 'segment') this.segment(o.q, o.v, o.lo, o.hi);
      else {
        this.degenerate = true;
        this.continua.push(this.describeContinuum(states, o.what));
      }
    }
  }

  /** One mixed player v: D_v is a constant; when 0, v's p ranges over the pure players' interval. */
  private single(p: Solution, states: readonly number[], v: number): void {
    if (
      !isZero(
        evaluate(
          this.D[v]!,
          p.map((x, w) => (w === v ? ZERO : x)),
        ),
      )
    )
      return;
    const pure = states.flatMap((s, w) => (s !== 2 ? [w] : []));
    const range = interval(
      pure.map((w) => ({ c: affineIn(this.D[w]!, p, v), wantNonNegative: states[w] === 0 })),
    );
    if (!range || !(range[1].x > TOL && range[0].x < 1 - TOL)) return;
    this.segment(p, v, range[0], range[1]);
  }

  /**
   * Solves D_a = 0 (affine in p_b) and D_b = 0 (affine in p_a) with every
   * other variable fixed in p; when `extra` is given, D_extra = 0 must hold
   * too. Pure players' conditions and 0 < p < 1 are checked.
   */
  private pair(p: Solution, states: readonly number[], a: number, b: number, extra?: number): PairOutcome[] {
    const D = this.D;
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
      return this.valid(q, states) ? [{ kind: 'point', q }] : [];
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
        return this.valid(r, states) ? [{ kind: 'point', q: r }] : [];
      }
      if (!isZero(e0)) return [];
    }
    const range = interval(conds);
    if (!range || !(range[1].x > TOL && range[0].x < 1 - TOL)) return [];
    const lo = range[0].x < 0 ? ZERO : range[0];
    const hi = range[1].x > 1 ? ONE : range[1];
    return [{ kind: 'segment', q, v: freeVar, lo, hi }];
  }

  /** Three mixed players a, b, c: the candidate p_c are the roots of F (module comment of binary.ts). */
  private triple(p: Solution, states: readonly number[], [a, b, c]: [number, number, number]): void {
    const D = this.D;
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
      if (t.f) this.keep(this.pair(q, states, a, b, c), states);
      else {
        const polished = this.polishTotallyMixed(q, states, [a, b, c]);
        if (polished) this.keep([{ kind: 'point', q: polished }], states);
      }
    }
    if (curve) {
      const grid = 48;
      for (let g = 1; g < grid; g++) {
        const q = p.slice();
        q[c] = ap(g / grid);
        if (this.pair(q, states, a, b, c).length > 0) {
          this.degenerate = true;
          this.continua.push(this.describeContinuum(states, 'a curve of totally mixed equilibria'));
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
  private polishTotallyMixed(
    q: Solution,
    states: readonly number[],
    vars: [number, number, number],
  ): Solution | undefined {
    const D = this.D;
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
    const tol = 1e-9 * this.scale;
    if (vars.some((v) => !(x[v]! > 0 && x[v]! < 1) || Math.abs(value(D[v]!, x)) > tol)) return undefined;
    const ok = states.every((st, v) => {
      if (st === 2) return true;
      const d = value(D[v]!, x);
      return st === 0 ? d >= -tol : d <= tol;
    });
    return ok ? x.map((v, k) => (q[k]?.f && !vars.includes(k) ? q[k] : ap(v))) : undefined;
  }

  private describeContinuum(states: readonly number[], what: string): string {
    const parts = states.map((s, v) => {
      const i = this.binary[v]!;
      const name = this.game.players[i]!;
      return s === 2 ? `${name} mixes` : `${name} plays ${this.game.strategies[i]![s]!}`;
    });
    return `${what} with ${parts.join(', ')} (degenerate game; not enumerated)`;
  }
}
