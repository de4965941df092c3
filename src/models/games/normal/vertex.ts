/**
 * All extreme equilibria of a two-player game by vertex enumeration of the
 * best-response polytopes, exactly, with the equilibrium components of
 * degenerate games (Mangasarian 1964; von Stengel 2002, §3.3 and Thm 2.7;
 * Avis, Rosenberg, Savani & von Stengel 2010; Audet, Hansen, Jaumard &
 * Savard 2001 for the maximal Nash subsets).
 *
 * 1. Payoffs are made positive integers ({@link integerBimatrix}).
 * 2. Every vertex of P = {x ≥ 0 : Bᵀx ≤ 1} and Q = {y ≥ 0 : Ay ≤ 1} is
 *    found by a breadth-first search over lexicographically feasible bases:
 *    from each basis, every non-basic variable is entered with the leaving
 *    row chosen by the lexicographic minimum ratio test. These bases are the
 *    vertices of the symbolically perturbed polytope {M z ≤ 1 + (ε, ε², …)},
 *    which is simple and whose graph is connected, and every vertex of the
 *    original polytope (degenerate ones included) is the limit of one of
 *    them — the device of Avis's lrs (Avis 2000; Avis et al. 2010). A
 *    degenerate vertex is thus reached without visiting all of its many
 *    bases. Arithmetic is integer pivoting, hence exact.
 * 3. A vertex's labels are its zero variables. (x, y) ≠ (0, 0) is a
 *    complementary pair when every label 0..m+n−1 is a label of x or of y;
 *    such pairs, rescaled to probabilities, are exactly the extreme Nash
 *    equilibria (von Stengel 2002, Thm 2.7 and the extreme-point
 *    characterisation of Mangasarian 1964).
 * 4. The sets X × Y of row and column vertices that are pairwise
 *    complementary and maximal are the maximal Nash subsets: every profile in
 *    conv(X) × conv(Y) is an equilibrium. Overlapping maximal Nash subsets
 *    form the connected components of the equilibrium set. In a
 *    non-degenerate game every component is one isolated equilibrium.
 */
import { ConcertError } from '../../../core/errors.js';
import type { NormalFormGame } from './game.js';
import { compareEquilibria, type Equilibrium, exactEquilibrium } from './equilibrium.js';
import type { Fraction } from '../../../core/rational.js';
import { fastNondegenerateEquilibria } from './vertex-fast.js';
import {
  cloneTableau,
  initialTableau,
  integerBimatrix,
  lexMinRatioRow,
  pivot,
  strategyFromCoordinates,
  structuralValues,
  type Tableau,
} from './tableau.js';

/** A vertex of a best-response polytope. */
export interface PolytopeVertex {
  /** Coordinates as integers over a common denominator (the tableau determinant). */
  readonly coordinates: bigint[];
  /** Bit i set when label i is present (a zero variable). */
  readonly labels: bigint;
  /** True when the vertex has more labels than the dimension (a degenerate vertex). */
  readonly degenerate: boolean;
}

/** A connected component of the equilibrium set of a two-player game. */
export interface EquilibriumComponent {
  /** Indices (into the equilibria list) of the component's extreme equilibria. */
  readonly equilibria: number[];
  /**
   * Maximal Nash subsets, each given by the indices of its extreme
   * equilibria: every profile (x, y) with x in the convex hull of their row
   * strategies and y in that of their column strategies is an equilibrium.
   */
  readonly nashSubsets: number[][];
}

export interface VertexEnumerationResult {
  /** All extreme equilibria, exact. */
  readonly equilibria: Equilibrium[];
  /** The components (one per equilibrium in a non-degenerate game). */
  readonly components: EquilibriumComponent[];
  /**
   * True when some extreme equilibrium is degenerate: one of its strategies
   * has more pure best responses than the other strategy's support size (its
   * vertex has excess labels). Only then can the equilibrium set contain
   * continua, or equilibria whose supports differ in size (which equal-size
   * support enumeration misses). A game can be degenerate elsewhere
   * ({@link isDegenerate}) and still have only non-degenerate equilibria.
   */
  readonly degenerate: boolean;
}

/** Upper bound on feasible bases visited per polytope (a guard against combinatorial blow-up). */
export const MAX_BASES = 2_000_000;

/**
 * Every vertex of { z ≥ 0 : M z ≤ 1 } (M positive, so the polytope is
 * bounded), with labels `structuralLabels[c]` for z_c = 0 and
 * `slackLabels[r]` for row r tight.
 */
export function polytopeVertices(
  M: readonly (readonly bigint[])[],
  structuralLabels: readonly number[],
  slackLabels: readonly number[],
): PolytopeVertex[] {
  const start = initialTableau(M);
  const R = M.length;
  const total = start.k + R;
  const labelBit = [...structuralLabels, ...slackLabels].map((l) => 1n << BigInt(l));
  const seen = new Set<string>([
    start.basis
      .slice()
      .sort((a, b) => a - b)
      .join(','),
  ]);
  const queue: Tableau[] = [start];
  const vertices = new Map<bigint, PolytopeVertex>();
  const rhs = total;
  for (let head = 0; head < queue.length; head++) {
    const t = queue[head]!;
    queue[head] = undefined as unknown as Tableau;
    let labels = 0n;
    let degenerate = false;
    const basic = new Array<boolean>(total).fill(false);
    t.basis.forEach((v, r) => {
      basic[v] = true;
      if (t.rows[r]![rhs] === 0n) {
        labels |= labelBit[v]!;
        degenerate = true;
      }
    });
    for (let v = 0; v < total; v++) if (!basic[v]) labels |= labelBit[v]!;
    if (!vertices.has(labels)) vertices.set(labels, { coordinates: structuralValues(t), labels, degenerate });
    for (let col = 0; col < total; col++) {
      if (basic[col]) continue;
      const row = lexMinRatioRow(t, col);
      if (row < 0) continue;
      const next = t.basis.slice();
      next[row] = col;
      const key = next.sort((a, b) => a - b).join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > MAX_BASES) {
        throw new ConcertError('bad-input', [
          {
            path: ['game'],
            message: `game too degenerate or too large for vertex enumeration (over ${MAX_BASES} bases)`,
          },
        ]);
      }
      const child = cloneTableau(t);
      pivot(child, row, col);
      queue.push(child);
    }
  }
  return [...vertices.values()];
}

/** The vertices of both best-response polytopes of a two-player game. */
export function bestResponsePolytopes(game: NormalFormGame): {
  m: number;
  n: number;
  P: PolytopeVertex[];
  Q: PolytopeVertex[];
} {
  const { m, n, A, B } = integerBimatrix(game);
  const Bt = Array.from({ length: n }, (_, j) => Array.from({ length: m }, (_, i) => B[i]![j]!));
  const P = polytopeVertices(
    Bt,
    Array.from({ length: m }, (_, i) => i),
    Array.from({ length: n }, (_, j) => m + j),
  );
  const Q = polytopeVertices(
    A,
    Array.from({ length: n }, (_, j) => m + j),
    Array.from({ length: m }, (_, i) => i),
  );
  return { m, n, P, Q };
}

/**
 * True when the game is degenerate: some mixed strategy with support size k
 * has more than k pure best responses (von Stengel 2002, Def. 2.6), which
 * is the case exactly when a best-response polytope has a vertex with
 * excess labels.
 */
export function isDegenerate(game: NormalFormGame): boolean {
  const { P, Q } = bestResponsePolytopes(game);
  return P.some((v) => v.degenerate) || Q.some((v) => v.degenerate);
}

/**
 * All extreme Nash equilibria of a two-player game, exact, with components.
 * See the module comment for the method. Non-degenerate games first go
 * through a checked floating-point fast path (vertex-fast.ts) that returns
 * the same exact result.
 */
export function vertexEnumeration(game: NormalFormGame): VertexEnumerationResult {
  const fast = fastNondegenerateEquilibria(game);
  if (fast) {
    return {
      equilibria: fast,
      components: fast.map((_, k) => ({ equilibria: [k], nashSubsets: [[k]] })),
      degenerate: false,
    };
  }
  return exactVertexEnumeration(game);
}

/** {@link vertexEnumeration} without the floating-point fast path: integer pivoting throughout. */
export function exactVertexEnumeration(game: NormalFormGame): VertexEnumerationResult {
  const { m, n, P, Q } = bestResponsePolytopes(game);
  const full = (1n << BigInt(m + n)) - 1n;
  const degenerateGame = P.some((v) => v.degenerate) || Q.some((v) => v.degenerate);
  const rowVertices = P.filter((v) => v.coordinates.some((c) => c !== 0n));
  const colVertices = Q.filter((v) => v.coordinates.some((c) => c !== 0n));
  const pairs: [number, number][] = [];
  if (degenerateGame) {
    rowVertices.forEach((x, a) => {
      colVertices.forEach((y, b) => {
        if ((x.labels | y.labels) === full) pairs.push([a, b]);
      });
    });
  } else {
    const byLabels = new Map<bigint, number>();
    colVertices.forEach((y, b) => {
      byLabels.set(y.labels, b);
    });
    rowVertices.forEach((x, a) => {
      const b = byLabels.get(full & ~x.labels);
      if (b !== undefined) pairs.push([a, b]);
    });
  }
  const rowStrategy = new Map<number, Fraction[]>();
  const colStrategy = new Map<number, Fraction[]>();
  const raw = pairs.map(([a, b]) => {
    if (!rowStrategy.has(a)) rowStrategy.set(a, strategyFromCoordinates(rowVertices[a]!.coordinates));
    if (!colStrategy.has(b)) colStrategy.set(b, strategyFromCoordinates(colVertices[b]!.coordinates));
    return { a, b, eq: exactEquilibrium(game, [rowStrategy.get(a)!, colStrategy.get(b)!]) };
  });
  raw.sort((p, q) => compareEquilibria(p.eq, q.eq));
  const equilibria = raw.map((r) => r.eq);
  const components = nashComponents(raw.map((r) => [r.a, r.b] as [number, number]));
  const degenerate = raw.some((r) => rowVertices[r.a]!.degenerate || colVertices[r.b]!.degenerate);
  return { equilibria, components, degenerate };
}

/**
 * Maximal Nash subsets (maximal bicliques of the bipartite graph of
 * complementary vertex pairs) grouped into connected components. `pairs[e]`
 * is the (row vertex, column vertex) of extreme equilibrium e.
 */
export function nashComponents(pairs: readonly (readonly [number, number])[]): EquilibriumComponent[] {
  const rows = [...new Set(pairs.map((p) => p[0]))];
  const cols = [...new Set(pairs.map((p) => p[1]))];
  const colIndex = new Map(cols.map((c, k) => [c, k]));
  const neighbours = new Map<number, bigint>();
  const pairIndex = new Map<string, number>();
  pairs.forEach(([a, b], e) => {
    neighbours.set(a, (neighbours.get(a) ?? 0n) | (1n << BigInt(colIndex.get(b)!)));
    pairIndex.set(`${a}:${b}`, e);
  });
  const closed = new Set<bigint>(rows.map((a) => neighbours.get(a)!));
  let frontier = [...closed];
  while (frontier.length > 0) {
    const next: bigint[] = [];
    for (const s of frontier) {
      for (const a of rows) {
        const t = s & neighbours.get(a)!;
        if (t !== 0n && !closed.has(t)) {
          closed.add(t);
          next.push(t);
        }
      }
    }
    frontier = next;
  }
  const subsets: number[][] = [];
  for (const Y of closed) {
    const X = rows.filter((a) => (neighbours.get(a)! & Y) === Y);
    const members: number[] = [];
    for (const a of X) {
      cols.forEach((b, k) => {
        if ((Y >> BigInt(k)) & 1n) members.push(pairIndex.get(`${a}:${b}`)!);
      });
    }
    subsets.push(members.sort((p, q) => p - q));
  }
  const parent = pairs.map((_, e) => e);
  const find = (e: number): number => {
    while (parent[e] !== e) {
      parent[e] = parent[parent[e]!]!;
      e = parent[e]!;
    }
    return e;
  };
  for (const s of subsets) for (const e of s.slice(1)) parent[find(e)] = find(s[0]!);
  const groups = new Map<number, EquilibriumComponent>();
  pairs.forEach((_, e) => {
    const root = find(e);
    if (!groups.has(root)) groups.set(root, { equilibria: [], nashSubsets: [] });
    groups.get(root)!.equilibria.push(e);
  });
  for (const s of subsets.sort((p, q) => p[0]! - q[0]! || p.length - q.length)) {
    groups.get(find(s[0]!))!.nashSubsets.push(s);
  }
  return [...groups.values()].sort((p, q) => p.equilibria[0]! - q.equilibria[0]!);
}
