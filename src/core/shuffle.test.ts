import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';
import { shuffle } from './shuffle.js';

describe('shuffle (Fisher–Yates)', () => {
  it('draws j from 0..i for i = n−1 down to 1, as the hand-written loops did', () => {
    const order = [0, 1, 2, 3, 4, 5];
    shuffle(order, Rng.fromSeed(9));
    const rng = Rng.fromSeed(9);
    const expected = [0, 1, 2, 3, 4, 5];
    for (let i = expected.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [expected[i], expected[j]] = [expected[j]!, expected[i]!];
    }
    expect(order).toEqual(expected);
    const after = Rng.fromSeed(9);
    shuffle([0, 1, 2, 3, 4, 5], after);
    expect(after.next()).toBe(rng.next());
  });

  it('property: a permutation of the input, the same for the same seed, for arrays and typed arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 40 }), fc.integer(), (xs, seed) => {
        const a = [...xs];
        shuffle(a, Rng.fromSeed(seed));
        expect([...a].sort((x, y) => x - y)).toEqual([...xs].sort((x, y) => x - y));
        const t = Int32Array.from(xs);
        shuffle(t, Rng.fromSeed(seed));
        expect(Array.from(t)).toEqual(a);
      }),
    );
  });

  it('every order of three items comes up about equally often', () => {
    const rng = Rng.fromSeed(1);
    const counts = new Map<string, number>();
    for (let k = 0; k < 6000; k++) {
      const a = ['a', 'b', 'c'];
      shuffle(a, rng);
      counts.set(a.join(''), (counts.get(a.join('')) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });
});
