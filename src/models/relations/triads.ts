/**
 * Triangles of a signed network: census by sign pattern, the triangle
 * balance ratio (Cartwright & Harary 1956; signnet `count_signed_triangles`,
 * `balance_score(method = "triangles")`) and the listing of every triangle
 * with its signs (signnet `signed_triangles`).
 */
import { adjacency, type SignedNetwork } from './network.js';
import { type TRIANGLE_FILTERS, TRIANGLE_PATTERNS } from './triangle-names.js';

/** A triangle by node indices `i < j < k` and its three edge indices. */
export interface Triangle {
  readonly nodes: readonly [number, number, number];
  /** Edge indices of (i,j), (i,k), (j,k). */
  readonly edges: readonly [number, number, number];
}

/** Sign patterns of a triangle, by number of negative edges. */
export type TrianglePattern = (typeof TRIANGLE_PATTERNS)[number];

/** Counts of triangles by sign pattern. */
export type TriadCensus = Record<TrianglePattern, number>;

const PATTERNS: readonly TrianglePattern[] = TRIANGLE_PATTERNS;

/**
 * Every triangle of the network, each once, in O(m^1.5) by the usual
 * degree-ordering method (each edge is oriented from the lower- to the
 * higher-ranked end and out-neighbourhoods are intersected).
 */
export function triangles(net: SignedNetwork): Triangle[] {
  const n = net.nodes.length;
  const adj = adjacency(net);
  const degree = (v: number) => adj.offsets[v + 1]! - adj.offsets[v]!;
  const rank = (v: number, u: number) => degree(v) < degree(u) || (degree(v) === degree(u) && v < u);
  const outStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    let c = 0;
    for (let p = adj.offsets[v]!; p < adj.offsets[v + 1]!; p++) if (rank(v, adj.neighbors[p]!)) c++;
    outStart[v + 1] = outStart[v]! + c;
  }
  const outNode = new Int32Array(outStart[n]!);
  const outEdge = new Int32Array(outStart[n]!);
  for (let v = 0; v < n; v++) {
    let q = outStart[v]!;
    for (let p = adj.offsets[v]!; p < adj.offsets[v + 1]!; p++) {
      const u = adj.neighbors[p]!;
      if (rank(v, u)) {
        outNode[q] = u;
        outEdge[q] = adj.edgeIds[p]!;
        q++;
      }
    }
  }
  const mark = new Int32Array(n).fill(-1);
  const out: Triangle[] = [];
  for (let v = 0; v < n; v++) {
    for (let p = outStart[v]!; p < outStart[v + 1]!; p++) mark[outNode[p]!] = outEdge[p]!;
    for (let p = outStart[v]!; p < outStart[v + 1]!; p++) {
      const u = outNode[p]!;
      for (let q = outStart[u]!; q < outStart[u + 1]!; q++) {
        const w = outNode[q]!;
        const evw = mark[w]!;
        if (evw < 0) continue;
        out.push(orderTriangle(v, u, w, outEdge[p]!, evw, outEdge[q]!));
      }
    }
    for (let p = outStart[v]!; p < outStart[v + 1]!; p++) mark[outNode[p]!] = -1;
  }
  return out;
}

function orderTriangle(v: number, u: number, w: number, evu: number, evw: number, euw: number): Triangle {
  const list: [number, number][] = [
    [v, 0],
    [u, 1],
    [w, 2],
  ];
  list.sort((x, y) => x[0] - y[0]);
  const edgeOf = (x: number, y: number): number => {
    const s = x + y;
    return s === 1 ? evu : s === 2 ? evw : euw;
  };
  const [[i, pi], [j, pj], [k, pk]] = list as [[number, number], [number, number], [number, number]];
  return { nodes: [i, j, k], edges: [edgeOf(pi, pj), edgeOf(pi, pk), edgeOf(pj, pk)] };
}

/** The sign pattern of a triangle. */
export function trianglePattern(net: SignedNetwork, t: Triangle): TrianglePattern {
  let negatives = 0;
  for (const e of t.edges) if (net.edges[e]!.weight < 0) negatives++;
  return PATTERNS[negatives]!;
}

/** A triangle is balanced iff the product of its signs is positive (`+++`, `+--`). */
export function isBalancedPattern(p: TrianglePattern): boolean {
  return p === '+++' || p === '+--';
}

/**
 * Triad census by sign pattern: the number of triangles with 0, 1, 2 and 3
 * negative edges (signnet `count_signed_triangles`).
 */
export function triadCensus(net: SignedNetwork, list: readonly Triangle[] = triangles(net)): TriadCensus {
  const census: TriadCensus = { '+++': 0, '++-': 0, '+--': 0, '---': 0 };
  for (const t of list) census[trianglePattern(net, t)]++;
  return census;
}

/**
 * Triangle balance ratio T = (#+++ + #+−−) / #triangles (Cartwright & Harary
 * 1956; signnet `balance_score(g, "triangles")`). `null` when the network has
 * no triangle (the ratio is undefined).
 */
export function triangleBalanceRatio(
  net: SignedNetwork,
  list: readonly Triangle[] = triangles(net),
): number | null {
  if (list.length === 0) return null;
  const c = triadCensus(net, list);
  return (c['+++'] + c['+--']) / list.length;
}

/**
 * Weighted triangle balance ratio: each triangle counts with the intensity
 * |w_ij·w_ik·w_jk| of its three relations, so
 * T_w = Σ_balanced |w_ij w_ik w_jk| / Σ_all |w_ij w_ik w_jk| = (1 + Σ w_ij w_ik w_jk / Σ |…|) / 2.
 * Concert's definition (an assumption, see docs/models/relations.md): it
 * equals the plain ratio when every |w| = 1. `null` without triangles.
 */
export function weightedTriangleBalanceRatio(
  net: SignedNetwork,
  list: readonly Triangle[] = triangles(net),
): number | null {
  let total = 0;
  let balanced = 0;
  for (const t of list) {
    const p = net.edges[t.edges[0]]!.weight * net.edges[t.edges[1]]!.weight * net.edges[t.edges[2]]!.weight;
    total += Math.abs(p);
    if (p > 0) balanced += p;
  }
  return total === 0 ? null : balanced / total;
}

/** Which triangles a listing keeps: all, or only the balanced or the unbalanced ones. */
export type TriangleFilter = (typeof TRIANGLE_FILTERS)[number];

/** One triangle of a listing, with its signs (signnet `signed_triangles` gives V1, V2, V3 and P). */
export interface SignedTriangle {
  /** Node indices i < j < k. */
  readonly nodes: readonly [number, number, number];
  /** Signs of (i, j), (i, k), (j, k): 1 or −1. */
  readonly signs: readonly [number, number, number];
  /** Number of positive edges (signnet's `P`). */
  readonly positives: number;
  readonly pattern: TrianglePattern;
  /** Whether the product of the signs is positive (`+++`, `+--`). */
  readonly balanced: boolean;
}

/** Options of {@link signedTriangles}. */
export interface TriangleListingOptions {
  /** Keep all triangles (default), or only the balanced or the unbalanced ones. */
  readonly filter?: TriangleFilter;
  /** Keep only triangles through every one of these node indices (default: any). */
  readonly through?: readonly number[];
  /** List at most this many (default: all); `matching` still counts them all. */
  readonly limit?: number;
}

/**
 * The triangles of a network with their signs and balance, as signnet's
 * `signed_triangles` lists them (each triangle once, with its number of
 * positive edges P), in the network's node order: by i, then j, then k for
 * i < j < k. Filtered by balance and by nodes they pass through, and cut at
 * `limit` after sorting, so the first `limit` of the full order are listed.
 * Assumes valid options (whole `limit` ≥ 0, node indices of `net`).
 *
 * @returns `matching`, the number of triangles the filters keep, and the
 *   listed triangles.
 * @example
 * // K4 with node 0 friendly to all and the others hostile among themselves:
 * signedTriangles(net).triangles.map((t) => t.positives); // => [2, 2, 2, 0]
 */
export function signedTriangles(
  net: SignedNetwork,
  options: TriangleListingOptions = {},
  list: readonly Triangle[] = triangles(net),
): { readonly matching: number; readonly triangles: SignedTriangle[] } {
  const filter = options.filter ?? 'all';
  const through = options.through ?? [];
  const kept = list.filter((t) => {
    if (through.some((v) => !t.nodes.includes(v))) return false;
    if (filter === 'all') return true;
    return isBalancedPattern(trianglePattern(net, t)) === (filter === 'balanced');
  });
  kept.sort((a, b) => a.nodes[0] - b.nodes[0] || a.nodes[1] - b.nodes[1] || a.nodes[2] - b.nodes[2]);
  const listed = options.limit === undefined ? kept : kept.slice(0, options.limit);
  return {
    matching: kept.length,
    triangles: listed.map((t) => {
      const signs = t.edges.map((e) => (net.edges[e]!.weight < 0 ? -1 : 1)) as [number, number, number];
      const pattern = trianglePattern(net, t);
      return {
        nodes: t.nodes,
        signs,
        positives: signs.filter((s) => s > 0).length,
        pattern,
        balanced: isBalancedPattern(pattern),
      };
    }),
  };
}
