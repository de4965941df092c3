/**
 * Two-group partitions of a signed network and their cost (the number, or
 * total weight, of frustrated edges), plus the exact search by enumeration
 * that small networks use.
 */
import { badInput } from '../../core/errors.js';
import { type Adjacency, adjacency, type SignedNetwork } from './network.js';

/** Weights are scaled to integers by this factor in the searches, so sums are exact. */
export const WEIGHT_SCALE = 1_000_000;

/**
 * Integer edge costs for the searches: 1 per edge for the line index, or
 * round(|w|·10⁶) for the weighted index.
 */
export function edgeCosts(net: SignedNetwork, weighted: boolean): Float64Array {
  const c = new Float64Array(net.edges.length);
  net.edges.forEach((e, k) => {
    c[k] = weighted ? Math.max(1, Math.round(Math.abs(e.weight) * WEIGHT_SCALE)) : 1;
  });
  return c;
}

/**
 * An edge is frustrated by a partition when it is negative inside a group or
 * positive between groups (Harary 1959; Aref & Wilson 2019).
 */
export function isFrustrated(weight: number, sideA: number, sideB: number): boolean {
  return weight > 0 ? sideA !== sideB : sideA === sideB;
}

/** Indices of the edges frustrated by `side` (0/1 per node). */
export function frustratedEdgeIds(net: SignedNetwork, side: ArrayLike<number>): number[] {
  const out: number[] = [];
  net.edges.forEach((e, k) => {
    if (isFrustrated(e.weight, side[e.a]!, side[e.b]!)) out.push(k);
  });
  return out;
}

/** Σ cost over frustrated edges for a partition. */
export function partitionCost(net: SignedNetwork, side: ArrayLike<number>, costs: ArrayLike<number>): number {
  let s = 0;
  net.edges.forEach((e, k) => {
    if (isFrustrated(e.weight, side[e.a]!, side[e.b]!)) s += costs[k]!;
  });
  return s;
}

/**
 * Gains for single-node moves: gain[v] = change in cost if v switches group
 * = Σ_{e∋v} c_e·(frustrated(e) ? −1 : +1).
 */
export function moveGains(
  net: SignedNetwork,
  adj: Adjacency,
  side: ArrayLike<number>,
  costs: ArrayLike<number>,
): Float64Array {
  const n = net.nodes.length;
  const gain = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let g = 0;
    for (let p = adj.offsets[v]!; p < adj.offsets[v + 1]!; p++) {
      const k = adj.edgeIds[p]!;
      const e = net.edges[k]!;
      g += isFrustrated(e.weight, side[e.a]!, side[e.b]!) ? -costs[k]! : costs[k]!;
    }
    gain[v] = g;
  }
  return gain;
}

/** Switches node `v` and updates `gain` for it and its neighbours; returns the cost change. */
export function applyMove(
  net: SignedNetwork,
  adj: Adjacency,
  side: Uint8Array,
  gain: Float64Array,
  costs: ArrayLike<number>,
  v: number,
): number {
  const delta = gain[v]!;
  side[v] = 1 - side[v]!;
  gain[v] = -delta;
  for (let p = adj.offsets[v]!; p < adj.offsets[v + 1]!; p++) {
    const u = adj.neighbors[p]!;
    const k = adj.edgeIds[p]!;
    const e = net.edges[k]!;
    const nowFrustrated = isFrustrated(e.weight, side[e.a]!, side[e.b]!);
    gain[u] = gain[u]! + (nowFrustrated ? -2 : 2) * costs[k]!;
  }
  return delta;
}

/** Largest network (nodes) that {@link enumerateBestPartition} accepts: 2^(n−1) partitions. */
export const ENUMERATION_MAX_NODES = 30;

/**
 * The exact minimum-cost bipartition by enumerating all 2^(n−1) partitions
 * (node 0 fixed in group 0) in Gray-code order, so each step moves one node
 * and updates the cost in O(degree). Exact; cost O(2^(n−1)·d̄). `costs[k]` is
 * the cost of frustrating edge k (1 each for the line index).
 *
 * @throws {ConcertError} bad input (path `['net']`) for a network of more
 *   than {@link ENUMERATION_MAX_NODES} nodes.
 * @example
 * enumerateBestPartition(net, edgeCosts(net, false)).cost; // the line index of a small network
 */
export function enumerateBestPartition(
  net: SignedNetwork,
  costs: ArrayLike<number>,
): { cost: number; side: Uint8Array } {
  const n = net.nodes.length;
  if (n > ENUMERATION_MAX_NODES)
    throw badInput({
      path: ['net'],
      message: `enumeration is limited to ${ENUMERATION_MAX_NODES} nodes (this network has ${n}): use the binary program or the heuristic`,
    });
  const adj = adjacency(net);
  // Flat typed arrays keep the 2^(n−1)-step loop free of object accesses.
  const m = net.edges.length;
  const frustrated = new Uint8Array(m);
  const cost2 = new Float64Array(m);
  let cost = 0;
  for (let k = 0; k < m; k++) {
    const positive = net.edges[k]!.weight > 0;
    // all nodes start in group 0: only negative edges are frustrated
    frustrated[k] = positive ? 0 : 1;
    cost2[k] = 2 * costs[k]!;
    if (!positive) cost += costs[k]!;
  }
  const gain = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let g = 0;
    for (let p = adj.offsets[v]!; p < adj.offsets[v + 1]!; p++) {
      const k = adj.edgeIds[p]!;
      g += frustrated[k] ? -costs[k]! : costs[k]!;
    }
    gain[v] = g;
  }
  const { offsets, neighbors, edgeIds } = adj;
  let best = cost;
  let bestCode = 0;
  const total = n <= 1 ? 1 : 2 ** (n - 1);
  for (let code = 1; code < total; code++) {
    const v = 32 - Math.clz32(code & -code);
    const delta = gain[v]!;
    cost += delta;
    gain[v] = -delta;
    const end = offsets[v + 1]!;
    for (let p = offsets[v]!; p < end; p++) {
      const k = edgeIds[p]!;
      const u = neighbors[p]!;
      const f = frustrated[k]! ^ 1;
      frustrated[k] = f;
      gain[u] = gain[u]! + (f ? -cost2[k]! : cost2[k]!);
    }
    if (cost < best) {
      best = cost;
      bestCode = code ^ (code >>> 1);
    }
  }
  const out = new Uint8Array(n);
  for (let b = 0; b + 1 < n; b++) out[b + 1] = (bestCode >>> b) & 1;
  return { cost: best, side: out };
}

/**
 * Two-colours the nodes along a breadth-first spanning forest: a tree edge k
 * from v to a new node u puts u in v's group when `sameGroup(k)` and in the
 * other group otherwise; each tree's root is in group 0. Roots are tried in
 * the order `firstRoot`, `firstRoot + 1`, … (mod n). When `rotation` is given,
 * the scan of each reached node's neighbours (of degree d > 0) starts at
 * position `rotation(d)` of its list instead of 0 (a random spanning tree;
 * called once per such node, in breadth-first order). O(n + m).
 */
export function spanningForestSides(
  n: number,
  adj: Adjacency,
  sameGroup: (edge: number) => boolean,
  firstRoot = 0,
  rotation?: (degree: number) => number,
): Uint8Array {
  const side = new Uint8Array(n);
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const root = (firstRoot + r) % n;
    if (seen[root]) continue;
    seen[root] = 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const v = queue[head++]!;
      const lo = adj.offsets[v]!;
      const degree = adj.offsets[v + 1]! - lo;
      if (degree === 0) continue;
      const shift = rotation ? rotation(degree) : 0;
      for (let q = 0; q < degree; q++) {
        const p = lo + ((q + shift) % degree);
        const u = adj.neighbors[p]!;
        if (seen[u]) continue;
        seen[u] = 1;
        side[u] = sameGroup(adj.edgeIds[p]!) ? side[v]! : 1 - side[v]!;
        queue[tail++] = u;
      }
    }
  }
  return side;
}

/**
 * A partition consistent with a set of frustrated edges: two-colours the
 * graph in which those edges have their signs reversed (that graph is
 * balanced, so the colouring exists). Node 0 of each component is in group 0.
 */
export function partitionFromFrustrated(net: SignedNetwork, frustrated: ReadonlySet<number>): Uint8Array {
  return spanningForestSides(
    net.nodes.length,
    adjacency(net),
    (k) => net.edges[k]!.weight > 0 !== frustrated.has(k),
  );
}

/**
 * Whether the network is balanced (Cartwright & Harary 1956): a two-colouring
 * with positive edges inside and negative edges between groups exists.
 */
export function isBalanced(net: SignedNetwork): boolean {
  const side = partitionFromFrustrated(net, new Set());
  return frustratedEdgeIds(net, side).length === 0;
}
