/**
 * Equilibria as results: probabilities per player as decimals, the exact
 * fractions beside them when the method is exact (DESIGN.md, JSON output:
 * `{strategies: [[p..],[q..]], payoffs: [..], exact?: [[".."]]}`).
 */
import {
  expectedPayoffs,
  expectedPayoffsExact,
  type NormalFormGame,
  regret,
  strategyValues,
} from './game.js';
import { Fraction, formatRational, rationalToNumber } from '../../../core/rational.js';

/** One equilibrium (or, for QRE, one profile on the path) of a game. */
export interface Equilibrium {
  /** `strategies[i][s]`: probability that player i plays strategy s. */
  readonly strategies: number[][];
  /** Expected payoff to each player. */
  readonly payoffs: number[];
  /** The same probabilities as exact fractions, when known exactly. */
  readonly exact?: string[][];
  /** The expected payoffs as exact fractions, when known exactly. */
  readonly exactPayoffs?: string[];
}

/** An exactly known equilibrium. */
export function exactEquilibrium(
  game: NormalFormGame,
  profile: readonly (readonly Fraction[])[],
): Equilibrium {
  const payoffs = expectedPayoffsExact(game, profile);
  return {
    // rationalToNumber, not valueOf: a fraction whose numerator and denominator both pass 1e308
    // (payoffs such as 1e-308 make them) would be Infinity / Infinity = NaN.
    strategies: profile.map((p) => p.map(rationalToNumber)),
    payoffs: payoffs.map(rationalToNumber),
    exact: profile.map((p) => p.map(formatRational)),
    exactPayoffs: payoffs.map(formatRational),
  };
}

/** An equilibrium known in floating point only (irrational, or from path following). */
export function approximateEquilibrium(
  game: NormalFormGame,
  sigma: readonly (readonly number[])[],
): Equilibrium {
  return { strategies: sigma.map((p) => [...p]), payoffs: expectedPayoffs(game, sigma) };
}

/** Exact probabilities of an equilibrium (parsed back from its strings), or undefined. */
export function exactProfile(eq: Equilibrium): Fraction[][] | undefined {
  return eq.exact?.map((p) => p.map((s) => new Fraction(s)));
}

/** A stable key for de-duplicating exact profiles. */
export function profileKey(profile: readonly (readonly Fraction[])[]): string {
  return profile.map((p) => p.map(formatRational).join(',')).join(';');
}

/**
 * Orders equilibria: player 1's probabilities from the first strategy on,
 * larger first, then player 2's, and so on (pure profiles on early strategies first).
 */
export function compareEquilibria(a: Equilibrium, b: Equilibrium): number {
  for (let i = 0; i < a.strategies.length; i++) {
    const p = a.strategies[i]!;
    const q = b.strategies[i]!;
    for (let s = 0; s < p.length; s++) if (p[s] !== q[s]) return q[s]! - p[s]!;
  }
  return 0;
}

/** Best-response check in floating point with a tolerance relative to the payoff range. */
export function isApproximateEquilibrium(
  game: NormalFormGame,
  sigma: readonly (readonly number[])[],
  tol = 1e-9,
): boolean {
  let range = 0;
  for (const p of game.payoffs) for (const x of p) range = Math.max(range, Math.abs(x.valueOf()));
  return regret(game, sigma) <= tol * Math.max(1, range);
}

/** Pure strategies of player i that are best responses to σ (floating point, relative tolerance). */
export function bestResponses(
  game: NormalFormGame,
  sigma: readonly (readonly number[])[],
  i: number,
  tol = 1e-9,
): number[] {
  const v = strategyValues(game, sigma, i);
  const best = Math.max(...v);
  const scale = Math.max(1, Math.abs(best));
  return v.flatMap((x, s) => (best - x <= tol * scale ? [s] : []));
}
