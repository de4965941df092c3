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
import { badInput } from '../../../core/errors.js';
import { type SupportState, SupportCases } from './binary-cases.js';
import type { Equilibrium } from './equilibrium.js';
import type { NormalFormGame } from './game.js';
import type { EquilibriumComponent } from './vertex.js';

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

/**
 * All equilibria of a game with at most three two-strategy players (see the
 * module comment): each of the 3^B support assignments of the B binary
 * players is solved in turn (binary-cases.ts), and components that share an
 * equilibrium are merged. Players with one strategy always play it.
 *
 * @throws {ConcertError} bad input (path `['game']`) for a game outside the
 *   method's reach (see {@link isSmallBinaryGame}).
 * @example
 * binaryGameEquilibria(bimatrixGame([[1, 0], [0, 1]], [[1, 0], [0, 1]])).equilibria.length; // => 3
 */
export function binaryGameEquilibria(game: NormalFormGame): BinaryGameResult {
  if (!isSmallBinaryGame(game))
    throw badInput({
      path: ['game'],
      message: 'expected at most three players with two strategies each and the others with one',
    });
  const cases = new SupportCases(game);
  for (const states of supportAssignments(cases.size)) cases.solve(states);
  return {
    equilibria: cases.equilibria,
    components: mergeComponents(cases.components),
    continua: cases.continua,
    degenerate: cases.degenerate,
  };
}

/** Every assignment of B players to the states 0, 1, 2, the last player's state varying fastest. */
function supportAssignments(B: number): SupportState[][] {
  const out: SupportState[][] = [];
  const build = (cur: SupportState[]) => {
    if (cur.length === B) {
      out.push(cur.slice());
      return;
    }
    for (const s of [0, 1, 2] as const) build([...cur, s]);
  };
  build([]);
  return out;
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
