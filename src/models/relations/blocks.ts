/**
 * Biconnected components (blocks). Every cycle of a graph lies inside one
 * block, so a signed graph is balanced iff each block is, and the frustration
 * index is the sum of the blocks' indices (Harary 1959's line index is a
 * minimum over edge sets whose removal leaves every cycle positive). Bridges
 * are never frustrated. Splitting into blocks shrinks the exact problem.
 */
import { adjacency, type SignedNetwork } from './network.js';

/**
 * The blocks of a network as lists of edge indices (bridges are blocks of
 * one edge), by Hopcroft & Tarjan's (1973) depth-first search with an edge
 * stack, written iteratively so deep graphs cannot overflow the call stack.
 */
export function biconnectedBlocks(net: SignedNetwork): number[][] {
  const n = net.nodes.length;
  const adj = adjacency(net);
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parentEdge = new Int32Array(n).fill(-1);
  const cursor = new Int32Array(n);
  const edgeStack: number[] = [];
  const blocks: number[][] = [];
  const stack: number[] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    disc[root] = low[root] = time++;
    cursor[root] = adj.offsets[root]!;
    stack.push(root);
    while (stack.length > 0) {
      const v = stack[stack.length - 1]!;
      const p = cursor[v]!;
      if (p < adj.offsets[v + 1]!) {
        cursor[v] = p + 1;
        const u = adj.neighbors[p]!;
        const e = adj.edgeIds[p]!;
        if (e === parentEdge[v]) continue;
        if (disc[u] === -1) {
          edgeStack.push(e);
          parentEdge[u] = e;
          disc[u] = low[u] = time++;
          cursor[u] = adj.offsets[u]!;
          stack.push(u);
        } else if (disc[u]! < disc[v]!) {
          edgeStack.push(e);
          if (disc[u]! < low[v]!) low[v] = disc[u]!;
        }
      } else {
        stack.pop();
        const pe = parentEdge[v]!;
        if (pe < 0) continue;
        const edge = net.edges[pe]!;
        const w = edge.a === v ? edge.b : edge.a;
        if (low[v]! < low[w]!) low[w] = low[v]!;
        if (low[v]! >= disc[w]!) {
          const block: number[] = [];
          for (;;) {
            const top = edgeStack.pop()!;
            block.push(top);
            if (top === pe) break;
          }
          blocks.push(block);
        }
      }
    }
  }
  return blocks;
}

/** The sub-network spanned by some edges, with the map back to the parent's node and edge indices. */
export interface SubNetwork {
  readonly net: SignedNetwork;
  readonly nodeMap: readonly number[];
  readonly edgeMap: readonly number[];
}

/** The sub-network formed by `edgeIds` of `net` (nodes renumbered in order of first appearance). */
export function subNetwork(net: SignedNetwork, edgeIds: readonly number[]): SubNetwork {
  const local = new Map<number, number>();
  const nodeMap: number[] = [];
  const id = (v: number): number => {
    let i = local.get(v);
    if (i === undefined) {
      i = nodeMap.length;
      nodeMap.push(v);
      local.set(v, i);
    }
    return i;
  };
  const edges = edgeIds.map((k) => {
    const e = net.edges[k]!;
    const i = id(e.a);
    const j = id(e.b);
    return { a: Math.min(i, j), b: Math.max(i, j), weight: e.weight };
  });
  return { net: { nodes: nodeMap.map((v) => net.nodes[v]!), edges }, nodeMap, edgeMap: [...edgeIds] };
}
