/**
 * Pure-strategy analysis of N-player games, exact: pure Nash equilibria,
 * Pareto efficiency, security levels, and dominance with iterated
 * elimination.
 */
import { Fraction } from '../../../core/rational.js';
import { type NormalFormGame, profileAt, profileCount, profileIndex } from './game.js';
import { type Equilibrium, exactEquilibrium } from './equilibrium.js';

/** Pure profiles (strategy index per player) that are Nash equilibria. */
export function pureEquilibriumProfiles(game: NormalFormGame): number[][] {
  const out: number[][] = [];
  const N = game.players.length;
  const count = profileCount(game);
  for (let k = 0; k < count; k++) {
    const prof = profileAt(game, k);
    let ok = true;
    for (let i = 0; i < N && ok; i++) {
      const mine = game.payoffs[k]![i]!;
      const dev = prof.slice();
      for (let s = 0; s < game.strategies[i]!.length; s++) {
        if (s === prof[i]) continue;
        dev[i] = s;
        if (game.payoffs[profileIndex(game, dev)]![i]!.gt(mine)) {
          ok = false;
          break;
        }
      }
    }
    if (ok) out.push(prof);
  }
  return out;
}

/**
 * All pure Nash equilibria of an N-player game, by checking every pure
 * profile against every unilateral deviation (exact; Nash 1951).
 */
export function pureEquilibria(game: NormalFormGame): Equilibrium[] {
  return pureEquilibriumProfiles(game).map((prof) =>
    exactEquilibrium(
      game,
      prof.map((s, i) => game.strategies[i]!.map((_, t) => new Fraction(t === s ? 1 : 0))),
    ),
  );
}

/** True when payoff vector `a` Pareto-dominates `b`: no one worse off, someone strictly better. */
export function paretoDominates(a: readonly Fraction[], b: readonly Fraction[]): boolean {
  let strict = false;
  for (let i = 0; i < a.length; i++) {
    const c = a[i]!.compare(b[i]!);
    if (c < 0) return false;
    if (c > 0) strict = true;
  }
  return strict;
}

/** True when every player is strictly better off with `a` than with `b`. */
export function strictlyBetterForAll(a: readonly Fraction[], b: readonly Fraction[]): boolean {
  return a.every((x, i) => x.gt(b[i]!));
}

/**
 * Pure profiles whose payoff vector is Pareto-efficient among the game's
 * pure outcomes (no other pure profile Pareto-dominates it).
 */
export function paretoEfficientProfiles(game: NormalFormGame): number[][] {
  const count = profileCount(game);
  const out: number[][] = [];
  for (let k = 0; k < count; k++) {
    const p = game.payoffs[k]!;
    if (!game.payoffs.some((q) => paretoDominates(q, p))) out.push(profileAt(game, k));
  }
  return out;
}

/**
 * Each player's pure security level (maximin): the best payoff it can
 * guarantee with a pure strategy whatever the others do,
 * maxₛ min₋ᵢ uᵢ(s, s₋ᵢ).
 */
export function pureSecurityLevels(game: NormalFormGame): Fraction[] {
  const count = profileCount(game);
  return game.players.map((_, i) => {
    const worst: (Fraction | undefined)[] = game.strategies[i]!.map(() => undefined);
    for (let k = 0; k < count; k++) {
      const s = profileAt(game, k)[i]!;
      const u = game.payoffs[k]![i]!;
      const w = worst[s];
      if (w === undefined || u.lt(w)) worst[s] = u;
    }
    return worst.reduce((best, w) => (best === undefined || w!.gt(best) ? w : best))!;
  });
}

export type DominanceKind = 'strict' | 'weak';

/** A pure strategy dominated by another pure strategy of the same player. */
export interface Domination {
  readonly player: number;
  readonly dominated: number;
  readonly by: number;
  readonly kind: DominanceKind;
}

/**
 * Pure strategies dominated by another pure strategy, restricted to the
 * surviving strategy sets `alive` (all strategies when omitted). Strategy t
 * strictly dominates s when uᵢ(t, s₋ᵢ) > uᵢ(s, s₋ᵢ) for every profile of the
 * others; weakly when ≥ everywhere and > somewhere. Domination by mixed
 * strategies is not tested.
 */
export function dominatedStrategies(
  game: NormalFormGame,
  alive?: readonly (readonly number[])[],
): Domination[] {
  const sets = alive ?? game.strategies.map((s) => s.map((_, k) => k));
  const N = game.players.length;
  const others = (i: number): number[][] => {
    let acc: number[][] = [[]];
    for (let j = 0; j < N; j++) {
      if (j === i) {
        acc = acc.map((p) => [...p, 0]);
        continue;
      }
      acc = acc.flatMap((p) => sets[j]!.map((s) => [...p, s]));
    }
    return acc;
  };
  const out: Domination[] = [];
  for (let i = 0; i < N; i++) {
    const contexts = others(i);
    for (const s of sets[i]!) {
      let found: Domination | undefined;
      for (const t of sets[i]!) {
        if (t === s) continue;
        let allGreater = true;
        let allGeq = true;
        let someGreater = false;
        for (const ctx of contexts) {
          ctx[i] = s;
          const us = game.payoffs[profileIndex(game, ctx)]![i]!;
          ctx[i] = t;
          const ut = game.payoffs[profileIndex(game, ctx)]![i]!;
          const c = ut.compare(us);
          if (c <= 0) allGreater = false;
          if (c < 0) allGeq = false;
          if (c > 0) someGreater = true;
        }
        if (allGreater) {
          found = { player: i, dominated: s, by: t, kind: 'strict' };
          break;
        }
        if (allGeq && someGreater && !found) found = { player: i, dominated: s, by: t, kind: 'weak' };
      }
      if (found) out.push(found);
    }
  }
  return out;
}

/** One round of iterated elimination: the strategies removed in it. */
export interface EliminationRound {
  readonly removed: Domination[];
}

/**
 * Iterated elimination of dominated pure strategies. Each round removes, for
 * every player at once, every strategy dominated (strictly, or weakly when
 * `kind` is 'weak') within the surviving game. For strict dominance the
 * result does not depend on the order (Gilboa, Kalai & Zemel 1990); for
 * weak dominance it can, and this simultaneous order is the one used. A
 * player's last strategy is never removed.
 */
export function iteratedElimination(
  game: NormalFormGame,
  kind: DominanceKind = 'strict',
): { surviving: number[][]; rounds: EliminationRound[] } {
  let alive = game.strategies.map((s) => s.map((_, k) => k));
  const rounds: EliminationRound[] = [];
  for (;;) {
    const dom = dominatedStrategies(game, alive).filter((d) => kind === 'weak' || d.kind === 'strict');
    const removed = dom.filter((d) => {
      const survivors = alive[d.player]!.filter(
        (s) => !dom.some((e) => e.player === d.player && e.dominated === s),
      );
      return survivors.length > 0;
    });
    if (removed.length === 0) break;
    alive = alive.map((set, i) =>
      set.filter((s) => !removed.some((d) => d.player === i && d.dominated === s)),
    );
    rounds.push({ removed });
  }
  return { surviving: alive, rounds };
}
