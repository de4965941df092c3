/**
 * Signed weighted networks: the core object of the relations models
 * (Heider 1946; Cartwright & Harary 1956).
 *
 * Nodes are actor ids; each undirected edge carries a weight in [−1, 1]
 * (−1 open hostility, +1 formal alliance) whose sign is the edge's sign. A
 * relation scored exactly 0 (neutral) has no sign and is not an edge. Models
 * take a {@link SignedNetwork} that is already valid: ids unique, endpoints in
 * range, no self-loops, at most one edge per pair, weights in [−1, 1] \ {0}.
 * Validation happens at the boundary (src/world/edges.ts, the World schema).
 */
import { ConcertError, type FieldPath, type Problem, previewIds } from '../../core/errors.js';
import type { RelationKind, World } from '../../world/schema.js';

/** One undirected signed edge between node indices `a < b`. */
export interface SignedEdge {
  readonly a: number;
  readonly b: number;
  /** In [−1, 1], never 0; its sign is the edge's sign. */
  readonly weight: number;
  /** The relation's kind when the edge comes from a World. */
  readonly kind?: RelationKind;
}

/** A signed weighted undirected network over named nodes. */
export interface SignedNetwork {
  readonly nodes: readonly string[];
  readonly edges: readonly SignedEdge[];
}

/** An edge given by node ids, as users and worlds write it. */
export interface NamedSignedEdge {
  readonly from: string;
  readonly to: string;
  readonly weight: number;
  readonly kind?: RelationKind;
}

/**
 * Builds a network from node ids and edges given by ids. Endpoints are stored
 * as `a < b`; edges with weight 0 are dropped (a neutral relation has no sign).
 * Nodes named only in edges are appended in order of first appearance.
 */
export function signedNetwork(nodes: readonly string[], edges: readonly NamedSignedEdge[]): SignedNetwork {
  const ids = [...nodes];
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    index.set(id, i);
  });
  const indexOf = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      ids.push(id);
      index.set(id, i);
    }
    return i;
  };
  const out: SignedEdge[] = [];
  for (const e of edges) {
    if (e.weight === 0) continue;
    const i = indexOf(e.from);
    const j = indexOf(e.to);
    const edge: SignedEdge = { a: Math.min(i, j), b: Math.max(i, j), weight: e.weight };
    out.push(e.kind === undefined ? edge : { ...edge, kind: e.kind });
  }
  return { nodes: ids, edges: out };
}

/**
 * The signed network of a World's relations: one node per actor (in the
 * world's actor order), one edge per relation that has a sign — a non-zero
 * score whose kind is not `neutral` (a neutral relation is neither friend nor
 * foe, whatever small score it carries); the edge weight is the score and the
 * kind is kept.
 */
export function networkFromWorld(world: World): SignedNetwork {
  return signedNetwork(
    Object.keys(world.actors),
    world.relations
      .filter((r) => r.kind !== 'neutral')
      .map((r) => ({ from: r.a, to: r.b, weight: r.score, kind: r.kind })),
  );
}

/** The sign (+1 or −1) of an edge. */
export function edgeSign(e: SignedEdge): 1 | -1 {
  return e.weight > 0 ? 1 : -1;
}

/**
 * Compressed adjacency lists (CSR) of a network: the neighbours of node `v`
 * are `neighbors[offsets[v] .. offsets[v+1])`, with the matching edge index in
 * `edgeIds`. Built once per algorithm run.
 */
export interface Adjacency {
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  readonly edgeIds: Int32Array;
}

/** Builds the {@link Adjacency} of a network in O(n + m). */
export function adjacency(net: SignedNetwork): Adjacency {
  const n = net.nodes.length;
  const degree = new Int32Array(n + 1);
  for (const e of net.edges) {
    degree[e.a + 1]!++;
    degree[e.b + 1]!++;
  }
  const offsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) offsets[v + 1] = offsets[v]! + degree[v + 1]!;
  const fill = offsets.slice(0, n);
  const neighbors = new Int32Array(2 * net.edges.length);
  const edgeIds = new Int32Array(2 * net.edges.length);
  net.edges.forEach((e, k) => {
    const pa = fill[e.a]!++;
    neighbors[pa] = e.b;
    edgeIds[pa] = k;
    const pb = fill[e.b]!++;
    neighbors[pb] = e.a;
    edgeIds[pb] = k;
  });
  return { offsets, neighbors, edgeIds };
}

/** The key of an unordered pair of node indices, for lookups. */
export function pairKey(i: number, j: number): number {
  return i < j ? i * 0x100000 + j : j * 0x100000 + i;
}

/** Map from {@link pairKey} to edge index. */
export function edgeIndex(net: SignedNetwork): Map<number, number> {
  const m = new Map<number, number>();
  net.edges.forEach((e, k) => {
    m.set(pairKey(e.a, e.b), k);
  });
  return m;
}

/** `unknown actor "X": expected one of A, B, …` for an id that is not a node of `net`. */
function unknownNode(net: SignedNetwork, id: string, path: FieldPath): Problem {
  return { path, message: `unknown actor "${id}": expected one of ${previewIds(net.nodes)}` };
}

/**
 * The problems with a pair of actors of `net`: both ids must be nodes, and
 * distinct. Each problem's path is the matching entry of `paths`.
 */
export function pairProblems(
  net: SignedNetwork,
  a: string,
  b: string,
  paths: { readonly a: FieldPath; readonly b: FieldPath },
): Problem[] {
  const problems: Problem[] = [];
  if (!net.nodes.includes(a)) problems.push(unknownNode(net, a, paths.a));
  if (!net.nodes.includes(b)) problems.push(unknownNode(net, b, paths.b));
  if (problems.length === 0 && a === b)
    problems.push({ path: paths.b, message: `expected an actor other than "${a}": a pair needs two actors` });
  return problems;
}

/**
 * The problems with a relation (`a`, `b`, `weight`) to be set in `net`: those
 * of {@link pairProblems}, and the weight must be a number in [−1, 1].
 */
export function relationProblems(
  net: SignedNetwork,
  a: string,
  b: string,
  weight: number,
  paths: { readonly a: FieldPath; readonly b: FieldPath; readonly weight: FieldPath },
): Problem[] {
  const problems = pairProblems(net, a, b, paths);
  if (!(Number.isFinite(weight) && weight >= -1 && weight <= 1))
    problems.push({ path: paths.weight, message: `expected a relation score in [-1, 1]; got ${weight}` });
  return problems;
}

/**
 * The same network with the weight of the pair (`from`, `to`) set to
 * `weight` (adding the edge if absent; removing it when `weight` is 0).
 *
 * @throws {ConcertError} bad input when `from` or `to` is not a node (path
 *   `['from']` or `['to']`), when they are the same actor, or when `weight` is
 *   not in [−1, 1] (path `['weight']`).
 * @example
 * withRelation(net, 'USA', 'RUS', 0.6); // the USA–RUS edge now weighs +0.6
 */
export function withRelation(net: SignedNetwork, from: string, to: string, weight: number): SignedNetwork {
  const problems = relationProblems(net, from, to, weight, { a: ['from'], b: ['to'], weight: ['weight'] });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const i = net.nodes.indexOf(from);
  const j = net.nodes.indexOf(to);
  const lo = Math.min(i, j);
  const hi = Math.max(i, j);
  const edges: SignedEdge[] = [];
  let found = false;
  for (const e of net.edges) {
    if (e.a === lo && e.b === hi) {
      found = true;
      if (weight !== 0) edges.push({ a: lo, b: hi, weight });
    } else edges.push(e);
  }
  if (!found && weight !== 0) edges.push({ a: lo, b: hi, weight });
  return { nodes: net.nodes, edges };
}

/**
 * The sub-network induced by `ids`: those nodes, in the order of `ids`, and
 * every edge of `net` between two of them, with its weight and kind. Edges
 * are kept in their order in `net`.
 *
 * @throws {ConcertError} bad input with one problem per id that is not a node
 *   of `net` (path `[i]`, the index into `ids`: `unknown actor "X": expected
 *   one of A, B, …`) and per id listed a second time (`actor "X" is listed
 *   twice`).
 * @example
 * inducedSubnetwork(net, ['USA', 'CHN', 'RUS']).nodes; // => ['USA', 'CHN', 'RUS']
 */
export function inducedSubnetwork(net: SignedNetwork, ids: readonly string[]): SignedNetwork {
  const nodes = new Set(net.nodes);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (!nodes.has(id)) problems.push(unknownNode(net, id, [i]));
    else if (seen.has(id)) problems.push({ path: [i], message: `actor "${id}" is listed twice` });
    seen.add(id);
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const keep = new Set(ids);
  return signedNetwork(
    ids,
    net.edges
      .filter((e) => keep.has(net.nodes[e.a]!) && keep.has(net.nodes[e.b]!))
      .map((e) => ({
        from: net.nodes[e.a]!,
        to: net.nodes[e.b]!,
        weight: e.weight,
        ...(e.kind ? { kind: e.kind } : {}),
      })),
  );
}
