/**
 * Random streams of one run, organised for common random numbers.
 *
 * Run k of an ensemble with seed s draws from stream k of `Rng.streams(s, …)`
 * (xoroshiro128+ jumped k times: independent, non-overlapping streams). From
 * that stream the run takes a 128-bit key; every random purpose then gets its
 * own generator whose 128-bit state is the key hashed with the purpose, the
 * year and the actors' ids (murmur3's 32-bit finaliser, Appleby 2008, per
 * word). So the draws of dyad (USA, CHN) in 2025 are the same in two
 * scenarios that share a seed, whatever else differs between them (other
 * events, other actors' consumption of random numbers): the common random
 * numbers that make `compare` precise (Law 2015, §11.2).
 */
import { Rng } from '../core/rng.js';

/** Purposes of random draws, one generator family each. */
export const Purpose = Object.freeze({
  parameter: 1,
  interaction: 2,
  crisis: 3,
  stance: 4,
  bargaining: 5,
  arms: 6,
  reference: 7,
});

/** murmur3 fmix32: a bijective avalanche mix of a 32-bit word. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit FNV-1a hash of a string, finalised with {@link fmix32}. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** The generators of one run. */
export class RunStreams {
  private readonly key: Uint32Array;

  /** Takes four 32-bit words from the run's own stream as its key. */
  constructor(runRng: Rng) {
    this.key = Uint32Array.from({ length: 4 }, () => runRng.int(0, 0xffffffff) >>> 0);
  }

  /** The generator for (purpose, a, b, c); distinct inputs give unrelated 128-bit states. */
  stream(purpose: number, a: number, b: number, c: number): Rng {
    const k = this.key;
    const mix =
      fmix32(fmix32(fmix32(purpose ^ 0x9e3779b9) ^ a) ^ Math.imul(b, 0x27d4eb2f)) ^ fmix32(c + 0x165667b1);
    const s0 = fmix32(k[0]! ^ mix);
    const s1 = fmix32(k[1]! ^ fmix32(mix + 1));
    const s2 = fmix32(k[2]! ^ fmix32(mix + 2));
    let s3 = fmix32(k[3]! ^ fmix32(mix + 3));
    if ((s0 | s1 | s2 | s3) === 0) s3 = 1;
    return Rng.fromState([s0 | 0, s1 | 0, s2 | 0, s3 | 0]);
  }
}
