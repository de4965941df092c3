import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { biconnectedBlocks } from './blocks.js';
import { clusterPartition } from './clustering.js';
import { separateCycleCuts } from './cycle-cuts.js';
import { frustrationIndex, frustrationIndexSync } from './frustration.js';
import { localSearchPartition } from './heuristic.js';
import { type SignedNetwork, signedNetwork } from './network.js';
import { edgeCosts, enumerateBestPartition, partitionCost, WEIGHT_SCALE } from './partition.js';
import { triangleBalanceRatio, weightedTriangleBalanceRatio } from './triads.js';
import { walkBalance } from './walk.js';

/** Random signed graphs on up to `maxNodes` nodes with weights in [−1, 1] \ {0}. */
const arbNetwork = (maxNodes: number) =>
  fc
    .integer({ min: 2, max: maxNodes })
    .chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.uniqueArray(
          fc.tuple(
            fc.integer({ min: 0, max: n - 1 }),
            fc.integer({ min: 0, max: n - 1 }),
            fc.oneof(fc.constant(1), fc.constant(-1), fc.double({ min: -1, max: 1, noNaN: true })),
          ),
          { selector: ([a, b]) => (a < b ? `${a},${b}` : `${b},${a}`), maxLength: (n * (n - 1)) / 2 },
        ),
      ),
    )
    .map(([n, raw]) =>
      signedNetwork(
        Array.from({ length: n }, (_, i) => `N${i}`),
        raw
          .filter(([a, b, w]) => a !== b && w !== 0)
          .map(([a, b, w]) => ({ from: `N${a}`, to: `N${b}`, weight: w })),
      ),
    );

/** The network with the signs of every edge across the cut (S, V∖S) reversed (a switching). */
function switchAcross(net: SignedNetwork, inS: readonly boolean[]): SignedNetwork {
  return {
    nodes: net.nodes,
    edges: net.edges.map((e) => (inS[e.a] !== inS[e.b] ? { ...e, weight: -e.weight } : e)),
  };
}

describe('balance measures (properties)', () => {
  it('triangle ratios lie in [0, 1] and walk balance in (0, 1]', () => {
    fc.assert(
      fc.property(arbNetwork(9), (net) => {
        for (const r of [triangleBalanceRatio(net), weightedTriangleBalanceRatio(net)]) {
          if (r !== null) expect(r >= 0 && r <= 1).toBe(true);
        }
        const k = walkBalance(net);
        expect(k !== null && k > 0 && k <= 1).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a balanced network (signs from a random bipartition) has frustration 0 and ratios 1', () => {
    fc.assert(
      fc.property(arbNetwork(10), fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), (net, groups) => {
        const balanced: SignedNetwork = {
          nodes: net.nodes,
          edges: net.edges.map((e) => ({
            ...e,
            weight: Math.abs(e.weight) * (groups[e.a] === groups[e.b] ? 1 : -1),
          })),
        };
        const r = frustrationIndexSync(balanced);
        expect(r.index).toBe(0);
        expect(r.normalized).toBe(1);
        expect(r.frustratedEdges).toEqual([]);
        const t = triangleBalanceRatio(balanced);
        if (t !== null) expect(t).toBe(1);
        expect(walkBalance(balanced)).toBeCloseTo(1, 9);
      }),
      { numRuns: 150 },
    );
  });

  it('heuristic ≥ exact, and the block decomposition gives the enumeration optimum', () => {
    fc.assert(
      fc.property(arbNetwork(11), fc.integer(), (net, seed) => {
        const costs = edgeCosts(net, false);
        const whole = enumerateBestPartition(net, costs).cost;
        const exact = frustrationIndexSync(net);
        expect(exact.exact).toBe(true);
        expect(exact.index).toBe(whole);
        const heuristic = localSearchPartition(net, costs, Rng.fromSeed(seed), { restarts: 2, kicks: 3 });
        expect(heuristic.cost).toBeGreaterThanOrEqual(whole);
        expect(partitionCost(net, heuristic.side, costs)).toBe(heuristic.cost);
        const h = frustrationIndexSync(net, { method: 'heuristic', seed });
        expect(h.index).toBeGreaterThanOrEqual(exact.index);
        expect(h.lowerBound).toBeLessThanOrEqual(exact.index);
      }),
      { numRuns: 200 },
    );
  });

  it('switching (reversing all signs across a cut) leaves the frustration index unchanged', () => {
    fc.assert(
      fc.property(arbNetwork(11), fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }), (net, cut) => {
        const a = frustrationIndexSync(net);
        const b = frustrationIndexSync(switchAcross(net, cut));
        expect(b.index).toBe(a.index);
        // The weighted search optimises |w| rounded to units of 1/WEIGHT_SCALE (at least one unit per
        // edge), so two optimal partitions may differ by up to one unit per edge in their exact |w| sums.
        const wa = frustrationIndexSync(net, { weighted: true }).index;
        const wb = frustrationIndexSync(switchAcross(net, cut), { weighted: true }).index;
        expect(Math.abs(wa - wb)).toBeLessThanOrEqual((net.edges.length + 1e-6) / WEIGHT_SCALE);
      }),
      { numRuns: 150 },
    );
  });

  it('the reported partition frustrates exactly the reported edges, and their count is the index', () => {
    fc.assert(
      fc.property(arbNetwork(10), (net) => {
        const r = frustrationIndexSync(net);
        const group = new Map<string, number>();
        for (const id of r.partition[0]) group.set(id, 0);
        for (const id of r.partition[1]) group.set(id, 1);
        expect(group.size).toBe(net.nodes.length);
        const frustrated = net.edges
          .filter((e) => {
            const same = group.get(net.nodes[e.a]!) === group.get(net.nodes[e.b]!);
            return e.weight > 0 ? !same : same;
          })
          .map((e) => [net.nodes[e.a], net.nodes[e.b]]);
        expect(r.frustratedEdges).toEqual(frustrated);
        expect(r.index).toBe(frustrated.length);
      }),
      { numRuns: 150 },
    );
  });

  it('every edge lies in exactly one biconnected block', () => {
    fc.assert(
      fc.property(arbNetwork(12), (net) => {
        const all = biconnectedBlocks(net)
          .flat()
          .sort((x, y) => x - y);
        expect(all).toEqual(net.edges.map((_, k) => k));
      }),
      { numRuns: 150 },
    );
  });

  it('k = 2 clustering with α = 1/2 finds the frustration index', () => {
    fc.assert(
      fc.property(arbNetwork(9), (net) => {
        expect(clusterPartition(net, 2).violations).toBe(frustrationIndexSync(net).index);
      }),
      { numRuns: 100 },
    );
  });

  it('odd closed-walk cuts separated at any fractional point never cut off a partition', () => {
    fc.assert(
      fc.property(
        arbNetwork(10),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 45, maxLength: 45 }),
        fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        (net, fractional, groups) => {
          const frustrated = net.edges.map((e) => {
            const same = groups[e.a] === groups[e.b];
            return (e.weight > 0 ? !same : same) ? 1 : 0;
          });
          for (const cut of separateCycleCuts(net, fractional)) {
            const lhs = cut.edges.reduce((s, k, j) => s + cut.coefficients[j]! * frustrated[k]!, 0);
            expect(lhs).toBeGreaterThanOrEqual(cut.lower);
            const atPoint = cut.edges.reduce((s, k, j) => s + cut.coefficients[j]! * fractional[k]!, 0);
            expect(atPoint).toBeLessThan(cut.lower);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('HiGHS agrees with enumeration on random networks of 12–16 nodes', async () => {
    const rng = Rng.fromSeed(7);
    for (let trial = 0; trial < 6; trial++) {
      const n = rng.int(12, 16);
      const edges = [];
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if (rng.bernoulli(0.5))
            edges.push({ from: `N${i}`, to: `N${j}`, weight: rng.bernoulli(0.6) ? 1 : -1 });
        }
      }
      const net = signedNetwork([], edges);
      const viaMip = await frustrationIndex(net, { enumerationMaxNodes: 2 });
      expect(viaMip.exact).toBe(true);
      expect(viaMip.index).toBe(frustrationIndexSync(net, { enumerationMaxNodes: 20 }).index);
    }
  });
});
