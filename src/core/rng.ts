/**
 * Seeded random numbers (STACK.md: pure-rand, xoroshiro128+).
 *
 * Models never call `Math.random`; they take an {@link Rng}. Independent
 * streams for replicates or workers come from `jump()`, which advances the
 * generator by 2^64 steps, so streams never overlap in practice.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * MurmurHash3's 32-bit finaliser: spreads a small integer seed over all bits.
 * xoroshiro128+ seeded directly with 0, 1, 2, … starts from nearly-zero states
 * whose first outputs are close to 1 and correlated across seeds.
 */
function mixSeed(seed: number): number {
  let h = seed | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * The seed every command and model uses when none is given (`--seed`): one
 * default, so that the same command with and without `--seed 1` gives the
 * same answer.
 */
export const DEFAULT_SEED = 1;

/** The largest seed: seeds are 32-bit unsigned integers. */
export const MAX_SEED = 0xffffffff;

/** Outputs discarded after seeding, so the state is well mixed before use. */
const WARM_UP_DRAWS = 16;

function seeded(seed: number): JumpableRandomGenerator {
  const gen = xoroshiro128plus(mixSeed(seed));
  for (let k = 0; k < WARM_UP_DRAWS; k++) gen.next();
  return gen;
}

export class Rng {
  private readonly gen: JumpableRandomGenerator;

  private constructor(gen: JumpableRandomGenerator) {
    this.gen = gen;
  }

  /** A generator from a 32-bit integer seed (hashed, then warmed up). */
  static fromSeed(seed: number): Rng {
    return new Rng(seeded(seed));
  }

  /** Resume from a state returned by {@link Rng.state}. */
  static fromState(state: readonly number[]): Rng {
    return new Rng(xoroshiro128plusFromState(state));
  }

  /**
   * `count` independent streams derived from one seed: stream 0 is the seed's
   * generator, stream k is it jumped k times. Same seed, same streams.
   */
  static streams(seed: number, count: number): Rng[] {
    const out: Rng[] = [];
    const base = seeded(seed);
    for (let k = 0; k < count; k++) {
      out.push(new Rng(base.clone() as JumpableRandomGenerator));
      base.jump();
    }
    return out;
  }

  /** Stream `index` of {@link Rng.streams}`(seed, …)`, without building the others. */
  static stream(seed: number, index: number): Rng {
    const gen = seeded(seed);
    for (let k = 0; k < index; k++) gen.jump();
    return new Rng(gen);
  }

  /** The generator's state, for checkpointing. */
  state(): readonly number[] {
    return this.gen.getState();
  }

  /** An independent copy at the same position. */
  clone(): Rng {
    return new Rng(this.gen.clone() as JumpableRandomGenerator);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  next(): number {
    return uniformFloat64(this.gen);
  }

  /** Uniform integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.gen, from, to);
  }

  /** True with probability `p`. */
  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal draw (Box–Muller, one value per call). */
  normal(mean = 0, sd = 1): number {
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
