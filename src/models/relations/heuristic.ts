/**
 * Fast local search for the frustration index of large signed networks.
 * Gives a feasible partition, hence an upper bound on the exact index.
 */
import type { Rng } from '../../core/rng.js';
import { type SignedNetwork, adjacency } from './network.js';
import { applyMove, moveGains, partitionCost } from './partition.js';

/** Tuning of {@link localSearchPartition}. */
export interface LocalSearchOptions {
  /** Independent starts from random spanning trees. Default 8. */
  readonly restarts?: number;
  /** Perturb-and-descend rounds after each start. Default 20. */
  readonly kicks?: number;
}

/**
 * Iterated local search. Each start switches the signs along a random
 * breadth-first spanning forest (so all tree edges are satisfied, the
 * tree-based starting point of Aref & Wilson's heuristics), then descends by
 * single-node moves while any move lowers the cost (gains kept incrementally,
 * O(degree) per move). Each kick moves a random node and its neighbours to
 * the other group, descends again and keeps the result if it is no worse.
 * Deterministic given the `rng`. Cost per start O(m) plus the moves made.
 */
export function localSearchPartition(
  net: SignedNetwork,
  costs: ArrayLike<number>,
  rng: Rng,
  options: LocalSearchOptions = {},
): { cost: number; side: Uint8Array } {
  const n = net.nodes.length;
  const restarts = options.restarts ?? 8;
  const kicks = options.kicks ?? 20;
  const adj = adjacency(net);
  let bestSide: Uint8Array = new Uint8Array(n);
  let bestCost = Number.POSITIVE_INFINITY;
  if (n === 0) return { cost: 0, side: bestSide };
  const inQueue = new Uint8Array(n);
  const queue: number[] = [];

  const descend = (side: Uint8Array, gain: Float64Array, start: Iterable<number>): number => {
    let change = 0;
    for (const v of start) {
      if (gain[v]! < 0 && !inQueue[v]) {
        inQueue[v] = 1;
        queue.push(v);
      }
    }
    while (queue.length > 0) {
      const v = queue.pop()!;
      inQueue[v] = 0;
      if (gain[v]! >= 0) continue;
      change += applyMove(net, adj, side, gain, costs, v);
      for (let p = adj.offsets[v]!; p < adj.offsets[v + 1]!; p++) {
        const u = adj.neighbors[p]!;
        if (gain[u]! < 0 && !inQueue[u]) {
          inQueue[u] = 1;
          queue.push(u);
        }
      }
    }
    return change;
  };

  const allNodes = {
    [Symbol.iterator]: function* () {
      for (let v = 0; v < n; v++) yield v;
    },
  };
  for (let r = 0; r < restarts; r++) {
    const side = randomTreeSwitching(net, adj, rng);
    const gain = moveGains(net, adj, side, costs);
    let cost = partitionCost(net, side, costs);
    cost += descend(side, gain, allNodes);
    for (let k = 0; k < kicks; k++) {
      const trialSide = side.slice();
      const trialGain = gain.slice();
      const v = rng.int(0, n - 1);
      const moved = [v];
      for (let p = adj.offsets[v]!; p < adj.offsets[v + 1]!; p++) moved.push(adj.neighbors[p]!);
      let trialCost = cost;
      const touched: number[] = [];
      for (const u of moved) {
        trialCost += applyMove(net, adj, trialSide, trialGain, costs, u);
        touched.push(u);
        for (let p = adj.offsets[u]!; p < adj.offsets[u + 1]!; p++) touched.push(adj.neighbors[p]!);
      }
      trialCost += descend(trialSide, trialGain, touched);
      if (trialCost <= cost) {
        side.set(trialSide);
        gain.set(trialGain);
        cost = trialCost;
      }
    }
    if (cost < bestCost) {
      bestCost = cost;
      bestSide = side;
    }
  }
  return { cost: bestCost, side: bestSide };
}

function randomTreeSwitching(net: SignedNetwork, adj: ReturnType<typeof adjacency>, rng: Rng): Uint8Array {
  const n = net.nodes.length;
  const side = new Uint8Array(n);
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  const first = rng.int(0, n - 1);
  for (let r = 0; r < n; r++) {
    const root = (first + r) % n;
    if (seen[root]) continue;
    seen[root] = 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const v = queue[head++]!;
      const lo = adj.offsets[v]!;
      const deg = adj.offsets[v + 1]! - lo;
      if (deg === 0) continue;
      const shift = rng.int(0, deg - 1);
      for (let q = 0; q < deg; q++) {
        const p = lo + ((q + shift) % deg);
        const u = adj.neighbors[p]!;
        if (seen[u]) continue;
        seen[u] = 1;
        side[u] = net.edges[adj.edgeIds[p]!]!.weight > 0 ? side[v]! : 1 - side[v]!;
        queue[tail++] = u;
      }
    }
  }
  return side;
}
