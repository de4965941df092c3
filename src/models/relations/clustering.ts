/**
 * Generalised balance (Davis 1967, "clusterable" signed graphs): partitions
 * into at most k groups minimising the Doreian–Mrvar (1996, Social Networks
 * 18(2):149–168) criterion P(C) = α·N + (1 − α)·P, N = negative ties inside
 * groups, P = positive ties between groups (signnet `signed_blockmodel`).
 */
import { ConcertError, type Problem } from '../../core/errors.js';
import { DEFAULT_SEED, Rng } from '../../core/rng.js';
import { adjacency, type SignedNetwork } from './network.js';

/** A k-group partition and its violations. */
export interface ClusteringResult {
  readonly k: number;
  readonly alpha: number;
  /** α·N + (1 − α)·P. */
  readonly criterion: number;
  /** N + P: edges violating the partition. */
  readonly violations: number;
  readonly negativeWithin: number;
  readonly positiveBetween: number;
  /** Non-empty groups, each in node order; groups ordered by their first node. */
  readonly groups: readonly (readonly string[])[];
  /** Whether the criterion is proven minimal (branch and bound completed). */
  readonly exact: boolean;
}

/** Options of {@link clusterPartition}. */
export interface ClusteringOptions {
  /** Weight of negative ties inside groups. Default 0.5 (then criterion = violations / 2). */
  readonly alpha?: number;
  /** Run branch and bound to prove optimality (small networks). Default true when n ≤ 24. */
  readonly exact?: boolean;
  /** Local-search seed. Default 1. */
  readonly seed?: number;
  /** Local-search starts. Default 20. */
  readonly restarts?: number;
}

/**
 * Best partition into at most `k` groups. Local search (random starts,
 * best single-node relocations until none improves) gives an incumbent;
 * with `exact`, a depth-first branch and bound over node assignments
 * (nodes by decreasing degree, a new group opened only as the next label, so
 * relabelings are not revisited; bound = cost of ties among assigned nodes)
 * proves the optimum.
 *
 * @throws {ConcertError} bad input unless `k` is a whole number ≥ 1 (path
 *   `['k']`), `alpha` is in [0, 1] (`['alpha']`) and `restarts` is a whole
 *   number ≥ 1 (`['restarts']`).
 * @example
 * clusterPartition(net, 3).groups; // the best partition into at most three groups
 */
export function clusterPartition(
  net: SignedNetwork,
  k: number,
  options: ClusteringOptions = {},
): ClusteringResult {
  const problems: Problem[] = [];
  if (!(Number.isSafeInteger(k) && k >= 1))
    problems.push({ path: ['k'], message: `expected a whole number of groups ≥ 1; got ${k}` });
  if (options.alpha !== undefined && !(options.alpha >= 0 && options.alpha <= 1))
    problems.push({ path: ['alpha'], message: `expected a weight in [0, 1]; got ${options.alpha}` });
  if (options.restarts !== undefined && !(Number.isSafeInteger(options.restarts) && options.restarts >= 1))
    problems.push({ path: ['restarts'], message: `expected a whole number ≥ 1; got ${options.restarts}` });
  // Each sweep weighs every group for every actor, so k is bounded by the
  // network (more groups than actors cannot be used) before anything is allocated.
  if (Number.isSafeInteger(k) && k > Math.max(1, net.nodes.length))
    problems.push({
      path: ['k'],
      message: `expected at most ${Math.max(1, net.nodes.length)} groups (one per actor of the network); got ${k}`,
    });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const n = net.nodes.length;
  const alpha = options.alpha ?? 0.5;
  const adj = adjacency(net);
  const costNeg = alpha;
  const costPos = 1 - alpha;
  const edgeCost = (w: number, same: boolean) => (w < 0 ? (same ? costNeg : 0) : same ? 0 : costPos);
  const total = (g: Int32Array) => net.edges.reduce((s, e) => s + edgeCost(e.weight, g[e.a] === g[e.b]), 0);

  const rng = Rng.fromSeed(options.seed ?? DEFAULT_SEED);
  let best = new Int32Array(n);
  let bestCost = total(best);
  for (let r = 0; r < (options.restarts ?? 20) && n > 0; r++) {
    const g = new Int32Array(n);
    for (let v = 0; v < n; v++) g[v] = rng.int(0, k - 1);
    let improved = true;
    while (improved) {
      improved = false;
      for (let v = 0; v < n; v++) {
        const gain = new Float64Array(k);
        for (let p = adj.offsets[v]!; p < adj.offsets[v + 1]!; p++) {
          const u = adj.neighbors[p]!;
          const w = net.edges[adj.edgeIds[p]!]!.weight;
          for (let c = 0; c < k; c++) gain[c] = gain[c]! + edgeCost(w, g[u] === c);
        }
        let to = g[v]!;
        for (let c = 0; c < k; c++) if (gain[c]! < gain[to]! - 1e-12) to = c;
        if (to !== g[v]) {
          g[v] = to;
          improved = true;
        }
      }
    }
    const c = total(g);
    if (c < bestCost - 1e-12) {
      bestCost = c;
      best = g;
    }
  }

  const exact = options.exact ?? n <= 24;
  if (exact && n > 0) {
    const order = Array.from({ length: n }, (_, v) => v).sort(
      (x, y) => adj.offsets[y + 1]! - adj.offsets[y]! - (adj.offsets[x + 1]! - adj.offsets[x]!) || x - y,
    );
    const rankOf = new Int32Array(n);
    order.forEach((v, i) => {
      rankOf[v] = i;
    });
    const g = new Int32Array(n).fill(-1);
    const search = (i: number, used: number, cost: number) => {
      if (cost >= bestCost - 1e-12) return;
      if (i === n) {
        bestCost = cost;
        best = g.slice();
        return;
      }
      const v = order[i]!;
      for (let c = 0; c < Math.min(k, used + 1); c++) {
        let add = 0;
        for (let p = adj.offsets[v]!; p < adj.offsets[v + 1]!; p++) {
          const u = adj.neighbors[p]!;
          if (rankOf[u]! < i) add += edgeCost(net.edges[adj.edgeIds[p]!]!.weight, g[u] === c);
        }
        g[v] = c;
        search(i + 1, Math.max(used, c + 1), cost + add);
        g[v] = -1;
      }
    };
    search(0, 0, 0);
  }

  let negativeWithin = 0;
  let positiveBetween = 0;
  for (const e of net.edges) {
    const same = best[e.a] === best[e.b];
    if (e.weight < 0 && same) negativeWithin++;
    if (e.weight > 0 && !same) positiveBetween++;
  }
  const byLabel = new Map<number, string[]>();
  net.nodes.forEach((id, v) => {
    const list = byLabel.get(best[v]!) ?? [];
    list.push(id);
    byLabel.set(best[v]!, list);
  });
  return {
    k,
    alpha,
    criterion: alpha * negativeWithin + (1 - alpha) * positiveBetween,
    violations: negativeWithin + positiveBetween,
    negativeWithin,
    positiveBetween,
    groups: [...byLabel.values()],
    exact,
  };
}
