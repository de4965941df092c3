/**
 * The frustration index (line index of balance) of a signed network: the
 * minimum number (or total weight) of edges whose sign change makes the
 * network balanced, equivalently min over bipartitions of (#negative edges
 * inside groups + #positive edges between groups) (Harary 1959; Aref, Mason &
 * Wilson 2020; Aref & Wilson 2019). NP-hard in general.
 *
 * Strategy: split into biconnected blocks (the index is additive over blocks);
 * blocks that are balanced cost 0; small blocks are solved exactly by
 * enumeration; larger blocks by the HiGHS binary program (async) or local
 * search (heuristic).
 */
import { ConcertError } from '../../core/errors.js';
import { getHighs } from '../../core/highs.js';
import { DEFAULT_SEED, Rng } from '../../core/rng.js';
import { biconnectedBlocks, type SubNetwork, subNetwork } from './blocks.js';
import { localSearchPartition } from './heuristic.js';
import { solveFrustrationMip } from './mip.js';
import { pairProblems, type SignedNetwork } from './network.js';
import {
  edgeCosts,
  enumerateBestPartition,
  frustratedEdgeIds,
  isBalanced,
  partitionFromFrustrated,
  WEIGHT_SCALE,
} from './partition.js';
import { triangles } from './triads.js';

/** How to compute the frustration index. */
export interface FrustrationOptions {
  /**
   * `exact` (default): proven optimum, enumeration for small blocks and HiGHS
   * for large ones (async API only); `heuristic`: local search only, with a
   * cheap lower bound.
   */
  readonly method?: 'exact' | 'heuristic';
  /** Minimise Σ|w| of frustrated edges instead of their number. Default false. */
  readonly weighted?: boolean;
  /** Wall-clock limit for the HiGHS solves, seconds. Default 60. */
  readonly timeLimitS?: number;
  /** Seed of the local search (starting points, kicks). Default 1. */
  readonly seed?: number;
  /**
   * Blocks with at most this many nodes are solved by enumeration. Default
   * {@link DEFAULT_ENUMERATION_NODES} (async) or {@link SYNC_ENUMERATION_NODES} (sync).
   */
  readonly enumerationMaxNodes?: number;
}

/**
 * Enumeration beats a HiGHS call (solver start-up, cut rounds and
 * branch-and-bound) up to about this many nodes per block
 * (bench/relations.bench.ts, docs/performance.md); the async API switches to
 * HiGHS above it.
 */
export const DEFAULT_ENUMERATION_NODES = 16;

/**
 * The synchronous API has no solver to switch to, so it enumerates blocks up
 * to this size (exact for systems of up to 20 actors) before using local search.
 */
export const SYNC_ENUMERATION_NODES = 20;

/** The frustration index with its partition and the certificate of exactness. */
export interface FrustrationResult {
  /** L(G): number of frustrated edges (or their total |w| when weighted) of the best partition found. */
  readonly index: number;
  /** 1 − L/(m/2) (signnet, Aref & Wilson); with weights 1 − L/(W/2), W = Σ|w|. 1 for an empty network. */
  readonly normalized: number;
  /** Whether `index` is proven minimal. */
  readonly exact: boolean;
  /** A proven lower bound on L(G). */
  readonly lowerBound: number;
  /** (index − lowerBound) / index; 0 when exact or index is 0. */
  readonly gap: number;
  /** Groups of the best bipartition (the first holds the network's first node). */
  readonly partition: readonly [readonly string[], readonly string[]];
  /** Edges frustrated by that partition, as id pairs. */
  readonly frustratedEdges: readonly (readonly [string, string])[];
  /** How each non-trivial block was solved. */
  readonly methods: { readonly enumeration: number; readonly mip: number; readonly heuristic: number };
  /** Number of blocks containing a cycle and not balanced (the hard sub-problems). */
  readonly unbalancedBlocks: number;
}

interface BlockOutcome {
  readonly sub: SubNetwork;
  readonly cost: number;
  readonly lowerBound: number;
  readonly exact: boolean;
  readonly side: Uint8Array;
  readonly method: 'enumeration' | 'mip' | 'heuristic';
}

type Solver = (sub: SubNetwork, costs: Float64Array) => BlockOutcome;

function hardBlocks(net: SignedNetwork): SubNetwork[] {
  return biconnectedBlocks(net)
    .filter((b) => b.length >= 3)
    .map((b) => subNetwork(net, b))
    .filter((s) => !isBalanced(s.net));
}

function enumerationOutcome(sub: SubNetwork, costs: Float64Array): BlockOutcome {
  const r = enumerateBestPartition(sub.net, costs);
  return { sub, cost: r.cost, lowerBound: r.cost, exact: true, side: r.side, method: 'enumeration' };
}

function heuristicOutcome(sub: SubNetwork, costs: Float64Array, rng: Rng): BlockOutcome {
  const r = localSearchPartition(sub.net, costs, rng);
  const lb = Math.min(r.cost, triangleLowerBound(sub.net, costs));
  return { sub, cost: r.cost, lowerBound: lb, exact: lb === r.cost, side: r.side, method: 'heuristic' };
}

/**
 * A lower bound on the frustration index: a greedy packing of edge-disjoint
 * unbalanced triangles, each of which needs at least one frustrated edge, so
 * the bound is Σ over packed triangles of their cheapest edge.
 */
export function triangleLowerBound(net: SignedNetwork, costs: ArrayLike<number>): number {
  const used = new Uint8Array(net.edges.length);
  let bound = 0;
  for (const t of triangles(net)) {
    const [e1, e2, e3] = t.edges;
    if (used[e1] || used[e2] || used[e3]) continue;
    const product = net.edges[e1]!.weight * net.edges[e2]!.weight * net.edges[e3]!.weight;
    if (product > 0) continue;
    used[e1] = used[e2] = used[e3] = 1;
    bound += Math.min(costs[e1]!, costs[e2]!, costs[e3]!);
  }
  return bound;
}

function assemble(
  net: SignedNetwork,
  outcomes: readonly BlockOutcome[],
  weighted: boolean,
): FrustrationResult {
  const frustrated = new Set<number>();
  let lowerBoundScaled = 0;
  let exact = true;
  const methods = { enumeration: 0, mip: 0, heuristic: 0 };
  for (const o of outcomes) {
    methods[o.method]++;
    lowerBoundScaled += o.lowerBound;
    exact &&= o.exact;
    for (const k of frustratedEdgeIds(o.sub.net, o.side)) frustrated.add(o.sub.edgeMap[k]!);
  }
  const side = partitionFromFrustrated(net, frustrated);
  const ids = frustratedEdgeIds(net, side);
  const index = weighted ? ids.reduce((s, k) => s + Math.abs(net.edges[k]!.weight), 0) : ids.length;
  const total = weighted ? net.edges.reduce((s, e) => s + Math.abs(e.weight), 0) : net.edges.length;
  const lowerBound = exact
    ? index
    : Math.min(index, weighted ? lowerBoundScaled / WEIGHT_SCALE : lowerBoundScaled);
  const groups: [string[], string[]] = [[], []];
  net.nodes.forEach((id, v) => {
    groups[side[v] === 0 ? 0 : 1].push(id);
  });
  return {
    index,
    normalized: total === 0 ? 1 : 1 - (2 * index) / total,
    exact,
    lowerBound,
    gap: exact || index === 0 ? 0 : (index - lowerBound) / index,
    partition: groups,
    frustratedEdges: ids.map((k) => {
      const e = net.edges[k]!;
      return [net.nodes[e.a]!, net.nodes[e.b]!] as const;
    }),
    methods,
    unbalancedBlocks: outcomes.length,
  };
}

function solveWith(net: SignedNetwork, options: FrustrationOptions, solver: Solver): FrustrationResult {
  const weighted = options.weighted ?? false;
  const outcomes = hardBlocks(net).map((sub) => solver(sub, edgeCosts(sub.net, weighted)));
  return assemble(net, outcomes, weighted);
}

/**
 * The frustration index without HiGHS, synchronously: exact by enumeration
 * when every unbalanced block has at most `enumerationMaxNodes` nodes
 * (default 20: great-power systems of up to 20 actors; microseconds for 8
 * actors, up to a few hundred ms for a dense 20-node block),
 * local search for larger blocks (then `exact` may be false and `gap` > 0).
 * With `method: 'heuristic'` every block uses local search.
 */
export function frustrationIndexSync(
  net: SignedNetwork,
  options: FrustrationOptions = {},
): FrustrationResult {
  const rng = Rng.fromSeed(options.seed ?? DEFAULT_SEED);
  const limit = options.enumerationMaxNodes ?? SYNC_ENUMERATION_NODES;
  const heuristicOnly = options.method === 'heuristic';
  return solveWith(net, options, (sub, costs) =>
    !heuristicOnly && sub.net.nodes.length <= limit
      ? enumerationOutcome(sub, costs)
      : heuristicOutcome(sub, costs, rng),
  );
}

/**
 * The frustration index (line index of balance), exact by default: small
 * blocks by enumeration, larger ones by the XOR binary program on HiGHS
 * (warm-started from local search) under a shared time limit. When the limit
 * is hit the best partition is returned with `exact: false`, HiGHS's proven
 * lower bound (`mip_dual_bound`) in `lowerBound`, and the relative `gap`.
 */
export async function frustrationIndex(
  net: SignedNetwork,
  options: FrustrationOptions = {},
): Promise<FrustrationResult> {
  if (options.method === 'heuristic') return frustrationIndexSync(net, options);
  const weighted = options.weighted ?? false;
  const limit = options.enumerationMaxNodes ?? DEFAULT_ENUMERATION_NODES;
  const rng = Rng.fromSeed(options.seed ?? DEFAULT_SEED);
  const blocks = hardBlocks(net);
  const needsMip = blocks.some((b) => b.net.nodes.length > limit);
  const highs = needsMip ? await getHighs() : undefined;
  const deadline = performance.now() + 1000 * (options.timeLimitS ?? 60);
  const outcomes = blocks.map((sub): BlockOutcome => {
    const costs = edgeCosts(sub.net, weighted);
    if (highs === undefined || sub.net.nodes.length <= limit) return enumerationOutcome(sub, costs);
    const start = heuristicOutcome(sub, costs, rng);
    if (start.exact) return start;
    const remainingS = Math.max(0.05, (deadline - performance.now()) / 1000);
    const r = solveFrustrationMip(highs, sub.net, costs, { timeLimitS: remainingS, start: start.side });
    const better = r.cost <= start.cost;
    const lowerBound = Math.max(r.lowerBound, start.lowerBound);
    const cost = better ? r.cost : start.cost;
    return {
      sub,
      cost,
      lowerBound: Math.min(cost, Math.ceil(lowerBound - 1e-6)),
      exact: r.optimal || Math.ceil(lowerBound - 1e-6) >= cost,
      side: better ? r.side : start.side,
      method: 'mip',
    };
  });
  return assemble(net, outcomes, weighted);
}

/** The least line index with two actors forced into the same group or into opposite groups. */
export interface PairPlacement {
  readonly a: string;
  readonly b: string;
  /** Line index (count) of the best bipartition with `a` and `b` in one group. */
  readonly together: number;
  /** Line index of the best bipartition with `a` and `b` in different groups. */
  readonly apart: number;
  /** Whether both values are proven minima. */
  readonly exact: boolean;
  /** `together` / `apart` when every optimal bipartition places them so; `either` when both placements are optimal. */
  readonly verdict: 'together' | 'apart' | 'either';
}

/**
 * How the optimal bipartitions place actors `a` and `b`: the line index
 * with the pair forced together and forced apart. Each is solved as a
 * weighted frustration index in which every other edge weighs ε = 1/(2(m+1))
 * (signs kept) and the pair's edge is replaced by a forcing edge of weight
 * ±1, which is never frustrated at the optimum because it outweighs all
 * other edges together; the original (a, b) tie is then counted back if the
 * placement frustrates it. If forcing them together costs more than the
 * unconstrained index, they are apart in every optimum, and conversely.
 *
 * @throws {ConcertError} bad input when `a` or `b` is not a node of `net`
 *   (path `['a']` or `['b']`) or both are the same actor.
 * @example
 * (await pairPlacement(net, 'USA', 'RUS')).verdict; // 'together', 'apart' or 'either'
 */
export async function pairPlacement(
  net: SignedNetwork,
  a: string,
  b: string,
  options: FrustrationOptions = {},
): Promise<PairPlacement> {
  const problems = pairProblems(net, a, b, { a: ['a'], b: ['b'] });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const i = net.nodes.indexOf(a);
  const j = net.nodes.indexOf(b);
  const epsilon = 1 / (2 * (net.edges.length + 1));
  const original = net.edges.find((e) => (e.a === i && e.b === j) || (e.a === j && e.b === i));
  const solve = async (sign: 1 | -1) => {
    const edges = net.edges
      .filter((e) => e !== original)
      .map((e) => ({ a: e.a, b: e.b, weight: epsilon * Math.sign(e.weight) }));
    edges.push({ a: Math.min(i, j), b: Math.max(i, j), weight: sign });
    const r = await frustrationIndex({ nodes: net.nodes, edges }, { ...options, weighted: true });
    const extra = original !== undefined && Math.sign(original.weight) !== sign ? 1 : 0;
    return { index: r.frustratedEdges.length + extra, exact: r.exact };
  };
  const together = await solve(1);
  const apart = await solve(-1);
  return {
    a,
    b,
    together: together.index,
    apart: apart.index,
    exact: together.exact && apart.exact,
    verdict: together.index < apart.index ? 'together' : apart.index < together.index ? 'apart' : 'either',
  };
}
