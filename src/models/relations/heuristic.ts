/**
 * Fast local search for the frustration index of large signed networks.
 * Gives a feasible partition, hence an upper bound on the exact index.
 */
import type { Rng } from '../../core/rng.js';
import { type Adjacency, adjacency, type SignedNetwork } from './network.js';
import { spanningForestSides } from './partition.js';

/** Tuning of {@link localSearchPartition}. */
export interface LocalSearchOptions {
  /** Independent starts from random spanning trees. Default 8. */
  readonly restarts?: number;
  /** Perturb-and-descend rounds after each start. Default 20. */
  readonly kicks?: number;
}

/** Mutable search state over flat typed arrays (no per-edge objects in the inner loops). */
interface State {
  readonly side: Uint8Array;
  readonly frustrated: Uint8Array;
  readonly gain: Float64Array;
  cost: number;
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
  const m = net.edges.length;
  const restarts = options.restarts ?? 8;
  const kicks = options.kicks ?? 20;
  if (n === 0) return { cost: 0, side: new Uint8Array(0) };
  const adj = adjacency(net);
  const { offsets, neighbors, edgeIds } = adj;
  const positive = new Uint8Array(m);
  const cost1 = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    positive[k] = net.edges[k]!.weight > 0 ? 1 : 0;
    cost1[k] = costs[k]!;
  }
  const ends = new Int32Array(2 * m);
  net.edges.forEach((e, k) => {
    ends[2 * k] = e.a;
    ends[2 * k + 1] = e.b;
  });

  const init = (side: Uint8Array): State => {
    const frustrated = new Uint8Array(m);
    const gain = new Float64Array(n);
    let cost = 0;
    for (let k = 0; k < m; k++) {
      const same = side[ends[2 * k]!] === side[ends[2 * k + 1]!];
      const f = positive[k] ? !same : same;
      frustrated[k] = f ? 1 : 0;
      if (f) cost += cost1[k]!;
      const c = f ? -cost1[k]! : cost1[k]!;
      gain[ends[2 * k]!] = gain[ends[2 * k]!]! + c;
      gain[ends[2 * k + 1]!] = gain[ends[2 * k + 1]!]! + c;
    }
    return { side, frustrated, gain, cost };
  };

  const move = (s: State, v: number) => {
    const delta = s.gain[v]!;
    s.cost += delta;
    s.gain[v] = -delta;
    s.side[v] = 1 - s.side[v]!;
    for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
      const k = edgeIds[p]!;
      const f = s.frustrated[k]! ^ 1;
      s.frustrated[k] = f;
      const u = neighbors[p]!;
      s.gain[u] = s.gain[u]! + (f ? -2 : 2) * cost1[k]!;
    }
  };

  const inQueue = new Uint8Array(n);
  const queue: number[] = [];
  const descend = (s: State) => {
    while (queue.length > 0) {
      const v = queue.pop()!;
      inQueue[v] = 0;
      if (s.gain[v]! >= 0) continue;
      move(s, v);
      for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
        const u = neighbors[p]!;
        if (s.gain[u]! < 0 && !inQueue[u]) {
          inQueue[u] = 1;
          queue.push(u);
        }
      }
    }
  };
  const enqueue = (s: State, v: number) => {
    if (s.gain[v]! < 0 && !inQueue[v]) {
      inQueue[v] = 1;
      queue.push(v);
    }
  };

  let best: State | undefined;
  for (let r = 0; r < restarts; r++) {
    const s = init(randomTreeSwitching(n, adj, positive, rng));
    for (let v = 0; v < n; v++) enqueue(s, v);
    descend(s);
    for (let k = 0; k < kicks; k++) {
      const trial: State = {
        side: s.side.slice(),
        frustrated: s.frustrated.slice(),
        gain: s.gain.slice(),
        cost: s.cost,
      };
      const v = rng.int(0, n - 1);
      move(trial, v);
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) move(trial, neighbors[p]!);
      enqueue(trial, v);
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
        const u = neighbors[p]!;
        enqueue(trial, u);
        for (let q = offsets[u]!; q < offsets[u + 1]!; q++) enqueue(trial, neighbors[q]!);
      }
      descend(trial);
      if (trial.cost <= s.cost) {
        s.side.set(trial.side);
        s.frustrated.set(trial.frustrated);
        s.gain.set(trial.gain);
        s.cost = trial.cost;
      }
    }
    if (best === undefined || s.cost < best.cost) best = s;
  }
  return { cost: best!.cost, side: best!.side };
}

/** Sides switched along a random breadth-first spanning forest (random first root, random neighbour order). */
function randomTreeSwitching(n: number, adj: Adjacency, positive: Uint8Array, rng: Rng): Uint8Array {
  const first = rng.int(0, n - 1);
  return spanningForestSides(
    n,
    adj,
    (k) => positive[k] === 1,
    first,
    (degree) => rng.int(0, degree - 1),
  );
}
