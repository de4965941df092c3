/**
 * Separation of odd closed-walk inequalities for the frustration program.
 *
 * With f_e ∈ {0, 1} the frustration indicator of edge e and σ_e its sign,
 * along any closed walk the number of frustrated edges has the parity of
 * its negative edges (the partition is crossed an even number of times).
 * So for a closed walk W and any choice F of traversals with
 * |F| + #negative(W) odd, Σ_{t∈F} (1 − f_e(t)) + Σ_{t∉F} f_e(t) ≥ 1 — the
 * odd-cycle inequalities of the cut polytope (Barahona & Mahjoub 1986) in
 * frustration variables. The unbalanced-triangle cuts are the case of a
 * triangle and F = ∅. A violated one is found, for each start node, as a
 * shortest path from (s, even) to (s, odd) in the doubled graph whose arcs
 * cost f_e (traversal not in F, parity flips by [σ_e < 0]) or 1 − f_e (in F,
 * parity flips by [σ_e > 0]).
 */
import { adjacency, type SignedNetwork } from './network.js';

/** One cut Σ coefficient·f_e ≥ lower over edge indices. */
export interface CycleCut {
  readonly edges: readonly number[];
  readonly coefficients: readonly number[];
  readonly lower: number;
}

/**
 * Violated odd closed-walk inequalities for the fractional point `f`
 * (one per start node at most, duplicates removed), violation > `tolerance`.
 */
export function separateCycleCuts(net: SignedNetwork, f: ArrayLike<number>, tolerance = 1e-6): CycleCut[] {
  const n = net.nodes.length;
  const adj = adjacency(net);
  const negative = new Uint8Array(net.edges.length);
  net.edges.forEach((e, k) => {
    negative[k] = e.weight < 0 ? 1 : 0;
  });
  const dist = new Float64Array(2 * n);
  const prevNode = new Int32Array(2 * n);
  const prevEdge = new Int32Array(2 * n);
  const prevInF = new Uint8Array(2 * n);
  const done = new Uint8Array(2 * n);
  const heap = new MinHeap(2 * n);
  const seen = new Set<string>();
  const cuts: CycleCut[] = [];
  for (let s = 0; s < n; s++) {
    dist.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    const source = 2 * s;
    const target = 2 * s + 1;
    dist[source] = 0;
    prevNode[source] = -1;
    heap.push(source, 0);
    while (heap.size > 0) {
      const x = heap.pop();
      if (done[x]) continue;
      done[x] = 1;
      if (x === target || dist[x]! >= 1 - tolerance) break;
      const v = x >> 1;
      const parity = x & 1;
      for (let p = adj.offsets[v]!; p < adj.offsets[v + 1]!; p++) {
        const k = adj.edgeIds[p]!;
        const u = adj.neighbors[p]!;
        const fk = Math.min(1, Math.max(0, f[k]!));
        for (const inF of [0, 1]) {
          const y = 2 * u + (parity ^ negative[k]! ^ inF);
          const d = dist[x]! + (inF ? 1 - fk : fk);
          if (d < dist[y]! - 1e-12) {
            dist[y] = d;
            prevNode[y] = x;
            prevEdge[y] = k;
            prevInF[y] = inF;
            heap.push(y, d);
          }
        }
      }
    }
    heap.clear();
    if (!(dist[target]! < 1 - tolerance)) continue;
    const coefficient = new Map<number, number>();
    let inFCount = 0;
    for (let y = target; y !== source; y = prevNode[y]!) {
      const k = prevEdge[y]!;
      const sign = prevInF[y] ? -1 : 1;
      if (prevInF[y]) inFCount++;
      coefficient.set(k, (coefficient.get(k) ?? 0) + sign);
    }
    const entries = [...coefficient].filter(([, c]) => c !== 0).sort((a, b) => a[0] - b[0]);
    const key = `${inFCount}:${entries.map(([k, c]) => `${k}*${c}`).join(',')}`;
    if (entries.length === 0 || seen.has(key)) continue;
    seen.add(key);
    cuts.push({
      edges: entries.map(([k]) => k),
      coefficients: entries.map(([, c]) => c),
      lower: 1 - inFCount,
    });
  }
  return cuts;
}

/** A binary min-heap of (item, key) with lazy deletion (stale entries are skipped by the caller). */
class MinHeap {
  private items: Int32Array;
  private keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(Math.max(4, capacity));
    this.keys = new Float64Array(Math.max(4, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  push(item: number, key: number): void {
    if (this.size === this.items.length) {
      const items = new Int32Array(2 * this.size);
      const keys = new Float64Array(2 * this.size);
      items.set(this.items);
      keys.set(this.keys);
      this.items = items;
      this.keys = keys;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.items[i] = this.items[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.items[i] = item;
    this.keys[i] = key;
  }

  pop(): number {
    const top = this.items[0]!;
    const lastItem = this.items[--this.size]!;
    const lastKey = this.keys[this.size]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && this.keys[r]! < this.keys[l]! ? r : l;
      if (this.keys[c]! >= lastKey) break;
      this.items[i] = this.items[c]!;
      this.keys[i] = this.keys[c]!;
      i = c;
    }
    this.items[i] = lastItem;
    this.keys[i] = lastKey;
    return top;
  }
}
