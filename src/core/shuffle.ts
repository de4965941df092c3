/**
 * Uniform random permutations with an injected generator (models never call
 * `Math.random`).
 */
import type { Rng } from './rng.js';

/**
 * Shuffles `items` in place into a uniformly random order by Fisher–Yates
 * (Durstenfeld 1964, Algorithm 235; Knuth, TAOCP vol. 2, Algorithm 3.4.2P):
 * for i = n−1 down to 1, swap item i with item j drawn uniformly from 0..i.
 * Draws exactly n − 1 integers from `rng`, in that order, so a seed gives the
 * same permutation everywhere. O(n).
 *
 * @example
 * const order = [0, 1, 2, 3];
 * shuffle(order, Rng.fromSeed(1)); // order is now a permutation of 0..3
 */
export function shuffle<T>(items: { [i: number]: T; readonly length: number }, rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
}
