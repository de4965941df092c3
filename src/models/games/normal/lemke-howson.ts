/**
 * The Lemke–Howson algorithm (Lemke & Howson 1964), by complementary
 * pivoting on the two best-response polytopes with integer pivoting and the
 * lexicographic minimum ratio test (von Stengel 2002, §3.4 and §6; Shapley
 * 1974 for the path picture).
 *
 * Labels are counted from 0 as in Nashpy: 0..m−1 are player 1's strategies,
 * m..m+n−1 player 2's. Starting from the artificial equilibrium (0, 0) with
 * all labels, label k is dropped: the variable with label k enters (xₖ in P
 * for a row strategy, y_{k−m} in Q for a column strategy). Each pivot makes
 * one variable leave; if its label is k the path ends at a Nash
 * equilibrium; otherwise that label is now duplicate and the variable with
 * the same label enters in the other polytope. Integer pivoting keeps the
 * arithmetic exact, and the lexicographic rule makes every step unique even
 * in degenerate games, so the path neither cycles nor stalls.
 */
import { badInput } from '../../../core/errors.js';
import type { NormalFormGame } from './game.js';
import { type Equilibrium, exactEquilibrium, profileKey } from './equilibrium.js';
import { Fraction } from '../../../core/rational.js';
import {
  initialTableau,
  integerBimatrix,
  lexMinRatioRow,
  pivot,
  strategyFromCoordinates,
  structuralValues,
} from './tableau.js';

/** The equilibrium reached by Lemke–Howson from dropping one label. */
export interface LemkeHowsonResult {
  /** The dropped label, 0..m+n−1. */
  readonly label: number;
  readonly equilibrium: Equilibrium;
  /** Number of pivots along the path. */
  readonly pivots: number;
}

/**
 * Runs Lemke–Howson on a two-player game dropping label `label`
 * (0..m+n−1). Exact; always terminates.
 *
 * @throws {ConcertError} bad input for a game without two players (path
 *   `['game']`) or a label outside 0..m+n−1 (`['label']`).
 * @example
 * lemkeHowson(bimatrixGame([[1, 0], [0, 1]], [[1, 0], [0, 1]]), 0).equilibrium.exact; // a pure equilibrium
 */
export function lemkeHowson(game: NormalFormGame, label: number): LemkeHowsonResult {
  const { m, n, A, B } = integerBimatrix(game);
  if (!Number.isInteger(label) || label < 0 || label >= m + n) {
    throw badInput({ path: ['label'], message: `expected a whole number in 0..${m + n - 1}; got ${label}` });
  }
  const Bt = Array.from({ length: n }, (_, j) => Array.from({ length: m }, (_, i) => B[i]![j]!));
  // P: variables x_0..x_{m-1} (labels 0..m-1), slacks s_0..s_{n-1} (labels m..m+n-1).
  // Q: variables y_0..y_{n-1} (labels m..m+n-1), slacks r_0..r_{m-1} (labels 0..m-1).
  const P = initialTableau(Bt);
  const Q = initialTableau(A);
  const labelP = (v: number) => v;
  const varP = (l: number) => l;
  const labelQ = (v: number) => (v < n ? m + v : v - n);
  const varQ = (l: number) => (l >= m ? l - m : n + l);
  let inP = label < m;
  let entering = inP ? varP(label) : varQ(label);
  let pivots = 0;
  for (;;) {
    const t = inP ? P : Q;
    const row = lexMinRatioRow(t, entering);
    if (row < 0) throw new Error('Lemke–Howson: unbounded ray (payoffs not positive)');
    const leaving = t.basis[row]!;
    pivot(t, row, entering);
    pivots++;
    const leftLabel = inP ? labelP(leaving) : labelQ(leaving);
    if (leftLabel === label) break;
    inP = !inP;
    entering = inP ? varP(leftLabel) : varQ(leftLabel);
  }
  const x = strategyFromCoordinates(structuralValues(P));
  const y = strategyFromCoordinates(structuralValues(Q));
  return { label, equilibrium: exactEquilibrium(game, [x, y]), pivots };
}

/**
 * Lemke–Howson from every starting label 0..m+n−1 in order (Nashpy's
 * `lemke_howson_enumeration`): the per-label results and the distinct
 * equilibria among them. These are the equilibria reachable by LH paths from
 * the artificial equilibrium, not necessarily all equilibria.
 */
export function lemkeHowsonAll(game: NormalFormGame): {
  results: LemkeHowsonResult[];
  equilibria: Equilibrium[];
} {
  const total = game.strategies[0]!.length + game.strategies[1]!.length;
  const results: LemkeHowsonResult[] = [];
  const seen = new Set<string>();
  const equilibria: Equilibrium[] = [];
  for (let label = 0; label < total; label++) {
    const r = lemkeHowson(game, label);
    results.push(r);
    const key = profileKey(r.equilibrium.exact!.map((p) => p.map((s) => new Fraction(s))));
    if (!seen.has(key)) {
      seen.add(key);
      equilibria.push(r.equilibrium);
    }
  }
  return { results, equilibria };
}
