/**
 * The triangle listing against the definition: every triple of mutually
 * tied nodes, once, with the signs of its ties (property-tested on random
 * signed graphs against a brute-force scan of all triples).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signedNetwork } from './network.js';
import { signedTriangles, triadCensus } from './triads.js';

/** Random signed graphs on up to 9 nodes, weights in [−1, 1] \ {0}. */
const arbNetwork = fc
  .integer({ min: 3, max: 9 })
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

describe('signedTriangles', () => {
  it('lists exactly the triples with all three ties, in node order, with their signs (brute force)', () => {
    fc.assert(
      fc.property(arbNetwork, (net) => {
        const sign = new Map<string, number>();
        for (const e of net.edges) sign.set(`${e.a},${e.b}`, e.weight < 0 ? -1 : 1);
        const expected: [number[], number[]][] = [];
        const n = net.nodes.length;
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++)
            for (let k = j + 1; k < n; k++) {
              const s = [sign.get(`${i},${j}`), sign.get(`${i},${k}`), sign.get(`${j},${k}`)];
              if (s.every((x) => x !== undefined)) expected.push([[i, j, k], s as number[]]);
            }
        const listed = signedTriangles(net).triangles;
        expect(listed.map((t) => [[...t.nodes], [...t.signs]])).toEqual(expected);
        for (const t of listed) {
          expect(t.positives).toBe(t.signs.filter((x) => x > 0).length);
          expect(t.balanced).toBe(t.signs[0] * t.signs[1] * t.signs[2] > 0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('balanced and unbalanced split all; the census counts the same; a limit keeps the first', () => {
    fc.assert(
      fc.property(arbNetwork, fc.integer({ min: 0, max: 5 }), (net, limit) => {
        const all = signedTriangles(net);
        const balanced = signedTriangles(net, { filter: 'balanced' });
        const unbalanced = signedTriangles(net, { filter: 'unbalanced' });
        const census = triadCensus(net);
        expect(balanced.matching + unbalanced.matching).toBe(all.matching);
        expect(balanced.matching).toBe(census['+++'] + census['+--']);
        expect(balanced.triangles.every((t) => t.balanced)).toBe(true);
        expect(unbalanced.triangles.every((t) => !t.balanced)).toBe(true);
        const cut = signedTriangles(net, { limit });
        expect(cut.matching).toBe(all.matching);
        expect(cut.triangles).toEqual(all.triangles.slice(0, limit));
      }),
      { numRuns: 200 },
    );
  });

  it('through nodes keeps the triangles that contain all of them', () => {
    fc.assert(
      fc.property(arbNetwork, fc.integer({ min: 0, max: 8 }), (net, v) => {
        const node = v % net.nodes.length;
        const through = signedTriangles(net, { through: [node] }).triangles;
        expect(through).toEqual(signedTriangles(net).triangles.filter((t) => t.nodes.includes(node)));
      }),
      { numRuns: 100 },
    );
  });
});
